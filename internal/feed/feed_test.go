package feed

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/golden"
	"github.com/corroborate/corroborate/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden parses every feed in testdata and compares it with the
// feed's -result file.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*", *update, func(t *testing.T, _ string, data []byte) any {
		f, err := Parse(data)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		return f
	})
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"empty", " \n", news.ErrEmpty},
		{"plain text", "This is not a feed.", news.ErrFormat},
		{"html page", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", news.ErrFormat},
		{"other json", `{"name": "not a feed"}`, news.ErrFormat},
		{"truncated xml", `<rss version="2.0"><channel><title>x</title><item><title>y`, nil},
		{"broken json", `{"version": "https://jsonfeed.org/version/1", "items": [`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Parse() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Wed, 5 Mar 2025 07:30:00 +0100", "2025-03-05T07:30:00+01:00"},
		{"Thu, 06 Mar 2025 18:00:00 GMT", "2025-03-06T18:00:00Z"},
		{"Thu, 06 Mar 2025 18:00 +0000", "2025-03-06T18:00:00Z"},
		{"2025-03-05T06:00:00.123+01:00", "2025-03-05T06:00:00+01:00"},
		{"2025-03-05", "2025-03-05"},
		{"last Tuesday", ""},
	}
	for _, tt := range tests {
		got, _ := parseDate(tt.in)
		if got.String() != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err == nil && feed == nil {
			t.Error("no error and no feed")
		}
	})
}
