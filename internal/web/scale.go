package web

import (
	"math"
	"strconv"
	"strings"
)

// The charts place marks by percentages of their width, so that an SVG
// fills a phone's screen or a desktop column with its text at the same
// size: a viewBox scaled down to 400 pixels shrank 12-pixel labels to 7.

// pct writes a share of the width, 0–1, as an SVG coordinate.
func pct(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}

// linearScale maps values onto the share of a chart's width between Left
// and Right.
type linearScale struct {
	Lo, Hi      float64
	Left, Right float64
}

func (s linearScale) at(v float64) float64 {
	if s.Hi == s.Lo {
		return (s.Left + s.Right) / 2
	}
	share := (v - s.Lo) / (s.Hi - s.Lo)
	return s.Left + math.Max(0, math.Min(1, share))*(s.Right-s.Left)
}

// niceDomain widens [lo, hi] to round ends and returns the step between
// ticks at those round numbers, about four of them. A single value gets
// room around it: a tenth of itself, or one either side of zero.
func niceDomain(lo, hi float64) (float64, float64, float64) {
	if lo == hi {
		pad := math.Abs(lo) / 10
		if pad == 0 {
			pad = 1
		}
		lo, hi = lo-pad, hi+pad
	}
	step := niceStep((hi - lo) / 4)
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

// niceStep rounds up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel writes a tick as an axis does: "250k", "1.5m", "2bn", "0.25",
// with only the decimals the step needs.
func tickLabel(v, step float64) string {
	for _, u := range []struct {
		from, size float64
		suffix     string
	}{{1e9, 1e9, "bn"}, {1e6, 1e6, "m"}, {1e4, 1e3, "k"}} {
		if math.Abs(v) >= u.from && step >= u.size/100 {
			return trimNumber(v/u.size, step/u.size) + u.suffix
		}
	}
	return trimNumber(v, step)
}

// trimNumber writes v with as many decimals as step has (2.5: one).
func trimNumber(v, step float64) string {
	decimals := 0
	for scaled := step; decimals < 9 && math.Abs(scaled-math.Round(scaled)) > 1e-9*math.Max(1, scaled); decimals++ {
		scaled *= 10
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" {
		s = "0"
	}
	if decimals > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return withThousands(s)
}

// withThousands groups the whole digits of a formatted number of five
// digits or more: 12,500; 1500 stays as it is.
func withThousands(s string) string {
	sign, whole, frac := "", s, ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	if len(whole) <= 4 {
		return sign + whole + frac
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}

// wideSpread is how many times the smallest figure the largest must be for
// a log axis. On a linear one, a figure under a hundredth of the largest
// lies within 1% of the width from the axis's start, 4 pixels on a phone,
// under a dot's radius: it and every smaller figure draw as one dot.
const wideSpread = 100

// logTicksMax is the most gridlines a log axis draws, a power of ten or
// more apart.
const logTicksMax = 6

// valueAxis places figures along a chart's width: by their value, or by its
// logarithm when all are above zero and spread wide.
type valueAxis struct {
	scale linearScale // over the values, or their logarithms
	log   bool
	step  float64 // between ticks; in powers of ten on a log axis
	ticks []tick
}

func newValueAxis(all []plotted) valueAxis {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range all {
		lo, hi = math.Min(lo, p.low), math.Max(hi, p.value)
		if !p.open {
			hi = math.Max(hi, p.high)
		}
	}
	ax := valueAxis{log: lo > 0 && hi >= wideSpread*lo}
	if ax.log {
		lo, hi = math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
		ax.step = math.Ceil((hi - lo) / (logTicksMax - 1))
		lo, hi = math.Floor(lo/ax.step)*ax.step, math.Ceil(hi/ax.step)*ax.step
	} else {
		lo, hi, ax.step = niceDomain(lo, hi)
		if ax.step < 1 && wholeNumbers(all) {
			// No tick between two counts: "3.5 people" is nobody's figure.
			lo, hi, ax.step = math.Floor(lo), math.Ceil(hi), 1
		}
	}
	for _, p := range all {
		if p.open && ax.pos(p.low) >= hi-ax.step/2 {
			hi += ax.step // room for the bar that says "and more"
			break
		}
	}
	ax.scale = linearScale{Lo: lo, Hi: hi, Left: 0.02, Right: 0.98}
	for t := lo; t <= hi+ax.step/2; t += ax.step {
		label := tickLabel(t, ax.step)
		if ax.log {
			v := math.Pow(10, math.Round(t))
			label = tickLabel(v, v)
		}
		ax.ticks = append(ax.ticks, tick{X: pct(ax.scale.at(t)), Label: label})
	}
	return ax
}

// pos is where on the scale v goes: v, or its logarithm.
func (ax valueAxis) pos(v float64) float64 {
	if ax.log {
		return math.Log10(v)
	}
	return v
}

// marks places a figure's dot and, when it allows a range, the bar; an
// open range runs to the axis's end.
func (ax valueAxis) marks(p plotted) (x, from, to string, open bool) {
	at := func(v float64) string { return pct(ax.scale.at(ax.pos(v))) }
	x = at(p.value)
	switch {
	case p.open:
		return x, at(p.low), pct(ax.scale.Right), true
	case p.low < p.high:
		return x, at(p.low), at(p.high), false
	}
	return x, "", "", false
}

// wholeNumbers reports whether every figure and its range's ends are whole.
func wholeNumbers(all []plotted) bool {
	for _, p := range all {
		for _, x := range []float64{p.value, p.low, p.high} {
			if x != math.Trunc(x) {
				return false
			}
		}
	}
	return true
}
