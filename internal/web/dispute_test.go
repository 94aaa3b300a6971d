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

func byOutlet(v news.FactValue) string { return whoGives(v, nil) }

// TestDisputeChartGolden: the SVG of a disputed figure, as the story page
// draws it; review a change with -update and git diff.
func TestDisputeChartGolden(t *testing.T) {
	c, ok := newDisputeChart("dispute-1", ferry(), byOutlet)
	if !ok {
		t.Fatal("no chart for three outlets' figures")
	}
	checkGolden(t, "dispute-ferry.svg", "dispute", c)
}

// TestDisputeChart: every mark lands on the axis, the figures keep their
// order along it, a revision is a mark on its outlet's row and never a row
// of its own, and the description says every figure in words.
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
		rows   int // 0: no chart
		open   int // rows with no upper bound
	}{
		{"one value: nothing to compare", []news.FactValue{point("A", 5)}, 0, 0},
		{"equal values", []news.FactValue{point("A", 7), point("B", 7)}, 2, 0},
		{"zero and equal", []news.FactValue{point("A", 0), point("B", 0)}, 2, 0},
		{"negative values", []news.FactValue{point("A", -20), point("B", -5), point("C", 3)}, 3, 0},
		{"huge range", []news.FactValue{point("A", 5), point("B", 5e9)}, 2, 0},
		{"tiny difference", []news.FactValue{point("A", 1.0001), point("B", 1.0002)}, 2, 0},
		{"open-ended", []news.FactValue{point("A", 20), point("B", 25), atLeast}, 3, 1},
		{"open-ended only", []news.FactValue{atLeast, atLeast}, 2, 2},
		{"units of one measure", []news.FactValue{measure("A", 70, "mph"), measure("B", 150, "km/h")}, 2, 0},
		{"units of different measures", []news.FactValue{measure("A", 70, "mph"), measure("B", 150, "kg")}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := newDisputeChart("d", news.Fact{Subject: "x", Conflict: true, Values: tt.values}, byOutlet)
			if !ok {
				if tt.rows != 0 {
					t.Fatalf("no chart, want %d rows", tt.rows)
				}
				return
			}
			if len(c.Rows) != tt.rows {
				t.Fatalf("%d rows, want %d", len(c.Rows), tt.rows)
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
				}
				// Values that stand come in the order given; where they
				// increase, so must their dots.
				if i > 0 && valueOf(tt.values[i]) > valueOf(tt.values[i-1]) && share(t, r.X) <= last {
					t.Errorf("row %d at %s is not right of the row before", i, r.X)
				}
				last = share(t, r.X)
			}
			if open != tt.open {
				t.Errorf("%d rows open-ended, want %d", open, tt.open)
			}
			if len(c.Ticks) < 2 {
				t.Errorf("%d ticks", len(c.Ticks))
			}
			for _, v := range tt.values {
				if !strings.Contains(c.Desc, v.Text) {
					t.Errorf("description %q does not give %q", c.Desc, v.Text)
				}
			}
		})
	}
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
	c, _ := newDisputeChart("d", ferry(), byOutlet)
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
