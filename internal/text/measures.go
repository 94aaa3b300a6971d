package text

import "strings"

// A few abbreviations news shares between an amount and a measure: "m"
// after a number is a million ("$5m", "2m people") or metres ("1.75m
// tall"), and "pounds" is money ("£5", "5 pounds sterling") or weight ("300
// pounds of cocaine"). What is written around the number tells them apart.

// dimensions say which way a measure goes ("5 feet tall", "10 mm
// taller", "30 miles away"): they follow a length, never a count.
var dimensions = setOf(`tall taller long longer wide wider high higher deep deeper thick thicker thin thinner
short shorter heavy heavier across away apart underground underwater offshore inland upstream downstream
downwind upwind uphill downhill`)

// Dimension reports whether a lower-case word says which way a measure
// goes: "tall", "long", "away".
func Dimension(w string) bool {
	_, ok := dimensions[w]
	return ok
}

// lengthNouns name a length, and lengthVerbs give one: "a height of 30m",
// "it measures 8m".
var lengthNouns = setOf(`height depth length width breadth altitude elevation distance diameter radius span
wingspan thickness circumference measuring measured measures`)

// fallNouns name a length fallen, climbed or dived ("a 10m drop"), or,
// followed by "in" or "of", a change in an amount ("a 2m drop in sales").
var fallNouns = setOf(`drop drops fall falls plunge descent climb ascent dive leap jump`)

// surfaceNouns are what a height or depth is measured from: "300m above
// sea level", "10m below the surface".
var surfaceNouns = setOf(`sea ground surface water waterline street seabed seafloor floor river riverbed
deck ice earth road bottom`)

// physicalNouns name things that have a height, length or depth; with one
// as a clause's subject a bare "300m" is its size: "The tower is 300m."
var physicalNouns = setOf(`tower towers building buildings skyscraper skyscrapers bridge bridges wall walls
cliff cliffs wave waves tsunami tree trees ship ships boat boats vessel vessels yacht tunnel tunnels mountain
peak hill dam dams crater hole holes sinkhole pit shaft statue mast antenna spire runway pipeline pipe
fence barrier cable rope ladder rocket glacier iceberg dune slope trench canyon gorge volcano column pillar
chimney monument arch crane pole tide flood floodwater floodwaters embankment levee seawall pier jetty cave
wreck hull sculpture flagpole turbine ramp balcony roof ledge window platform stage screen`)

// sizeVerbs join a thing to its size: "The tower is 300m", "the wave
// reached 10m".
var sizeVerbs = setOf(`is was are were be been stands stood rises rose reaches reached reach measures
measured towers towered soars soared spans spanned stretches stretched extends extended`)

// fallVerbs move a thing or a person through a height or a depth: "fell
// 10m into a ravine".
var fallVerbs = setOf(`fell fall falls falling plunged plunge plunges plunging dropped tumbled tumbling
slipped slid jumped leapt leaped dived dove sank sunk climbed swam swum thrown hurled flung lowered hoisted`)

// placeWords after a length a thing moved through say where it went.
var placeWords = setOf(`into onto off down through`)

// placeOrMeasureWords say where a thing went only before a thing or a
// surface ("fell 10m below the surface", "plunged 20m over a cliff"): an
// amount falls over a time or below what was expected ("Sales fell 2m
// over the year", "dropped 5m below forecasts").
var placeOrMeasureWords = setOf(`from to over beneath below under underneath`)

// imperialLengths are the units a length in metres is often converted to
// in brackets: "23m (75ft)".
var imperialLengths = setOf(`ft feet foot in inches yd yards mi miles`)

// amountNouns name an amount of money or a change in one: a million
// before them is not a length ("a 5m deal", "a 2m increase"), and a
// pound before them is money ("a five-pound note", "pounds of aid").
var amountNouns = setOf(`deal deals contract contracts fee fees fine fines salary salaries wage wages budget
budgets fund funds funding prize prizes bonus bonuses grant grants loan loans debt debts aid bail ransom
reward rent profit profits loss losses revenue revenues income sale sales investment investments payout
settlement deficit surplus subsidy subsidies pension pensions bill bills note notes coin coins cheque
check package donation donations bribe bribes compensation damages tax taxes stake bid bids price prices
cost costs spending transfer increase rise fall drop decline jump gain cut boost shortfall`)

