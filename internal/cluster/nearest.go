package cluster

import (
	"cmp"
	"fmt"
	"slices"
)

// Neighbour is a story like another, and how alike the two are.
type Neighbour struct {
	ID string
	// Similarity is the cosine of the two centroids, discounted for the
	// time between them as a merge search discounts it.
	Similarity float64
}

// Nearest returns up to n stories most like story id, most alike first,
// found as the merge search finds them: the open stories sharing the
// heaviest terms of its centroid, within MaxGap of it, compared in full.
// It leaves out stories an editor split from it, closed stories, whose
// centroids are gone, and stories with nothing in common with it; a
// closed story has no neighbours. An editor uses it to find what to merge
// a story with: it merges nothing.
func (c *Clusterer) Nearest(id string, n int) ([]Neighbour, error) {
	s, ok := c.byID[id]
	if !ok {
		return nil, fmt.Errorf("nearest %s: %w", id, ErrUnknown)
	}
	s = c.root(s)
	st := &c.stories[s]
	if st.norm == 0 || n <= 0 {
		return nil, nil
	}
	top := c.candidates(c.searchTerms(st), st.latest, s, max(n, shortlist))
	c.spread(st.centroid)
	defer c.unspread(st.centroid)
	var out []Neighbour
	for _, t := range top {
		other := &c.stories[t]
		if other.norm == 0 {
			continue
		}
		cos := c.dotSpread(other.centroid) / (st.norm * other.norm)
		if sim := c.fade(t, st.latest) * cos; sim > 0 {
			out = append(out, Neighbour{ID: other.id, Similarity: sim})
		}
	}
	// Ties to the ID, so the order never depends on the candidates' own.
	slices.SortFunc(out, func(a, b Neighbour) int {
		return cmp.Or(cmp.Compare(b.Similarity, a.Similarity), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(n, len(out))], nil
}

// searchTerms returns the heaviest terms of a story's centroid, weighed
// as in a unit vector, through which it looks for stories like it. They
// live in c.work until it is next used.
func (c *Clusterer) searchTerms(st *story) []term {
	heavy := heaviestIn(st.centroid, mergeSearchTerms, &c.work)
	for i := range heavy {
		heavy[i].w /= float32(st.norm)
	}
	return heavy
}
