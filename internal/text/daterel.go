package text

// readWeekday reads "Wednesday", "on Tuesday night", "last Friday",
// "next Monday".
func readWeekday(tokens []Token, i int) (DateMention, bool) {
	start := i
	m := DateMention{}
	switch tokens[i].Lower {
	case "last":
		i++
	case "next":
		m.Future = true
		i++
	}
	if i >= len(tokens) {
		return DateMention{}, false
	}
	wd, ok := weekdays[tokens[i].Lower]
	if !ok || !tokens[i].Capitalized() {
		return DateMention{}, false
	}
	m.Start, m.End, m.Weekday, m.HasWeekday = start, i+1, wd, true
	if next := safe(tokens, i+1).Lower; next == "night" || next == "morning" || next == "afternoon" || next == "evening" {
		m.End++
	}
	return m, true
}

var relativeDays = map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

var unitWords = map[string]byte{
	"day": 'd', "days": 'd', "week": 'w', "weeks": 'w', "month": 'm', "months": 'm', "year": 'y', "years": 'y',
	"weekend": 'w',
}

// readRelative reads "yesterday", "last month", "earlier this week",
// "three days ago", "in recent days", "last night".
func readRelative(tokens []Token, i int) (DateMention, bool) {
	w := tokens[i].Lower
	if off, ok := relativeDays[w]; ok {
		return DateMention{Start: i, End: i + 1, Offset: off, Unit: 'd'}, true
	}
	start := i
	if w == "earlier" || w == "later" {
		i++
		w = safe(tokens, i).Lower
	}
	switch w {
	case "last", "this", "next", "past":
		unitWord := safe(tokens, i+1).Lower
		if unitWord == "night" && w == "last" {
			return DateMention{Start: start, End: i + 2, Offset: -1, Unit: 'd'}, true
		}
		unit, ok := unitWords[unitWord]
		if !ok || unitWord == "days" || unitWord == "weeks" || unitWord == "months" || unitWord == "years" {
			return DateMention{}, false
		}
		off := 0
		switch w {
		case "last", "past":
			off = -1
		case "next":
			off = 1
		}
		return DateMention{Start: start, End: i + 2, Offset: off, Unit: unit, Future: w == "next"}, true
	case "in", "over":
		// "in recent days": the period around the reference.
		if safe(tokens, i+1).Lower == "recent" || safe(tokens, i+1).Lower == "the" && safe(tokens, i+2).Lower == "past" {
			j := i + 2
			if safe(tokens, i+1).Lower == "the" {
				j = i + 3
			}
			unit, ok := unitWords[safe(tokens, j).Lower]
			if !ok {
				return DateMention{}, false
			}
			// Days and weeks blur into the month they fall in.
			if unit == 'd' || unit == 'w' {
				unit = 'm'
			}
			return DateMention{Start: start, End: j + 1, Offset: 0, Unit: unit}, true
		}
	}
	// "three days ago", "a week ago"
	if n, ok := readAgo(tokens, i); ok {
		return n, true
	}
	return DateMention{}, false
}

func readAgo(tokens []Token, i int) (DateMention, bool) {
	if i >= len(tokens) {
		return DateMention{}, false
	}
	if safe(tokens, i+2).Lower != "ago" {
		return DateMention{}, false // most words: checked before any lookup
	}
	count := 0
	switch t := tokens[i]; {
	case t.Lower == "a" || t.Lower == "one":
		count = 1
	case t.Kind == Number:
		v, ok := smallInt(t, 1, 400)
		if !ok {
			return DateMention{}, false
		}
		count = v
	default:
		v, ok := units[t.Lower]
		if !ok || v < 1 {
			return DateMention{}, false
		}
		count = int(v)
	}
	unit, ok := unitWords[safe(tokens, i+1).Lower]
	if !ok {
		return DateMention{}, false
	}
	return DateMention{Start: i, End: i + 3, Offset: -count, Unit: unit}, true
}