// countNouns name a number of people as one thing, or the people counted
// as a noun before another: a million before them is not a length ("a
// 3m population", "a 5m user base").
var countNouns = setOf(`population audience viewership readership following workforce crowd membership
electorate turnout user subscriber customer viewer reader member passenger visitor voter`)

// moneyVerbs in a clause make a pound in it money: "paid 50 pounds".
var moneyVerbs = setOf(`paid pay pays paying cost costs costing priced worth fined spend spends spent raised
raise earn earns earned donated owe owes owed charged charge charges sold sell sells buy buys bought
invested lent borrowed`)

// metres reports whether the "m" glued to the number n, with no currency
// before it, is metres rather than a million. The words after it decide:
// a dimension ("1.75m tall", "the 8m-long boat"), a conversion into feet
// in brackets ("23m (75ft)"), a mass noun ("5m of water"), a singular
// noun after "a" ("a 30m wall"; "a 5m deal" is an amount), or a length
// named before it ("a depth of 30m"). A range takes its last figure's
// reading ("from 2m to 15m long"), and the second of a pair the first's
// ("between 1,600m (5,250ft) and 2,400m"). Otherwise it is a million, the
// common reading in news and the one that names no measure to compare.
func metres(tokens []Token, n Quantity) bool {
	return metresOf(tokens, n, true)
}

// metresOf is metres, reading the other figure of a pair when pairs is
// set: the other figure is read without its pair, which is n.
func metresOf(tokens []Token, n Quantity, pairs bool) bool {
	m := n.End
	if n.Currency != "" || m >= len(tokens) || tokens[m].Text != "m" || tokens[m].Start != tokens[m-1].End || tokens[n.Start].Kind != Number {
		return false
	}
	at := func(i int) Token {
		if i < len(tokens) {
			return tokens[i]
		}
		return Token{}
	}
	next, after := at(m+1), at(m+2)
	switch {
	case Dimension(next.Lower):
		return true
	case inSet(fallNouns, next.Lower):
		return after.Lower != "in" && after.Lower != "of" // "a 10m drop"; "a 2m drop in sales"
	case inSet(lengthNouns, next.Lower):
		return true // "a 300m length of pipe"
	case next.Lower == "in" && inSet(lengthNouns, after.Lower):
		return true // "300m in length"
	case next.Lower == "above" || next.Lower == "below" || next.Lower == "beneath" || next.Lower == "under":
		if surfaceAt(tokens, m+2) {
			return true // "300m above sea level", "10m below the surface"
		}
	case raceEvent(next.Lower):
		return true // "the 100m sprint", "the 400m hurdles"
	case next.Text == "(":
		k := m + 2
		if at(k).Kind == Word && at(k+1).Kind == Number {
			k++ // "(about 75ft)"
		}
		_, unit := imperialLengths[at(k+1).Lower]
		return at(k).Kind == Number && unit
	case next.Lower == "of":
		w := at(m + 2)
		return w.Kind == Word && !w.Capitalized() && !IsStop(w.Lower) && !Plural(w.Lower) && !isAmountNoun(w.Lower) && !isCurrencyWord(w.Lower)
	case pairs && (next.Lower == "to" || next.Lower == "and" || next.Lower == "or") && at(m+2).Kind == Number:
		// The other figure's token alone: reading it whole would ask
		// metres of it and its pair in turn, along a chain of pairs.
		return metresOf(tokens, Quantity{Start: m + 2, End: m + 3}, false)
	case next.Kind == Word && !next.Hyphen && !next.Capitalized() && !IsStop(next.Lower) && !Plural(next.Lower) &&
		!isAmountNoun(next.Lower) && !isCountNoun(next.Lower) && !isCurrencyWord(next.Lower) && n.Start > 0 && (tokens[n.Start-1].Lower == "a" || tokens[n.Start-1].Lower == "an"):
		return true
	}
	for k := n.Start - 1; k >= 0 && n.Start-k <= 4; k-- {
		if _, ok := lengthNouns[tokens[k].Lower]; ok {
			return true
		}
		if tokens[k].Kind != Word || !IsStop(tokens[k].Lower) {
			break // "a height of up to 30m"; a word of content ends the look back
		}
	}
	return convertedFrom(tokens, n.Start) || pairs && pairedWithMetres(tokens, n.Start) ||
		sizeOfThing(tokens, n.Start, m) || fallThrough(tokens, n.Start, m)
}

