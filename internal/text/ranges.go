package text

// A range is one figure written as two: "60-70 mph", "30 to 35 people",
// "between 30 and 35 people", "$2-3bn". News writes many other pairs the
// same way that are not ranges: a change ("rose from 30 to 35"), a score
// or a tally ("won 3-1", "voted 220 to 211"), a ratio ("2-to-1"), years
// ("1990-1995"), phone numbers ("555-1234") and model numbers
// ("Boeing 737-800"). What is written around the pair tells them apart.

// rangeVerbs before "from" make "from 30 to 35" a range, not a change.
var rangeVerbs = setOf(`range ranges ranged ranging vary varies varied varying anywhere span spans spanning`)

// tallyWords in a pair's clause make it a score, a vote, a record of
// wins and losses or a ratio, unless the pair counts a noun after it.
var tallyWords = setOf(`vote votes voted voting ballot ballots tally score scored scores scoring scoreline
win wins won winning beat beats beating defeat defeated defeats lose loses lost losing victory loss draw
drew tie tied margin ratio odds ruling decision verdict majority record trail trails trailed trailing lead
leads led leading`)

// changeFrom are the words that may stand between "from" and the old
// value of a change: "from the current $7.25 to $9.50".
var changeFrom = setOf(`the a an its their his her current present existing previous old earlier`)

// changeVerbs right before a pair joined by "to" make it a change and its
// result: "jumped $4.13 to $90.13", "up 5% to 35%", "rose by 2 to 30".
// A hyphened pair after one is a range of the change: "rose 10-15%".
var changeVerbs = setOf(`rose rise rises rising jumped jump jumps jumping fell fall falls falling dropped
drop drops dropping climbed climb climbs climbing gained gain gains increased increase increases decreased
decrease decreases declined decline declines slipped slips slid slides surged surges soared soars tumbled
tumbles plunged plunges grew grow grows edged added adds shed sheds up down`)

// rangeAfter reads the second figure of a range that starts with a,
// and returns the range as one quantity. ok is false when what follows a
// is not a range's other end.
func rangeAfter(tokens []Token, a Quantity, tallies *clauseTallies) (Quantity, bool) {
	if a.Kind == Year || a.Kind == Fraction || a.Low != a.High || a.End >= len(tokens) {
		return Quantity{}, false
	}
	between := a.Start > 0 && tokens[a.Start-1].Lower == "between"
	// A unit between the figures is read after the second: "2m to 15m",
	// "5 feet to 6 feet".
	i, unit := a.End, ""
	if t := tokens[i]; t.Kind == Word && !t.Hyphen && i+1 < len(tokens) && connector(tokens[i+1], between) {
		i, unit = i+1, t.Lower
	}
	joined := tokens[i].Kind == Number && tokens[i].Hyphen && unit == "" // "60-70"
	next := i
	if !joined {
		if !connector(tokens[i], between) || i+1 >= len(tokens) || tokens[i+1].Hyphen {
			return Quantity{}, false // "2-to-1" is a ratio
		}
		next = i + 1
	}
	b, ok := readNumber(tokens, next)
	if !ok || b.Start != next || b.Kind == Year || b.Kind == Fraction || b.Low != b.High {
		return Quantity{}, false
	}
	if unit != "" && (b.End >= len(tokens) || tokens[b.End].Lower != unit) {
		return Quantity{}, false
	}
	r, ok := joinRange(a, b)
	if !ok || !rangeWording(tokens, a, b, joined, between, tallies) {
		return Quantity{}, false
	}
	if between {
		r.Start--
	}
	return r, true
}

// connector reports whether t joins the ends of a range: "to", a dash, or
// "and" after "between".
func connector(t Token, between bool) bool {
	switch t.Lower {
	case "to", "-", "–":
		return !between
	case "and":
		return between
	}
	return false
}

// joinRange makes one quantity of ends a and b. The second end's kind,
// currency and multiplier go to the first where it has none: "30-40%",
// "$2-3bn", "2 to 3 million". The ends must rise: "3-1" is a score.
func joinRange(a, b Quantity) (Quantity, bool) {
	if a.Kind != b.Kind {
		switch {
		case a.Kind == Percent:
			return Quantity{}, false // "16.8 percent to 21.32": a range gives its last end the sign too
		case a.Kind == Cardinal:
			a.Kind, a.Currency = b.Kind, b.Currency
		case b.Kind == Cardinal:
			b.Kind, b.Currency = a.Kind, a.Currency
		default:
			return Quantity{}, false
		}
	}
	if a.Currency != "" && b.Currency != "" && a.Currency != b.Currency {
		return Quantity{}, false
	}
	if a.scale == 1 && b.scale > 1 && a.Value*b.scale <= b.Value {
		a.Value *= b.scale
	}
	if a.Value >= b.Value {
		return Quantity{}, false
	}
	currency := a.Currency
	if currency == "" {
		currency = b.Currency
	}
	return Quantity{Value: (a.Value + b.Value) / 2, Low: a.Value, High: b.Value, Kind: a.Kind, Currency: currency,
		Start: a.Start, End: b.End, Range: true, scale: b.scale}, true
}

