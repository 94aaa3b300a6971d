// Package compare reads the articles of one story side by side: the figures
// they give and where those conflict, who they quote and how each outlet
// words it, whom they cite, what several outlets say and what only one does,
// and the dated events they mention.
package compare

import (
	"sort"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// Source is one article of the story with its analysed text. Voice is the
// key under which it counts as an independent source (see news.Voices).
type Source struct {
	Article *news.Article
	Doc     *text.Doc
	Voice   string
}

// Result is what the comparison finds. Groups holds every sentence of the
// story grouped with the sentences of other articles that say the same
// thing; the summarizer builds on it.
type Result struct {
	Facts        []news.Fact
	Quotes       []news.Quote
	Attributions []news.Attribution
	Claims       []news.Claim
	Timeline     []news.Event
	Groups       []Group
	Index        *Index
}

// Analyze compares the sources of one story.
func Analyze(sources []Source) *Result {
	ix := newIndex(sources)
	groups := groupSentences(ix)
	ix.groupOf = make([]int, len(ix.Refs))
	for g, group := range groups {
		for _, m := range group.Members {
			ix.groupOf[ix.position(m)] = g
		}
	}
	return &Result{
		Facts:        facts(ix),
		Quotes:       quotes(ix),
		Attributions: attributions(ix),
		Claims:       claims(ix, groups),
		Timeline:     timeline(ix),
		Groups:       groups,
		Index:        ix,
	}
}

// ids returns the article IDs of a set of source positions, in story order.
func (ix *Index) ids(set map[int]bool) []string {
	return ix.idsAt(positionsOf(set))
}

// positionsOf lists a set of source positions in story order.
func positionsOf(set map[int]bool) []int {
	positions := make([]int, 0, len(set))
	for p := range set {
		positions = append(positions, p)
	}
	sort.Ints(positions)
	return positions
}

// idsAt returns the article IDs at source positions given in story order.
func (ix *Index) idsAt(positions []int) []string {
	out := make([]string, len(positions))
	for i, p := range positions {
		out[i] = ix.Sources[p].Article.ID
	}
	return out
}

// voices counts the independent voices among source positions.
func (ix *Index) voices(set map[int]bool) int {
	return ix.voicesAt(positionsOf(set))
}

// voicesAt counts the independent voices among source positions given as
// a list.
func (ix *Index) voicesAt(positions []int) int {
	seen := make(map[string]bool, len(positions))
	for _, p := range positions {
		seen[ix.Sources[p].Voice] = true
	}
	return len(seen)
}

// outletsOf names the outlets of articles, in their order, each once;
// none is an empty list, as the JSON contract lists are never null.
func (ix *Index) outletsOf(ids []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, id := range ids {
		name := ix.outletOf[id]
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// reference is the date relative expressions in source p resolve against:
// its own date, else the story's typical date.
func (ix *Index) reference(p int) time.Time {
	if t := ix.Sources[p].Article.Published.Time; !t.IsZero() {
		return t
	}
	return ix.storyDate
}

// voiceName says who an independent voice is, for a reader: the outlet, or
// the article when the outlet is unknown; for a copy or a version, those
// of the article it derives from, which its voice is.
func (ix *Index) voiceName(p int) string {
	if name := news.VoiceName(ix.Sources[p].Voice); name != "" {
		return name
	}
	a := ix.Sources[p].Article
	if a.Outlet != "" {
		return a.Outlet
	}
	return "article " + a.ID
}
