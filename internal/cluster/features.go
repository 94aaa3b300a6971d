// Package cluster groups articles into stories online: each article joins
// the most similar live story or starts a new one. Similarity is cosine over
// TF-IDF vectors in which titles, leads and names weigh more.
package cluster

import (
	"math"
	"sort"

	"github.com/corroborate/corroborate/internal/text"
)

// Weights of where a word appears. A title names the event; the lead says
// what happened; names and numbers tell one event from another like it.
const (
	titleWeight = 3
	leadWeight  = 2
	nameWeight  = 1.5
	leadLength  = 3 // sentences
	maxTerms    = 100
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

// Term is one weighted term of a vector.
type Term struct {
	Key    uint64
	Weight float32
}

// Vector is a sparse unit vector, heaviest terms first.
type Vector []Term

// weigh turns term counts into a unit TF-IDF vector of at most limit terms.
func weigh(tf map[uint64]float64, idf func(uint64) float64, limit int) Vector {
	v := make(Vector, 0, len(tf))
	for k, f := range tf {
		v = append(v, Term{Key: k, Weight: float32((1 + math.Log(f)) * idf(k))})
	}
	sort.Slice(v, func(i, j int) bool {
		if v[i].Weight != v[j].Weight {
			return v[i].Weight > v[j].Weight
		}
		return v[i].Key < v[j].Key
	})
	if len(v) > limit {
		v = v[:limit]
	}
	normalize(v)
	return v
}

func normalize(v Vector) {
	var sum float64
	for _, t := range v {
		sum += float64(t.Weight) * float64(t.Weight)
	}
	if sum == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(sum))
	for i := range v {
		v[i].Weight *= inv
	}
}
