package web

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// timelineChart places a story's dated events on a time axis. A gap that
// would take most of the axis (a 1997 background event in a 2025 story)
// breaks it, with a mark, so the story's recent events keep their room;
// events too close to tell apart stack above the axis, and a column taller
// than four dots says how many more it holds and names them. Every mark
// links to its event in the list under the chart.
type timelineChart struct {
	Height, AxisY int
	BreakPath     string // the break mark, drawn around each break's X
	Title, Desc   string
	Segments      []segment
	Breaks        []axisBreak
	Columns       []column
	Labels        []axisLabel
}

type segment struct{ X1, X2 string }

type axisBreak struct {
	X, Gap string
}

type axisLabel struct {
	X, Anchor, Text string
	Y               int
	at              float64 // X as a share of the width
}

type column struct {
	X     string
	Dots  []dot
	More  string // "+3" when more events share the column than it shows
	MoreY int
	// MoreTop is the top of the box around More that takes a click or a
	// tap: the two characters alone are a small target.
	MoreTop int
	// Hidden names the events only counted, one a line, and MoreHref
	// leads to the first of them in the list of events under the chart.
	Hidden, MoreHref string
}

// dot is an event drawn; Href leads to it in the list of events.
type dot struct {
	Y           int
	Label, Href string
}

const (
	timelineAxisY    = 60
	timelineDotStep  = 11   // pixels between stacked dots
	timelineStack    = 4    // dots a column shows
	timelineNear     = 0.03 // of the width: dots closer than this stack (8 to 10 px on a phone)
	timelineBreak    = 0.04 // of the width, for each break
	timelineInstant  = 0.10 // of the width, for a part of the axis that is one date
	timelineMaxParts = 4
)

type datedEvent struct {
	at          time.Time
	date, label string
	href        string // the event's place in the list under the chart
}

// eventAnchor is the ID of the n-th event, from 1, in the list of events
// under the chart, where a mark on the chart leads.
func eventAnchor(n int) string { return "event-" + strconv.Itoa(n) }

