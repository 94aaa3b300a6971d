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
	// elsewhere is the similarity above which a sentence is partly told by
	// another voice too, and so is not exclusive.
	elsewhere = 0.25
)

// claims lists statements several voices make (consensus) and the most
// informative ones only one voice makes (exclusive).
func claims(ix *Index, groups []Group) []news.Claim {
	var consensus []news.Claim
	exclusive := map[string][]scored{}
	var voiceOrder []string
	for _, g := range groups {
		if !claimLike(ix.sentence(g.Rep)) {
			continue
		}
		set := map[int]bool{}
		for _, m := range g.Members {
			set[m.Source] = true
		}
		c := news.Claim{Text: ix.sentence(g.Rep).Text, Sources: ix.ids(set), Outlets: ix.outlets(set), Voices: ix.voices(set)}
		if c.Voices >= 2 {
			consensus = append(consensus, c)
			continue
		}
		score := informativeness(ix, g.Rep)
		if score == 0 || ix.toldElsewhere(g.Rep) {
			continue
		}
		c.Exclusive = true
		voice := ix.Sources[g.Rep.Source].Voice
		if _, ok := exclusive[voice]; !ok {
			voiceOrder = append(voiceOrder, voice)
		}
		exclusive[voice] = append(exclusive[voice], scored{c, score})
	}
	sort.SliceStable(consensus, func(i, j int) bool { return consensus[i].Voices > consensus[j].Voices })
	out := consensus
	for _, v := range voiceOrder {
		list := exclusive[v]
		sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
		for _, s := range list[:min(len(list), exclusivePerVoice)] {
			out = append(out, s.claim)
		}
	}
	return out
}

type scored struct {
	claim news.Claim
	score float64
}

// claimLike reports whether a sentence states something on its own: long
// enough, not a question, not mostly someone's quoted words.
func claimLike(s *text.Sentence) bool {
	words := 0
	for _, t := range s.Tokens {
		if t.Kind == text.Word || t.Kind == text.Number {
			words++
		}
	}
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

// informativeness favours sentences with names and figures, the stuff a
// reader checks; zero means not worth listing.
func informativeness(ix *Index, r Ref) float64 {
	s := ix.sentence(r)
	doc := ix.Sources[r.Source].Doc
	score := float64(len(doc.Names(r.Sentence)))
	for _, q := range text.Quantities(s.Tokens) {
		if q.Kind != text.Year {
			score++
		}
	}
	if score == 0 {
		return 0
	}
	for _, t := range ix.termsOf(r) {
		score += t.weight
	}
	return score
}

// toldElsewhere reports whether another voice has a sentence close to r,
// looking only at sentences that share one of r's heaviest terms.
func (ix *Index) toldElsewhere(r Ref) bool {
	voice := ix.Sources[r.Source].Voice
	terms := ix.termsOf(r)
	for _, t := range rarest(terms, postingTerms) {
		for _, i := range ix.postings[t.key] {
			if ix.Sources[ix.Refs[i].Source].Voice != voice && cosine(terms, ix.terms[i]) >= elsewhere {
				return true
			}
		}
	}
	return false
}
