package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// maxNounRun bounds the words read after a number for what it counts.
const maxNounRun = 4

// predicateWindow bounds how far after a count its state is looked for:
// "35 of them already deceased".
const predicateWindow = 6

// adverbs sit between a link verb and its predicate: "are still alive".
var adverbs = setOf(`still now already also all currently believed thought reported understood said to be
being feared presumed confirmed known likely`)

// countedNoun reads what a quantity counts and where that phrase ends.
func countedNoun(tokens []text.Token, q text.Quantity, prev *nounPhrase) (nounPhrase, int, bool) {
	j := q.End
	at := func(i int) text.Token {
		if i < len(tokens) {
			return tokens[i]
		}
		return text.Token{}
	}
	switch {
	case at(j).Lower == "year" && at(j).Hyphen && at(j+1).Lower == "old":
		// "21-year-old Edan Alexander": an age, worth keeping only with a name.
		name, end := capitalRun(tokens, j+2)
		if name == "" {
			return nounPhrase{}, 0, false
		}
		return nounPhrase{head: "age of " + name, stem: "age of " + strings.ToLower(name)}, end, true
	case at(j).Lower == "of" && subsetWords.has(at(j+1).Lower):
		return inherit(prev, j+2)
	case subsetWords.has(at(j).Lower):
		return inherit(prev, j+1)
	case at(j).Lower == "of":
		k := j + 1
		subset := at(k).Lower == "the" && q.Kind == text.Cardinal && q.Low == q.High
		for determiners.has(at(k).Lower) {
			k++
		}
		np, end, ok := nounRun(tokens, k)
		np.subset = subset
		return np, end, ok
	case (at(j).Lower == "have" || at(j).Lower == "has" || at(j).Lower == "had") && prev != nil && prev.head != "":
		// "… and more than 175 million have been fully vaccinated": the
		// clause counts the noun counted before it.
		np := *prev
		return np, j, true
	case linkVerbs.has(at(j).Lower):
		// "five are Americans", "only 22 are still alive"
		k := j + 1
		for adverbs.has(at(k).Lower) {
			k++
		}
		if t := at(k); t.Kind == text.Word && t.Capitalized() {
			return nounRun(tokens, k)
		}
		if state, ok := states[at(k).Lower]; ok {
			np, end, ok := inherit(prev, k+1)
			np.state = state
			return np, end, ok
		}
		return nounPhrase{}, 0, false
	}
	k := j
	for determiners.has(at(k).Lower) {
		k++ // "half its remaining hostages"
	}
	np, end, ok := nounRun(tokens, k)
	if w := at(j).Lower; !ok && (beliefVerbs.has(w) || adverbs.has(w) && w != "to" && w != "be" && w != "being") {
		// "one believed to still be alive": the noun is the one before.
		return inherit(prev, j)
	}
	return np, end, ok
}

func inherit(prev *nounPhrase, end int) (nounPhrase, int, bool) {
	if prev == nil || prev.head == "" {
		return nounPhrase{}, 0, false
	}
	np := *prev
	np.subset = true
	return np, end, true
}

