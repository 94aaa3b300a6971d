package compare

import (
	"math"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// figure is one number in one sentence, with what it counts.
type figure struct {
	ref        Ref
	value      float64
	low, high  float64 // high is +Inf when open
	qualifier  string
	kind       text.QuantityKind
	key        string // state|modifiers|head stem: what is counted
	subject    string // the same, as a reader reads it
	np         nounPhrase
	phrase     string
	attributed string
	// anaphoric figures refer back to a count given before ("the two
	// journalists"): they restate, they do not report, so they never conflict.
	anaphoric bool
	// part marks a part or a whole in "four of five charges": neither
	// contradicts another outlet's count.
	part bool
	// measure marks a distance, area, weight or speed; toll a count of
	// the dead, injured, missing or arrested; age a person's age.
	measure, toll, age bool
	// unit is the symbol of a measure's unit as the outlet wrote it;
	// step is the place of the last digit its value is written to, which
	// a conversion from another unit may have rounded away.
	unit string
	step float64
	// ends are a range's ends as written ("30-35"); nil for one figure.
	ends []float64
	// vague marks "thousands", "dozens": no exact count to contradict;
	// forecast marks a figure in a sentence about the future or a goal.
	vague, forecast bool
}

// appendFigures appends the figures of one sentence to out. prevHead
// carries the last counted noun from the sentence before, for "… only 22
// are still alive"; carried is the last party the article attributed
// something to, for "They added that …".
func (ix *Index) appendFigures(out []figure, r Ref, prevHead *nounPhrase, carried *carrier) []figure {
	mk := ix.marksOf(r)
	if len(mk.quantities) == 0 {
		return out
	}
	s := ix.sentence(r)
	tokens := s.Tokens
	var pending []text.Quantity // figures waiting for the noun of the one they pair with
	read := 0                   // the token after the last figure read with the one before it
	for _, q := range mk.quantities {
		if q.Start < read {
			continue // the inches of a height read with its feet
		}
		if q.Kind == text.Year || inDate(mk.dates, q.Start) || skipNumber(tokens, q) {
			continue
		}
		_, qualStart := qualifierBefore(tokens, q.Start)
		np, end, ok := countedNoun(tokens, q, prevHead)
		if !ok && (q.Kind == text.Money || q.Kind == text.Percent) {
			np, end, ok = measuredNoun(tokens, q, qualStart)
		}
		if !ok {
			np, ok = tollBefore(tokens, qualStart)
			end = q.End
		}
		if !ok {
			np, ok = nounOf(tokens, qualStart) // "the vote of 220 to 211"
			end = q.End
		}
		unit, after, inUnit := unitOf(tokens, q)
		step := 0.0 // the step its last digit is written to, when it is not the number's
		if inUnit && unit == "feet" {
			if inches, next, ok := inchesAfter(tokens, q, after, mk.quantities); ok {
				q.Value, q.Low, q.High = q.Value+inches/12, q.Low+inches/12, q.High+inches/12
				after, read, step = next, next, 1.0/12
			}
		}
		if inUnit && belowZero(tokens, after, unit) {
			q.Value, q.Low, q.High = -q.Value, -q.High, -q.Low
			after += 2
		}
		if end, ok := conversionAfter(tokens, after, unit, mk.quantities); inUnit && ok {
			read = end // "70 mph (113 km/h)" is one report
		}
		if !ok && !inUnit {
			if paired(tokens, q, mk.quantities) {
				pending = append(pending, q)
			}
			continue
		}
		if inUnit {
			np, end = measured(tokens, q, unit, after, qualStart)
		}
		np.state = firstNonEmpty(np.state, stateBefore(tokens, qualStart), statePredicate(tokens, end))
		if np.subset && np.state == "" && q.Kind == text.Cardinal {
			continue // "one of whom": a part of a count, not the count; "42% of whom" is a share
		}
		// "$2,000 or $4,000 for a couple", "a 51-50 vote": the first of a
		// pair counts what the second counts.
		for _, w := range pending {
			out = append(out, ix.figure(r, w, np, w.End, carried))
		}
		pending = pending[:0]
		out = append(out, ix.figure(r, q, np, end, carried))
		if step > 0 {
			out[len(out)-1].step = step
		}
		head := np
		head.state, head.subset = "", false
		*prevHead = head
	}
	return out
}

// inDate reports whether token i is part of one of the dates.
func inDate(dates []text.DateMention, i int) bool {
	for _, m := range dates {
		if m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// figure builds one figure of sentence r.
func (ix *Index) figure(r Ref, q text.Quantity, np nounPhrase, end int, carried *carrier) figure {
	s := ix.sentence(r)
	qual, qualStart := qualifierBefore(s.Tokens, q.Start)
	f := figure{ref: r, value: q.Value, qualifier: qual, kind: q.Kind}
	f.low, f.high = bounds(q, qual)
	f.key, f.subject, f.np = np.key(q.Kind), np.display(q.Kind), np
	f.anaphoric = qualStart > 0 && (s.Tokens[qualStart-1].Lower == "the" || s.Tokens[qualStart-1].Lower == "those" || s.Tokens[qualStart-1].Lower == "these")
	f.measure = np.unit != ""
	f.unit, f.step = np.unit, precision(s.Tokens, q)
	f.toll = np.state != ""
	f.age = strings.HasPrefix(np.head, "age of ")
	f.vague = q.Low != q.High && qual == "" && !q.Range // "30-35" is as exact as its ends
	if q.Range {
		f.ends = []float64{q.Low, q.High}
	}
	f.forecast = forecast(s.Tokens, qualStart, q.End)
	// "four of five charges": a part and its whole.
	f.part = wholeOf(ix.marksOf(r).quantities, q, s.Tokens)
	f.phrase = s.Slice(text.Span{Start: qualStart, End: max(end, q.End)})
	name, pronoun := ix.attributorOf(r, q.Start)
	if pronoun {
		name = carried.before(r.Sentence)
	}
	f.attributed = name
	return f
}

// wholeOf reports whether q is the part or the whole in "N of M".
func wholeOf(all []text.Quantity, q text.Quantity, tokens []text.Token) bool {
	for _, o := range all {
		if o.Start == q.End+1 && tokens[q.End].Lower == "of" || q.Start == o.End+1 && tokens[o.End].Lower == "of" {
			return true
		}
	}
	return false
}

// forecastWords mark a sentence about what is expected, planned or hoped,
// not what happened.
var forecastWords = setOf(`expect expects expected expecting forecast forecasts projected predicted
goal goals target targets plan plans planned could would might hope hopes aim aims`)

// forecast reports whether the clause around tokens [start, end) speaks
// of the expected or planned.
func forecast(tokens []text.Token, start, end int) bool {
	start, end = text.ClauseAround(tokens, start, end)
	for _, t := range tokens[start:end] {
		if forecastWords.has(t.Lower) {
			return true
		}
	}
	return false
}

// paired reports whether q is joined to the next quantity by "to", "or",
// "and" or a hyphen: a range, a choice or a tally.
func paired(tokens []text.Token, q text.Quantity, all []text.Quantity) bool {
	for _, next := range all {
		if next.Start < q.End {
			continue
		}
		if next.Start == q.End && tokens[next.Start].Hyphen {
			return true
		}
		if next.Start == q.End+1 {
			switch tokens[q.End].Lower {
			case "to", "or", "and", "-", "–":
				return true
			}
		}
		return false
	}
	return false
}

// skipNumber drops numbers that count nothing: ordinals ("21st"), times,
// durations and ages without a name.
func skipNumber(tokens []text.Token, q text.Quantity) bool {
	first := tokens[q.Start]
	if first.Hyphen && q.Start > 0 && tokens[q.Start-1].Kind == text.Word {
		return true // "COVID-19", "F-16": part of a name
	}
	if first.Lower == "one" && q.Start > 0 && determiners.has(tokens[q.Start-1].Lower) {
		return true // "the one statement": not a count
	}
	if q.End < len(tokens) {
		next := tokens[q.End]
		if next.Start == tokens[q.End-1].End && (next.Lower == "st" || next.Lower == "nd" || next.Lower == "rd" || next.Lower == "th") {
			return true
		}
		if timeUnits.has(next.Lower) && !(next.Hyphen && q.End+1 < len(tokens) && tokens[q.End+1].Lower == "old") {
			return true // "six weeks", "a two-minute video"; "21-year-old" is an age
		}
		if next.Text == ":" || next.Text == "/" {
			return true
		}
	}
	if q.Start > 0 {
		prev := tokens[q.Start-1]
		if prev.Text == ":" || prev.Text == "/" || prev.Text == "#" || prev.Lower == "no" || prev.Lower == "number" {
			return true // a time, a fraction or a rank: "No. 1", "the number two spot"
		}
		if prev.Text == "." && q.Start > 1 && tokens[q.Start-2].Lower == "no" {
			return true
		}
	}
	return false
}

// qualifierBefore reads "about", "at least", "more than" … before token i.
func qualifierBefore(tokens []text.Token, i int) (string, int) {
	for _, q := range qualifiers {
		n := len(q.words)
		if i < n {
			continue
		}
		match := true
		for k, w := range q.words {
			if tokens[i-n+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			return q.kind, i - n
		}
	}
	return "", i
}

// bounds is the range a figure allows. A round number is read as rounded
// to its last non-zero digit, up to a quarter either way — "200,000" may be
// 150,000 to 250,000, "$1 trillion" may be $1.2 trillion — and "about"
// allows at least 5% or that rounding, so figures that differ only by
// rounding never conflict. A range's ends are each read so: "200,000 to
// 300,000" allows no less than either end alone.
func bounds(q text.Quantity, qual string) (float64, float64) {
	v, size := q.Value, math.Abs(q.Value) // "-20" is rounded as 20 is
	low, high := q.Low, q.High
	rounding := roundingOf(size)
	switch {
	case q.Range:
		low, high = low-roundingMargin(low), high+roundingMargin(high)
	case low == high:
		low, high = v-roundingMargin(v), v+roundingMargin(v)
	}
	first, last := v, v // the ends a qualifier reads from: "at least 30 to 35" is 30 or more
	if q.Range {
		first, last = q.Low, q.High
	}
	inf := math.Inf(1)
	switch qual {
	case "about":
		// At least 5%; at most a quarter, however round the number.
		margin := math.Min(math.Max(size*0.05, rounding/2), size/4)
		return math.Min(low, v-margin), math.Max(high, v+margin)
	case "nearly":
		return math.Min(first, first*0.9), math.Max(last, last*0.9)
	case "more than", "at least":
		return first, inf
	case "fewer than", "up to", "at most":
		return math.Min(0, last), math.Max(0, last)
	case "exactly":
		return first, last
	}
	return low, high
}

// roundingMargin is how far a number written as v may be from what it
// rounds: half its last non-zero digit's place when that is 100 or more,
// never more than a quarter of it.
func roundingMargin(v float64) float64 {
	size := math.Abs(v)
	if rounding := roundingOf(size); rounding >= 100 {
		return math.Min(rounding/2, size/4)
	}
	return 0
}

// roundingOf is the place of a whole number's last non-zero digit: 1 for
// 24, 100 for 2,100, 100,000 for 200,000.
func roundingOf(v float64) float64 {
	if v != math.Trunc(v) || v == 0 {
		return 0
	}
	unit := 1.0
	for math.Mod(v, unit*10) == 0 {
		unit *= 10
	}
	return unit
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// nounPhrase is what a figure counts.
type nounPhrase struct {
	head      string // as written
	stem      string
	modifiers []string // capitalised modifiers: "Palestinian"
	compound  string   // a noun before the head: "swing" in "swing states"
	unit      string   // the symbol of the unit a measure is in: "km/h"
	state     string
	subset    bool
}

func (np nounPhrase) key(kind text.QuantityKind) string {
	prefix := ""
	switch kind {
	case text.Percent:
		prefix = "percent "
	case text.Money:
		prefix = "money "
	case text.Fraction:
		prefix = "share "
	}
	if np.unit != "" && np.head == np.unit {
		// The unit alone names nothing measured: "30 miles" from a city
		// and "50 km" of road are figures of one unit at most.
		prefix = "measure " + np.unit + " "
	} else if np.unit != "" {
		// What is named meets in whatever unit of its dimension it is
		// given: "winds in mph" and "winds in km/h" are one subject.
		prefix = "measure " + dimensionOf(np.unit) + " "
	}
	stem := np.stem
	if s, ok := synonyms[stem]; ok {
		stem = s
	}
	return prefix + np.state + "|" + strings.ToLower(strings.Join(np.modifiers, " ")) + "|" + np.compound + " " + stem
}

func (np nounPhrase) display(kind text.QuantityKind) string {
	words := []string{}
	if np.state != "" {
		words = append(words, np.state)
	}
	words = append(words, np.modifiers...)
	if np.compound != "" {
		words = append(words, np.compound)
	}
	words = append(words, np.head)
	if np.unit != "" && np.head != np.unit {
		words = append(words, "in", np.unit)
	}
	s := strings.Join(words, " ")
	switch kind {
	case text.Percent:
		return "% of " + s
	case text.Fraction:
		return "share of " + s
	}
	return s
}
