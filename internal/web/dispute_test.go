package web

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func high(x float64) *float64 { return &x }

// ferry is a disputed toll from three outlets, one of which revised its
// figure: "at least 20", "Fifteen" (was "Twelve") and "about 32".
func ferry() news.Fact {
	return news.Fact{Subject: "dead people", Conflict: true, Voices: 3, Values: []news.FactValue{
		{Value: 20, Low: 20, Text: "at least 20 people", Qualifier: "at least", Sources: []string{"g"}, Outlets: []string{"Harbour Gazette"}, AttributedTo: "coastguard"},
		{Value: 15, Low: 15, High: high(15), Text: "Fifteen people", Sources: []string{"p2"}, Outlets: []string{"Northern Post"}, UpdatedFrom: []string{"Twelve people"}},
		{Value: 32, Low: 30.4, High: high(33.6), Text: "about 32 people", Qualifier: "about", Sources: []string{"r"}, Outlets: []string{"Coast Radio"}},
		{Value: 12, Low: 12, High: high(12), Text: "Twelve people", Sources: []string{"p1"}, Outlets: []string{"Northern Post"}, SupersededBy: []string{"p2"}},
	}}
}

func byOutlet(v news.FactValue) string { return whoGives(v.Outlets, nil) }

// TestDisputeChartGolden: the SVG of a disputed figure, as the story page
// draws it; review a change with -update and git diff.
func TestDisputeChartGolden(t *testing.T) {
	charts := newDisputeCharts("dispute-1", ferry(), byOutlet)
	if len(charts) != 1 {
		t.Fatalf("%d charts for three outlets' figures, want 1", len(charts))
	}
	checkGolden(t, "dispute-ferry.svg", "dispute", charts[0])
}

// TestDisputeChart: every figure has a row, on one axis or, in units of
// different measures, one per measure; every mark lands on the axis, the
// figures keep their order along it, and the description says every
// figure in words.
func TestDisputeChart(t *testing.T) {
	point := func(outlet string, v float64) news.FactValue {
		return news.FactValue{Value: v, Low: v, High: high(v), Text: strconv.FormatFloat(v, 'f', -1, 64), Outlets: []string{outlet}}
	}
	measure := func(outlet string, v float64, unit string) news.FactValue {
		f := point(outlet, v)
		f.Unit, f.Text = unit, f.Text+" "+unit
		return f
	}
	atLeast := point("C", 35)
	atLeast.High, atLeast.Text = nil, "at least 35"
	tests := []struct {
		name   string
		values []news.FactValue
		rows   string // rows per chart, "" for no chart
		open   int    // rows with no upper bound
	}{
		{"one value: nothing to compare", []news.FactValue{point("A", 5)}, "", 0},
		{"equal values", []news.FactValue{point("A", 7), point("B", 7)}, "2", 0},
		{"zero and equal", []news.FactValue{point("A", 0), point("B", 0)}, "2", 0},
		{"negative values", []news.FactValue{point("A", -20), point("B", -5), point("C", 3)}, "3", 0},
		{"huge range", []news.FactValue{point("A", 5), point("B", 5e9)}, "2", 0},
		{"tiny difference", []news.FactValue{point("A", 1.0001), point("B", 1.0002)}, "2", 0},
		{"open-ended", []news.FactValue{point("A", 20), point("B", 25), atLeast}, "3", 1},
		{"open-ended only", []news.FactValue{atLeast, atLeast}, "2", 2},
		{"open-ended on a log axis", []news.FactValue{point("A", 0.2), point("B", 25), atLeast}, "3", 1},
		{"units of one measure", []news.FactValue{measure("A", 70, "mph"), measure("B", 150, "km/h")}, "2", 0},
		{"units of different measures", []news.FactValue{measure("A", 70, "mph"), measure("B", 150, "kg")}, "1 1", 0},
		{"two measures, one given twice", []news.FactValue{measure("A", 70, "mph"), measure("B", 150, "kg"), measure("C", 120, "km/h")}, "2 1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			charts := newDisputeCharts("d", news.Fact{Subject: "x", Conflict: true, Values: tt.values}, byOutlet)
			var rows []string
			ids := map[string]bool{}
			for _, c := range charts {
				rows = append(rows, strconv.Itoa(len(c.Rows)))
				ids[c.ID] = true
			}
			if got := strings.Join(rows, " "); got != tt.rows {
				t.Fatalf("rows per chart %q, want %q", got, tt.rows)
			}
			if len(ids) != len(charts) {
				t.Errorf("chart IDs %v repeat: aria-labelledby would name another chart's title", ids)
			}
			open, desc := 0, ""
			for _, c := range charts {
				open += checkAxis(t, c, tt.values)
				desc += c.Desc
			}
			if open != tt.open {
				t.Errorf("%d rows open-ended, want %d", open, tt.open)
			}
			for _, v := range tt.values {
				if len(charts) > 0 && !strings.Contains(desc, v.Text) {
					t.Errorf("descriptions %q do not give %q", desc, v.Text)
				}
			}
		})
	}
}

