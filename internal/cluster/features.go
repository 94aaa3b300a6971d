// Package cluster groups articles into stories online: each article joins
// the most similar live story or starts a new one. Similarity is cosine over
// TF-IDF vectors in which titles, leads and names weigh more.
package cluster

import (
	"slices"

	"github.com/corroborate/corroborate/internal/text"
)

// Weights of where a word appears. A title names the event; the lead says
// what happened; names and numbers tell one event from another like it. A
// name of several words already counts through the stems of its words, so
// its own term adds less: weighed fully, a name every story of a topic
// shares ("Supreme Court") would count three times and pull the topic's
// stories together.
const (
	titleWeight = 3
	leadWeight  = 2
	nameWeight  = 0.75
	leadLength  = 3 // sentences
)

// Features counts the terms of an article: content-word stems and whole
// names, weighted by where they appear. Terms are hashed to 64 bits.
func Features(titleText string, doc *text.Doc) map[uint64]float64 {
	title := doc.Tokenize(titleText)
	tf := make(map[uint64]float64, termsHint(title, doc))
	addWords := func(tokens []text.Token, weight float64) {
		for i := range tokens {
			addTerm(tf, tokens, i, weight)
		}
	}
	addWords(title, titleWeight)
	for i, s := range doc.Sentences {
		weight := 1.0
		if i < leadLength {
			weight = leadWeight
		}
		addWords(s.Tokens, weight)
		for _, span := range doc.Names(i) {
			if span.End-span.Start > 1 {
				tf[text.Hash(text.NameKey(s.Tokens, span))] += nameWeight * weight
			}
		}
	}
	return tf
}

// addTerm counts the i-th token at weight: a content word by its stem, a
// number of two digits or more as written, Chinese and Japanese by
// characters (addCharacters).
func addTerm(tf map[uint64]float64, tokens []text.Token, i int, weight float64) {
	switch t := tokens[i]; {
	case !t.Content() || t.Kind == text.Number && len(t.Text) < 2:
	case t.Ideographic():
		addCharacters(tf, tokens, i, weight)
	default:
		tf[text.Hash(t.Stem)] += weight
	}
}

// addCharacters counts a character of Chinese or Japanese, where words are
// written without spaces: the pair it starts with the next character is
// the term, as search engines index these languages, since most words are
// two characters and one character says little ("国" is in "China",
// "nation" and "national"); a character alone counts only where no
// neighbour carries meaning.
func addCharacters(tf map[uint64]float64, tokens []text.Token, i int, weight float64) {
	pairs := func(a, b text.Token) bool { return b.Start == a.End && b.Ideographic() && b.Content() }
	t := tokens[i]
	if i+1 < len(tokens) && pairs(t, tokens[i+1]) {
		tf[text.Hash(t.Stem+tokens[i+1].Stem)] += weight
		return
	}
	if i == 0 || !pairs(tokens[i-1], t) {
		tf[text.Hash(t.Stem)] += weight
	}
}

// maxTermsHint bounds the room made up front for an article's terms: a
// long article's distinct terms are far fewer than its tokens, and the map
// grows if it needs more.
const maxTermsHint = 256

// termsHint is the room to make for an article's terms: its token count,
// which bounds the distinct terms, up to maxTermsHint. Sizing for a long
// article every time made clearing empty map tables a fifth of the
// preparation of short ones (titles and snippets).
func termsHint(title []text.Token, doc *text.Doc) int {
	n := len(title)
	for _, s := range doc.Sentences {
		if n += len(s.Tokens); n >= maxTermsHint {
			return maxTermsHint
		}
	}
	return n
}

// TitleTerms lists the distinct terms of a title alone, as Features hashes
// them, sorted. A long article's words outweigh its title's in Features,
// so a report whose headline plainly names a story ("Michelle Obama finds
// her role on the world stage") can read far from it; Settle looks at the
// title too.
func TitleTerms(titleText string, doc *text.Doc) []uint64 {
	title := doc.Tokenize(titleText)
	tf := make(map[uint64]float64, len(title))
	for i := range title {
		addTerm(tf, title, i, 1)
	}
	out := make([]uint64, 0, len(tf))
	for h := range tf {
		out = append(out, h)
	}
	slices.Sort(out)
	return out
}
