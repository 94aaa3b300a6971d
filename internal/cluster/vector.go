package cluster

import (
	"math"
	"slices"
)

// Vector sizes. An article keeps its heaviest terms; a story's centroid
// keeps more, since it sums several articles, but is bounded so that memory
// and comparison cost do not grow with the story. A story is found through
// its heaviest indexTerms terms, and a new article looks for stories
// through its own heaviest searchTerms.
const (
	articleTerms  = 100
	centroidTerms = 200
	indexTerms    = 48
	searchTerms   = 30
)

// vocab gives each term a small dense ID and counts the documents that
// hold it, for inverse document frequency.
type vocab struct {
	ids  map[uint64]uint32
	hash []uint64
	df   []int32
	docs int
	// fresh is observe's scratch list of terms not seen before.
	fresh []uint64
}

func newVocab() *vocab { return &vocab{ids: make(map[uint64]uint32)} }

func (v *vocab) id(hash uint64) uint32 {
	if id, ok := v.ids[hash]; ok {
		return id
	}
	id := uint32(len(v.hash))
	v.ids[hash] = id
	v.hash = append(v.hash, hash)
	v.df = append(v.df, 0)
	return id
}

// observe counts one document's terms. New terms get their IDs in hash
// order, not map order: IDs break ties between equal weights, so numbering
// them as a map happens to list them made the same articles cluster
// differently from one run to the next.
func (v *vocab) observe(terms map[uint64]float64) {
	v.docs++
	fresh := v.fresh[:0]
	for h := range terms {
		if id, ok := v.ids[h]; ok {
			v.df[id]++
		} else {
			fresh = append(fresh, h)
		}
	}
	slices.Sort(fresh)
	for _, h := range fresh {
		v.df[v.id(h)]++
	}
	v.fresh = fresh
}

// idf is smoothed so that a term in every document still counts a little.
func (v *vocab) idf(id uint32) float64 {
	return math.Log(float64(v.docs+1)/float64(v.df[id]+1)) + 1
}

// term is one weighted term of a sparse vector.
type term struct {
	id uint32
	w  float32
}

// vector is a sparse vector sorted by term ID, so that two vectors meet in
// one linear pass.
type vector []term

// weigh turns term counts into a unit TF-IDF vector of the heaviest
// articleTerms terms, and returns too its heaviest searchTerms terms.
func (v *vocab) weigh(tf map[uint64]float64) (vector, []term) {
	out := make(vector, 0, len(tf))
	for h, f := range tf {
		if f <= 0 {
			continue
		}
		id := v.id(h)
		out = append(out, term{id, float32((1 + math.Log(f)) * v.idf(id))})
	}
	slices.SortFunc(out, heavierFirst)
	if len(out) > articleTerms {
		out = out[:articleTerms]
	}
	normalize(out)
	heavy := slices.Clone(out[:min(len(out), searchTerms)])
	slices.SortFunc(out, byID)
	return out, heavy
}

// weighTitle turns a title's terms into a unit vector by IDF, each term
// counted once, sorted by ID. Its terms are among the article's own, so
// the vocabulary knows them; one it does not is left out rather than
// given an ID.
func (v *vocab) weighTitle(hashes []uint64) vector {
	out := make(vector, 0, len(hashes))
	for _, h := range hashes {
		if id, ok := v.ids[h]; ok {
			out = append(out, term{id, float32(v.idf(id))})
		}
	}
	slices.SortFunc(out, byID)
	normalize(out)
	return out
}

// dot is the product of two vectors sorted by ID, in one pass over both.
func dot(a, b vector) float64 {
	var sum float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			sum += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return sum
}

// heavierFirst orders terms by weight, ties by ID, so results never depend
// on map order.
func heavierFirst(a, b term) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return int(a.id) - int(b.id)
}

// heavier reports whether a comes before b in heavierFirst's order; small
// enough to inline in the selection loops.
func heavier(a, b term) bool {
	return a.w > b.w || a.w == b.w && a.id < b.id
}

