// Package cluster groups articles into stories online: each article joins
// the most similar live story or starts a new one. Similarity is cosine over
// TF-IDF vectors in which titles, leads and names weigh more.
package cluster

import (
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
func Features(title string, doc *text.Doc) map[uint64]float64 {
	tf := make(map[uint64]float64, 256)
	addWords := func(tokens []text.Token, weight float64) {
		for _, t := range tokens {
			if t.Content() && !(t.Kind == text.Number && len(t.Text) < 2) {
				tf[text.Hash(t.Stem)] += weight
			}
		}
	}
	addWords(text.Tokenize(title), titleWeight)
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
