package web

import (
	"time"

	"github.com/corroborate/corroborate/internal/store"
)

// Charts are drawn as inline SVG by the templates; here they are laid out
// as numbers, so no text from an article ever reaches an SVG attribute.

// chart is a bar chart of a story's articles per day.
type chart struct {
	Width, Height int
	Bars          []bar
}

type bar struct {
	X, Y, W, H int
	Label      string
}

// maxBarWidth is the widest a day's bar is drawn.
const maxBarWidth = 12

// coverageChart lays out a small bar chart of articles per day, from the
// first day to the last.
func coverageChart(days []store.DayCount) chart {
	c := chart{Width: 120, Height: 24}
	if len(days) == 0 {
		return c
	}
	first, err1 := time.Parse("2006-01-02", days[0].Day)
	last, err2 := time.Parse("2006-01-02", days[len(days)-1].Day)
	if err1 != nil || err2 != nil {
		return c
	}
	span := int(last.Sub(first).Hours()/24) + 1
	span = min(span, 60) // a long-running story shows its last two months
	most := 1
	for _, d := range days {
		most = max(most, d.Count)
	}
	// A day is at most a bar's width: a story of one day drawn as a block
	// the chart's width looked like a progress bar, on every such story.
	w := min(max(c.Width/span, 2), maxBarWidth)
	c.Width = span * w
	for _, d := range days {
		day, err := time.Parse("2006-01-02", d.Day)
		if err != nil {
			continue
		}
		i := span - 1 - int(last.Sub(day).Hours()/24)
		if i < 0 {
			continue
		}
		h := max(2, d.Count*c.Height/most)
		c.Bars = append(c.Bars, bar{X: i * w, Y: c.Height - h, W: max(w-1, 1), H: h, Label: dateOf(d.Day).Human + ": " + plural(d.Count, "article")})
	}
	return c
}
