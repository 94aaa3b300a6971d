package compare

import (
	"math"

	"github.com/corroborate/corroborate/internal/text"
)

// What the summarizer reads from the index.

// Sentence returns the sentence a ref points at.
func (ix *Index) Sentence(r Ref) *text.Sentence {
	return ix.sentence(r)
}

// Similarity is the cosine between two sentences' weighted terms.
func (ix *Index) Similarity(a, b Ref) float64 {
	return cosine(ix.termsOf(a), ix.termsOf(b))
}

// Centrality is the cosine between a sentence and the story as a whole.
func (ix *Index) Centrality(r Ref) float64 {
	return ix.towardCentroid(ix.termsOf(r))
}

// TextCentrality is the cosine between any text, such as a title, and the
// story as a whole.
func (ix *Index) TextCentrality(s string) float64 {
	return ix.towardCentroid(ix.weighText(textBag(text.Sentence{Tokens: text.Tokenize(s)})))
}

// towardCentroid is the cosine of a unit vector with the story centroid,
// looked up term by term: the centroid holds every term of the story.
func (ix *Index) towardCentroid(v []weighted) float64 {
	var dot float64
	for _, t := range v {
		if t.term >= 0 {
			dot += t.weight * ix.centroidWeight[t.term]
		}
	}
	return dot
}

// IDs returns the article IDs behind a set of sentences, in story order.
func (ix *Index) IDs(refs []Ref) []string {
	return ix.ids(sourceSet(refs))
}

// Voices counts the independent voices behind a set of sentences.
func (ix *Index) Voices(refs []Ref) int {
	return ix.voices(sourceSet(refs))
}

func sourceSet(refs []Ref) map[int]bool {
	set := make(map[int]bool, len(refs))
	for _, r := range refs {
		set[r.Source] = true
	}
	return set
}

// centroidOf sums unit sentence vectors and normalises the sum.
func centroidOf(terms [][]weighted, vocabulary int) []float64 {
	sum := make([]float64, vocabulary)
	for _, v := range terms {
		for _, t := range v {
			sum[t.term] += t.weight
		}
	}
	var norm float64
	for _, w := range sum {
		norm += w * w
	}
	if norm = math.Sqrt(norm); norm > 0 {
		for k := range sum {
			sum[k] /= norm
		}
	}
	return sum
}
