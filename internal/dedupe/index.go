package dedupe

import (
	"net/url"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// Kind says how an article relates to one seen before.
type Kind uint8

const (
	Original Kind = iota // nothing close seen before
	Version              // the same outlet's article, updated
	Copy                 // the same text under another outlet: syndication
)

// Thresholds on estimated Jaccard similarity of shingle sets. An outlet's
// update keeps much of its wording but adds and cuts paragraphs; a copy under
// another outlet keeps nearly all of it.
const (
	versionSimilarity = 0.2
	copySimilarity    = 0.6
	copyContainment   = 0.8
	// minShingles keeps very short texts (a headline, a teaser) from being
	// called copies of each other on a handful of shared words.
	minShingles = 20
)

// LSH layouts: copies are looked for among all articles with bands that
// catch high similarity; versions only within one outlet, with bands that
// catch low similarity.
const (
	copyBands       = 32
	copyRows        = Bins / copyBands
	versionBands    = 64
	versionRowCount = Bins / versionBands
)

// Item is what the index needs of an article.
type Item struct {
	ID        string
	Outlet    string
	URL       string
	Signature Signature
	Shingles  int
}

// Match is what Add found: the first article of the group the new one joins.
type Match struct {
	Of         string
	Kind       Kind
	Similarity float64
}

type entry struct {
	item Item
	root int32
}

// Index remembers articles and finds, for each new one, an earlier version or
// original. It is not safe for concurrent use.
type Index struct {
	entries      []entry
	byURL        map[string]int32
	copyBucket   map[uint64][]int32
	versionBuckt map[uint64][]int32
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		byURL:        make(map[string]int32),
		copyBucket:   make(map[uint64][]int32),
		versionBuckt: make(map[uint64][]int32),
	}
}

// Add records an article and returns how it relates to those before it.
func (x *Index) Add(it Item) Match {
	self := int32(len(x.entries))
	m, at := x.find(it)
	root := self
	if m.Kind != Original {
		root = x.entries[at].root
		m.Of = x.entries[root].item.ID
	}
	x.entries = append(x.entries, entry{item: it, root: root})
	if key := urlKey(it.URL); key != "" {
		if _, ok := x.byURL[key]; !ok {
			x.byURL[key] = self
		}
	}
	if it.Shingles >= minShingles {
		for _, k := range bandKeys(&it.Signature, copyBands, copyRows, 0) {
			x.copyBucket[k] = append(x.copyBucket[k], self)
		}
		if it.Outlet != "" {
			for _, k := range bandKeys(&it.Signature, versionBands, versionRowCount, text.Hash(it.Outlet)) {
				x.versionBuckt[k] = append(x.versionBuckt[k], self)
			}
		}
	}
	return m
}

// find returns the best earlier match and its position.
func (x *Index) find(it Item) (Match, int32) {
	if key := urlKey(it.URL); key != "" {
		if at, ok := x.byURL[key]; ok {
			return Match{Kind: Version, Similarity: Similarity(&it.Signature, &x.entries[at].item.Signature)}, at
		}
	}
	if it.Shingles < minShingles {
		return Match{}, -1
	}
	best, bestAt := Match{}, int32(-1)
	consider := func(at int32, kind Kind) {
		other := &x.entries[at].item
		sim := Similarity(&it.Signature, &other.Signature)
		if kind == Copy && !isCopy(sim, it.Shingles, other.Shingles) {
			return
		}
		if kind == Version && sim < versionSimilarity {
			return
		}
		if sim > best.Similarity {
			best, bestAt = Match{Kind: kind, Similarity: sim}, at
		}
	}
	if it.Outlet != "" {
		for _, k := range bandKeys(&it.Signature, versionBands, versionRowCount, text.Hash(it.Outlet)) {
			for _, at := range x.versionBuckt[k] {
				consider(at, Version)
			}
		}
	}
	if best.Kind == Version {
		return best, bestAt
	}
	for _, k := range bandKeys(&it.Signature, copyBands, copyRows, 0) {
		for _, at := range x.copyBucket[k] {
			kind := Copy
			if other := x.entries[at].item.Outlet; other != "" && other == it.Outlet {
				kind = Version
			}
			consider(at, kind)
		}
	}
	return best, bestAt
}

// isCopy accepts a high resemblance, or one text almost wholly inside the
// other (a copy trimmed or with a paragraph added). Containment of the
// smaller set follows from the Jaccard estimate and the set sizes.
func isCopy(jaccard float64, a, b int) bool {
	if jaccard >= copySimilarity {
		return true
	}
	small, large := float64(min(a, b)), float64(max(a, b))
	containment := jaccard * (small + large) / ((1 + jaccard) * small)
	return containment >= copyContainment
}

func bandKeys(sig *Signature, bands, rows int, salt uint64) []uint64 {
	keys := make([]uint64, bands)
	for b := range bands {
		h := mix(salt ^ uint64(b+1)*0x9E3779B97F4A7C15)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// URLKey reduces a URL to what names the page, so that the same page
// fetched twice, with tracking parameters or without "www.", is recognised.
func URLKey(raw string) string { return urlKey(raw) }

// urlKey reduces a URL to what names the page: host without "www." and
// path without a trailing slash; query and fragment are dropped, since they
// mostly carry tracking.
func urlKey(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
}
