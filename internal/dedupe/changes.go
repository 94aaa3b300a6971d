package dedupe

import (
	"github.com/corroborate/corroborate/internal/text"
)

// editedOverlap is the share of content words two sentences must share to
// count as one sentence, edited, rather than one removed and one added.
const editedOverlap = 0.6

// Changes lists the sentences a newer version added and the ones it dropped,
// ignoring sentences that were only lightly edited.
func Changes(older, newer []text.Sentence) (added, removed []string) {
	oldSets, newSets := contentSets(older), contentSets(newer)
	return unmatched(newer, newSets, oldSets), unmatched(older, oldSets, newSets)
}

func unmatched(sentences []text.Sentence, sets, others []map[string]bool) []string {
	var out []string
	for i, s := range sentences {
		found := false
		for _, o := range others {
			if overlap(sets[i], o) >= editedOverlap {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s.Text)
		}
	}
	return out
}

func contentSets(sentences []text.Sentence) []map[string]bool {
	sets := make([]map[string]bool, len(sentences))
	for i, s := range sentences {
		set := make(map[string]bool, len(s.Tokens))
		for _, t := range s.Tokens {
			if t.Content() {
				set[t.Stem] = true
			}
		}
		sets[i] = set
	}
	return sets
}

// overlap is the Jaccard similarity of two word sets.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
