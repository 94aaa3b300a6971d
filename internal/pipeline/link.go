package pipeline

import (
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
)

// link finds versions and copies in input order, then, within each set of
// versions, makes the oldest the original, marks the newest and records
// what each version changed.
func link(items []*prepared) {
	ix := dedupe.NewIndex()
	family := map[string][]*prepared{}
	copies := map[string][]*prepared{}
	var roots, copyRoots []string
	for _, it := range items {
		a := it.article
		m := ix.Add(dedupe.Item{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Signature: it.sketch, Shingles: it.shingles})
		switch m.Kind {
		case dedupe.Copy:
			if _, ok := copies[m.Of]; !ok {
				copyRoots = append(copyRoots, m.Of)
			}
			copies[m.Of] = append(copies[m.Of], it)
		case dedupe.Version:
			if _, ok := family[m.Of]; !ok {
				roots = append(roots, m.Of)
			}
			family[m.Of] = append(family[m.Of], it)
		}
	}
	byID := make(map[string]*prepared, len(items))
	for _, it := range items {
		byID[it.article.ID] = it
	}
	for _, root := range copyRoots {
		linkCopies(append([]*prepared{byID[root]}, copies[root]...))
	}
	for _, root := range roots {
		versions := append([]*prepared{byID[root]}, family[root]...)
		orderVersions(versions)
	}
}

// linkCopies marks all but one of a set of copies as duplicates of that
// one: the outlet the shared text credits ("told Northwind"), else the
// earliest, else the first read.
func linkCopies(copies []*prepared) {
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
// keep their reading order) and links each to the oldest.
func orderVersions(versions []*prepared) {
	sort.SliceStable(versions, func(i, j int) bool {
		a, b := versions[i].article.Published, versions[j].article.Published
		return !a.IsZero() && !b.IsZero() && a.Before(b.Time)
	})
	first := versions[0].article
	first.VersionOf = nil
	for i, v := range versions[1:] {
		id := first.ID
		v.article.VersionOf = &id
		v.article.DuplicateOf = nil
		prev := versions[i]
		added, removed := dedupe.Changes(prev.doc.Sentences, v.doc.Sentences)
		v.article.Changes = &news.Changes{Against: prev.article.ID, Added: added, Removed: removed}
	}
	versions[len(versions)-1].article.Latest = true
}