// checkAxis checks that chart c's marks are on its axis in the order of
// their values, and returns how many rows are open-ended.
func checkAxis(t *testing.T, c disputeChart, values []news.FactValue) int {
	t.Helper()
	if len(c.Ticks) < 2 {
		t.Errorf("%d ticks", len(c.Ticks))
	}
	last, open := math.Inf(-1), 0
	for i, r := range c.Rows {
		for _, x := range []string{r.X, r.From, r.To} {
			if x != "" && (share(t, x) < 0 || share(t, x) > 1) {
				t.Errorf("row %d: mark at %s, off the axis", i, x)
			}
		}
		if r.Open {
			open++
			if r.To != pct(0.98) {
				t.Errorf("row %d: open range ends at %s, not the axis's end", i, r.To)
			}
			if share(t, r.From) >= share(t, r.To) {
				t.Errorf("row %d: open range from %s to %s has no length", i, r.From, r.To)
			}
		}
		// Values that stand come in the order given; where they
		// increase, so must their dots.
		v := valueIn(t, c.Rows[i].Label, values)
		if i > 0 && v > valueIn(t, c.Rows[i-1].Label, values) && share(t, r.X) <= last {
			t.Errorf("row %d at %s is not right of the row before", i, r.X)
		}
		last = share(t, r.X)
	}
	return open
}

// valueIn finds the value a row's label gives, in km/h when it is a speed.
func valueIn(t *testing.T, label string, values []news.FactValue) float64 {
	t.Helper()
	for _, v := range values {
		if strings.HasSuffix(label, ": "+v.Text) {
			return valueOf(v)
		}
	}
	t.Fatalf("row %q gives none of the values", label)
	return 0
}

func valueOf(v news.FactValue) float64 {
	if x, ok := plot(v, "km/h"); ok && v.Unit != "" {
		return x.value
	}
	return v.Value
}

func share(t *testing.T, x string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(strings.TrimSuffix(x, "%"), 64)
	if err != nil {
		t.Fatalf("coordinate %q: %v", x, err)
	}
	return f / 100
}

// TestDisputeRevisions: an outlet's earlier figure is a "was" mark on the
// row of the figure that replaced it, said in the label and description.
func TestDisputeRevisions(t *testing.T) {
	c := newDisputeCharts("d", ferry(), byOutlet)[0]
	if len(c.Rows) != 3 {
		t.Fatalf("%d rows, want 3: a revision is not a source", len(c.Rows))
	}
	post := c.Rows[1]
	if len(post.Was) != 1 || share(t, post.Was[0].X) >= share(t, post.X) {
		t.Errorf("Northern Post's row: was-marks %+v beside its dot at %s", post.Was, post.X)
	}
	if !strings.Contains(post.Label, "was Twelve people") || !strings.Contains(c.Desc, "earlier said Twelve people") {
		t.Errorf("label %q, description %q", post.Label, c.Desc)
	}
	for _, r := range []disputeRow{c.Rows[0], c.Rows[2]} {
		if len(r.Was) != 0 {
			t.Errorf("row %q has another outlet's revision", r.Label)
		}
	}
}

// TestNiceDomain: round ends around the values and a round step, with
// room made around a single value.
func TestNiceDomain(t *testing.T) {
	tests := []struct {
		lo, hi             float64
		wantLo, wantHi, st float64
	}{
		{12, 33.6, 10, 40, 10},
		{7, 7, 6, 8, 0.5},
		{0, 0, -1, 1, 0.5},
		{-20, 3, -20, 10, 10},
		{5, 5e9, 0, 6e9, 2e9},
		{1.0001, 1.0002, 1.0001, 1.0002, 0.00005},
	}
	for _, tt := range tests {
		lo, hi, step := niceDomain(tt.lo, tt.hi)
		if math.Abs(lo-tt.wantLo) > 1e-9 || math.Abs(hi-tt.wantHi) > 1e-9 || math.Abs(step-tt.st) > 1e-12 {
			t.Errorf("niceDomain(%v, %v) = %v, %v, %v; want %v, %v, %v", tt.lo, tt.hi, lo, hi, step, tt.wantLo, tt.wantHi, tt.st)
		}
	}
}

