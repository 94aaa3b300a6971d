package compare

import (
	"math"
	"sort"

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
	return cosine(ix.termsOf(r), ix.centroid)
}

// TextCentrality is the cosine between any text, such as a title, and the
// story as a whole.
func (ix *Index) TextCentrality(s string) float64 {
	return cosine(ix.weigh(contentBag(text.Sentence{Tokens: text.Tokenize(s)})), ix.centroid)
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
func centroidOf(terms [][]weighted) []weighted {
	sum := map[string]float64{}
	for _, v := range terms {
		for _, t := range v {
			sum[t.key] += t.weight
		}
	}
	out := make([]weighted, 0, len(sum))
	var norm float64
	for k, w := range sum {
		out = append(out, weighted{k, w})
		norm += w * w
	}
	if norm = math.Sqrt(norm); norm > 0 {
		for i := range out {
			out[i].weight /= norm
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}
