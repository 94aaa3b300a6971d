package web

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func eventsOn(dates ...string) []news.Event {
	var events []news.Event
	for _, d := range dates {
		events = append(events, news.Event{Date: d, Text: "x"})
	}
	return events
}

// hostageTalks are the seed story's event dates: a 1997 background event
// before a story of 2023–2025.
var hostageTalks = []string{"1997", "2023-10-07", "2023-10-07", "2025-01", "2025-01", "2025-01-19", "2025-02", "2025-03", "2025-03", "2025-03", "2025-W10", "2025-03-04", "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05"}

// TestTimelineChartGolden: the dot strip of the seed story, as drawn.
func TestTimelineChartGolden(t *testing.T) {
	checkGolden(t, "timeline-gap.svg", "timeline", newTimelineChart(eventsOn(hostageTalks...)))
}

// TestTimelineChart: a gap that would take most of the axis breaks it,
// the recent events keep most of the width, and events too close to tell
// apart stack, counted past four.
func TestTimelineChart(t *testing.T) {
	tests := []struct {
		name       string
		dates      []string
		breaks     int
		dots, more int    // dots drawn, events only counted
		labels     string // the dates under the axis
	}{
		{"one event: no chart", []string{"2025-03-05"}, 0, 0, 0, ""},
		{"days", []string{"2025-03-04", "2025-03-05"}, 0, 2, 0, "4 Mar 2025|5 Mar 2025"},
		{"unreadable dates are left off", []string{"2025-03-04", "soon", "2025-03-06"}, 0, 2, 0, "4 Mar 2025|6 Mar 2025"},
		{"even gaps: no break", []string{"2025-03-01", "2025-03-10", "2025-03-20"}, 0, 3, 0, "1 Mar 2025|20 Mar 2025"},
		{"25 years apart", []string{"2000-01-01", "2025-03-01", "2025-03-10", "2025-03-20"}, 1, 4, 0, "1 Jan 2000|1 Mar 2025|20 Mar 2025"},
		{"two long gaps", hostageTalks, 2, 15, 1, "1997|7 Oct 2023|January 2025|5 Mar 2025"},
		{"all on one day", []string{"2025-03-05", "2025-03-05", "2025-03-05"}, 0, 3, 0, "5 Mar 2025"},
		{"six on one day", []string{"2025-03-01", "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05"}, 0, 5, 2, "1 Mar 2025|5 Mar 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTimelineChart(eventsOn(tt.dates...))
			dots, more := 0, 0
			for _, col := range c.Columns {
				dots += len(col.Dots)
				if col.More != "" {
					more += int(col.More[1] - '0')
				}
				for _, d := range col.Dots {
					if d.Y-5 < 0 || d.Y+5 > c.AxisY {
						t.Errorf("dot at y=%d leaves the space above the axis", d.Y)
					}
				}
				if x := share(t, col.X); x < 0 || x > 1 {
					t.Errorf("column at %s", col.X)
				}
			}
			var labels []string
			for _, l := range c.Labels {
				labels = append(labels, l.Text)
				if l.Y > c.Height {
					t.Errorf("label %q below the chart", l.Text)
				}
			}
			if len(c.Breaks) != tt.breaks || dots != tt.dots || more != tt.more || strings.Join(labels, "|") != tt.labels {
				t.Errorf("%d breaks, %d dots, %d more, labels %q; want %d, %d, %d, %q", len(c.Breaks), dots, more, strings.Join(labels, "|"), tt.breaks, tt.dots, tt.more, tt.labels)
			}
		})
	}
}

// TestTimelineRecentRoom: after a 25-year gap, the last month's events
// spread over most of the axis instead of a cluster at its end.
func TestTimelineRecentRoom(t *testing.T) {
	c := newTimelineChart(eventsOn("2000-01-01", "2025-03-01", "2025-03-10", "2025-03-20"))
	if len(c.Columns) != 4 {
		t.Fatalf("%d columns, want one an event", len(c.Columns))
	}
	if spread := share(t, c.Columns[3].X) - share(t, c.Columns[1].X); spread < 0.6 {
		t.Errorf("March 2025 spans %.2f of the axis", spread)
	}
	if !strings.Contains(c.Desc, "25 years between 1 Jan 2000 and 1 Mar 2025") {
		t.Errorf("description %q does not say where the axis breaks", c.Desc)
	}
}
