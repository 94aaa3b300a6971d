package web

import (
	"testing"

	"github.com/corroborate/corroborate/internal/store"
)

// TestCoverageChart: one bar a day, as wide as the days allow but never a
// block; a story of two months or more shows its last two.
func TestCoverageChart(t *testing.T) {
	tests := []struct {
		name        string
		days        []store.DayCount
		width, bars int
		barWidth    int // of the first bar
	}{
		{"none", nil, 120, 0, 0},
		{"one day", []store.DayCount{{Day: "2025-03-05", Count: 3}}, 12, 1, 11},
		{"two days", []store.DayCount{{Day: "2025-03-05", Count: 3}, {Day: "2025-03-06", Count: 1}}, 24, 2, 11},
		{"a month", []store.DayCount{{Day: "2025-03-01", Count: 1}, {Day: "2025-03-30", Count: 2}}, 120, 2, 3},
		{"a year: its last two months", []store.DayCount{{Day: "2024-03-01", Count: 1}, {Day: "2025-03-01", Count: 2}}, 120, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := coverageChart(tt.days)
			if c.Width != tt.width || len(c.Bars) != tt.bars {
				t.Fatalf("width %d, %d bars; want %d, %d", c.Width, len(c.Bars), tt.width, tt.bars)
			}
			for _, b := range c.Bars {
				if b.X+b.W > c.Width || b.H > c.Height {
					t.Errorf("bar %+v outside the %dx%d chart", b, c.Width, c.Height)
				}
			}
			if tt.bars > 0 && c.Bars[0].W != tt.barWidth {
				t.Errorf("first bar %d wide, want %d", c.Bars[0].W, tt.barWidth)
			}
		})
	}
}
