package dedupe

import (
	"slices"
	"time"

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

// LSH layout: bands of rows of the signature. Two texts share a band with
// probability J^rows, so 32 bands of 4 rows find 99% of pairs at
// Jaccard 0.6 and 87% at 0.5, and few below 0.3.
const (
	bands = 32
	rows  = Bins / bands
)

// Retention is how long a long-running index keeps an article's text
// signature (Index.Retain), counted on the clock of the articles it is
// given (the latest date seen), not the wall clock. A copy or update of an
// article older than that is taken for an original. Stories close after a
// week without news, so a month covers the copies that could still land in
// most open stories (in one that news keeps open longer, a later copy
// counts as an article of its own); beyond it the signatures and bands
// would only grow with every article ever added. Articles at the same URL
// are versions however old.
const Retention = 30 * 24 * time.Hour

// Item is what the index needs of an article.
type Item struct {
	Outlet    string
	URL       string
	Signature Signature
	Shingles  int
	// Time is when the article was published, as the engine files it (no
	// later than it arrived, in a service); zero when unknown. The latest
	// time given is the index's clock.
	Time time.Time
}

// Match is what the index found for an article: the group it joins,
// named by the arrival index of the group's first article. Similarity is 0
// for a version found by its URL whose earlier text the index forgot.
type Match struct {
	Kind       Kind
	Of         int // -1 for an original
	Similarity float64
}

type entry struct {
	root     int32
	outlet   uint32 // 0 when unknown
	shingles int32
}

// Index remembers articles by arrival index (the first Add is 0) and finds,
// for each new one, an earlier version or original. It keeps per article a
// 256-byte signature and its LSH bands for Retention, a few bytes for
// good, and no text. It is not safe for concurrent use.
type Index struct {
	entries []entry
	sigs    sigStore
	byURL   map[uint64]int32
	bands   bandTable
	outlets map[string]uint32

	// retention in seconds (0: keep every signature). now is the latest
	// article time seen, in Unix seconds; clocks holds now as it was when
	// each article from index forgotten on arrived, so it never decreases.
	retention int64
	now       int64
	forgotten int
	clocks    []int64
}

// NewIndex returns an empty index that keeps every signature.
func NewIndex() *Index {
	return &Index{byURL: make(map[uint64]int32), outlets: make(map[string]uint32)}
}

// Retain makes the index forget signatures older than d on its clock
// (zero: never), from the next article on. A batch keeps them all, since
// it may come in any order of dates; a service, fed as news appears,
// keeps Retention.
func (x *Index) Retain(d time.Duration) { x.retention = int64(d / time.Second) }

// Len is the number of articles added.
func (x *Index) Len() int { return len(x.entries) }

// Add records an article and returns how it relates to those before it.
func (x *Index) Add(it Item) Match {
	x.tick(it.Time)
	self := int32(len(x.entries))
	e := entry{root: self, outlet: x.outlet(it.Outlet), shingles: int32(it.Shingles)}
	m := x.find(it, e.outlet)
	switch m.Kind {
	case Version:
		e.root = x.versionGroup(m.Of)
		m.Of = int(e.root)
	case Copy:
		e.root = x.original(m.Of)
		m.Of = int(e.root)
	}
	x.entries = append(x.entries, e)
	x.sigs.add(it.Signature)
	if key := URLKey(it.URL); key != "" {
		if _, ok := x.byURL[text.Hash(key)]; !ok {
			x.byURL[text.Hash(key)] = self
		}
	}
	if it.Shingles >= minShingles {
		for _, k := range bandKeys(&it.Signature) {
			x.bands.add(k, self)
		}
	}
	x.clocks = append(x.clocks, x.now)
	return m
}

// tick moves the clock to t when it is later, and forgets the articles
// that arrived more than the retention before it. Undated articles leave
// the clock where it is; those that came before any dated one count as
// arriving with the first.
func (x *Index) tick(t time.Time) {
	if t.IsZero() {
		return
	}
	at := t.Unix()
	if at <= x.now {
		return
	}
	if x.now == 0 {
		for i := range x.clocks {
			x.clocks[i] = at
		}
	}
	x.now = at
	if x.retention <= 0 {
		return
	}
	n := 0
	for n < len(x.clocks) && x.now-x.clocks[n] > x.retention {
		x.forget(x.forgotten + n)
		n++
	}
	if n > 0 {
		x.clocks = x.clocks[n:]
		x.forgotten += n
		x.sigs.forget(x.forgotten)
	}
}

// sig returns article i's signature, or nil once it is forgotten.
func (x *Index) sig(i int) *Signature {
	if i < x.forgotten {
		return nil
	}
	return x.sigs.at(i)
}

// forget takes article i out of the bands; its signature goes with its
// block (sigStore.forget).
func (x *Index) forget(i int) {
	if x.entries[i].shingles < minShingles {
		return
	}
	for _, k := range bandKeys(x.sig(i)) {
		x.bands.remove(k, int32(i))
	}
}

func (x *Index) outlet(name string) uint32 {
	if name == "" {
		return 0
	}
	id, ok := x.outlets[name]
	if !ok {
		id = uint32(len(x.outlets) + 1)
		x.outlets[name] = id
	}
	return id
}

// find returns the best earlier match: an article at the same URL, else
// the closest version, else the closest copy.
func (x *Index) find(it Item, outlet uint32) Match {
	if key := URLKey(it.URL); key != "" {
		if at, ok := x.byURL[text.Hash(key)]; ok {
			m := Match{Kind: Version, Of: int(at)}
			if sig := x.sig(int(at)); sig != nil {
				m.Similarity = Similarity(&it.Signature, sig)
			}
			return m
		}
	}
	best := Match{Of: -1}
	if it.Shingles < minShingles {
		return best
	}
	for _, at := range x.candidates(&it.Signature) {
		other := x.entries[at]
		sim := Similarity(&it.Signature, x.sig(int(at)))
		kind := Copy
		switch {
		case outlet != 0 && other.outlet == outlet:
			if sim < versionSimilarity {
				continue
			}
			kind = Version
		case !isCopy(sim, it.Shingles, int(other.shingles)):
			continue
		}
		if m := (Match{Kind: kind, Of: int(at), Similarity: sim}); m.beats(best) {
			best = m
		}
	}
	return best
}

// beats prefers any match to none, a version to a copy, then the closer.
func (m Match) beats(other Match) bool {
	switch {
	case other.Kind == Original:
		return true
	case m.Kind != other.Kind:
		return m.Kind == Version
	}
	return m.Similarity > other.Similarity
}

// candidates are the earlier articles sharing a band, each once, oldest
// first.
func (x *Index) candidates(sig *Signature) []int32 {
	var out []int32
	for _, k := range bandKeys(sig) {
		x.bands.each(k, func(v int32) { out = append(out, v) })
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Version looks among earlier articles (the members of the story article
// i joined, say) for one of the same outlet with overlapping text, and
// when it finds one records i as its version. This catches updates
// rewritten too much for the LSH bands to pair them.
func (x *Index) Version(i int, among []int) Match {
	best := Match{Of: -1}
	me, mine := x.entries[i], x.sig(i)
	if me.outlet == 0 || me.shingles < minShingles || me.root != int32(i) || mine == nil {
		return best
	}
	for _, j := range among {
		if j == i || j < 0 || j >= len(x.entries) {
			continue
		}
		other, theirs := x.entries[j], x.sig(j)
		if other.outlet != me.outlet || other.shingles < minShingles || theirs == nil {
			continue
		}
		if sim := Similarity(mine, theirs); sim >= versionSimilarity && sim > best.Similarity {
			best = Match{Kind: Version, Of: int(x.versionGroup(j)), Similarity: sim}
		}
	}
	if best.Kind == Version {
		x.entries[i].root = int32(best.Of)
	}
	return best
}

// Adopt records article i as a version of article of and its group, as
// Version found it when i arrived: how a replay, which does not search
// again, keeps the groups a live index made.
func (x *Index) Adopt(i, of int) {
	if i < 0 || i >= len(x.entries) || of < 0 || of >= i {
		return
	}
	x.entries[i].root = x.versionGroup(of)
}

// versionGroup is the first version of the article j is a version of: the
// first article of j's group, unless that is another outlet's and j a copy
// of it. An outlet's update of the copy it ran is a version of that copy,
// not of the original, whose own versions are that outlet's (VersionOf
// names the same outlet's first version).
func (x *Index) versionGroup(j int) int32 {
	root := x.entries[j].root
	if x.entries[root].outlet != x.entries[j].outlet {
		return int32(j)
	}
	return root
}

// original is the first article of j's group, through a copy whose
// versions form a group of their own (versionGroup) to the article it
// copied.
func (x *Index) original(j int) int32 {
	root := x.entries[j].root
	for x.entries[root].root != root {
		root = x.entries[root].root
	}
	return root
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

func bandKeys(sig *Signature) [bands]uint32 {
	var keys [bands]uint32
	for b := range bands {
		h := mix(uint64(b+1) * 0x9E3779B97F4A7C15)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ uint64(v))
		}
		keys[b] = uint32(h)
	}
	return keys
}

// sigBlock is how many signatures a block of a sigStore holds: 256 KiB,
// so that forgetting frees memory in pieces that matter.
const sigBlock = 1024

// sigStore holds signatures by arrival index in blocks, so that those of
// forgotten articles can be freed from the front.
type sigStore struct {
	blocks [][]Signature // nil once every signature in it is forgotten
	n      int
	freed  int // blocks set to nil, from the first
}

func (s *sigStore) add(sig Signature) {
	if s.n%sigBlock == 0 {
		s.blocks = append(s.blocks, make([]Signature, 0, sigBlock))
	}
	b := &s.blocks[len(s.blocks)-1]
	*b = append(*b, sig)
	s.n++
}

// skip stands in for count forgotten signatures at the start of a
// restored store, without allocating the blocks they fill.
func (s *sigStore) skip(count int) {
	for ; count >= sigBlock && s.n%sigBlock == 0 && s.freed == len(s.blocks); count -= sigBlock {
		s.blocks = append(s.blocks, nil)
		s.n += sigBlock
		s.freed++
	}
	for range count {
		s.add(Signature{})
	}
}

func (s *sigStore) at(i int) *Signature { return &s.blocks[i/sigBlock][i%sigBlock] }

// forget frees the blocks that hold only articles before index from.
func (s *sigStore) forget(from int) {
	for ; s.freed < from/sigBlock; s.freed++ {
		s.blocks[s.freed] = nil
	}
}
