package cluster

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestNearest(t *testing.T) {
	// Stories placed where they are, as a store replays them: a, and b and
	// c, which share less and less of a's terms; d with nothing in common;
	// e like a but dated beyond MaxGap; f like a, then split in two.
	c := New(DefaultOptions())
	for _, p := range []struct {
		story string
		doc   Doc
	}{
		{"a", Doc{ID: "a1", Time: day, Terms: terms(1, 2, 3, 4, 5, 6)}},
		{"a", Doc{ID: "a2", Time: day, Terms: terms(1, 2, 3, 4, 5, 7)}},
		{"b", Doc{ID: "b1", Time: day, Terms: terms(1, 2, 3, 4, 20, 21)}},
		{"c", Doc{ID: "c1", Time: day, Terms: terms(1, 2, 30, 31, 32, 33)}},
		{"d", Doc{ID: "d1", Time: day, Terms: terms(40, 41, 42, 43)}},
		{"e", Doc{ID: "e1", Time: day.Add(30 * 24 * time.Hour), Terms: terms(1, 2, 3, 4, 5, 6)}},
		{"f", Doc{ID: "f1", Time: day, Terms: terms(1, 2, 3, 50, 51, 52)}},
		{"f", Doc{ID: "f2", Time: day, Terms: terms(1, 2, 3, 50, 51, 53)}},
	} {
		c.Assign(p.doc, p.story)
	}
	f2, err := c.Split("f", []Doc{{ID: "f1", Time: day, Terms: terms(1, 2, 3, 50, 51, 52)}}, []Doc{{ID: "f2", Time: day, Terms: terms(1, 2, 3, 50, 51, 53)}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, story string
		n           int
		want        []string
		wantErr     error
	}{
		{"most alike first, nothing shared left out", "a", 10, []string{"b", "f", f2, "c"}, nil},
		{"at most n", "a", 2, []string{"b", "f"}, nil},
		{"none asked", "a", 0, nil, nil},
		{"a split's parts are not each other's", "f", 10, []string{"a", "b", "c"}, nil},
		{"nothing in common", "d", 10, nil, nil},
		{"beyond MaxGap", "e", 10, nil, nil},
		{"an unknown story", "nope", 10, nil, ErrUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			near, err := c.Nearest(tt.story, tt.n)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Nearest(%s) error %v, want %v", tt.story, err, tt.wantErr)
			}
			var ids []string
			for i, nb := range near {
				ids = append(ids, nb.ID)
				if nb.Similarity <= 0 || nb.Similarity > 1+1e-9 || i > 0 && nb.Similarity > near[i-1].Similarity {
					t.Errorf("Nearest(%s): similarities %v, want descending in (0, 1]", tt.story, near)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("Nearest(%s, %d) = %v, want %v", tt.story, tt.n, near, tt.want)
			}
		})
	}
	// Looking changes nothing.
	if before := grouped(c); len(before) != 7 {
		t.Errorf("%d stories after the searches, want 7", len(before))
	}
}
