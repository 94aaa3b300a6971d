package text

import (
	"math"
	"strconv"
	"strings"
)

// QuantityKind tells what a number measures.
type QuantityKind uint8

const (
	Cardinal QuantityKind = iota // a count or amount: "59", "Fifty-nine", "1.5 million"
	Percent                      // "35%", "35 percent"
	Money                        // "$1.5m", "2 million dollars"
	Fraction                     // "half", "two-thirds"
	Year                         // "1997", "in 2023"
)

// Quantity is a number written in a sentence, with the tokens it spans
// [Start, End). Vague amounts ("dozens", "hundreds") carry the range they
// allow in Low and High; exact ones have Low == High == Value. A range
// written out ("30-35", "between 30 and 35") is one quantity with Range
// set, its ends in Low and High and its midpoint in Value.
type Quantity struct {
	Value     float64
	Low, High float64
	Kind      QuantityKind
	Currency  string
	Start     int
	End       int
	Range     bool
	scale     float64 // the multiplier read after the digits ("bn", "million"), 1 when none
}

var units = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "mln": 1e6, "bln": 1e9,
}

var fractions = map[string]float64{
	"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25, "quarters": 0.25,
}

// vague amounts name a range, not a value.
var vague = map[string][2]float64{
	"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 9.99e8}, "billions": {2e9, 9.99e11},
}

// numberOpeners are the words a spelled-out number can start with; other
// words are passed over at once.
var numberOpeners = func() map[string]struct{} {
	set := setOf(`a dozen tens hundreds`)
	for _, m := range []map[string]float64{units, tens, fractions} {
		for w := range m {
			set[w] = struct{}{}
		}
	}
	for w := range vague {
		set[w] = struct{}{}
	}
	return set
}()

var currencies = map[string]string{"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}

// currencyWords name a currency after an amount; a pound is money only
// where Pounds says so.
var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP", "euros": "EUR", "euro": "EUR", "yen": "JPY",
	"rupees": "INR", "yuan": "CNY",
}

var yearPrepositions = setOf(`in since of by from until till before after during around early late mid
between`)

// yearDeterminers before a year used as an adjective: "the 2016 election".
var yearDeterminers = setOf(`the his her its their our my your this that next last`)

// Quantities finds every quantity in a token slice.
func Quantities(tokens []Token) []Quantity {
	var out []Quantity
	tallies := clauseTallies{tokens: tokens}
	for i := 0; i < len(tokens); {
		n, ok := readNumber(tokens, i)
		if !ok {
			i++
			continue
		}
		if r, ok := rangeAfter(tokens, n, &tallies); ok {
			n = r
		}
		out = append(out, n)
		i = n.End
	}
	return out
}

var numberStarts = filterOf(numberOpeners)

func readNumber(tokens []Token, i int) (Quantity, bool) {
	t := tokens[i]
	currency := ""
	if t.Kind == Symbol {
		if c, ok := currencies[t.Text]; ok && i+1 < len(tokens) && tokens[i+1].Kind == Number {
			currency, i = c, i+1
			t = tokens[i]
		}
	}
	start := i
	if currency != "" {
		start--
	}
	n := Quantity{scale: 1}
	switch {
	case t.Kind == Number:
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
		if err != nil || strings.Count(t.Text, ".") > 1 {
			return Quantity{}, false
		}
		n = Quantity{Value: v, Start: start, End: i + 1, scale: 1}
	case t.Kind == Word:
		if !numberStarts.MayHave(t.Lower) {
			return Quantity{}, false
		}
		if _, ok := numberOpeners[t.Lower]; !ok {
			return Quantity{}, false
		}
		var ok bool
		if n, ok = readWordNumber(tokens, i); !ok {
			return Quantity{}, false
		}
		n.scale = max(n.scale, 1)
		if n.Start > start {
			n.Start = start
		}
	default:
		return Quantity{}, false
	}
	n.Currency = currency
	scale(&n, tokens)
	classify(&n, tokens)
	if n.Low == 0 && n.High == 0 {
		n.Low, n.High = n.Value, n.Value
	}
	if start := signed(tokens, n.Start); start >= 0 && n.Kind != Year && n.Kind != Fraction {
		n.Value, n.Low, n.High = -n.Value, -n.High, -n.Low
		n.Start = start
	}
	return n, true
}

// signed finds the minus sign of the number at token i: "-20C", "−5 °C"
// (a Unicode minus), "(-3%)", "minus 20 degrees". It returns the sign's
// token, or -1. A hyphen joined to a word or number before it makes a
// name or a range ("COVID-19", "10-20"), and "plus or minus" a margin.
func signed(tokens []Token, i int) int {
	if i == 0 {
		return -1
	}
	t, prev := tokens[i], tokens[i-1]
	opener := func(t Token) bool { return t.Kind == Punct && strings.ContainsAny(t.Text, "([\"“'‘") }
	switch {
	case t.Hyphen:
		// The tokenizer joins a hyphen to the token before it: only an
		// opening bracket or quote before makes it a sign.
		if opener(prev) {
			return i
		}
	case (prev.Text == "-" || prev.Text == "−") && prev.End == t.Start:
		// A sign stands apart from what is before it, or just inside a
		// bracket or quote: "(−3%)".
		if i < 2 || tokens[i-2].Kind != Number && (tokens[i-2].End < prev.Start || opener(tokens[i-2])) {
			return i - 1
		}
	case prev.Lower == "minus":
		if i < 2 || tokens[i-2].Kind != Number && tokens[i-2].Lower != "or" && !prev.Hyphen {
			return i - 1
		}
	}
	return -1
}

