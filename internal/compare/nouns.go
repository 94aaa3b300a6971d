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
	case at(j).Lower == "of" && subsetWords[at(j+1).Lower]:
		return inherit(prev, j+2)
	case subsetWords[at(j).Lower]:
		return inherit(prev, j+1)
	case at(j).Lower == "of":
		k := j + 1
		subset := at(k).Lower == "the" && q.Kind == text.Cardinal && q.Low == q.High
		for determiners[at(k).Lower] {
			k++
		}
		np, end, ok := nounRun(tokens, k)
		np.subset = subset
		return np, end, ok
	case linkVerbs[at(j).Lower]:
		// "five are Americans", "only 22 are still alive"
		k := j + 1
		for adverbs[at(k).Lower] {
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
	for determiners[at(k).Lower] {
		k++ // "half its remaining hostages"
	}
	np, end, ok := nounRun(tokens, k)
	if !ok && (beliefVerbs[at(j).Lower] || adverbs[at(j).Lower]) {
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
// hostages", "Palestinian prisoners", "direct meetings".
func nounRun(tokens []text.Token, i int) (nounPhrase, int, bool) {
	var run []int
	for k := i; k < len(tokens) && len(run) < maxNounRun; k++ {
		t := tokens[k]
		if t.Kind != text.Word || text.IsStop(t.Lower) || linkVerbs[t.Lower] || speechVerbs[t.Lower] || beliefVerbs[t.Lower] {
			break
		}
		run = append(run, k)
	}
	var np nounPhrase
	head := -1
	for n, k := range run {
		t := tokens[k]
		if state, ok := states[t.Lower]; ok && n < len(run)-1 {
			np.state = state
			continue
		}
		if t.Capitalized() && n < len(run)-1 {
			np.modifiers = append(np.modifiers, t.Text)
			continue
		}
		if adjective(t.Lower) && n < len(run)-1 {
			continue
		}
		head = k
		if n+1 < len(run) {
			next := tokens[run[n+1]]
			if !next.Capitalized() && strings.HasSuffix(next.Lower, "s") && !strings.HasSuffix(t.Lower, "s") && states[next.Lower] == "" {
				head = run[n+1] // a compound: "police officers", "direct meetings"
			}
		}
		break
	}
	if head < 0 {
		return nounPhrase{}, 0, false
	}
	if ht := tokens[head]; ht.Capitalized() && len(np.modifiers) > 0 && np.modifiers[len(np.modifiers)-1] == ht.Text {
		np.modifiers = np.modifiers[:len(np.modifiers)-1]
	}
	np.head = tokens[head].Text
	np.stem = tokens[head].Stem
	return np, head + 1, true
}

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
		t := tokens[k]
		if t.Kind == text.Punct || clauseWords[t.Lower] {
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