// nounRun reads modifiers and a head noun starting at token i: "living
// hostages", "Palestinian prisoners", "sales tax". English compounds put the
// head last, so the head is the last word of the run; a state word or a
// capitalised word before it is a modifier.
func nounRun(tokens []text.Token, i int) (nounPhrase, int, bool) {
	var run []int
	for k := i; k < len(tokens) && len(run) < maxNounRun; k++ {
		t := &tokens[k]
		if t.Kind == text.Number && t.Hyphen && len(run) > 0 {
			continue // "Covid-19 cases": the number is part of a name
		}
		if t.Kind != text.Word || text.IsStop(t.Lower) || linkVerbs.has(t.Lower) || nounStops.has(t.Lower) || text.IrregularPast(t.Lower) {
			break
		}
		if strings.HasSuffix(t.Lower, "ed") && !participle(tokens, k) {
			break // "prisoners held in …": a verb ends the noun
		}
		if reportingVerbs.has(t.Lower) && !participle(tokens, k) {
			break
		}
		if len(run) > 0 && presentParticiple(t.Lower) && text.Plural(tokens[run[len(run)-1]].Lower) {
			break // "passengers clashing with police": a clause follows the noun
		}
		run = append(run, k)
	}
	if len(run) == 0 {
		return nounPhrase{}, 0, false
	}
	var np nounPhrase
	last := len(run) - 1
	if state, ok := states[tokens[run[last]].Lower]; ok && last > 0 {
		np.state = state // "49 people dead": the state follows its noun
		last--
	}
	head := run[last]
	if text.IsDateWord(tokens[head].Lower) {
		return nounPhrase{}, 0, false
	}
	for n, k := range run[:last] {
		t := &tokens[k]
		switch state, ok := states[t.Lower]; {
		case ok:
			np.state = state
		case t.Capitalized():
			np.modifiers = append(np.modifiers, t.Text)
		case scopeWords.has(t.Lower):
			// "new cases", "additional students": a different count.
			np.compound = strings.TrimSpace(np.compound + " " + t.Lower)
		case n == last-1 && !adjective(t.Lower) && !strings.HasSuffix(t.Lower, "ed"):
			// A noun before the head makes a compound that counts something
			// narrower: "swing states", "sales tax", "passenger services".
			np.compound = t.Lower
		}
	}
	if tokens[run[0]].Hyphen && run[0] > 0 && tokens[run[0]-1].Kind == text.Number {
		// "a 27-inch touchscreen", "a 30-car pileup": the number measures
		// the unit it is joined to.
		np.compound = tokens[run[0]].Lower
	}
	np.head = tokens[head].Text
	np.stem = tokens[head].Stem
	return np, run[last] + 1, true
}

// nounStops end a noun run although they are not stop words: verbs that
// often follow a count ("59 hostages remain"); the past forms of irregular
// verbs ("12 people fell ill") are text.IrregularPast.
var nounStops = setOf(`remain remains died die dies say says said believe believes include includes
including face faces faced stay stays stayed north south east west northeast northwest southeast southwest
away off long wide high deep tall ago apart set`)

// adjective guesses from its ending whether a word modifies the noun after
// it; a wrong guess only makes a subject a little broader or narrower.
func adjective(w string) bool {
	switch w {
	case "remaining", "other", "new", "former", "additional", "more", "further", "total", "direct", "possible":
		return true
	}
	for _, suffix := range []string{"al", "ive", "ous", "ful", "ic", "ary", "less", "ent", "ant", "ible", "able"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+3 {
			return true
		}
	}
	return false
}

// capitalRun reads a run of capitalised words at i.
func capitalRun(tokens []text.Token, i int) (string, int) {
	var words []string
	for i < len(tokens) && tokens[i].Kind == text.Word && tokens[i].Capitalized() {
		words = append(words, tokens[i].Text)
		i++
	}
	return strings.Join(words, " "), i
}

// stateBefore reads a state from the words before a figure: "the bodies of
// at least 35", "release 33 hostages", "killing 12".
func stateBefore(tokens []text.Token, start int) string {
	if start < 1 {
		return ""
	}
	prev := tokens[start-1].Lower
	if prev == "of" && start >= 2 {
		prev = tokens[start-2].Lower
	}
	if state, ok := states[prev]; ok {
		return state
	}
	if strings.HasPrefix(prev, "kill") {
		return "dead"
	}
	return ""
}

// statePredicate reads a state said of a count after it: "35 of them
// already deceased", "hostages were released".
func statePredicate(tokens []text.Token, from int) string {
	for k := from; k < len(tokens) && k-from < predicateWindow; k++ {
		t := &tokens[k]
		if t.Kind == text.Punct || clauseWords.has(t.Lower) {
			break
		}
		if state, ok := states[t.Lower]; ok {
			return state
		}
	}
	return ""
}

