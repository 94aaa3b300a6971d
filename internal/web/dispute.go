package web

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
)

// disputeChart draws one disputed figure as a dot plot: a row per figure
// that stands, named by who gives it, on one axis shared by all of them, a
// range drawn as a bar and an open end ("at least 20") as a bar running
// off the axis. An outlet's earlier figures are faded "was" marks on its
// row, joined to the figure that replaced them: its history, not another
// source.
type disputeChart struct {
	ID          string // prefix of the element IDs aria-labelledby names
	Height      int
	AxisY       int
	TickY       int
	Unit        string
	Title, Desc string
	Rows        []disputeRow
	Ticks       []tick
	// Note says how to read an axis that is not linear, under its ticks.
	Note  string
	NoteY int
}

type disputeRow struct {
	Label     string
	LabelY, Y int
	X         string // the figure as written
	From, To  string // its range, when it has one
	Open      bool   // no upper bound: the bar runs off the axis
	Was       []wasMark
}

type wasMark struct {
	X, From, To string
}

type tick struct {
	X, Label string
}

const (
	disputeRowHeight = 34
	disputeAxisSpace = 22
	disputeLabelMax  = 50 // characters of a row's label, so it fits a phone
)

// plotted is a figure's place on the chart's axis, in the axis's unit.
type plotted struct {
	value, low, high float64
	open             bool
}

// newDisputeCharts draws fact f's values that stand: one chart when they
// share an axis, else one per measure ("70 mph" beside "150 kg"), so that
// every disputed figure has its picture. None when fewer than two stand.
func newDisputeCharts(id string, f news.Fact, name func(news.FactValue) string) []disputeChart {
	var standing []news.FactValue
	for _, v := range f.Values {
		if len(v.SupersededBy) == 0 {
			standing = append(standing, v)
		}
	}
	if len(standing) < 2 {
		return nil
	}
	groups := byMeasure(standing)
	var charts []disputeChart
	for i, g := range groups {
		c := disputeChart{ID: id, Title: "Disputed: " + f.Subject, Unit: g[0].Unit}
		if len(groups) > 1 {
			c.ID += "-" + strconv.Itoa(i+1)
			if c.Unit != "" {
				c.Title += ", in " + c.Unit
			}
		}
		if c.layOut(f, g, name) {
			charts = append(charts, c)
		}
	}
	return charts
}

// byMeasure groups values by the axis they can share: each group's values
// convert to the unit of its first.
func byMeasure(values []news.FactValue) [][]news.FactValue {
	var groups [][]news.FactValue
next:
	for _, v := range values {
		for i, g := range groups {
			if _, ok := plot(v, g[0].Unit); ok {
				groups[i] = append(g, v)
				continue next
			}
		}
		groups = append(groups, []news.FactValue{v})
	}
	return groups
}

// layOut places values, all of one measure, on the chart's axis in the
// chart's unit; name says who gives a value. It reports false when a value
// cannot be placed.
func (c *disputeChart) layOut(f news.Fact, values []news.FactValue, name func(news.FactValue) string) bool {
	// Each figure is placed once: the domain is read from the places, the
	// marks and the description drawn from them.
	type figure struct {
		at    plotted
		was   []news.FactValue // the outlet's earlier figures, oldest first
		wasAt []plotted        // where those in this measure go
	}
	figures := make([]figure, len(values))
	var all []plotted
	for i, v := range values {
		p, ok := plot(v, c.Unit)
		if !ok {
			return false
		}
		fig := figure{at: p, was: f.Revisions(v)}
		for _, r := range fig.was {
			if rp, ok := plot(r, c.Unit); ok {
				fig.wasAt = append(fig.wasAt, rp)
			}
		}
		all = append(all, append([]plotted{p}, fig.wasAt...)...)
		figures[i] = fig
	}
	ax := newValueAxis(all)
	var words []string
	for i, v := range values {
		fig := figures[i]
		row := disputeRow{LabelY: i*disputeRowHeight + 12, Y: i*disputeRowHeight + 24}
		row.X, row.From, row.To, row.Open = ax.marks(fig.at)
		label := name(v) + ": " + v.Text
		said := name(v) + " says " + v.Text + spoken(fig.at, c.Unit)
		for _, rp := range fig.wasAt {
			x, from, to, _ := ax.marks(rp)
			row.Was = append(row.Was, wasMark{X: x, From: from, To: to})
		}
		var was []string
		for _, r := range fig.was {
			was = append(was, r.Text)
		}
		if len(was) > 0 {
			label += " (was " + strings.Join(was, ", ") + ")"
			said += ", having earlier said " + strings.Join(was, ", then ")
		}
		if v.AttributedTo != "" {
			said += ", according to " + v.AttributedTo
		}
		row.Label = shorten(label, disputeLabelMax)
		c.Rows = append(c.Rows, row)
		words = append(words, said)
	}
	c.AxisY = len(c.Rows) * disputeRowHeight
	c.TickY = c.AxisY + 14
	c.Height = c.AxisY + disputeAxisSpace
	c.Ticks = ax.ticks
	if c.Unit != "" {
		c.Ticks[len(c.Ticks)-1].Label += " " + c.Unit
	}
	if ax.log {
		c.Note = "log scale: each gridline ×" + trimNumber(math.Pow(10, ax.step), 1)
		c.NoteY = c.TickY + 15
		c.Height += 15
	}
	c.Desc = strings.Join(words, "; ") + "."
	return true
}

// plot places a value on an axis in unit, converting a measure given in
// another unit of its kind.
func plot(v news.FactValue, unit string) (plotted, bool) {
	p := plotted{value: v.Value, low: v.Low, high: v.Value, open: v.High == nil}
	if v.High != nil {
		p.high = *v.High
	}
	from := v.Unit
	if from == "" {
		from = unit
	}
	for _, x := range []*float64{&p.value, &p.low, &p.high} {
		y, ok := compare.Convert(*x, from, unit)
		if !ok || math.IsNaN(y) || math.IsInf(y, 0) {
			return p, false
		}
		*x = y
	}
	p.low = math.Min(p.low, p.value)
	p.high = math.Max(p.high, p.value)
	return p, true
}

// spoken is a value's range in words, for the chart's description.
func spoken(p plotted, unit string) string {
	switch {
	case p.open:
		return " (" + spokenNumber(p.low) + " or more" + inUnit(unit) + ")"
	case p.low < p.high:
		return " (" + spokenNumber(p.low) + " to " + spokenNumber(p.high) + inUnit(unit) + ")"
	}
	return ""
}

// spokenNumber writes x to four significant digits: 22.8, 1500, 250,000.
func spokenNumber(x float64) string {
	if x == 0 {
		return "0"
	}
	place := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-3)
	return trimNumber(math.Round(x/place)*place, math.Max(place, 1e-9))
}

func inUnit(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}

// shorten cuts s to n characters at a word, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// whoGives names who gives a value: its outlets and, together, the
// numbers of its sources whose outlet is unknown; at most two names and
// how many more.
func whoGives(outlets []string, unknown []int) string {
	names := slices.Clone(outlets)
	if len(unknown) > 0 {
		var b strings.Builder
		b.WriteString("source ")
		for _, n := range unknown {
			b.WriteString("[" + strconv.Itoa(n) + "]")
		}
		names = append(names, b.String())
	}
	switch n := len(names); {
	case n > 2:
		return names[0] + ", " + names[1] + " +" + strconv.Itoa(n-2)
	case n > 0:
		return strings.Join(names, ", ")
	}
	return "a source"
}