// newTimelineChart lays out events; it draws nothing for fewer than two
// dated events.
func newTimelineChart(events []news.Event) timelineChart {
	c := timelineChart{AxisY: timelineAxisY, Height: timelineAxisY + 20}
	c.BreakPath = "M-5 " + strconv.Itoa(c.AxisY+7) + " L-1 " + strconv.Itoa(c.AxisY-7) + " M1 " + strconv.Itoa(c.AxisY+7) + " L5 " + strconv.Itoa(c.AxisY-7)
	var all []datedEvent
	for i, e := range events {
		if w := dateOf(e.Date); !w.start.IsZero() {
			all = append(all, datedEvent{w.start, w.Human, w.Human + ": " + e.Text, "#" + eventAnchor(i+1)})
		}
	}
	if len(all) < 2 {
		return c
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	parts := splitAtGaps(all)
	at := layOut(all, parts)
	c.Title = "Timeline: " + plural(len(all), "event") + " from " + all[0].date + " to " + all[len(all)-1].date
	c.Desc = c.Title + ", each listed under the chart."
	for i, p := range parts {
		first, last := all[p[0]], all[p[1]]
		c.Segments = append(c.Segments, segment{X1: pct(at[i][0]), X2: pct(at[i][1])})
		switch {
		case first.at.Equal(last.at):
			// Under its dot, which sits mid-run.
			mid := (at[i][0] + at[i][1]) / 2
			c.Labels = append(c.Labels, axisLabel{X: pct(mid), Anchor: "middle", Text: first.date, at: mid})
		default:
			c.Labels = append(c.Labels, axisLabel{X: pct(at[i][0]), Anchor: "start", Text: first.date, at: at[i][0]},
				axisLabel{X: pct(at[i][1]), Anchor: "end", Text: last.date, at: at[i][1]})
		}
		if i > 0 {
			before := all[parts[i-1][1]]
			gap := humanGap(first.at.Sub(before.at))
			c.Breaks = append(c.Breaks, axisBreak{X: pct((at[i-1][1] + at[i][0]) / 2), Gap: gap + " between " + before.date + " and " + first.date})
			c.Desc += " The axis is broken for the " + gap + " between " + before.date + " and " + first.date + "."
		}
		c.place(all, p, at[i])
	}
	c.rowLabels()
	return c
}

// A date under the axis must clear its neighbours on the narrowest phone
// the page fits, 320 pixels, where the axis is the screen less the page's
// margins, timelineNarrowest pixels, and a character of a label takes up
// to labelCharWidth.
const (
	timelineNarrowest = 280
	labelCharWidth    = 7
	labelRowStep      = 13 // pixels between rows of dates
)

// rowLabels puts each date, left to right, in the first row under the axis
// where it clears the dates before it: a run's first and last dates share
// a row when the run is wide enough for both, as on a desktop, and stack
// when it is not.
func (c *timelineChart) rowLabels() {
	var rowEnds []float64
	for i := range c.Labels {
		l := &c.Labels[i]
		w := float64(len([]rune(l.Text))*labelCharWidth) / timelineNarrowest
		from := l.at
		switch l.Anchor {
		case "middle":
			from -= w / 2
		case "end":
			from -= w
		}
		row := 0
		for row < len(rowEnds) && from < rowEnds[row] {
			row++
		}
		if row == len(rowEnds) {
			rowEnds = append(rowEnds, 0)
		}
		rowEnds[row] = from + w + 0.01 // a little space between dates
		l.Y = c.AxisY + 16 + labelRowStep*row
		c.Height = max(c.Height, l.Y+5)
	}
}

// splitAtGaps divides the events, in time order, into runs of the axis:
// a gap breaks it when it is more than twice as long as the rest of its
// run, since drawn to scale it would leave the other events under a third
// of the room; not when they are all on one date, which nothing squeezes. The longest such gap breaks first, into at most four runs.
// Each run is the indexes of its first and last event.
func splitAtGaps(all []datedEvent) [][2]int {
	parts := [][2]int{{0, len(all) - 1}}
	for len(parts) < timelineMaxParts {
		best, at, longest := -1, 0, time.Duration(0)
		for i, p := range parts {
			span := all[p[1]].at.Sub(all[p[0]].at)
			for k := p[0]; k < p[1]; k++ {
				gap := all[k+1].at.Sub(all[k].at)
				if rest := span - gap; rest > 0 && gap > 2*rest && gap > longest {
					best, at, longest = i, k, gap
				}
			}
		}
		if best < 0 {
			return parts
		}
		p := parts[best]
		parts = append(parts[:best], append([][2]int{{p[0], at}, {at + 1, p[1]}}, parts[best+1:]...)...)
	}
	return parts
}

// layOut gives each run its share of the width, left to right: a run of
// one date a fixed share, the others the rest equally, with room for a
// break mark between runs.
func layOut(all []datedEvent, parts [][2]int) [][2]float64 {
	instant := func(p [2]int) bool { return all[p[0]].at.Equal(all[p[1]].at) }
	const left, right = 0.01, 0.99
	free := right - left - timelineBreak*float64(len(parts)-1)
	instants := 0
	for _, p := range parts {
		if instant(p) {
			instants++
		}
	}
	instantWidth, runWidth := free/float64(len(parts)), 0.0
	if instants < len(parts) {
		instantWidth = math.Min(timelineInstant, free/float64(len(parts)))
		runWidth = (free - instantWidth*float64(instants)) / float64(len(parts)-instants)
	}
	out := make([][2]float64, len(parts))
	x := left
	for i, p := range parts {
		w := runWidth
		if instant(p) {
			w = instantWidth
		}
		out[i] = [2]float64{x, x + w}
		x += w + timelineBreak
	}
	return out
}

// place puts the events of one run on its stretch of the axis, stacking
// those too close to tell apart.
func (c *timelineChart) place(all []datedEvent, p [2]int, stretch [2]float64) {
	from, to := all[p[0]].at, all[p[1]].at
	var last float64
	hidden := 0
	for k := p[0]; k <= p[1]; k++ {
		x := (stretch[0] + stretch[1]) / 2
		if to.After(from) {
			x = stretch[0] + (stretch[1]-stretch[0])*float64(all[k].at.Sub(from))/float64(to.Sub(from))
		}
		n := len(c.Columns)
		if k == p[0] || x-last >= timelineNear {
			c.Columns = append(c.Columns, column{X: pct(x)})
			last, hidden, n = x, 0, n+1
		}
		col := &c.Columns[n-1]
		if len(col.Dots) < timelineStack {
			col.Dots = append(col.Dots, dot{Y: c.AxisY - 6 - timelineDotStep*len(col.Dots), Label: all[k].label, Href: all[k].href})
			continue
		}
		hidden++
		col.More, col.MoreY = "+"+strconv.Itoa(hidden), c.AxisY-6-timelineDotStep*timelineStack+4
		col.MoreTop = col.MoreY - 12
		if hidden == 1 {
			col.MoreHref, col.Hidden = all[k].href, "Not drawn here:"
		}
		col.Hidden += "\n" + all[k].label
	}
}

// humanGap says how long a break in the axis is: "26 years", "15 months".
func humanGap(d time.Duration) string {
	days := d.Hours() / 24
	switch {
	case days >= 730:
		return plural(int(math.Round(days/365.25)), "year")
	case days >= 60:
		return plural(int(math.Round(days/30.44)), "month")
	case days >= 2:
		return plural(int(math.Round(days)), "day")
	}
	return plural(max(1, int(math.Round(d.Hours()))), "hour")
}
