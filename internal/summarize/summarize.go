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

// Write returns the headline and the summary of a compared story.
func Write(res *compare.Result, opts Options) (string, []news.Sentence) {
	cs := weigh(res.Index)
	summary := story(res, cs, opts)
	return headline(res, cs, summary), summary
}

// Story writes the summary of a compared story.
func Story(res *compare.Result, opts Options) []news.Sentence {
	return story(res, weigh(res.Index), opts)
}

func story(res *compare.Result, cs *concepts, opts Options) []news.Sentence {
	if opts.Words <= 0 {
		opts.Words = DefaultWords
	}
	units := candidates(res, cs)
	picked := pick(res.Index, cs, units, counterparts(res, units), opts.Words)
	picked = arrange(res.Index, picked)
	out := make([]news.Sentence, 0, len(picked))
	for _, u := range picked {
		out = append(out, news.Sentence{Text: u.clause.text, Sources: res.Index.IDs(citedFor(res, u))})
	}
	return out
}

// unit is a group of same-saying sentences as the summary would print it:
// the best-worded member that stands alone, and what it covers.
type unit struct {
	group    compare.Group
	ref      compare.Ref
	clause   clause
	concepts []int32
	voices   int
	position float64 // relative position of ref in its article, 0 = lead
	// after, when set, is the sentence this unit is printed right after:
	// the one before it in its article, which says who its pronouns stand
	// for, or the one whose figure it disputes.
	after *compare.Ref
}

// candidates turns every group with a member that stands alone into a
// unit.
func candidates(res *compare.Result, cs *concepts) []*unit {
	ix := res.Index
	var out []*unit
	for _, g := range res.Groups {
		ref, c, ok := bestWorded(ix, cs, g)
		var after *compare.Ref
		if !ok {
			if ref, c, ok = following(ix, cs, g); !ok {
				continue
			}
			after = &compare.Ref{Source: ref.Source, Sentence: ref.Sentence - 1}
		}
		u := &unit{group: g, ref: ref, clause: c, concepts: cs.of[ref.Source][ref.Sentence], voices: 1, after: after}
		if len(g.Members) > 1 {
			u.voices = ix.Voices(g.Members)
		}
		u.position = float64(ref.Sentence) / float64(len(ix.Sources[ref.Source].Doc.Sentences))
		out = append(out, u)
	}
	return out
}

// bestWorded chooses the member a group is printed as: of those that stand
// alone, the one that says most of what the story's voices say for its
// length, so that the wording the outlets share wins over one outlet's
// aside. Ties go to the group's representative, then to the first. A
// sentence giving a figure its outlet has since revised is never printed:
// the summary tells each outlet's current account.
func bestWorded(ix *compare.Index, cs *concepts, g compare.Group) (compare.Ref, clause, bool) {
	var best compare.Ref
	var bestClause clause
	bestScore := math.Inf(-1)
	for _, m := range g.Members {
		if m.Sentence >= len(cs.of[m.Source]) || ix.Revised(m) {
			continue // beyond the summary's reach, or out of date
		}
		c, ok := standalone(ix.Sentence(m))
		if !ok {
			continue
		}
		score := cs.sum(cs.of[m.Source][m.Sentence], nil) / math.Pow(float64(c.words), lengthPenalty)
		if score > bestScore || score == bestScore && m == g.Rep {
			best, bestClause, bestScore = m, c, score
		}
	}
	return best, bestClause, bestScore > math.Inf(-1)
}

// following returns the group's first member that can be printed after the
// sentence before it in its article.
func following(ix *compare.Index, cs *concepts, g compare.Group) (compare.Ref, clause, bool) {
	for _, m := range g.Members {
		if m.Sentence == 0 || m.Sentence >= len(cs.of[m.Source]) || ix.Revised(m) {
			continue
		}
		if c, ok := followOn(ix.Sentence(m)); ok {
			return m, c, true
		}
	}
	return compare.Ref{}, clause{}, false
}

// arrange orders the picked sentences as a reader needs them: by where they
// sit in their articles, so that leads come first and one article's
// sentences keep their order, then by which was published first.
// A sentence that follows on from another comes right after it.
func arrange(ix *compare.Index, picked []*unit) []*unit {
	var roots []*unit
	followers := make(map[compare.Ref][]*unit)
	for _, u := range picked {
		if u.after != nil {
			followers[*u.after] = append(followers[*u.after], u)
		} else {
			roots = append(roots, u)
		}
	}
	sort.SliceStable(roots, func(i, j int) bool {
		a, b := roots[i], roots[j]
		if a.position != b.position {
			return a.position < b.position
		}
		return earlier(ix, a.ref, b.ref)
	})
	out := make([]*unit, 0, len(picked))
	var emit func(u *unit)
	emit = func(u *unit) {
		out = append(out, u)
		for _, f := range followers[u.ref] {
			emit(f)
		}
	}
	for _, u := range roots {
		emit(u)
	}
	return out
}

func earlier(ix *compare.Index, a, b compare.Ref) bool {
	ta, tb := ix.Sources[a.Source].Article.Published, ix.Sources[b.Source].Article.Published
	return !ta.IsZero() && (tb.IsZero() || ta.Before(tb.Time))
}
