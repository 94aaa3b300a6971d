package eval

import (
	"math"
	"testing"
)

func TestCeiling(t *testing.T) {
	tests := []struct {
		name    string
		gold    []string
		keys    []string
		dropped []bool
		want    float64 // B-cubed F1
	}{
		{"nothing alike", []string{"a", "a", "b"}, []string{"", "", ""}, []bool{false, false, false}, 1},
		{"alike within one label", []string{"a", "a", "b"}, []string{"x", "x", ""}, []bool{false, false, false}, 1},
		// a1 and b1 are one text: best is to leave them with a (or b),
		// costing b1's precision and recall.
		{"alike across labels", []string{"a", "a", "a", "b", "b", "b"}, []string{"x", "", "", "x", "", ""},
			[]bool{false, false, false, false, false, false}, Score([]string{"a", "a", "a", "b", "b", "b"}, []string{"a", "a", "a", "a", "b", "b"}).BCubedF1},
		// Three placeholders under three labels: with a's story (0.622)
		// beats a story of their own (0.571).
		{"placeholders", []string{"a", "a", "b", "b", "c", "c"}, []string{"x", "", "x", "", "x", ""},
			[]bool{false, false, false, false, false, false}, Score([]string{"a", "a", "b", "b", "c", "c"}, []string{"a", "a", "a", "b", "a", "c"}).BCubedF1},
		{"dropped stays alone", []string{"a", "a"}, []string{"", ""}, []bool{false, true}, Score([]string{"a", "a"}, []string{"a", "z"}).BCubedF1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ceiling(tt.gold, tt.keys, tt.dropped).BCubedF1
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Ceiling F1 = %.4f, want %.4f", got, tt.want)
			}
			if got > 1 {
				t.Errorf("Ceiling F1 = %.4f above 1", got)
			}
		})
	}
}