// readWordNumber reads spelled-out numbers: "Fifty-nine", "a dozen",
// "two hundred and fifty", "half", "dozens".
func readWordNumber(tokens []Token, i int) (Quantity, bool) {
	w := tokens[i].Lower
	// "tens of thousands", "hundreds of millions"
	if (w == "tens" || w == "hundreds") && i+2 < len(tokens) && tokens[i+1].Lower == "of" {
		if m, ok := multipliers[strings.TrimSuffix(tokens[i+2].Lower, "s")]; ok && m >= 1e3 {
			lo := 10 * m
			if w == "hundreds" {
				lo = 100 * m
			}
			return Quantity{Value: 2 * lo, Low: 2 * lo, High: 10*lo - 1, Start: i, End: i + 3}, true
		}
	}
	if r, ok := vague[w]; ok {
		return Quantity{Value: r[0], Low: r[0], High: r[1], Start: i, End: i + 1}, true
	}
	// "half" is a fraction; "a third" only before "of" ("a third of the
	// vote"), since "a third bid" is an ordinal.
	if f, ok := fractions[w]; ok && (w == "half" || (i > 0 && isArticleOrNumber(tokens[i-1]) && (i+1 >= len(tokens) || tokens[i+1].Lower == "of" || tokens[i+1].Kind == Punct))) {
		return Quantity{Value: f, Kind: Fraction, Start: i, End: i + 1}, true
	}
	if w == "dozen" || (w == "a" && i+1 < len(tokens) && tokens[i+1].Lower == "dozen") {
		end := i + 1
		if w == "a" {
			end = i + 2
		}
		return Quantity{Value: 12, Start: i, End: end}, true
	}
	total, current, end, scale := 0.0, 0.0, i, 0.0
	for end < len(tokens) {
		lw := tokens[end].Lower
		if tokens[end].Kind != Word {
			break
		}
		if v, ok := units[lw]; ok {
			current += v
		} else if v, ok := tens[lw]; ok {
			current += v
		} else if lw == "hundred" && end > i {
			current *= 100
		} else if m, ok := multipliers[lw]; ok && m >= 1e3 && end > i && len(lw) > 2 {
			total += current * m
			current, scale = 0, m
		} else if lw == "and" && end > i && end+1 < len(tokens) && isNumberWord(tokens[end+1].Lower) {
			// "two hundred and fifty"
		} else {
			break
		}
		end++
	}
	if end == i {
		return Quantity{}, false
	}
	return Quantity{Value: total + current, Start: i, End: end, scale: scale}, true
}

func isNumberWord(w string) bool {
	_, u := units[w]
	_, t := tens[w]
	return u || t
}

func isArticleOrNumber(t Token) bool {
	return t.Lower == "a" || t.Lower == "one" || t.Kind == Number || isNumberWord(t.Lower)
}

// scale applies a following multiplier ("1.5 million", "$2bn") and "%".
func scale(n *Quantity, tokens []Token) {
	if n.End >= len(tokens) {
		return
	}
	next := tokens[n.End]
	// A short multiplier ("m", "bn") is glued to its figure, or follows an
	// amount of money: "$30 m" is $30 million, "30 m" a length.
	short := next.Start == tokens[n.End-1].End || n.Currency != ""
	if m, ok := multipliers[next.Lower]; ok && next.Kind == Word && (len(next.Lower) > 2 || short) && !metres(tokens, *n) {
		n.Value *= m
		n.scale = m
		if n.Low != n.High {
			n.Low, n.High = n.Low*m, n.High*m
		}
		n.End++
	}
}

func classify(n *Quantity, tokens []Token) {
	switch {
	case n.Kind == Fraction:
		return
	case n.End < len(tokens) && (tokens[n.End].Text == "%" || tokens[n.End].Lower == "percent" || tokens[n.End].Lower == "pct"):
		n.Kind = Percent
		n.End++
	case n.End+1 < len(tokens) && tokens[n.End].Lower == "per" && tokens[n.End+1].Lower == "cent":
		n.Kind = Percent
		n.End += 2
	case n.Currency != "":
		n.Kind = Money
	case n.End < len(tokens) && currencyWords[tokens[n.End].Lower] != "" && !poundNotMoney(tokens, n.End):
		n.Kind, n.Currency = Money, currencyWords[tokens[n.End].Lower]
	case looksLikeYear(*n, tokens):
		n.Kind = Year
	}
}

// poundNotMoney reports whether token i is a pound that Pounds does not
// find to be money: "300 pounds of cocaine".
func poundNotMoney(tokens []Token, i int) bool {
	w := tokens[i].Lower
	return (w == "pound" || w == "pounds") && Pounds(tokens, i) != PoundsMoney
}

// looksLikeYear tells a year ("in 1997") from a count ("2000 prisoners").
func looksLikeYear(n Quantity, tokens []Token) bool {
	t := tokens[n.Start]
	if t.Kind != Number || strings.ContainsAny(t.Text, ",.") || n.End != n.Start+1 {
		return false
	}
	if n.Value < 1800 || n.Value > 2100 || n.Value != math.Trunc(n.Value) {
		return false
	}
	if n.Start > 0 {
		if _, ok := yearPrepositions[tokens[n.Start-1].Lower]; ok {
			return true
		}
		if _, ok := yearDeterminers[tokens[n.Start-1].Lower]; ok || strings.HasSuffix(tokens[n.Start-1].Lower, "'s") {
			return true // "his 2020 run", "the 2016 election", "Mobb Deep's 1995 album"
		}
		if _, ok := monthNames[tokens[n.Start-1].Lower]; ok {
			return true
		}
	}
	return n.End >= len(tokens) || tokens[n.End].Kind != Word || IsStop(tokens[n.End].Lower)
}
