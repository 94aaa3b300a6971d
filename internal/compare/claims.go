package compare

import (
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

const (
	// minClaimWords keeps fragments and labels out of the claims.
	minClaimWords = 6
	// exclusivePerVoice bounds the exclusive claims listed per voice: the
	// most informative ones.
	exclusivePerVoice = 5
	// elsewhere is the share of a sentence's content (weighed by rarity)
	// that another voice's sentence may hold before the sentence counts as
	// told there too. Outlets paraphrase freely, so even a fifth of the
	// rarer words in common usually means the same report; an exclusive
	// claim must be clear of that, since calling shared news exclusive
	// misleads more than missing an exclusive.
	elsewhere = 0.2
	// inPassing is the share of its own content (weighed by rarity) a
	// sentence must give to another's words to tell it: a long sentence
	// about something else that touches the story's subject in passing
	// ("cases", "the first time", "the Senate") does not tell what a short
	// one says.
	inPassing = 0.1
)

// claims lists statements several voices make (consensus) and the most
// informative ones only one voice makes (exclusive).
func claims(ix *Index, groups []Group) []news.Claim {
	consensus := []news.Claim{} // none is an empty list, not null

	candidates := map[string][]scored{} // per voice: claims only it makes, best first once sorted
	var voiceOrder []string
	for gi, g := range groups {
		if !claimLike(ix.sentence(g.Rep), ix.marksOf(g.Rep).words) {
			continue
		}
		if len(g.Members) > 1 {
			if c := ix.claimOf(g); c.Voices >= 2 {
				consensus = append(consensus, c)
				continue
			}
		}
		// Told by one voice: a candidate, built into a claim only if kept.
		voice := ix.Sources[g.Rep.Source].Voice
		if _, ok := candidates[voice]; !ok {
			voiceOrder = append(voiceOrder, voice)
		}
		candidates[voice] = append(candidates[voice], scored{gi, informativeness(ix, g.Rep)})
	}
	sort.SliceStable(consensus, func(i, j int) bool { return consensus[i].Voices > consensus[j].Voices })
	out := consensus
	// Each voice's most informative claims are checked against the other
	// voices, best first, until enough prove exclusive: the check is the
	// costly part, and most claims never need it.
	for _, v := range voiceOrder {
		list := candidates[v]
		sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
		kept := 0
		for _, s := range list {
			if kept == exclusivePerVoice {
				break
			}
			if g := groups[s.group]; !ix.toldElsewhere(g.Rep) {
				c := ix.claimOf(g)
				c.Exclusive, c.Voice = true, ix.voiceName(g.Rep.Source)
				out = append(out, c)
				kept++
			}
		}
	}
	return out
}

// claimOf builds the claim a group makes, with its sources and voices.
func (ix *Index) claimOf(g Group) news.Claim {
	c := news.Claim{Text: ix.sentence(g.Rep).Text}
	if len(g.Members) == 1 {
		// Most sentences are told once: no sets to build.
		a := ix.Sources[g.Rep.Source].Article
		c.Sources, c.Voices, c.Outlets = []string{a.ID}, 1, []string{}
		if a.Outlet != "" {
			c.Outlets = []string{a.Outlet}
		}
		return c
	}
	// Members are in story order, one per article.
	positions := make([]int, 0, len(g.Members))
	for _, m := range g.Members {
		positions = addSource(positions, m.Source)
	}
	c.Sources = ix.idsAt(positions)
	c.Outlets, c.Voices = ix.outletsOf(c.Sources), ix.voicesAt(positions)
	return c
}

// indexedWeights sums, per sentence, the rarity of its indexed words: what
// toldElsewhere weighs a sentence's content by.
func indexedWeights(ix *Index) []float64 {
	out := make([]float64, len(ix.Refs))
	for i, v := range ix.terms {
		for _, t := range v {
			if len(ix.byTerm.of(t.term)) > 0 {
				out[i] += ix.idf[t.term]
			}
		}
	}
	return out
}

// voiceNumbers numbers each sentence's voice, so that sentences are told
// apart by voice without comparing strings.
func voiceNumbers(ix *Index) []int32 {
	number := make(map[string]int32)
	out := make([]int32, len(ix.Refs))
	for i, r := range ix.Refs {
		v := ix.Sources[r.Source].Voice
		n, ok := number[v]
		if !ok {
			n = int32(len(number))
			number[v] = n
		}
		out[i] = n
	}
	return out
}

// scored is a group, by position, and its score.
type scored struct {
	group int
	score float64
}

// claimLike reports whether a sentence of words words and numbers states
// something on its own: long enough, not a question, not mostly someone's
// quoted words.
func claimLike(s *text.Sentence, words int32) bool {
	if words < minClaimWords || strings.HasSuffix(s.Text, "?") {
		return false
	}
	return quotedShare(s.Text) < 0.5
}

// quotedShare is the share of a sentence's bytes inside quotation marks.
func quotedShare(s string) float64 {
	inside, open, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		if open {
			inside += i - start
		} else {
			start = i
		}
		open = !open
	}
	if open {
		inside += len(s) - start
	}
	return float64(inside) / float64(max(len(s), 1))
}

// informativeness ranks exclusive claims: names and figures, the stuff a
// reader checks, then rare content words.
func informativeness(ix *Index, r Ref) float64 {
	m := ix.marksOf(r)
	score := float64(len(m.names))
	for _, q := range m.quantities {
		if q.Kind != text.Year {
			score++
		}
	}
	for _, t := range ix.termsOf(r) {
		score += t.weight
	}
	return score
}

// toldElsewhere reports whether another voice has a sentence holding at
// least elsewhere of what r says, weighing words by rarity, and giving at
// least inPassing of its own words to it. The words each other sentence
// shares with r are summed through the term index, so only sentences
// sharing a word are touched. Words too common to index say nothing of
// which sentence matches and are left out of both sides.
func (ix *Index) toldElsewhere(r Ref) bool {
	at := ix.position(r)
	if ix.shared == nil {
		ix.shared = make([]float64, len(ix.Refs))
		ix.voiceOf = voiceNumbers(ix)
		ix.weightOf = indexedWeights(ix)
	}
	voice := ix.voiceOf[at]
	shared, touched := ix.shared, ix.touched[:0]
	total := 0.0
	for _, t := range ix.terms[at] {
		postings := ix.byTerm.of(t.term)
		if len(postings) == 0 {
			continue // too common to index
		}
		w := ix.idf[t.term]
		total += w
		for _, i := range postings {
			if ix.voiceOf[i] != voice {
				if shared[i] == 0 {
					touched = append(touched, i)
				}
				shared[i] += w
			}
		}
	}
	told := false
	for _, i := range touched {
		told = told || shared[i] >= elsewhere*total && shared[i] >= inPassing*ix.weightOf[i]
		shared[i] = 0
	}
	ix.touched = touched
	return told
}
