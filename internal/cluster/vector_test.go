package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomVector draws up to n distinct terms among the first vocab IDs,
// sorted by ID, with weights of either sign as ageing and odd term
// frequencies can give.
func randomVector(r *rand.Rand, vocab, n int) vector {
	var v vector
	for id := range vocab {
		if r.IntN(vocab) < n {
			v = append(v, term{uint32(id), float32(r.NormFloat64())})
		}
	}
	return v
}

func TestDotSpreadMatchesMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	c := New(DefaultOptions())
	const vocab = 500
	for range vocab {
		c.vocab.id(r.Uint64())
	}
	for i := range 200 {
		a := randomVector(r, vocab, 1+r.IntN(100))
		c.spread(a)
		for range 5 {
			b := randomVector(r, vocab, 1+r.IntN(200))
			if got, want := c.dotSpread(b), dot(a, b); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("vector %d: dotSpread = %v, merged dot = %v", i, got, want)
			}
		}
		c.unspread(a)
		for id, w := range c.dense {
			if w != 0 {
				t.Fatalf("vector %d: term %d left at %v after unspread", i, id, w)
			}
		}
	}
}

// TestVocabIDsFollowHashOrder: term IDs break ties between equal weights,
// so they must not depend on the order a map lists its terms in.
func TestVocabIDsFollowHashOrder(t *testing.T) {
	terms := map[uint64]float64{}
	for h := range uint64(64) {
		terms[h*0x9e3779b97f4a7c15] = 1
	}
	first := newVocab()
	first.observe(terms)
	for range 5 {
		again := newVocab()
		again.observe(terms)
		if !slices.Equal(again.hash, first.hash) {
			t.Fatal("the same terms got other IDs in another run")
		}
	}
	if !slices.IsSorted(first.hash) {
		t.Error("new terms are not numbered in hash order")
	}
}

// TestInsertRankedKeepsTheBest checks the shortlist against sorting every
// story: the n best by score, ties to the older, with scores drawn from a
// few values so that ties are common.
func TestInsertRankedKeepsTheBest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for _, n := range []int{1, 2, 16} {
		for range 200 {
			score := make([]float32, r.IntN(40))
			for i := range score {
				score[i] = float32(r.IntN(6))
			}
			var top []int32
			for _, s := range r.Perm(len(score)) {
				top = insertRanked(top, int32(s), score, n)
			}
			want := make([]int32, len(score))
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortFunc(want, func(a, b int32) int {
				if a == b {
					return 0
				}
				if ranksAfter(a, b, score) {
					return 1
				}
				return -1
			})
			want = want[:min(n, len(want))]
			if !slices.Equal(top, want) {
				t.Fatalf("n=%d scores %v: got %v, want %v", n, score, top, want)
			}
		}
	}
}

// TestAbsorbInPlace: stories that absorb articles and each other in turn,
// each new centroid made in shared scratch space and copied over the old
// one, hold what summing into fresh memory gives, and never each other's;
// and the terms absorb reports newly heavy enough to index by are those of
// the new centroid against the old one, which the copy overwrites.
func TestAbsorbInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	stories := make([]story, 3)
	want := make([]vector, len(stories))
	var work, sum, refWork []term
	for step := range 300 {
		i := step % len(stories)
		v := randomVector(r, 2000, 5+r.IntN(120))
		if step%7 == 6 {
			// As a merge does: another story's centroid comes in.
			j := (i + 1) % len(stories)
			v = slices.Clone(stories[j].centroid)
		}
		fresh := stories[i].absorb(v, &work, &sum)
		before := indexed(want[i], &refWork)
		want[i] = slices.Clone(keepHeaviestIn(add(want[i], v, 1), centroidTerms, &refWork))
		var wantFresh []uint32
		for _, id := range indexed(want[i], &refWork) {
			if !slices.Contains(before, id) {
				wantFresh = append(wantFresh, id)
			}
		}
		if !slices.Equal(fresh, wantFresh) {
			t.Fatalf("step %d: story %d reports %v newly indexed, want %v", step, i, fresh, wantFresh)
		}
		for k := range stories {
			if !slices.Equal(stories[k].centroid, want[k]) {
				t.Fatalf("step %d: story %d's centroid differs from the one summed apart", step, k)
			}
			if cut := cutoff(want[k], indexTerms, &refWork); stories[k].indexCut != cut {
				t.Fatalf("step %d: story %d keeps cut %v, want %v", step, k, stories[k].indexCut, cut)
			}
		}
	}
}

// indexed lists, by ID, the terms of a centroid heavy enough to index its
// story by.
func indexed(v vector, work *[]term) []uint32 {
	cut := cutoff(v, indexTerms, work)
	var ids []uint32
	for _, t := range v {
		if t.w >= cut {
			ids = append(ids, t.id)
		}
	}
	return ids
}
