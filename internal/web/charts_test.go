package web

import (
	"testing"

	"github.com/corroborate/corroborate/internal/news"
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

// TestTimelineChart: events sit on the axis between its ends, which are
// labelled with the first and last days as the pages write dates.
func TestTimelineChart(t *testing.T) {
	tests := []struct {
		name     string
		dates    []string
		from, to string
		points   int
	}{
		{"one event: no chart", []string{"2025-03-05"}, "", "", 0},
		{"days", []string{"2025-03-04", "2025-03-05"}, "4 Mar 2025", "5 Mar 2025", 2},
		{"partial dates", []string{"1997", "2025-01", "2025-W10", "2025-03-05"}, "1997", "5 Mar 2025", 4},
		{"unreadable dates are left off", []string{"2025-03-04", "soon", "2025-03-06"}, "4 Mar 2025", "6 Mar 2025", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var events []news.Event
			for _, d := range tt.dates {
				events = append(events, news.Event{Date: d, Text: "x"})
			}
			c := newTimelineChart(events)
			if c.From != tt.from || c.To != tt.to || len(c.Points) != tt.points {
				t.Fatalf("from %q to %q, %d points; want %q, %q, %d", c.From, c.To, len(c.Points), tt.from, tt.to, tt.points)
			}
			for _, p := range c.Points {
				if p.X < 10 || p.X > c.AxisEnd || c.AxisEnd > c.Width || p.Y >= c.LabelY-10 || c.LabelY > c.Height {
					t.Errorf("point %+v off the axis 10–%d or over the labels at %d (chart %dx%d)", p, c.AxisEnd, c.LabelY, c.Width, c.Height)
				}
			}
		})
	}
}
