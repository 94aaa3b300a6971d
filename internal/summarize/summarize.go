// Package summarize writes a story's summary and headline from its
// articles' own sentences: each summary sentence is one the sources wrote,
// at most trimmed of a connective or an attribution at its edges, and cites
// every article that carries it.
package summarize

import (
	"math"
	"sort"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
)

// Options tune the summary.
type Options struct {
	// Words is the length budget: the summary never runs over it, except
	// that it always holds one sentence.
	Words int
}

// DefaultWords is the summary budget: a paragraph a reader takes in at once.
const DefaultWords = 100

// Story writes the summary of a compared story.
func Story(res *compare.Result, opts Options) []news.Sentence {
	if opts.Words <= 0 {
		opts.Words = DefaultWords
	}
	units := candidates(res)
	picked := pick(res.Index, units, weigh(res.Index), opts.Words)
	arrange(res.Index, picked)
	out := make([]news.Sentence, 0, len(picked))
	for _, u := range picked {
		out = append(out, news.Sentence{Text: u.clause.text, Sources: res.Index.IDs(u.group.Members)})
	}
	return out
}

// unit is a group of same-saying sentences as the summary would print it:
// the best-worded member that stands alone, and what it covers.
type unit struct {
	group    compare.Group
	ref      compare.Ref
	clause   clause
	concepts []concept
	voices   int
	lead     int     // earliest sentence index among the members
	position float64 // relative position of ref in its article, 0 = lead
}

// candidates turns every group with a member that stands alone into a
// unit.
func candidates(res *compare.Result) []*unit {
	ix := res.Index
	var out []*unit
	var buf []concept
	for _, g := range res.Groups {
		ref, c, ok := bestWorded(ix, g)
		if !ok {
			continue
		}
		u := &unit{group: g, ref: ref, clause: c, voices: ix.Voices(g.Members), lead: math.MaxInt}
		buf = concepts(ix.Sentence(ref).Tokens[c.from:c.to], buf)
		u.concepts = append([]concept(nil), buf...)
		for _, m := range g.Members {
			u.lead = min(u.lead, m.Sentence)
		}
		u.position = float64(ref.Sentence) / float64(len(ix.Sources[ref.Source].Doc.Sentences))
		out = append(out, u)
	}
	return out
}

// bestWorded chooses the member a group is printed as: of those that stand
// alone, the one closest to the story as a whole, so that the wording the
// outlets share wins over one outlet's aside.
func bestWorded(ix *compare.Index, g compare.Group) (compare.Ref, clause, bool) {
	var best compare.Ref
	var bestClause clause
	bestScore := math.Inf(-1)
	for _, m := range g.Members {
		c, ok := standalone(ix.Sentence(m))
		if !ok {
			continue
		}
		score := ix.Centrality(m)
		if m == g.Rep {
			score += 1e-9 // the group's own choice breaks ties
		}
		if score > bestScore {
			best, bestClause, bestScore = m, c, score
		}
	}
	return best, bestClause, bestScore > math.Inf(-1)
}

// arrange orders the picked sentences as a reader needs them: by where they
// sit in their articles, so that leads come first and one article's
// sentences keep their order, then by which was published first.
func arrange(ix *compare.Index, picked []*unit) {
	sort.SliceStable(picked, func(i, j int) bool {
		a, b := picked[i], picked[j]
		if a.position != b.position {
			return a.position < b.position
		}
		return earlier(ix, a.ref, b.ref)
	})
}

func earlier(ix *compare.Index, a, b compare.Ref) bool {
	ta, tb := ix.Sources[a.Source].Article.Published, ix.Sources[b.Source].Article.Published
	return !ta.IsZero() && (tb.IsZero() || ta.Before(tb.Time))
}