// tollBefore reads a death toll stated before a bare number: "put the death
// toll at 12", "the toll rose to 14".
func tollBefore(tokens []text.Token, start int) (nounPhrase, bool) {
	for k := start - 1; k >= 0 && start-k <= 4; k-- {
		if tokens[k].Lower != "toll" {
			continue
		}
		np := nounPhrase{head: "people", stem: "peopl", state: "dead"}
		if k > 0 && (tokens[k-1].Lower == "injury" || tokens[k-1].Lower == "casualty") {
			np.state = "injured"
		}
		return np, true
	}
	return nounPhrase{}, false
}

// measuredNoun finds what an amount or a share measures when no noun
// follows it directly: "$1.5 million in aid", "turnout was 35%",
// "unemployment rose to 5%".
func measuredNoun(tokens []text.Token, q text.Quantity, start int) (nounPhrase, int, bool) {
	if q.End+1 < len(tokens) {
		switch w := tokens[q.End].Lower; {
		case w == "in" || w == "for" || w == "of" || w == "on" && q.Kind == text.Money: // "$2,556 on a photographer"
			k := q.End + 1
			for k < len(tokens) && determiners.has(tokens[k].Lower) {
				k++
			}
			if np, end, ok := nounRun(tokens, k); ok {
				return np, end, true
			}
		}
	}
	verb := false
	for k := start - 1; k >= 0 && start-k <= 4; k-- {
		t := &tokens[k]
		if t.Kind != text.Word || t.Lower == "and" || t.Lower == "or" {
			break // a list item or a new clause: the noun before is another's
		}
		// "The cost was estimated at", "pegged the cost at": a verb's
		// form after a determiner, or before the verb, is the noun.
		noun := measureVerbs.has(t.Lower) && (verb || k > 0 && determiners.has(tokens[k-1].Lower))
		if !noun && (text.IsStop(t.Lower) || linkVerbs.has(t.Lower) || measureVerbs.has(t.Lower)) {
			verb = verb || linkVerbs.has(t.Lower) || measureVerbs.has(t.Lower)
			continue
		}
		head := t.Text
		if k == 0 {
			head = t.Lower // capitalised only because it opens the sentence
		}
		return nounPhrase{head: head, stem: t.Stem}, q.End, true
	}
	return nounPhrase{}, 0, false
}

// measureVerbs link a measure to its amount: "rose to", "stood at".
var measureVerbs = setOf(`rose fell grew dropped climbed increased decreased jumped stood reached hit
totalled totaled amounted cost costs start starts started priced sells sold
put estimated valued pegged assessed set`)

func presentParticiple(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing")
}

// participle reports whether a verb form modifies the noun after it, as
// "confirmed" does in "94 confirmed cases"; before a preposition it is the
// verb ("the boat capsized near the harbour").
func participle(tokens []text.Token, k int) bool {
	if !strings.HasSuffix(tokens[k].Lower, "ed") || k+1 >= len(tokens) {
		return false
	}
	next := &tokens[k+1]
	return next.Kind == text.Word && !text.IsStop(next.Lower) && !next.Capitalized() && !governing.has(next.Lower)
}

// nounOf reads "<noun> of" before a figure: "the vote of 220 to 211".
func nounOf(tokens []text.Token, start int) (nounPhrase, bool) {
	if start < 2 || tokens[start-1].Lower != "of" {
		return nounPhrase{}, false
	}
	t := &tokens[start-2]
	if t.Kind != text.Word || text.IsStop(t.Lower) || t.Capitalized() || adjective(t.Lower) {
		return nounPhrase{}, false
	}
	return nounPhrase{head: t.Text, stem: t.Stem}, true
}

// scopeWords narrow what a count covers; counts with different scopes are
// different counts ("34,700 new cases", "2.38 million cases").
var scopeWords = setOf(`new additional total overall cumulative daily weekly monthly annual yearly
extra further remaining other more fewer`)
