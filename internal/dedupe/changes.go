package dedupe

import (
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// editedOverlap is the share of content words two sentences must share to
// count as one sentence, edited, rather than one removed and one added.
const editedOverlap = 0.6

// Changes lists the sentences a newer version added and the ones it dropped,
// ignoring sentences that were only lightly edited. An edit that changes a
// figure ("12 died" to "15 died") or turns a statement round ("she would
// resign" to "she would not resign") is a change however few words it
// touches: those are what a reader of an update looks for.
// Either list is empty, not nil, when nothing changed that way: the JSON
// contract lists are never null.
func Changes(older, newer []text.Sentence) (added, removed []string) {
	oldKeys, newKeys := sentenceKeys(older), sentenceKeys(newer)
	added = append([]string{}, unmatched(newer, newKeys, oldKeys)...)
	removed = append([]string{}, unmatched(older, oldKeys, newKeys)...)
	return added, removed
}

// sentenceKey is what two sentences are compared by: their content words,
// and what must not differ between a sentence and its light edit.
type sentenceKey struct {
	words     map[string]bool
	figures   string // the sentence's numbers, sorted
	negations int
}

func (k sentenceKey) sameAs(o sentenceKey) bool {
	return k.figures == o.figures && k.negations == o.negations && overlap(k.words, o.words) >= editedOverlap
}

func unmatched(sentences []text.Sentence, keys, others []sentenceKey) []string {
	var out []string
	for i, s := range sentences {
		if !slices.ContainsFunc(others, keys[i].sameAs) {
			out = append(out, s.Text)
		}
	}
	return out
}

func sentenceKeys(sentences []text.Sentence) []sentenceKey {
	keys := make([]sentenceKey, len(sentences))
	for i, s := range sentences {
		k := sentenceKey{words: make(map[string]bool, len(s.Tokens))}
		var figures []string
		for _, t := range s.Tokens {
			switch {
			case t.Kind == text.Number || scaleWords[t.Lower]:
				figures = append(figures, t.Lower)
			case negators[t.Lower] || strings.HasSuffix(t.Lower, "n't") || strings.HasSuffix(t.Lower, "n’t"):
				k.negations++
			}
			if t.Content() {
				k.words[t.Stem] = true
			}
		}
		slices.Sort(figures)
		k.figures = strings.Join(figures, " ")
		keys[i] = k
	}
	return keys
}

// scaleWords are written parts of a figure: "12 million" to "12 billion" is
// a new figure.
var scaleWords = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true}

// negators turn a statement round, in the languages the text analysis
// reads ("n't" is matched as an ending).
var negators = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`not no never none nobody nothing neither nor cannot without
		nicht kein keine keinen keinem keiner keines nie niemals
		pas jamais aucun aucune non
		nunca nada ningún ninguna ninguno
		não nem nenhum nenhuma
		mai nessuno nessuna
		niet geen nooit
		żaden żadna żadne nigdy
		не нет никогда ни`) {
		negators[w] = true
	}
}

// overlap is the Jaccard similarity of two word sets.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
