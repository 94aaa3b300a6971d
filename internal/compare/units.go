package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// unitSymbols maps the ways news writes a unit of measure to one symbol,
// so that "200 mm" and "300 millimetres" are figures of one measure.
// Figures in different units are kept apart: converting would make "5
// miles" and "8 km" one figure, but outlets that give both ("8 km (5
// miles)") would then seem to report it twice.
var unitSymbols = map[string]string{
	"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
	"cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
	"metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "miles", "miles": "miles", "foot": "feet", "feet": "feet", "ft": "feet", "inch": "inches", "inches": "inches",
	"yard": "yards", "yards": "yards", "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "gram": "grams", "grams": "grams",
	"tonne": "tonnes", "tonnes": "tonnes", "ton": "tons", "tons": "tons",
	"litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres", "gallon": "gallons", "gallons": "gallons",
	"barrel": "barrels", "barrels": "barrels", "knot": "knots", "knots": "knots",
	"mph": "mph", "kph": "km/h", "kmh": "km/h",
}

// unitOf reads the unit written after figure q, with what qualifies it
// ("square miles", "km/h", "miles per hour"), as one symbol, and the token
// after it.
func unitOf(tokens []text.Token, q text.Quantity) (symbol string, end int, ok bool) {
	if symbol, end, ok := temperatureUnit(tokens, q); ok {
		return symbol, end, true
	}
	i := unitWord(tokens, q)
	if i >= len(tokens) {
		return "", 0, false
	}
	symbol, ok = unitSymbols[tokens[i].Lower]
	if !ok {
		return "", 0, false
	}
	switch tokens[i-1].Lower {
	case "square":
		symbol = "sq " + symbol
	case "nautical":
		symbol = "nautical " + symbol
	}
	end = i + 1
	perHour := func(i int) bool {
		return i < len(tokens) && (tokens[i].Lower == "hour" || tokens[i].Lower == "h" || tokens[i].Lower == "hr")
	}
	switch {
	case end+1 < len(tokens) && tokens[end].Text == "/" && perHour(end+1):
	case end+1 < len(tokens) && (tokens[end].Lower == "per" || tokens[end].Lower == "an" || tokens[end].Lower == "a") && perHour(end+1):
	default:
		return symbol, end, true
	}
	if symbol == "miles" {
		return "mph", end + 2, true
	}
	return symbol + "/h", end + 2, true
}

// temperatureUnit reads a temperature's scale after figure q, as "°C" or
// "°F": "40 degrees Celsius", "40°C", "104F" (a capital glued to the
// figure, unless a noun names it: "seat 14F", "apartment 4C"). Degrees of
// no named scale are "degrees": 40 of one scale and 104 of the other must
// not meet.
func temperatureUnit(tokens []text.Token, q text.Quantity) (symbol string, end int, ok bool) {
	i := q.End
	if i >= len(tokens) {
		return "", 0, false
	}
	scale := func(k int) string {
		if k >= len(tokens) {
			return ""
		}
		switch t := tokens[k]; {
		case t.Lower == "celsius" || t.Lower == "centigrade" || t.Text == "C":
			return "°C"
		case t.Lower == "fahrenheit" || t.Text == "F":
			return "°F"
		}
		return ""
	}
	switch t := tokens[i]; {
	case t.Text == "°" || t.Lower == "degree" || t.Lower == "degrees":
		if s := scale(i + 1); s != "" {
			return s, i + 2, true
		}
		return "degrees", i + 1, true
	case t.Start == tokens[i-1].End && (t.Text == "C" || t.Text == "F") && !label(tokens, q.Start):
		return scale(i), i + 1, true
	}
	return "", 0, false
}

// label reports whether the figure at token start is named by the noun
// before it ("seat 14F", "apartment 4C"): a word that is neither a
// function word nor a verb ("reached 40C", "recorded 40C").
func label(tokens []text.Token, start int) bool {
	if start == 0 || tokens[start-1].Kind != text.Word {
		return false
	}
	w := tokens[start-1].Lower
	return !text.IsStop(w) && !measureVerbs.has(w) && !linkVerbs.has(w) && !strings.HasSuffix(w, "ed")
}

