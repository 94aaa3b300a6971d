// Package summarize writes a story's summary and headline from its
// articles' own sentences: each summary sentence is one the sources wrote,
// and cites every article that carries it.
package summarize

import (
	"math"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// Options tune the summary.
type Options struct {
	// Words is the length budget; the summary stops at the sentence that
	// reaches it.
	Words int
}

// DefaultWords is the summary budget: a paragraph a reader takes in at once.
const DefaultWords = 100

const (
	minSentences = 3
	maxSentences = 7
	maxWords     = 55  // longer sentences read badly out of their article
	diversity    = 0.3 // weight of novelty against importance (MMR)
)

// danglers open sentences that lean on the one before them.
var danglers = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "their": true, "its": true, "but": true, "and": true,
	"also": true, "however": true, "yet": true, "so": true, "then": true, "still": true, "meanwhile": true,
	"moreover": true, "instead": true, "both": true, "such": true, "there": true, "here": true,
	"him": true, "them": true, "or": true, "nor": true, "because": true, "thus": true, "further": true,
}

// candidate is a group of same-saying sentences, scored.
type candidate struct {
	group    compare.Group
	score    float64
	position float64 // where in their articles the sentences sit, 0 = lead
	words    int
}

// Story writes the summary of a compared story.
func Story(res *compare.Result, opts Options) []news.Sentence {
	if opts.Words <= 0 {
		opts.Words = DefaultWords
	}
	cands := candidates(res)
	picked := pick(res.Index, cands, opts.Words)
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].position < picked[j].position })
	out := make([]news.Sentence, 0, len(picked))
	for _, c := range picked {
		out = append(out, news.Sentence{Text: res.Index.Sentence(c.group.Rep).Text, Sources: res.Index.IDs(c.group.Members)})
	}
	return out
}

// candidates scores every group that can stand alone in a summary. A
// sentence matters when it is central to the story, told by several
// independent voices, and near the top of its articles.
func candidates(res *compare.Result) []candidate {
	ix := res.Index
	var out []candidate
	for _, g := range res.Groups {
		s := ix.Sentence(g.Rep)
		if !standsAlone(s) {
			continue
		}
		position := 0.0
		for _, m := range g.Members {
			n := len(ix.Sources[m.Source].Doc.Sentences)
			position += float64(m.Sentence) / float64(max(n, 1))
		}
		position /= float64(len(g.Members))
		support := 1 + math.Log2(float64(ix.Voices(g.Members)))
		lead := 1 / (1 + 2*position)
		out = append(out, candidate{group: g, score: ix.Centrality(g.Rep) * support * lead, position: position, words: wordCount(s)})
	}
	return out
}

// standsAlone reports whether a sentence can be read without the one before
// it, and is neither a fragment nor a question nor mostly a quotation.
func standsAlone(s *text.Sentence) bool {
	words := wordCount(s)
	if words < 8 || words > maxWords || strings.HasSuffix(s.Text, "?") || strings.HasSuffix(s.Text, ":") {
		return false
	}
	if strings.Count(s.Text, `"`)%2 != 0 || strings.HasPrefix(s.Text, `"`) {
		return false
	}
	first := ""
	for _, t := range s.Tokens {
		if t.Kind == text.Word {
			first = t.Lower
			break
		}
	}
	if danglers[first] {
		return false
	}
	// "The official said …": a definite description of someone not named here.
	if len(s.Tokens) > 1 && first == "the" && !s.Tokens[1].Capitalized() && s.Tokens[1].Kind == text.Word && len(s.Tokens) > 2 && isVerbish(s.Tokens[2].Lower) {
		return false
	}
	return true
}

func isVerbish(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "said" || w == "says" || w == "told" || w == "is" || w == "was" || w == "has"
}

func wordCount(s *text.Sentence) int {
	n := 0
	for _, t := range s.Tokens {
		if t.Kind == text.Word || t.Kind == text.Number {
			n++
		}
	}
	return n
}

// pick chooses sentences by maximal marginal relevance until the budget is
// spent: each next sentence is important and unlike those already chosen.
func pick(ix *compare.Index, cands []candidate, budget int) []candidate {
	var picked []candidate
	used := make([]bool, len(cands))
	words := 0
	for len(picked) < maxSentences {
		best, bestScore := -1, math.Inf(-1)
		for i, c := range cands {
			if used[i] {
				continue
			}
			redundancy := 0.0
			for _, p := range picked {
				redundancy = math.Max(redundancy, ix.Similarity(c.group.Rep, p.group.Rep))
			}
			score := (1-diversity)*c.score - diversity*redundancy
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		if len(picked) >= minSentences && words+cands[best].words > budget {
			break
		}
		used[best] = true
		picked = append(picked, cands[best])
		words += cands[best].words
	}
	return picked
}
