package summarize

import (
	"container/heap"
	"math"

	"github.com/corroborate/corroborate/internal/compare"
)

// Tuning of the selection. They are general to news: none is fitted to a
// data set.
var (
	// lengthPenalty r divides a sentence's new content by words^r: at 1 the
	// shortest sentences win, at 0 the longest.
	lengthPenalty = 0.7
	// supportBoost rewards a sentence by the independent voices that carry
	// it, beyond the concepts it shares with them.
	supportBoost = 0.3
	// nearDuplicate is the similarity above which two sentences say the same
	// thing, so that only one of them is printed.
	nearDuplicate = 0.5
)

// pick chooses units greedily by the weight of the concepts they add that
// the summary does not yet cover, per word^r, until no further unit fits
// the budget. Covering a concept twice adds nothing, which is what keeps
// the summary from saying one thing twice.
//
// A unit's score can only fall as the summary grows, so the greedy choice
// is made lazily: the best stale score is rescored, and taken if it still
// beats the next best. Most units are never rescored.
func pick(ix *compare.Index, cs *concepts, units []*unit, disputes map[*unit][]*unit, budget int) []*unit {
	covered := make([]bool, len(cs.weight))
	score := func(u *unit) float64 {
		gain := cs.sum(u.concepts, covered)
		return gain / math.Pow(float64(u.clause.words), lengthPenalty) * (1 + supportBoost*math.Log2(float64(u.voices)))
	}
	q := make(queue, 0, len(units))
	for i, u := range units {
		q = append(q, entry{i, score(u), 0})
	}
	heap.Init(&q)
	var picked []*unit
	pickedRef := make(map[compare.Ref]bool)
	waiting := make(map[compare.Ref][]entry) // follow-ons whose sentence before is not picked yet
	words, round := 0, 0
	for q.Len() > 0 {
		top := q[0]
		u := units[top.unit]
		if len(picked) > 0 && words+u.clause.words > budget || redundant(ix, u, picked) {
			heap.Pop(&q)
			continue
		}
		if u.after != nil && !pickedRef[*u.after] {
			heap.Pop(&q)
			waiting[*u.after] = append(waiting[*u.after], top)
			continue
		}
		if top.round != round {
			q[0].score, q[0].round = score(u), round
			heap.Fix(&q, 0)
			continue
		}
		heap.Pop(&q)
		if top.score <= 0 {
			break
		}
		take := []*unit{u}
		if others, ok := disputes[u]; ok && !anyPicked(others, picked) {
			c := counterpart(ix, u, others, picked, budget-words)
			if c == nil {
				continue
			}
			// The two figures are printed together, the earlier report first.
			if u.after == nil && earlier(ix, c.ref, u.ref) {
				u.after = &c.ref
				take = []*unit{c, u}
			} else {
				c.after = &u.ref
				take = append(take, c)
			}
		}
		for _, t := range take {
			picked = append(picked, t)
			pickedRef[t.ref] = true
			words += t.clause.words
			for _, id := range t.concepts {
				covered[id] = true
			}
			for _, e := range waiting[t.ref] {
				e.round = -1 // stale: rescored when it reaches the top
				heap.Push(&q, e)
			}
			delete(waiting, t.ref)
		}
		round++
	}
	// Greedy by gain per word can fill a small budget with short sentences
	// when one longer sentence says more; take that one then (Khuller et al.,
	// 1999).
	if one := bestSingle(cs, units, disputes, budget); one != nil && coverage(cs, []*unit{one}) > coverage(cs, picked) {
		return []*unit{one}
	}
	return picked
}

// bestSingle returns the unit within the budget that covers most on its
// own, of those that can be printed alone.
func bestSingle(cs *concepts, units []*unit, disputes map[*unit][]*unit, budget int) *unit {
	var best *unit
	bestWeight := 0.0
	for _, u := range units {
		if u.after != nil || len(disputes[u]) > 0 || u.clause.words > budget {
			continue
		}
		if w := cs.sum(u.concepts, nil); w > bestWeight {
			best, bestWeight = u, w
		}
	}
	return best
}

// coverage is the weight of the concepts a set of units covers.
func coverage(cs *concepts, units []*unit) float64 {
	seen := make(map[int32]bool)
	total := 0.0
	for _, u := range units {
		for _, id := range u.concepts {
			if !seen[id] {
				seen[id] = true
				total += cs.weight[id]
			}
		}
	}
	return total
}

// counterpart returns the first of others that fits in room beside u,
// stands alone and says nothing the picked units say, or nil.
func counterpart(ix *compare.Index, u *unit, others, picked []*unit, room int) *unit {
	for _, c := range others {
		if c.after == nil && u.clause.words+c.clause.words <= room && !redundant(ix, c, picked) {
			return c
		}
	}
	return nil
}

func anyPicked(units, picked []*unit) bool {
	for _, u := range units {
		if containsUnit(picked, u) {
			return true
		}
	}
	return false
}

// redundant reports whether u says what a picked unit already says.
func redundant(ix *compare.Index, u *unit, picked []*unit) bool {
	for _, p := range picked {
		if ix.Similarity(u.ref, p.ref) > nearDuplicate {
			return true
		}
	}
	return false
}

// entry is a unit's score as of the round it was last computed in.
type entry struct {
	unit  int
	score float64
	round int
}

// queue is a max-heap of entries by score; ties go to the earlier unit so
// that the choice does not depend on the heap's layout.
type queue []entry

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if q[i].score != q[j].score {
		return q[i].score > q[j].score
	}
	return q[i].unit < q[j].unit
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(entry)) }
func (q *queue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}