// convertedFrom reports whether the figure at token start is in brackets
// after a length in feet or miles, converting it: "6-7ft (about 2m)".
func convertedFrom(tokens []Token, start int) bool {
	k := start - 1
	for k >= 0 && inSet(lengthQualifiers, tokens[k].Lower) {
		k--
	}
	return k > 0 && tokens[k].Text == "(" && inSet(imperialLengths, tokens[k-1].Lower)
}

// pairedWithMetres reports whether the figure at token start is the
// second of a pair whose first is in metres: "between 1,600m (5,250ft)
// and 2,400m".
func pairedWithMetres(tokens []Token, start int) bool {
	k := start - 1
	if k < 1 || !inSet(pairWords, tokens[k].Lower) {
		return false
	}
	k--
	if tokens[k].Text == ")" {
		for k > 0 && tokens[k].Text != "(" {
			k--
		}
		k--
	}
	if k < 1 || tokens[k].Text != "m" || tokens[k-1].Kind != Number {
		return false
	}
	return metresOf(tokens, Quantity{Start: k - 1, End: k}, false)
}

var pairWords = setOf(`to and or`)

// surfaceAt reports whether a surface a height is measured from starts
// at token i, after determiners: "the surface", "sea level".
func surfaceAt(tokens []Token, i int) bool {
	for i < len(tokens) && isDeterminer(tokens[i].Lower) {
		i++
	}
	return i < len(tokens) && inSet(surfaceNouns, tokens[i].Lower)
}

// verbBefore is the token before figure start, past a qualifier ("about",
// "nearly", "some"), or -1.
func verbBefore(tokens []Token, start int) int {
	k := start - 1
	for k >= 0 && inSet(lengthQualifiers, tokens[k].Lower) {
		k--
	}
	return k
}

var lengthQualifiers = setOf(`about around roughly nearly almost some over just only approximately`)

// sizeOfThing reports whether the "m" at token m, before no noun of its
// own, gives the size of a thing named as the subject of a verb of size:
// "The tower is 300m.", "the new bridge will be 1,200m", "the wave
// reached 10m in places".
func sizeOfThing(tokens []Token, start, m int) bool {
	if m+1 < len(tokens) && tokens[m+1].Kind != Punct && !IsStop(tokens[m+1].Lower) {
		return false
	}
	k := verbBefore(tokens, start)
	if k < 1 || !inSet(sizeVerbs, tokens[k].Lower) {
		return false
	}
	for k--; k > 0 && (inSet(auxiliaryWords, tokens[k].Lower) || tokens[k].Lower == "be"); k-- {
	}
	return inSet(physicalNouns, tokens[k].Lower) && !moneyInClause(tokens, start, m)
}

// moneyInClause reports whether the clause around tokens [start, end)
// speaks of money: "the bridge is 300m over budget".
func moneyInClause(tokens []Token, start, end int) bool {
	start, end = ClauseAround(tokens, start, end)
	for _, t := range tokens[start:end] {
		if isAmountNoun(t.Lower) || isCurrencyWord(t.Lower) || inSet(moneyVerbs, t.Lower) {
			return true
		}
	}
	return false
}

var auxiliaryWords = setOf(`will would could can should may might must now currently also still then once`)

