package main

import "testing"

func TestIngestSummary(t *testing.T) {
	tests := []struct {
		added, again, stories, unread int
		want                          string
	}{
		{8, 0, 3, 0, "8 new articles stored, 0 already stored, in 3 stories; 0 inputs could not be read"},
		{1, 1, 1, 1, "1 new article stored, 1 already stored, in 1 story; 1 input could not be read"},
		{0, 2, 0, 2, "0 new articles stored, 2 already stored, in 0 stories; 2 inputs could not be read"},
	}
	for _, tt := range tests {
		if got := ingestSummary(tt.added, tt.again, tt.stories, tt.unread); got != tt.want {
			t.Errorf("ingestSummary(%d, %d, %d, %d) = %q, want %q", tt.added, tt.again, tt.stories, tt.unread, got, tt.want)
		}
	}
}
