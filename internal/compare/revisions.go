package compare

import "sort"

// edition places a source among the versions of its article: family is
// the ID of the article's first version, rank orders the family's
// versions, newest highest. A syndicated copy belongs to the version it
// copies, with its rank: it carries that version's figures, and when the
// outlet later revises them the copy is as out of date as the version.
type edition struct {
	family string
	rank   int
}

// editionsOf finds each source's edition. Most articles have no versions:
// each is a family of its own, rank 0.
func editionsOf(sources []Source) []edition {
	pos := make(map[string]int, len(sources))
	for p, s := range sources {
		pos[s.Article.ID] = p
	}
	copied := make([]int, len(sources)) // the source each one is or copies
	out := make([]edition, len(sources))
	byFamily := map[string][]int{}
	var families []string
	for p := range sources {
		copied[p] = follow(sources, pos, p)
		a := sources[copied[p]].Article
		out[p].family = a.ID
		if a.VersionOf != nil {
			out[p].family = *a.VersionOf // the first version, even when this story lacks it
		}
		if copied[p] != p {
			continue
		}
		if _, ok := byFamily[out[p].family]; !ok {
			families = append(families, out[p].family)
		}
		byFamily[out[p].family] = append(byFamily[out[p].family], p)
	}
	rank := make([]int, len(sources))
	for _, f := range families {
		versions := byFamily[f]
		if len(versions) < 2 {
			continue
		}
		sort.SliceStable(versions, func(i, j int) bool { return older(sources, versions[i], versions[j]) })
		for r, p := range versions {
			rank[p] = r
		}
	}
	for p := range out {
		out[p].rank = rank[copied[p]]
	}
	return out
}

// follow walks from source p to the original it is a copy of, within the
// story; a chain is a few links at most, the bound guards against cycles
// in hand-made input.
func follow(sources []Source, pos map[string]int, p int) int {
	for range 8 {
		of := sources[p].Article.DuplicateOf
		if of == nil {
			break
		}
		q, ok := pos[*of]
		if !ok {
			break
		}
		p = q
	}
	return p
}

// older reports whether the version at p came before the one at q: the
// newest is the one marked latest; otherwise by date, an undated version
// before a dated one (the pipeline dates what it can, and a first version
// read from a file often has no date), then in the story's order.
func older(sources []Source, p, q int) bool {
	a, b := sources[p].Article, sources[q].Article
	if a.Latest != b.Latest {
		return b.Latest
	}
	if !a.Published.Equal(b.Published.Time) {
		return a.Published.Before(b.Published.Time)
	}
	return p < q
}

// revisions finds, among the figures given for one subject, those an
// outlet has since revised: a figure given only by an earlier version of
// an article whose newest version to give the subject a figure gives
// another. For each such figure it returns the positions of those newer
// versions (and their copies); nil for the figures that stand.
func (ix *Index) revisions(figs []figure) [][]int {
	newest := map[string]int{} // family → the newest rank giving the subject
	for _, f := range figs {
		e := ix.editions[f.ref.Source]
		if r, ok := newest[e.family]; !ok || e.rank > r {
			newest[e.family] = e.rank
		}
	}
	var out [][]int
	for i, f := range figs {
		e := ix.editions[f.ref.Source]
		if e.rank == newest[e.family] {
			continue
		}
		var current []int
		still := false
		for _, g := range figs {
			if ge := ix.editions[g.ref.Source]; ge.family == e.family && ge.rank == newest[e.family] {
				current = addSource(current, g.ref.Source) // figures come in story order
				still = still || sameValue(f, g)
			}
		}
		if still {
			continue
		}
		if out == nil {
			out = make([][]int, len(figs))
		}
		out[i] = current
	}
	return out
}

// Revised reports whether the sentence at r gives a figure that a later
// version of its article, by the same outlet, has replaced: it tells what
// the outlet no longer reports.
func (ix *Index) Revised(r Ref) bool {
	return ix.revised[r]
}