// fallThrough reports whether the "m" at token m is a length something
// fell, dived or climbed through, after a verb of such motion and before
// where it went: "fell 10m into a ravine", "plunged 30m from the bridge".
func fallThrough(tokens []Token, start, m int) bool {
	k := verbBefore(tokens, start)
	if k < 0 || !inSet(fallVerbs, tokens[k].Lower) || m+1 >= len(tokens) {
		return false
	}
	next := tokens[m+1].Lower
	if inSet(placeWords, next) {
		return true
	}
	if !inSet(placeOrMeasureWords, next) {
		return false
	}
	i := m + 2
	for i < len(tokens) && isDeterminer(tokens[i].Lower) {
		i++
	}
	// "fell 10m from a balcony", "to the ground"; "fell 2m to 5m" is a change.
	return i < len(tokens) && (inSet(physicalNouns, tokens[i].Lower) || inSet(surfaceNouns, tokens[i].Lower))
}

// raceEvent reports whether a word names a race run or swum over a
// distance, which a length in metres names: "100m sprint", "400m hurdles",
// "200m freestyle".
func raceEvent(w string) bool {
	switch w {
	case "sprint", "dash", "hurdles", "relay", "steeplechase", "freestyle", "backstroke", "breaststroke", "butterfly", "medley":
		return true
	}
	return false
}

func isAmountNoun(w string) bool {
	_, ok := amountNouns[w]
	return ok
}

func isCountNoun(w string) bool {
	_, ok := countNouns[w]
	return ok
}

func isCurrencyWord(w string) bool {
	return currencyWords[w] != ""
}

// PoundSense is what "pound" or "pounds" after a number measures.
type PoundSense uint8

const (
	PoundsUnclear PoundSense = iota // "dropping to 80 pounds": either
	PoundsMoney                     // "5 pounds sterling", "5 pounds ($6.30)", "paid 50 pounds"
	PoundsWeight                    // "a 5-pound bag", "300 pounds of cocaine", "weighs 17 pounds"
)

// Pounds tells money from weight for the "pound" or "pounds" at token i,
// after a number. Money shows in "sterling", a currency in brackets or an
// amount noun after it; weight in a hyphen ("a 5-pound bag"), "of" and a
// substance, or weighing in the clause; a verb of money in the clause, or
// millions, make it money when nothing says weight. Otherwise it is
// unclear.
func Pounds(tokens []Token, i int) PoundSense {
	at := func(k int) Token {
		if 0 <= k && k < len(tokens) {
			return tokens[k]
		}
		return Token{}
	}
	next := at(i + 1)
	switch {
	case next.Lower == "sterling":
		return PoundsMoney
	case next.Text == "(" && currencies[at(i+2).Text] != "":
		return PoundsMoney // "5 pounds ($6.30)"
	case tokens[i].Hyphen && isAmountNoun(next.Lower):
		return PoundsMoney // "a five-pound note"
	case tokens[i].Hyphen:
		return PoundsWeight
	case next.Lower == "of":
		k := i + 2
		for isDeterminer(at(k).Lower) {
			k++
		}
		if isAmountNoun(at(k).Lower) {
			return PoundsMoney // "2 million pounds of aid"
		}
		if at(k).Kind == Word {
			return PoundsWeight // "300 pounds of cocaine"
		}
	}
	start, end := ClauseAround(tokens, i, i+1)
	money := false
	for _, t := range tokens[start:end] {
		if strings.HasPrefix(t.Lower, "weigh") || t.Lower == "heavy" || t.Lower == "heavier" {
			return PoundsWeight
		}
		if _, ok := moneyVerbs[t.Lower]; ok || isAmountNoun(t.Lower) {
			money = true
		}
	}
	if m := multipliers[at(i-1).Lower]; money || m >= 1e6 {
		return PoundsMoney // "5 million pounds": weight in millions is given "of" something
	}
	return PoundsUnclear
}

// ClauseAround widens tokens [start, end) to the clause they stand in:
// to the nearest comma, semicolon, colon, dash or bracket either side, so
// that an aside in brackets is a clause of its own.
func ClauseAround(tokens []Token, start, end int) (int, int) {
	for start > 0 && !clauseBreak(tokens[start-1]) {
		start--
	}
	for end < len(tokens) && !clauseBreak(tokens[end]) {
		end++
	}
	return start, end
}

func clauseBreak(t Token) bool {
	return t.Kind == Punct && strings.ContainsAny(t.Text, ",;:—–()")
}
