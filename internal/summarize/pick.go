package summarize

import (
	"math"

	"github.com/corroborate/corroborate/internal/compare"
)

// Tuning of the selection. They are general to news: none is fitted to a
// data set (see the package tests for what each one guards).
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
// the summary does not yet cover, per word, until no further unit fits the
// budget. Covering a concept twice adds nothing, which is what keeps the
// summary from saying one thing twice.
func pick(ix *compare.Index, units []*unit, weights map[concept]float64, budget int) []*unit {
	covered := make(map[concept]bool)
	alive := make([]bool, len(units))
	for i := range alive {
		alive[i] = true
	}
	var picked []*unit
	words := 0
	for {
		best, bestScore := -1, 0.0
		for i, u := range units {
			if !alive[i] {
				continue
			}
			if len(picked) > 0 && words+u.clause.words > budget {
				alive[i] = false
				continue
			}
			gain := 0.0
			for _, c := range u.concepts {
				if !covered[c] {
					gain += weights[c]
				}
			}
			score := gain / math.Pow(float64(u.clause.words), lengthPenalty) * (1 + supportBoost*math.Log2(float64(u.voices)))
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			return picked
		}
		u := units[best]
		alive[best] = false
		picked = append(picked, u)
		words += u.clause.words
		for _, c := range u.concepts {
			covered[c] = true
		}
		for i, v := range units {
			if alive[i] && ix.Similarity(u.ref, v.ref) > nearDuplicate {
				alive[i] = false
			}
		}
	}
}
