package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
)

// story is one story's state: a centroid (the sum of its articles' unit
// vectors, older ones weighing less as time passes) and its members.
type story struct {
	id       string
	centroid vector
	norm     float64
	// indexCut is cutoff(centroid, indexTerms), kept with the centroid so
	// that absorb need not select it again.
	indexCut float32
	size     int32
	// mass and massSq are the sum of its articles' weights in the centroid
	// and of their squares (each article adds 1, ageing scales them), from
	// which cohesion reads how alike its articles are.
	mass, massSq float64
	members      []int32 // arrival indexes of its articles
	// parent is the story itself, or the story it was merged into.
	parent int32
	// earliest and latest are the times of its first and latest dated
	// articles, decayed when its centroid was last aged; Unix seconds, 0
	// when undated.
	earliest, latest, decayed int64
	closed                    bool
	// titles is the sum of its articles' title vectors (those the centroid
	// took in), its heaviest centroidTerms terms; empty when they came
	// without titles or the clusterer keeps none (titleOf). It is not
	// aged: it only says whether two stories' headlines agree.
	titles vector
}

// storyID derives a story's ID from its first article, so it is stable
// however the story grows.
func storyID(first string) string {
	sum := sha256.Sum256([]byte(first))
	return "s" + hex.EncodeToString(sum[:5])
}

// at reports a time as Unix seconds, zero for undated.
func (s *story) touch(at int64) {
	if at == 0 {
		return
	}
	if s.earliest == 0 || at < s.earliest {
		s.earliest = at
	}
	s.latest = max(s.latest, at)
}

// age scales the centroid down by how long ago it was last updated, so
// that a story which runs for days follows its latest articles.
func (s *story) age(at int64, halfLife float64) {
	if halfLife <= 0 || at == 0 {
		return
	}
	if s.decayed != 0 && at > s.decayed {
		f := float32(math.Exp2(-float64(at-s.decayed) / halfLife))
		for i := range s.centroid {
			s.centroid[i].w *= f
		}
		s.norm *= float64(f)
		s.mass *= float64(f)
		s.massSq *= float64(f) * float64(f)
		// Scaling keeps the order of the weights, so the cut scales too:
		// the same product of the same term's weight.
		s.indexCut *= f
	}
	s.decayed = max(s.decayed, at)
}

// add takes in one article's unit vector, dated at, and returns the terms
// that became heavy enough to index the story by.
func (s *story) add(v vector, at int64, halfLife float64, work, sum *[]term) []uint32 {
	s.age(at, halfLife)
	s.touch(at)
	s.size++
	s.mass++
	s.massSq++
	return s.absorb(v, work, sum)
}

// absorb adds a vector to the centroid and returns the terms that became
// heavy enough to index the story by. work and sum are room for a copy of
// the centroid and for the new one, reused across calls: the new centroid
// is summed and cut to its heaviest terms there, then copied over the old
// one when that has room, so that a story's every article does not cost a
// centroid's worth of garbage.
func (s *story) absorb(v vector, work, sum *[]term) []uint32 {
	before := s.indexCut
	old := s.centroid
	next, after := keepHeaviestCut(addInto((*sum)[:0], old, v, 1), work)
	*sum = next
	var fresh []uint32
	j := 0 // both are sorted by ID: walk old alongside
	for _, t := range next {
		if t.w < after {
			continue
		}
		for j < len(old) && old[j].id < t.id {
			j++
		}
		if j == len(old) || old[j].id != t.id || old[j].w < before {
			fresh = append(fresh, t.id)
		}
	}
	kept := old[:0]
	if cap(old) < len(next) {
		// Room to grow by as much again, up to a full centroid.
		kept = make(vector, 0, min(max(2*len(next), 16), centroidTerms))
	}
	kept = append(kept, next...)
	s.centroid, s.norm, s.indexCut = kept, norm(kept), after
	return fresh
}

// set makes v the centroid. work is room for a copy of it.
func (s *story) set(v vector, work *[]term) {
	s.centroid, s.norm, s.indexCut = v, norm(v), cutoff(v, indexTerms, work)
}

// drop frees the centroid, and the mass and titles it held.
func (s *story) drop() {
	s.centroid, s.norm, s.indexCut, s.mass, s.massSq, s.titles = nil, 0, 0, 0, 0, nil
}

// addTitle adds a title vector to the story's titles. work is room for a
// copy to select on.
func (s *story) addTitle(t vector, work *[]term) {
	if len(t) > 0 {
		s.titles = keepHeaviestIn(add(s.titles, t, 1), centroidTerms, work)
	}
}

// titlesAgree reports whether two stories' titles are alike at the least
// similarity an article needs to join a story, when both have titles.
func titlesAgree(a, b *story, threshold float64) bool {
	if len(a.titles) == 0 || len(b.titles) == 0 {
		return true
	}
	return dot(a.titles, b.titles) >= threshold*norm(a.titles)*norm(b.titles)
}

// keepHeaviestCut is keepHeaviestIn(v, centroidTerms, work) and the
// cutoff of what it keeps for indexTerms, from one copy of v: the second
// selection runs on the heaviest terms the first one gathered.
func keepHeaviestCut(v vector, work *[]term) (vector, float32) {
	c := append((*work)[:0], v...)
	*work = c
	if len(c) > centroidTerms {
		selectHeaviest(c, centroidTerms)
		c = c[:centroidTerms]
		v = keepFrom(v, lightest(c))
	}
	if len(c) < indexTerms {
		return v, 0
	}
	selectHeaviest(c, indexTerms)
	return v, lightest(c[:indexTerms]).w
}

// lightest is the last of ts in the order of heavierFirst.
func lightest(ts []term) term {
	least := ts[0]
	for _, t := range ts[1:] {
		if heavier(least, t) {
			least = t
		}
	}
	return least
}

// cutoff is the weight of the n-th heaviest term of v, or 0 when v has
// fewer terms. It selects on a copy of v in work.
func cutoff(v vector, n int, work *[]term) float32 {
	if len(v) < n {
		return 0
	}
	return lightestOfHeaviest(v, n, work).w
}

// lightestOfHeaviest is the n-th heaviest term of v (len(v) ≥ n), in the
// order of heavierFirst, found by selecting on a copy of v in work.
func lightestOfHeaviest(v vector, n int, work *[]term) term {
	c := append((*work)[:0], v...)
	*work = c
	selectHeaviest(c, n)
	return lightest(c[:n])
}
