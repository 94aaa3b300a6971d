package pipeline

import (
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// link records the versions and copies the engine found: within each set
// of versions it makes the oldest the original, marks the newest and
// records what each version changed; within each set of copies it picks the
// original the text credits. changes records what each version changed,
// which takes the versions' text analyses.
func link(items []*Prepared, placed []Placement, changes bool) {
	family := map[string][]*Prepared{}
	copies := map[string][]*Prepared{}
	var roots, copyRoots []string
	for i, it := range items {
		switch p := placed[i]; p.Relation {
		case Copy:
			if _, ok := copies[p.Of]; !ok {
				copyRoots = append(copyRoots, p.Of)
			}
			copies[p.Of] = append(copies[p.Of], it)
		case Version:
			if _, ok := family[p.Of]; !ok {
				roots = append(roots, p.Of)
			}
			family[p.Of] = append(family[p.Of], it)
		}
	}
	byID := make(map[string]*Prepared, len(items))
	for _, it := range items {
		byID[it.article.ID] = it
	}
	for _, root := range copyRoots {
		linkCopies(append([]*Prepared{byID[root]}, copies[root]...))
	}
	for _, root := range roots {
		versions := append([]*Prepared{byID[root]}, family[root]...)
		orderVersions(versions, changes)
	}
}

// linkCopies marks all but one of a set of copies as duplicates of that
// one: the outlet the shared text credits ("told Northwind"), else the
// earliest, else the first read.
func linkCopies(copies []*Prepared) {
	original := copies[0]
	bestCredit := 0
	for _, c := range copies {
		credit := 0
		if name := c.article.Outlet; name != "" {
			for _, other := range copies {
				if other != c && mentions(other.article.Text, name) {
					credit++
				}
			}
		}
		switch {
		case credit > bestCredit:
			original, bestCredit = c, credit
		case credit == bestCredit && earlier(c.article, original.article):
			original = c
		}
	}
	for _, c := range copies {
		if c == original {
			c.article.DuplicateOf = nil
			continue
		}
		id := original.article.ID
		c.article.DuplicateOf = &id
	}
}

func earlier(a, b *news.Article) bool {
	return !a.Published.IsZero() && (b.Published.IsZero() || a.Published.Before(b.Published.Time))
}

// mentions reports whether text names an outlet as a whole word.
func mentions(text, name string) bool {
	for i := strings.Index(text, name); i >= 0; {
		end := i + len(name)
		before, after := i == 0 || !isWordByte(text[i-1]), end >= len(text) || !isWordByte(text[end])
		if before && after {
			return true
		}
		next := strings.Index(text[i+1:], name)
		if next < 0 {
			break
		}
		i += next + 1
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// orderVersions sorts one article's versions oldest first (undated ones
// keep their reading order) and links each to the oldest, and with
// changes records what each changed since the one before.
func orderVersions(versions []*Prepared, changes bool) {
	sort.SliceStable(versions, func(i, j int) bool {
		a, b := versions[i].article.Published, versions[j].article.Published
		return !a.IsZero() && !b.IsZero() && a.Before(b.Time)
	})
	first := versions[0].article
	first.VersionOf = nil
	var prevDoc *text.Doc
	if changes {
		prevDoc = versions[0].analysis()
	}
	for i, v := range versions[1:] {
		id := first.ID
		v.article.VersionOf = &id
		v.article.DuplicateOf = nil
		if changes {
			doc := v.analysis()
			added, removed := dedupe.Changes(prevDoc.Sentences, doc.Sentences)
			v.article.Changes = &news.Changes{Against: versions[i].article.ID, Added: added, Removed: removed}
			prevDoc = doc
		}
	}
	versions[len(versions)-1].article.Latest = true
}
