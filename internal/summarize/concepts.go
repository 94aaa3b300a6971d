package summarize

import (
	"sort"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/text"
)

// A concept is a unit of content a summary covers or not: a content word's
// stem, or two adjacent words of which at least one carries content ("prime
// minister", "killed 12"). Concepts are hashed.
type concept = uint64

// concepts appends the distinct concepts of toks to buf.
func concepts(toks []text.Token, buf []concept) []concept {
	buf = buf[:0]
	prev, prevContent := uint64(0), false
	for _, t := range toks {
		if t.Kind != text.Word && t.Kind != text.Number {
			prev, prevContent = 0, false
			continue
		}
		h := text.Hash(t.Stem)
		content := t.Content()
		if content {
			buf = append(buf, h)
		}
		if prev != 0 && (content || prevContent) {
			buf = append(buf, prev*1099511628211^h^0x9e3779b97f4a7c15)
		}
		prev, prevContent = h, content
	}
	sort.Slice(buf, func(i, j int) bool { return buf[i] < buf[j] })
	out := buf[:0]
	for i, c := range buf {
		if i == 0 || c != buf[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// leadWeight is how much a concept counts when it first appears in
// sentence i of an article: news puts what matters first.
func leadWeight(i int) float64 {
	return 1 / (1 + float64(i)/leadHalfLife)
}

// leadHalfLife is the sentence at which a concept counts half.
var leadHalfLife = 4.0

// weigh gives every concept of the story its weight: the number of
// independent voices that use it, each voice counting with the lead weight
// of its earliest use. An outlet's versions and the wire copies it
// republishes share one voice, so repeating a text never makes it weigh more.
func weigh(ix *compare.Index) map[concept]float64 {
	type acc struct {
		sum, best float64
		voice     int
	}
	order := make([]int, len(ix.Sources))
	voiceOf := make(map[string]int)
	voice := make([]int, len(ix.Sources))
	for p, s := range ix.Sources {
		order[p] = p
		v, ok := voiceOf[s.Voice]
		if !ok {
			v = len(voiceOf)
			voiceOf[s.Voice] = v
		}
		voice[p] = v
	}
	sort.SliceStable(order, func(i, j int) bool { return voice[order[i]] < voice[order[j]] })
	weights := make(map[concept]*acc)
	var buf []concept
	note := func(cs []concept, w float64, v int) {
		for _, c := range cs {
			a := weights[c]
			if a == nil {
				a = &acc{voice: -1}
				weights[c] = a
			}
			if a.voice != v {
				a.sum += a.best
				a.best, a.voice = 0, v
			}
			if w > a.best {
				a.best = w
			}
		}
	}
	for _, p := range order {
		src := ix.Sources[p]
		if src.Article.Title != "" {
			buf = concepts(text.Tokenize(src.Article.Title), buf)
			note(buf, 1, voice[p])
		}
		for i := range src.Doc.Sentences {
			buf = concepts(src.Doc.Sentences[i].Tokens, buf)
			note(buf, leadWeight(i), voice[p])
		}
	}
	out := make(map[concept]float64, len(weights))
	for c, a := range weights {
		out[c] = a.sum + a.best
	}
	return out
}
