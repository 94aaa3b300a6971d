package compare

import (
	"math"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// scale converts a unit to its dimension's canonical unit: metres, square
// metres, kilograms, litres, km/h or °C. A unit news uses for two sizes
// ("tons" short or long, US or imperial "gallons") converts to the range
// they span, so either reading agrees.
type scale struct {
	dimension string
	low, high float64 // canonical units per unit
	offset    float64 // added before multiplying: °F to °C
}

var scales = map[string]scale{
	"mm": {"length", 0.001, 0.001, 0},
	"cm": {"length", 0.01, 0.01, 0},
	"m":  {"length", 1, 1, 0},
	"km": {"length", 1000, 1000, 0},

	"inches":         {"length", 0.0254, 0.0254, 0},
	"feet":           {"length", 0.3048, 0.3048, 0},
	"yards":          {"length", 0.9144, 0.9144, 0},
	"miles":          {"length", 1609.344, 1609.344, 0},
	"nautical miles": {"length", 1852, 1852, 0},

	"sq mm":     {"area", 1e-6, 1e-6, 0},
	"sq cm":     {"area", 1e-4, 1e-4, 0},
	"sq m":      {"area", 1, 1, 0},
	"sq km":     {"area", 1e6, 1e6, 0},
	"hectares":  {"area", 1e4, 1e4, 0},
	"sq inches": {"area", 0.00064516, 0.00064516, 0},
	"sq feet":   {"area", 0.09290304, 0.09290304, 0},
	"sq yards":  {"area", 0.83612736, 0.83612736, 0},
	"acres":     {"area", 4046.8564224, 4046.8564224, 0},
	"sq miles":  {"area", 2589988.110336, 2589988.110336, 0},

	"grams":  {"mass", 0.001, 0.001, 0},
	"kg":     {"mass", 1, 1, 0},
	"tonnes": {"mass", 1000, 1000, 0},
	"lb":     {"mass", 0.45359237, 0.45359237, 0},
	"tons":   {"mass", 907.18474, 1016.0469088, 0}, // short or long

	"litres":  {"volume", 1, 1, 0},
	"gallons": {"volume", 3.785411784, 4.54609, 0}, // US or imperial
	"barrels": {"volume", 158.987294928, 158.987294928, 0},

	"km/h":  {"speed", 1, 1, 0},
	"mph":   {"speed", 1.609344, 1.609344, 0},
	"knots": {"speed", 1.852, 1.852, 0},
	"m/s":   {"speed", 3.6, 3.6, 0},
	"km/s":  {"speed", 3600, 3600, 0},

	"°C": {"temperature", 1, 1, 0},
	"°F": {"temperature", 5.0 / 9, 5.0 / 9, -32},
}

// dimensionOf names what a unit measures, so that figures of one measure
// in different units meet; a unit that converts to no other ("degrees" of
// no named scale, "pounds" that may be money) is its own.
func dimensionOf(unit string) string {
	if s, ok := scales[unit]; ok {
		return s.dimension
	}
	return unit
}

// canonical converts the range [low, high] in unit to its dimension's
// canonical unit. Figures in one unit are never converted.
func canonical(unit string, low, high float64) (float64, float64) {
	s := scales[unit]
	l, h := (low+s.offset)*s.low, (high+s.offset)*s.high
	if l > h { // a negative range and a unit of two sizes
		l, h = (low+s.offset)*s.high, (high+s.offset)*s.low
	}
	return l, h
}

// precision is the step of the last digit a figure is written to, in its
// own unit: 0.01 for "1.75m", 1 for "113 km/h", 10 for "110 km/h". A
// round number with one significant digit ("70 mph", "100 miles") is read
// to two, since a conversion is seldom rounded further and "70" may be
// exact. Figures in different units agree when they meet within half a
// step of each: the rounding a conversion printed.
func precision(tokens []text.Token, q text.Quantity) float64 {
	v := math.Abs(q.Value)
	if q.Range {
		v = math.Abs(q.Low) // the digits read are the low end's: "1.5-2m"
	}
	for _, t := range tokens[q.Start:q.End] {
		if t.Kind != text.Number {
			continue
		}
		digits := strings.ReplaceAll(t.Text, ",", "")
		written, err := strconv.ParseFloat(digits, 64)
		if dot := strings.IndexByte(digits, '.'); err == nil && dot >= 0 && written != 0 {
			// "1.75m"; "1.5 million barrels" is written to 0.1 million.
			return math.Pow(10, -float64(len(digits)-dot-1)) * v / math.Abs(written)
		}
		break
	}
	step := roundingOf(v)
	if step >= 10 && v < 10*step {
		step /= 10 // one significant digit
	}
	return step
}

// overlapsAcrossUnits reports whether two figures in different units of
// one dimension can both hold, each allowed half its precision's step.
func overlapsAcrossUnits(a, b figure) bool {
	al, ah := canonical(a.unit, a.low-a.step/2, a.high+a.step/2)
	bl, bh := canonical(b.unit, b.low-b.step/2, b.high+b.step/2)
	const eps = 1e-9
	return al <= bh+eps && bl <= ah+eps
}

// sameValue reports whether two figures of one article give one value,
// in whatever units they give it. A range gives every value between its
// ends: "60-70 mph" and then "winds of 70 mph" say one thing.
func sameValue(a, b figure) bool {
	within := func(f figure, x float64) bool { return f.ends != nil && f.ends[0] <= x && x <= f.ends[1] }
	if a.unit == b.unit {
		return a.value == b.value || within(a, b.value) || within(b, a.value)
	}
	a.low, a.high = a.value, a.value
	if a.ends != nil {
		a.low, a.high = a.ends[0], a.ends[1]
	}
	b.low, b.high = b.value, b.value
	if b.ends != nil {
		b.low, b.high = b.ends[0], b.ends[1]
	}
	return overlapsAcrossUnits(a, b)
}

// conversionAfter finds a figure in brackets right after the unit a
// figure ends with at token i that restates it in another unit of the
// same dimension ("70 mph (113 km/h)", "23m (about 75ft)", "40C (104F)"),
// and returns the token after the bracket: its figures are one report,
// not two. ok is false when none does.
func conversionAfter(tokens []text.Token, i int, unit string, all []text.Quantity) (end int, ok bool) {
	if i >= len(tokens) || tokens[i].Text != "(" || scales[unit].dimension == "" {
		return 0, false
	}
	for _, n := range all {
		if n.Start <= i {
			continue
		}
		for _, t := range tokens[i+1 : n.Start] {
			if t.Kind != text.Word {
				return 0, false // the bracket opens with no figure: "(AP)", "(see map)"
			}
		}
		other, _, ok := unitOf(tokens, n)
		if !ok || other == unit || dimensionOf(other) != dimensionOf(unit) || n.Start-i > 3 {
			return 0, false
		}
		for k := n.End; k < len(tokens) && k-i < 16; k++ {
			if tokens[k].Text == ")" {
				return k + 1, true
			}
		}
		return 0, false
	}
	return 0, false
}

// ValuesOverlap reports whether two values of one fact can both hold:
// their ranges meet, on one scale when they are in different units, each
// then allowed half the step of its last written digit.
func ValuesOverlap(a, b news.FactValue) bool {
	return overlaps(valueFigure(a), valueFigure(b))
}

// valueFigure is as much of a figure as a value tells.
func valueFigure(v news.FactValue) figure {
	f := figure{value: v.Value, low: v.Low, high: math.Inf(1), unit: v.Unit}
	if v.High != nil {
		f.high = *v.High
	}
	if v.Unit != "" {
		tokens := text.Tokenize(v.Text)
		if qs := text.Quantities(tokens); len(qs) > 0 {
			f.step = precision(tokens, qs[0])
		}
	}
	return f
}

// Convert expresses x, in unit from, in unit to, for drawing figures of one
// measure on one axis. A unit of two sizes converts at their midpoint. It
// reports false when the units measure different things or either is
// unknown; a unit converts to itself unchanged.
func Convert(x float64, from, to string) (float64, bool) {
	if from == to {
		return x, true
	}
	f, okf := scales[from]
	t, okt := scales[to]
	if !okf || !okt || f.dimension != t.dimension {
		return 0, false
	}
	canonical := (x + f.offset) * (f.low + f.high) / 2
	return canonical/((t.low+t.high)/2) - t.offset, true
}