// inchesAfter reads the inches of a height whose feet are figure q, the
// figure at token i after its unit: "6 feet 2 inches", "6ft 2in", and
// unnamed after the singular or a hyphen, "5-foot-7", "a 7 foot 2 center".
// It returns them and the token after them.
func inchesAfter(tokens []text.Token, q text.Quantity, i int, all []text.Quantity) (inches float64, end int, ok bool) {
	for _, n := range all {
		if n.Start != i {
			continue
		}
		if n.Kind != text.Cardinal || n.Low != n.High || n.Value < 0 || n.Value >= 12 {
			return 0, 0, false
		}
		if k := n.End; k < len(tokens) && (tokens[k].Lower == "inch" || tokens[k].Lower == "inches" ||
			tokens[k].Lower == "in" && tokens[k].Start == tokens[k-1].End) {
			return n.Value, k + 1, true
		}
		unnamed := tokens[i].Hyphen || tokens[q.End].Lower == "foot"
		if k := n.End; unnamed && (k >= len(tokens) || !timeUnits.has(tokens[k].Lower) && unitSymbols[tokens[k].Lower] == "") {
			return n.Value, k, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// measured finds what a figure in a unit measures: "200 mm of rain",
// "winds of 90 km/h", "the river rose to 5 metres". Without it the unit
// alone is the subject. end is the token after the unit.
func measured(tokens []text.Token, q text.Quantity, unit string, end, qualStart int) (nounPhrase, int) {
	if attributive(tokens, q) && end < len(tokens) && !dimensions.has(tokens[end].Lower) {
		// "a 27-inch display", "a 9 mm pistol": the noun after the unit.
		if np, after, ok := nounRun(tokens, end); ok {
			np.unit = unit
			return np, after
		}
	}
	if end+1 < len(tokens) && tokens[end].Lower == "of" && !tokens[end+1].Capitalized() {
		// "200 mm of rain"; "30 miles of London" is a distance from it.
		k := end + 1
		for k < len(tokens) && determiners.has(tokens[k].Lower) {
			k++
		}
		if np, after, ok := nounRun(tokens, k); ok && unitSymbols[strings.ToLower(np.head)] == "" {
			np.unit = unit
			return np, after
		}
	}
	if np, ok := nounOf(tokens, qualStart); ok {
		np.unit = unit
		return np, end
	}
	if qualStart == 2 && tokens[1].Lower == "of" && tokens[0].Kind == text.Word && !text.IsStop(tokens[0].Lower) {
		// "Winds of up to 110 km/h" opening a sentence, where nounOf takes
		// the capital for a name's.
		return nounPhrase{head: tokens[0].Lower, stem: tokens[0].Stem, unit: unit}, end
	}
	// "<noun> rose to", "<noun> was put at": a verb that links a measure to
	// its amount stands between the noun and the figure.
	verb, window := false, 5
	for k := qualStart - 1; k >= 0 && qualStart-k <= window; k-- {
		t := &tokens[k]
		switch {
		case t.Kind != text.Word:
			return unitAlone(unit), end
		case measureVerbs.has(t.Lower) || linkVerbs.has(t.Lower):
			verb = true
		case text.IsStop(t.Lower):
		case verb:
			if p := prepositionOpening(tokens, k); p >= 0 {
				window += k - p + 1 // passed over: "near the coast"
				k = p
				continue
			}
			head := t.Text
			if k == 0 {
				head = t.Lower
			}
			return nounPhrase{head: head, stem: t.Stem, unit: unit}, end
		default:
			return unitAlone(unit), end
		}
	}
	return unitAlone(unit), end
}

// unitAlone is the subject of a figure in a unit when nothing names what
// it measures: the unit.
func unitAlone(unit string) nounPhrase {
	return nounPhrase{head: unit, stem: unit, unit: unit}
}

// prepositionOpening finds the preposition that opens a phrase the noun
// at k ends, determiners and modifiers aside ("contact with air traffic
// controllers", "winds near the coast"), or -1 when none does: the noun a
// figure measures is then further back.
func prepositionOpening(tokens []text.Token, k int) int {
	for k--; k >= 0 && tokens[k].Kind == text.Word; k-- {
		switch w := tokens[k].Lower; {
		case governing.has(w):
			return k
		case text.IsStop(w) && !determiners.has(w):
			return -1
		}
	}
	return -1
}

// unitWord is the index of the word after figure q that may name its
// unit, past "square" or "nautical".
func unitWord(tokens []text.Token, q text.Quantity) int {
	i := q.End
	if i < len(tokens) && (tokens[i].Lower == "square" || tokens[i].Lower == "nautical") {
		i++
	}
	return i
}

// attributive reports whether the unit after figure q describes the noun
// that follows, as a hyphen ("27-inch") or the singular after a number
// other than one ("a 9 mm pistol", "a 60 degree turn") shows.
func attributive(tokens []text.Token, q text.Quantity) bool {
	i := unitWord(tokens, q)
	if i >= len(tokens) {
		return false
	}
	return tokens[i].Hyphen || q.Value != 1 && singularUnits.has(tokens[i].Lower)
}

// singularUnits are the units whose singular differs from their plural.
var singularUnits = setOf(`millimetre millimeter centimetre centimeter metre meter kilometre kilometer
mile foot inch yard acre hectare kilogram gram tonne ton litre liter gallon barrel degree knot`)

// dimensions say which way a measure goes ("5 feet tall", "10 mm
// taller"): they describe, where a noun would be what is measured.
var dimensions = setOf(`tall taller long longer wide wider high higher deep deeper thick thicker thin thinner
short shorter heavy heavier across away`)
