package web

import (
	"math"
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
	disputeLabelMax  = 56 // characters of a row's label, so it fits a phone
)

// plotted is a figure's place on the chart's axis, in the axis's unit.
type plotted struct {
	value, low, high float64
	open             bool
}

// newDisputeChart lays out fact f; name says who gives a value. It reports
// false when the values cannot share an axis (units of different
// measures) or there is nothing to compare.
func newDisputeChart(id string, f news.Fact, name func(news.FactValue) string) (disputeChart, bool) {
	c := disputeChart{ID: id, Title: "Disputed: " + f.Subject}
	var standing []news.FactValue
	for _, v := range f.Values {
		if len(v.SupersededBy) == 0 {
			standing = append(standing, v)
		}
	}
	if len(standing) < 2 {
		return c, false
	}
	c.Unit = standing[0].Unit
	// Each figure is placed once: the domain is read from the places, the
	// marks and the description drawn from them.
	type figure struct {
		at    plotted
		was   []news.FactValue // the outlet's earlier figures, oldest first
		wasAt []plotted
	}
	figures := make([]figure, len(standing))
	lo, hi := math.Inf(1), math.Inf(-1)
	widen := func(p plotted) {
		lo, hi = math.Min(lo, p.low), math.Max(hi, p.value)
		if !p.open {
			hi = math.Max(hi, p.high)
		}
	}
	for i, v := range standing {
		p, ok := plot(v, c.Unit)
		if !ok {
			return c, false
		}
		widen(p)
		fig := figure{at: p, was: f.Revisions(v)}
		for _, r := range fig.was {
			rp, ok := plot(r, c.Unit)
			if !ok {
				return c, false
			}
			widen(rp)
			fig.wasAt = append(fig.wasAt, rp)
		}
		figures[i] = fig
	}
	lo, hi, step := niceDomain(lo, hi)
	for _, fig := range figures {
		if fig.at.open && fig.at.low >= hi-step/2 {
			hi += step // room for the bar that says "and more"
			break
		}
	}
	s := linearScale{Lo: lo, Hi: hi, Left: 0.02, Right: 0.98}
	var words []string
	for i, v := range standing {
		fig := figures[i]
		row := disputeRow{LabelY: i*disputeRowHeight + 12, Y: i*disputeRowHeight + 24}
		row.X, row.From, row.To, row.Open = marks(s, fig.at)
		label := name(v) + ": " + v.Text
		said := name(v) + " says " + v.Text + spoken(fig.at, c.Unit)
		var was []string
		for j, r := range fig.was {
			x, from, to, _ := marks(s, fig.wasAt[j])
			row.Was = append(row.Was, wasMark{X: x, From: from, To: to})
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
	for t := lo; t <= hi+step/2; t += step {
		c.Ticks = append(c.Ticks, tick{X: pct(s.at(t)), Label: tickLabel(t, step)})
	}
	if c.Unit != "" {
		c.Ticks[len(c.Ticks)-1].Label += " " + c.Unit
	}
	c.Desc = strings.Join(words, "; ") + "."
	return c, true
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

// marks places a value's dot and, when it allows a range, the bar.
func marks(s linearScale, p plotted) (x, from, to string, open bool) {
	x = pct(s.at(p.value))
	switch {
	case p.open:
		return x, pct(s.at(p.low)), pct(s.Right), true
	case p.low < p.high:
		return x, pct(s.at(p.low)), pct(s.at(p.high)), false
	}
	return x, "", "", false
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

// whoGives names the outlets giving a value, at most two and how many
// more, or its sources' numbers when no outlet is known.
func whoGives(v news.FactValue, cites []int) string {
	switch n := len(v.Outlets); {
	case n > 2:
		return v.Outlets[0] + ", " + v.Outlets[1] + " +" + strconv.Itoa(n-2)
	case n > 0:
		return strings.Join(v.Outlets, ", ")
	}
	if len(cites) == 0 {
		return "a source"
	}
	parts := make([]string, len(cites))
	for i, n := range cites {
		parts[i] = "[" + strconv.Itoa(n) + "]"
	}
	return "source " + strings.Join(parts, "")
}