// TestTickLabel: ticks read as an axis writes them.
func TestTickLabel(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0, 5, "0"}, {35, 5, "35"}, {2500, 500, "2500"}, {12500, 2500, "12.5k"},
		{250000, 50000, "250k"}, {1.5e6, 5e5, "1.5m"}, {5e9, 1e9, "5bn"},
		{0.25, 0.05, "0.25"}, {-20, 5, "-20"}, {1.00015, 0.00005, "1.00015"},
	}
	for _, tt := range tests {
		if got := tickLabel(tt.v, tt.step); got != tt.want {
			t.Errorf("tickLabel(%v, %v) = %q, want %q", tt.v, tt.step, got, tt.want)
		}
	}
}

// repairs is a cost three outlets give a thousand-fold apart.
func repairs() news.Fact {
	cost := func(outlet string, v float64, text string) news.FactValue {
		return news.FactValue{Value: v, Low: v, High: high(v), Text: text, Outlets: []string{outlet}}
	}
	return news.Fact{Subject: "repairs", Conflict: true, Voices: 3, Values: []news.FactValue{
		cost("Harbour Gazette", 2e6, "$2 million"), cost("Northern Post", 2e9, "$2 billion"), cost("Coast Radio", 2000, "$2,000"),
	}}
}

// TestDisputeLogAxisGolden: figures a thousand-fold apart, on a log axis
// that says so.
func TestDisputeLogAxisGolden(t *testing.T) {
	checkGolden(t, "dispute-repairs.svg", "dispute", newDisputeCharts("dispute-1", repairs(), byOutlet)[0])
}

// TestDisputeAxis: figures spread wide sit on a log axis, equal ratios
// equally far apart, and the axis says it is one; others stay linear,
// equal differences equally far apart.
func TestDisputeAxis(t *testing.T) {
	point := func(v float64) news.FactValue {
		return news.FactValue{Value: v, Low: v, High: high(v), Text: strconv.FormatFloat(v, 'f', -1, 64), Outlets: []string{"A"}}
	}
	upTo := point(20)
	upTo.Low = 0
	tests := []struct {
		name   string
		values []news.FactValue
		log    bool
		ticks  string
	}{
		{"a thousand-fold apart", repairs().Values, true, "100|10k|1m|100m|10bn"},
		{"eighty-fold: linear", []news.FactValue{point(5), point(200), point(400)}, false, "0|100|200|300|400"},
		{"a hundred-fold", []news.FactValue{point(6), point(60), point(600)}, true, "1|10|100|1000"},
		{"below zero: linear", []news.FactValue{point(-5), point(5e3), point(1e4)}, false, "-5000|0|5000|10k"},
		{"a range from zero: linear", []news.FactValue{upTo, point(1e3), point(2e3)}, false, "0|500|1000|1500|2000"},
		{"fractions", []news.FactValue{point(0.002), point(0.2), point(20)}, true, "0.001|0.01|0.1|1|10|100"},
		{"counts a few apart", []news.FactValue{point(3), point(4), point(5)}, false, "3|4|5"},
		{"fractions a few apart", []news.FactValue{point(3), point(3.5), point(4)}, false, "3|3.5|4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newDisputeCharts("d", news.Fact{Subject: "x", Conflict: true, Values: tt.values}, byOutlet)[0]
			var ticks []string
			for _, tk := range c.Ticks {
				ticks = append(ticks, tk.Label)
			}
			if got := strings.Join(ticks, "|"); got != tt.ticks {
				t.Errorf("ticks %q, want %q", got, tt.ticks)
			}
			if tt.log != strings.Contains(c.Note, "log scale") {
				t.Errorf("note %q; log axis: %v", c.Note, tt.log)
			}
			if tt.log && c.NoteY+5 > c.Height {
				t.Errorf("note at y=%d below the chart's %d", c.NoteY, c.Height)
			}
			// The last three figures are evenly spaced: by ratio on a log
			// axis, by difference on a linear one.
			n := len(c.Rows)
			a, b, d := share(t, c.Rows[n-3].X), share(t, c.Rows[n-2].X), share(t, c.Rows[n-1].X)
			x, y, z := valueOf(tt.values[n-3]), valueOf(tt.values[n-2]), valueOf(tt.values[n-1])
			want := (z - y) / (y - x)
			if tt.log {
				want = math.Log(z/y) / math.Log(y/x)
			}
			if got := (d - b) / (b - a); math.Abs(got-want) > 0.02 {
				t.Errorf("dots at %.3f, %.3f, %.3f: gaps in ratio %.3f, want %.3f", a, b, d, got, want)
			}
		})
	}
}
