package summarize

import (
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/text"
)

// A concept is a unit of content a summary covers or not: a content word's
// stem, or two adjacent words of which at least one carries content ("prime
// minister", "killed 12"). Concepts are hashed, then numbered per story.
type concept = uint64

// hashConcepts appends the distinct concepts of toks to buf, sorted.
func hashConcepts(toks []text.Token, buf []concept) []concept {
	buf = buf[:0]
	prev, prevContent := uint64(0), false
	for j := range toks {
		t := &toks[j]
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
	slices.Sort(buf)
	return slices.Compact(buf)
}

// leadHalfLife is the sentence of an article at which a concept first used
// there counts half: news puts what matters first.
var leadHalfLife = 4.0

// reach is how many sentences of each article the summary reads: all of
// them in small stories, the first ones in large stories, where hundreds of
// articles' leads already say what matters and reading every sentence
// would cost more than the summary is worth.
func reach(articles int) int {
	return max(minReach, storySentences/max(articles, 1))
}

const (
	minReach       = 20
	storySentences = 4000
)

// arenaChunk is how many concept numbers are allocated at once, at most:
// a token opens at most two concepts, so a small story takes less.
const arenaChunk = 8192

func leadWeight(i int) float64 {
	return 1 / (1 + float64(i)/leadHalfLife)
}

// concepts numbers the story's concepts and weighs them. A concept weighs
// the number of independent voices that use it, each voice counting with
// the lead weight of its earliest use. An outlet's versions and the wire
// copies it republishes share one voice, so repeating a text never makes
// it weigh more.
type concepts struct {
	ids    *table
	weight []float64
	// of holds each sentence's concept numbers, by source and sentence.
	of [][][]int32
	// titles holds the tokens of the titles read so far: the weighing and
	// each headline rule read the same few hundred titles.
	titles map[string][]text.Token
}

// tokens returns the tokens of a title, tokenizing it once per story.
// A title of the story's articles reads as its article's language
// (titleOf), so that its stems and function words are those of the
// leads it is weighed against.
func (cs *concepts) tokens(title string) []text.Token {
	toks, ok := cs.titles[title]
	if !ok {
		toks = text.Tokenize(title)
		cs.titles[title] = toks
	}
	return toks
}

// titleOf tokenizes an article's title in the language of its text, as
// the headline rules later ask for it, trimmed or not.
func (cs *concepts) titleOf(src compare.Source) []text.Token {
	title := src.Article.Title
	toks, ok := cs.titles[title]
	if !ok {
		toks = src.Doc.Tokenize(title)
		cs.titles[title] = toks
	}
	if trimmed := strings.TrimSpace(title); trimmed != title {
		if _, ok := cs.titles[trimmed]; !ok {
			cs.titles[trimmed] = src.Doc.Tokenize(trimmed)
		}
	}
	return toks
}

func weigh(ix *compare.Index) *concepts {
	n := reach(len(ix.Sources))
	tokens := 0
	for _, src := range ix.Sources {
		for i := range src.Doc.Sentences[:min(n, len(src.Doc.Sentences))] {
			tokens += len(src.Doc.Sentences[i].Tokens)
		}
	}
	// A story's articles repeat each other: a large story has about one
	// new concept per two tokens (43,000 in 89,000 on 200 WikiRef
	// articles), so sized for that, the table seldom grows and stays small
	// enough to stay in cache.
	expected := tokens/2 + 1
	cs := &concepts{ids: newTable(expected), weight: make([]float64, 0, expected), of: make([][][]int32, len(ix.Sources)), titles: make(map[string][]text.Token, len(ix.Sources))}
	voice := voiceNumbers(ix)
	best := make([]float64, 0, expected) // per concept: the current voice's best lead weight
	lastVoice := make([]int32, 0, expected)
	var buf []concept
	var arena []int32 // the sentences' concept numbers, back to back, a chunk at a time
	note := func(hashes []concept, w float64, v int32) []int32 {
		if cap(arena)-len(arena) < len(hashes) {
			arena = make([]int32, 0, max(min(arenaChunk, 2*tokens), len(hashes)))
		}
		out := arena[len(arena) : len(arena)+len(hashes) : len(arena)+len(hashes)]
		arena = arena[:len(arena)+len(hashes)]
		for k, h := range hashes {
			id, added := cs.ids.put(h)
			if added {
				cs.weight = append(cs.weight, 0)
				best = append(best, 0)
				lastVoice = append(lastVoice, -1)
			}
			if lastVoice[id] != v {
				cs.weight[id] += best[id]
				best[id], lastVoice[id] = 0, v
			}
			best[id] = max(best[id], w)
			out[k] = id
		}
		return out
	}
	// Sources in voice order, so that each voice's uses are contiguous.
	order := make([]int, len(ix.Sources))
	for p := range order {
		order[p] = p
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(voice[a] - voice[b]) })
	for _, p := range order {
		src := ix.Sources[p]
		if src.Article.Title != "" {
			buf = hashConcepts(cs.titleOf(src), buf)
			note(buf, 1, voice[p])
		}
		cs.of[p] = make([][]int32, min(n, len(src.Doc.Sentences)))
		for i := range src.Doc.Sentences[:min(n, len(src.Doc.Sentences))] {
			buf = hashConcepts(src.Doc.Sentences[i].Tokens, buf)
			cs.of[p][i] = note(buf, leadWeight(i), voice[p])
		}
	}
	for id := range cs.weight {
		cs.weight[id] += best[id]
	}
	return cs
}

// voiceNumbers numbers the independent voices, per source position.
func voiceNumbers(ix *compare.Index) []int32 {
	byKey := make(map[string]int32)
	out := make([]int32, len(ix.Sources))
	for p, s := range ix.Sources {
		v, ok := byKey[s.Voice]
		if !ok {
			v = int32(len(byKey))
			byKey[s.Voice] = v
		}
		out[p] = v
	}
	return out
}

// sum is the weight of the concepts in ids, skipping those covered.
func (cs *concepts) sum(ids []int32, covered []bool) float64 {
	total := 0.0
	for _, id := range ids {
		if covered == nil || !covered[id] {
			total += cs.weight[id]
		}
	}
	return total
}

// textWeight is the weight of the concepts of any text, such as a title.
func (cs *concepts) textWeight(toks []text.Token) float64 {
	total := 0.0
	for _, h := range hashConcepts(toks, nil) {
		if id, ok := cs.ids.get(h); ok {
			total += cs.weight[id]
		}
	}
	return total
}
