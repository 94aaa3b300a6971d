package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// unitSymbols maps the ways news writes a unit of measure to one symbol,
// so that "200 mm" and "300 millimetres" are figures of one measure.
// Figures in different units of one dimension meet too, compared on one
// scale (convert.go); a conversion in brackets ("8 km (5 miles)") is read
// with the figure it restates. "m" is here only when text did not read it
// as a million ("1.75m tall"), and "pounds" is a weight only where the
// words around say so (poundUnit).
var unitSymbols = map[string]string{
	"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
	"cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
	"m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "miles", "miles": "miles", "foot": "feet", "feet": "feet", "ft": "feet", "inch": "inches", "inches": "inches",
	"yard": "yards", "yards": "yards", "yd": "yards", "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
	"kg": "kg", "kilogram": "kg", "kilograms": "kg", "gram": "grams", "grams": "grams", "lb": "lb", "lbs": "lb",
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
	if ok && tokens[i].Lower == "m" && !metreSymbol(tokens, q, i) {
		return "", 0, false
	}
	if !ok {
		if symbol, ok = poundUnit(tokens, q, i); !ok {
			return "", 0, false
		}
	}
	switch tokens[i-1].Lower {
	case "square", "sq":
		symbol = "sq " + symbol
	case "nautical":
		symbol = "nautical " + symbol
	}
	end = i + 1
	// "per hour", "/h", "an hour"; "per second", "/s".
	per := func(i int) string {
		if i >= len(tokens) {
			return ""
		}
		switch tokens[i].Lower {
		case "hour", "h", "hr":
			return "h"
		case "second", "s", "sec":
			return "s"
		}
		return ""
	}
	time := ""
	if end+1 < len(tokens) && (tokens[end].Text == "/" || tokens[end].Lower == "per" || tokens[end].Lower == "an" || tokens[end].Lower == "a") {
		time = per(end + 1)
	}
	switch {
	case time == "":
		return symbol, end, true
	case symbol == "miles" && time == "h":
		return "mph", end + 2, true
	}
	return symbol + "/" + time, end + 2, true
}

// metreSymbol reports whether the "m" at token i after figure q is the
// symbol of metres: lower case after digits ("30 m", "1.75m"), where "M"
// is a million and "One M8" a model.
func metreSymbol(tokens []text.Token, q text.Quantity, i int) bool {
	glued := i+1 < len(tokens) && tokens[i+1].Start == tokens[i].End && tokens[i+1].Kind == text.Number
	return tokens[i].Text == "m" && tokens[q.End-1].Kind == text.Number && !glued
}

// poundUnit reads the "pound" or "pounds" at token i after figure q as a
// weight ("lb") where text.Pounds finds one, and as "pounds" of their own
// where it cannot tell money from weight: such figures meet only each
// other, never a weight in kg or an amount of money. Money is no unit.
func poundUnit(tokens []text.Token, q text.Quantity, i int) (string, bool) {
	if w := tokens[i].Lower; q.Kind == text.Money || w != "pound" && w != "pounds" {
		return "", false
	}
	if text.Pounds(tokens, i) == text.PoundsWeight {
		return "lb", true
	}
	return "pounds", true
}

// belowZero reports whether a temperature whose unit ends before token i
// is said to be below zero: "20 degrees below zero" is -20.
func belowZero(tokens []text.Token, i int, unit string) bool {
	return (unit == "°C" || unit == "°F" || unit == "degrees") && i+1 < len(tokens) &&
		tokens[i].Lower == "below" && tokens[i+1].Lower == "zero"
}

// temperatureUnit reads a temperature's scale after figure q, as "°C" or
// "°F": "40 degrees Celsius", "40°C", "104F" (a capital glued to the
// figure, or after a negative one, unless a noun names it: "seat 14F",
// "apartment 4C"). Degrees of no named scale are "degrees": 40 of one
// scale and 104 of the other must not meet.
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
	case (t.Start == tokens[i-1].End || q.Value < 0) && (t.Text == "C" || t.Text == "F") && !label(tokens, q.Start):
		// A label is never negative: "-25 C" is a temperature.
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
	if attributive(tokens, q) && end < len(tokens) {
		// "a 27-inch display", "a 9 mm pistol", "a 30m wall": the noun
		// after the unit, or after the way it goes ("the 8m-long boat").
		k := end
		if text.Dimension(tokens[k].Lower) && tokens[k].Hyphen {
			k++
		}
		if np, after, ok := nounRun(tokens, k); ok && !text.Dimension(tokens[k].Lower) {
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
// unit, past "square" ("sq") or "nautical".
func unitWord(tokens []text.Token, q text.Quantity) int {
	i := q.End
	if i < len(tokens) && (tokens[i].Lower == "square" || tokens[i].Lower == "sq" || tokens[i].Lower == "nautical") {
		i++
	}
	return i
}

// attributive reports whether the unit after figure q describes the noun
// that follows, as a hyphen ("27-inch"), the singular after a number
// other than one ("a 9 mm pistol", "a 60 degree turn"), "a" before such
// a number ("a 30m wall") or a way it goes joined to it ("8m-long") shows.
func attributive(tokens []text.Token, q text.Quantity) bool {
	i := unitWord(tokens, q)
	if i >= len(tokens) {
		return false
	}
	article := q.Start > 0 && (tokens[q.Start-1].Lower == "a" || tokens[q.Start-1].Lower == "an")
	joined := i+1 < len(tokens) && tokens[i+1].Hyphen && text.Dimension(tokens[i+1].Lower)
	return tokens[i].Hyphen || joined || q.Value != 1 && (singularUnits.has(tokens[i].Lower) || article)
}

// singularUnits are the units whose singular differs from their plural.
var singularUnits = setOf(`millimetre millimeter centimetre centimeter metre meter kilometre kilometer
mile foot inch yard acre hectare kilogram gram tonne ton litre liter gallon barrel degree knot pound`)
