package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// wordCase counts how a word is written across the story: in lower case,
// and with a capital away from the start of a sentence.
type wordCase struct {
	lower, capital int
}

// commonOpening reports whether the phrase [start, end) of the sentence at
// r is a common noun phrase that a sentence's capital makes look like a
// name: "Researchers said", "Experts warned", "Local residents said". Its
// first word opens the sentence (or a quotation), and the story writes
// that word in lower case at least as often as with a capital elsewhere,
// or the phrase has more words and the story never capitalises the first
// elsewhere; and no later word is capitalised. Such a phrase names an
// unnamed group, as "researchers said" does.
func (ix *Index) commonOpening(r Ref, start, end int) bool {
	tokens := ix.sentence(r).Tokens
	if !text.SentenceInitial(tokens, start) || !tokens[start].Capitalized() || strings.ToUpper(tokens[start].Text) == tokens[start].Text {
		return false // not at the start, or an initialism: "FBI", "NASA"
	}
	for _, t := range tokens[start+1 : end] {
		if t.Kind == text.Word && t.Capitalized() {
			return false // a name follows: "Campaign group Avaaz"
		}
	}
	c := ix.caseOf(tokens[start].Lower)
	return c.lower > 0 && c.lower >= c.capital || end-start > 1 && c.capital == 0
}

// caseOf says how the story writes a word, counting every sentence once,
// on the first call.
func (ix *Index) caseOf(lower string) wordCase {
	if ix.cases == nil {
		ix.cases = map[string]wordCase{}
		for _, r := range ix.Refs {
			tokens := ix.sentence(r).Tokens
			for k, t := range tokens {
				if t.Kind != text.Word {
					continue
				}
				c := ix.cases[t.Lower]
				switch {
				case !t.Capitalized():
					c.lower++
				case !text.SentenceInitial(tokens, k):
					c.capital++
				default:
					continue
				}
				ix.cases[t.Lower] = c
			}
		}
	}
	return ix.cases[lower]
}