// rangeWording reports whether the words around figures a and b make
// them a range rather than a change, a tally, a phone or model number.
func rangeWording(tokens []Token, a, b Quantity, joined, between bool, tallies *clauseTallies) bool {
	if from := fromBefore(tokens, a.Start); !between && from >= 0 && !joined {
		// "rose from 30 to 35" is a change; "ranging from 30 to 35" a range.
		if from == 0 || !inSet(rangeVerbs, tokens[from-1].Lower) {
			return false
		}
	}
	if a.Start > 0 {
		prev := a.Start - 1
		if tokens[prev].Lower == "by" && prev > 0 {
			prev--
		}
		if !joined && inSet(changeVerbs, tokens[prev].Lower) {
			return false // "rose 10-15%" is a range of the change
		}
		if tokens[a.Start-1].Text == "." && a.Start > 1 {
			prev = a.Start - 2
		}
		if _, month := monthNames[tokens[prev].Lower]; month && tokens[prev].Capitalized() {
			return false // "Jan. 7-9", "May 5 to 7": days of a month
		}
	}
	if joined {
		first, second := tokens[a.End-1], tokens[b.Start]
		if a.Start > 0 && tokens[a.Start-1].Kind == Word && tokens[a.Start-1].End == tokens[a.Start].Start {
			return false // "i5-3330", "A320-200": a model glued to its letters
		}
		if tokens[a.Start].Hyphen || b.End < len(tokens) && tokens[b.End].Hyphen && tokens[b.End].Kind == Number {
			return false // "1-800-555-1212", "COVID-19-20": a chain, not a range
		}
		if !countedAfter(tokens, a, b) && (len(first.Text) == 3 && len(second.Text) == 4 || len(second.Text) > 1 && second.Text[0] == '0' && second.Text[1] != '.') {
			return false // "555-1234", "555-0123": a phone number; "500-1000 people" counts
		}
		if a.Start > 0 {
			prev := tokens[a.Start-1]
			if prev.Kind == Word && prev.Capitalized() && !SentenceInitial(tokens, a.Start-1) && !IsStop(prev.Lower) {
				return false // "Boeing 737-800": a model
			}
		}
	}
	if countedAfter(tokens, a, b) {
		return true // "led to 30-40 deaths", "lost $2-3bn"
	}
	return !tallies.in(a.Start, b.End)
}

// clauseTallies tells whether the clause around a pair holds a tally
// word, keeping the answer for the last clause read: a clause with many
// pairs ("between 3 and 4 … between 5 and 6", no comma between) is read
// once, not once for each.
type clauseTallies struct {
	tokens     []Token
	start, end int  // the clause last read, [start, end)
	clean      bool // no clause break lies inside it
	tally      bool
}

// in reports whether a tally word stands in the clause around [start, end).
func (c *clauseTallies) in(start, end int) bool {
	if c.clean && c.start <= start && end <= c.end {
		return c.tally
	}
	c.start, c.end = ClauseAround(c.tokens, start, end)
	c.clean, c.tally = true, false
	for _, t := range c.tokens[c.start:c.end] {
		c.tally = c.tally || inSet(tallyWords, t.Lower)
		c.clean = c.clean && !clauseBreak(t)
	}
	return c.tally
}

// countedAfter reports whether the pair a, b is money or counts
// the noun or unit after it ("30-40 deaths", "60-70 mph"), as a score, a
// tally or a phone number never does: they stand bare ("won 3-1 on
// Sunday", "a 45 to 55 vote", "call 555-1234 today").
func countedAfter(tokens []Token, a, b Quantity) bool {
	if a.Kind == Money || b.Kind == Money {
		return true
	}
	if b.End >= len(tokens) {
		return false
	}
	t := tokens[b.End]
	if t.Kind != Word || t.Hyphen || t.Capitalized() || IsStop(t.Lower) || inSet(tallyWords, t.Lower) {
		return false
	}
	return Plural(t.Lower) || inSet(rangeUnits, t.Lower)
}

// rangeUnits are units written after a range without a plural's "s":
// "60-70 mph", "10-15 km", "2-3 kg".
var rangeUnits = setOf(`mph kph kmh km kg mm cm ft mi lb oz yd ha kw mw gw kwh mwh gwh gb tb`)

// fromBefore finds the "from" before the figure at token start, past
// the words that may come between ("from the current $7.25"), or -1.
func fromBefore(tokens []Token, start int) int {
	k := start - 1
	for k >= 0 && start-k <= 3 && inSet(changeFrom, tokens[k].Lower) {
		k--
	}
	if k >= 0 && tokens[k].Lower == "from" {
		return k
	}
	return -1
}

func inSet(set map[string]struct{}, w string) bool {
	_, ok := set[w]
	return ok
}
