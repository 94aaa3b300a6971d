package compare

import (
	"slices"
	"sort"

	"github.com/corroborate/corroborate/internal/text"
)

// Group is a set of sentences from different articles that say the same
// thing. Rep is the sentence that best stands for the group.
type Group struct {
	Members []Ref
	Rep     Ref
}

// sameClaim is the cosine two sentences need to count as one statement in
// other words. Sentences this close share most of their rare words.
const sameClaim = 0.45

// maxPostings caps how many sentences are looked at per rare term, so that
// cost stays near-linear on stories with hundreds of articles.
const maxPostings = 200

// groupSentences groups the story's sentences: exact repeats first (wire
// copy), then paraphrases found through shared rare terms. A group holds at
// most one sentence per article.
func groupSentences(ix *Index) []Group {
	n := len(ix.Refs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	members := make([][]int32, n) // per root: its members, nil while it is alone
	membersOf := func(root int) []int32 {
		if members[root] == nil {
			return []int32{int32(root)}
		}
		return members[root]
	}
	seen := make([]int, len(ix.Sources)) // source → the last union that saw it
	unions := 0
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		unions++
		ma, mb := membersOf(ra), membersOf(rb)
		for _, m := range ma {
			seen[ix.Refs[m].Source] = unions
		}
		for _, m := range mb {
			if seen[ix.Refs[m].Source] == unions {
				return // a group holds one sentence per article
			}
		}
		members[ra], members[rb] = append(ma, mb...), nil
		parent[rb] = ra
	}

	// Wire copy repeats sentences word for word: those are one claim, and
	// only the first of each is compared with the rest.
	byText := make(map[uint64]int, n)
	unique := make([]bool, n)
	keys := make([]uint64, n)
	for i, r := range ix.Refs {
		if first := ix.repeatOf[i]; first < i {
			keys[i] = keys[first] // the same text, already fingerprinted
		} else {
			keys[i] = text.FingerprintHash(ix.sentence(r).Text)
		}
		if first, ok := byText[keys[i]]; ok {
			union(first, i)
			continue
		}
		byText[keys[i]] = i
		unique[i] = true
	}

	for _, pair := range candidatePairs(ix, unique) {
		union(pair.a, pair.b)
	}

	groups := make([]Group, 0, n)
	for root := range n {
		if find(root) != root {
			continue
		}
		positions := membersOf(root)
		slices.Sort(positions)
		g := Group{Members: make([]Ref, len(positions))}
		for k, m := range positions {
			g.Members[k] = ix.Refs[m]
		}
		g.Rep = ix.central(g.Members)
		groups = append(groups, g)
	}
	return groups
}

type pair struct {
	a, b int
	sim  float64
}

// candidatePairs returns sentence pairs from different articles that are
// similar enough to be one claim, most similar first.
func candidatePairs(ix *Index, unique []bool) []pair {
	var pairs []pair
	seenBy := make([]int, len(ix.terms)) // j was last compared with seenBy[j]-1
	// Sentence i's vector spread over all terms, so that its cosine with a
	// candidate is one pass over the candidate's terms. Terms i lacks add
	// exact zeros, so the sum is the one a merge of the two would give.
	dense := make([]float64, len(ix.idf))
	for i, terms := range ix.terms {
		if !unique[i] {
			continue
		}
		for _, t := range terms {
			dense[t.term] = t.weight
		}
		for _, t := range ix.heaviest[i] {
			list := ix.postings.of(t.term)
			if len(list) > maxPostings {
				continue
			}
			// Lists are in story order: only the sentences after i are
			// compared with it.
			after, _ := slices.BinarySearch(list, int32(i)+1)
			for _, j32 := range list[after:] {
				j := int(j32)
				if !unique[j] || ix.Refs[i].Source == ix.Refs[j].Source || seenBy[j] == i+1 {
					continue
				}
				seenBy[j] = i + 1
				if sim := dot(ix.terms[j], dense); sim >= sameClaim {
					pairs = append(pairs, pair{i, j, sim})
				}
			}
		}
		for _, t := range terms {
			dense[t.term] = 0
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].sim != pairs[y].sim {
			return pairs[x].sim > pairs[y].sim
		}
		return pairs[x].a < pairs[y].a || pairs[x].a == pairs[y].a && pairs[x].b < pairs[y].b
	})
	return pairs
}

// dot is the dot product of a sparse vector with a dense one.
func dot(v []weighted, dense []float64) float64 {
	var sum float64
	for _, t := range v {
		sum += dense[t.term] * t.weight
	}
	return sum
}

// postingTerms is how many of a sentence's heaviest terms index it for
// finding similar sentences.
const postingTerms = 4

// buildPostings indexes each sentence under its heaviest terms, and
// returns those terms per sentence.
func buildPostings(terms [][]weighted, vocabulary int) (postingLists, [][]weighted) {
	heaviest := make([][]weighted, len(terms))
	arena := make([]weighted, 0, postingTerms*len(terms))
	for i, v := range terms {
		start := len(arena)
		arena = appendRarest(arena, v, postingTerms)
		heaviest[i] = arena[start:len(arena):len(arena)]
	}
	return invert(heaviest, vocabulary, len(terms)), heaviest
}

// appendRarest appends up to n terms with the highest weight to dst, ties
// to the lowest-numbered term, heaviest first.
func appendRarest(dst, terms []weighted, n int) []weighted {
	base := len(dst)
	for _, t := range terms {
		// terms are in term order, so a tie never displaces an earlier term.
		top := dst[base:]
		k := len(top)
		for k > 0 && t.weight > top[k-1].weight {
			k--
		}
		if k == n {
			continue
		}
		if len(top) < n {
			dst = append(dst, weighted{})
			top = dst[base:]
		}
		copy(top[k+1:], top[k:len(top)-1])
		top[k] = t
	}
	return dst
}

// central returns the member most similar to the others; ties go to the
// earliest.
func (ix *Index) central(members []Ref) Ref {
	if len(members) <= 2 {
		return members[0]
	}
	best, bestScore := members[0], -1.0
	for _, a := range members {
		score := 0.0
		for _, b := range members {
			if a != b {
				score += cosine(ix.termsOf(a), ix.termsOf(b))
			}
		}
		if score > bestScore {
			best, bestScore = a, score
		}
	}
	return best
}

// termsOf returns a sentence's weighted terms.
func (ix *Index) termsOf(r Ref) []weighted {
	return ix.terms[ix.position(r)]
}

// position returns the index of a ref in ix.Refs.
func (ix *Index) position(r Ref) int {
	return ix.offset[r.Source] + r.Sentence
}