func byID(a, b term) int { return int(a.id) - int(b.id) }

func normalize(v []term) {
	n := norm(v)
	if n == 0 {
		return
	}
	inv := float32(1 / n)
	for i := range v {
		v[i].w *= inv
	}
}

func norm(v []term) float64 {
	var sum float64
	for _, t := range v {
		sum += float64(t.w) * float64(t.w)
	}
	return math.Sqrt(sum)
}

// spread writes v's weights into the dense scratch vector, so that
// comparing v with each of several vectors is one look-up per term of
// theirs rather than a merge of both. unspread clears them again.
func (c *Clusterer) spread(v vector) {
	if n := len(c.vocab.hash); len(c.dense) < n {
		c.dense = append(c.dense, make([]float32, n-len(c.dense))...)
	}
	for _, t := range v {
		c.dense[t.id] = t.w
	}
}

func (c *Clusterer) unspread(v vector) {
	for _, t := range v {
		c.dense[t.id] = 0
	}
}

// dotSpread is dot(spread vector, b). Terms are summed in b's order, by
// ID, as dot sums them, and a term the spread vector lacks adds exactly
// zero, so the result is dot's to the bit.
func (c *Clusterer) dotSpread(b vector) float64 {
	dense := c.dense
	var sum float64
	for _, t := range b {
		sum += float64(t.w) * float64(dense[t.id])
	}
	return sum
}

// add returns a + scale·b, both sorted by ID.
func add(a, b vector, scale float32) vector {
	return addInto(make(vector, 0, len(a)+len(b)), a, b, scale)
}

// addInto appends a + scale·b to out, which must not share memory with a
// or b.
func addInto(out, a, b vector, scale float32) vector {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			out = append(out, a[i])
			i++
		case a[i].id > b[j].id:
			out = append(out, term{b[j].id, scale * b[j].w})
			j++
		default:
			out = append(out, term{a[i].id, a[i].w + scale*b[j].w})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	for ; j < len(b); j++ {
		out = append(out, term{b[j].id, scale * b[j].w})
	}
	return out
}

// heaviest returns the n heaviest terms of v, heaviest first.
func heaviest(v vector, n int) []term {
	return heaviestIn(v, n, new([]term))
}

// heaviestIn is heaviest in work, reused across calls: the terms stay
// valid until work is next used.
func heaviestIn(v vector, n int, work *[]term) []term {
	out := append((*work)[:0], v...)
	*work = out
	if len(out) > n {
		selectHeaviest(out, n)
		out = out[:n]
	}
	slices.SortFunc(out, heavierFirst)
	return out
}

// keepHeaviestIn drops all but the limit heaviest terms of v, in place,
// keeping it sorted by ID. heavierFirst is a total order, so the terms
// kept are those no lighter than the limit-th heaviest, and filtering v by
// it keeps the order by ID without sorting. work is room for the copy the
// selection runs on.
func keepHeaviestIn(v vector, limit int, work *[]term) vector {
	if len(v) <= limit {
		return v
	}
	return keepFrom(v, lightestOfHeaviest(v, limit, work))
}

// keepFrom drops, in place, the terms of v lighter than last, keeping
// the order by ID.
func keepFrom(v vector, last term) vector {
	kept := v[:0]
	for _, t := range v {
		if !heavier(last, t) {
			kept = append(kept, t)
		}
	}
	return kept
}

// selectHeaviest moves the n heaviest terms of v to its front, in no
// particular order (quickselect: linear on average, where sorting a
// centroid on every update would dominate the cost of an Add).
func selectHeaviest(v []term, n int) {
	lo, hi := 0, len(v)-1
	for lo < hi {
		pivot := v[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for heavier(v[i], pivot) {
				i++
			}
			for heavier(pivot, v[j]) {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case n-1 <= j:
			hi = j
		case n-1 >= i:
			lo = i
		default:
			return
		}
	}
}
