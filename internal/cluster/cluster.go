package cluster

import (
	"math"
	"slices"
	"time"
)

// Options tune the clusterer.
type Options struct {
	// Threshold is the cosine similarity with a story's centroid at which
	// an article joins it.
	Threshold float64
	// ClearThreshold is a lower similarity at which an article still joins
	// its most similar story when that story is a clear winner: at least
	// twice as similar as any other. An article close to several stories
	// of one topic starts its own; one that only resembles one story, if
	// loosely, as a long feature does its event, joins it. Zero turns it
	// off.
	ClearThreshold float64
	// MergeThreshold is the cosine similarity between the centroids of two
	// stories of several articles at which they become one, when their
	// titles, if both have any, are alike at Threshold too. A story of one
	// article joins another at Threshold, as its article would have. Zero
	// turns automatic merging off; Merge still merges on an editor's word.
	MergeThreshold float64
	// MaxGap is how long a story stays open after its latest article; zero
	// means forever. A story attracts less the longer it has been quiet:
	// similarity is halved over MaxGap. Undated articles ignore time.
	MaxGap time.Duration
	// HalfLife is how fast older articles fade from a story's centroid, so
	// that a story running for days follows where it goes; zero means never.
	HalfLife time.Duration
}

// DefaultOptions are one setting for all kinds of news: full articles,
// headlines with a lead, snippets.
func DefaultOptions() Options {
	return Options{Threshold: 0.2, ClearThreshold: 0.1, MergeThreshold: 0.3, MaxGap: 7 * 24 * time.Hour, HalfLife: 3 * 24 * time.Hour}
}

// clearMargin is how many times more similar than any other a story must
// be to win at ClearThreshold.
const clearMargin = 2

// shortlist is how many stories, ranked by the part of the similarity an
// article's heaviest terms give, are compared with it in full.
const shortlist = 16

// maxMerges bounds the merges one article can set off, so that an Add
// costs about the same however the stories stand.
const maxMerges = 4

// Doc is what the clusterer needs of an article.
type Doc struct {
	ID    string
	Time  time.Time
	Terms map[uint64]float64
	// Title lists the terms of its title alone (TitleTerms), if it has one:
	// with automatic merging on, two stories of several merge only when
	// their titles agree too, and Settle reads a lone article's title.
	Title []uint64
	// Join names an article whose story this one must join: the original of
	// a version or copy.
	Join string
	// Repeats marks an article that repeats another's text: a version or a
	// syndicated copy. It counts in its story but not in the centroid: the
	// same text again says nothing new about what the story is about, and
	// a story of one text and its copies would seem far more alike within
	// than its independent coverage is, and turn that coverage away
	// (akinTo).
	Repeats bool
}

// Placement says where Add put an article.
type Placement struct {
	// Story is the ID of the article's story after Add.
	Story string
	// Joined is the story the article joined, before the merges its
	// arrival set off: Story unless one of them retired it.
	Joined string
	// New is set when the article started the story.
	New bool
	// Merged lists the merges this article's arrival set off, in the order
	// made: each absorbed story's ID now resolves to Story. Merge, called
	// with each pair in turn after Assign to Joined, makes them again.
	Merged []Absorbed
}

// Clusterer assigns articles to stories as they arrive. Its state is a
// centroid per live story and an inverted index from terms to stories; it
// keeps no article text or vector. It is not safe for concurrent use.
type Clusterer struct {
	opts    Options
	vocab   *vocab
	primed  map[string]bool
	ids     []string         // article IDs in arrival order
	index   map[string]int32 // article ID → arrival index
	storyOf []int32          // arrival index → story (follow parent)
	stories []story
	byID    map[string]int32 // story ID → story, merged ones included
	byTerm  [][]int32        // term ID → stories indexed by it
	live    []int32          // stories not yet closed
	apart   map[[2]int32]bool
	now     int64 // latest article time seen, Unix seconds
	swept   int   // articles seen at the last sweep (sweepIfDue)
	scratch
}

// scratch is per-call working space kept to spare allocation.
type scratch struct {
	partial []float32
	seen    []int32
	touched []int32
	pass    int32
	work    []term // a copy of a centroid to select on
	sum     []term // a centroid being made, before it is copied in place
	// dense holds one vector's weights by term ID while it is compared
	// with several centroids, zero elsewhere.
	dense []float32
}

// New returns an empty clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{
		opts:   opts,
		vocab:  newVocab(),
		primed: make(map[string]bool),
		index:  make(map[string]int32),
		byID:   make(map[string]int32),
		apart:  make(map[[2]int32]bool),
	}
}

// Prime counts a document's terms for IDF before it is added, so that a
// batch known in advance is weighed with the statistics of the whole batch.
func (c *Clusterer) Prime(d Doc) {
	if c.primed[d.ID] {
		return
	}
	c.primed[d.ID] = true
	c.vocab.observe(d.Terms)
}

// Add assigns d to a story, merging stories its arrival shows to be one.
// An ID seen before gets the story it has.
func (c *Clusterer) Add(d Doc) Placement {
	if at, ok := c.index[d.ID]; ok {
		return Placement{Story: c.stories[c.root(c.storyOf[at])].id}
	}
	self, v, heavy, at := c.enter(d)

	target := int32(-1)
	if j, ok := c.index[d.Join]; ok && d.Join != "" {
		target = c.root(c.storyOf[j])
	} else if best, sim, second := c.best(heavy, v, at, -1); c.joins(sim, second) && c.akinTo(best, sim, at) {
		target = best
	}
	p := Placement{}
	if target < 0 {
		target = c.newStory(self)
		p.New = true
	}
	if moved := c.join(target, self, v, c.titleOf(d), at, d.Repeats); moved && !p.New && c.opts.MergeThreshold > 0 {
		// A new story's one article matched nothing above Threshold, so it
		// has nothing to merge with yet, and a version or copy leaves the
		// centroid where it was.
		p.Merged = c.mergeAround(target)
	}
	p.Joined, p.Story = c.stories[target].id, c.stories[c.root(target)].id
	return p
}

// enter records a new article: its terms counted (unless primed), its
// arrival index, its weighed vector and heaviest terms, and its time.
func (c *Clusterer) enter(d Doc) (self int32, v vector, heavy []term, at int64) {
	c.sweepIfDue()
	if c.primed[d.ID] {
		delete(c.primed, d.ID)
	} else {
		c.vocab.observe(d.Terms)
	}
	at = unix(d.Time)
	c.now = max(c.now, at)
	v, heavy = c.vocab.weigh(d.Terms)
	self = int32(len(c.ids))
	c.ids = append(c.ids, d.ID)
	c.index[d.ID] = self
	return self, v, heavy, at
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func (c *Clusterer) newStory(first int32) int32 {
	s := int32(len(c.stories))
	c.stories = append(c.stories, story{id: storyID(c.ids[first]), parent: s})
	c.byID[c.stories[s].id] = s
	c.live = append(c.live, s)
	c.partial = append(c.partial, 0)
	c.seen = append(c.seen, -1)
	return s
}

// titleOf is the unit vector of d's title, when the clusterer keeps
// titles: only with automatic merging on, since only merges and Settle
// read them.
func (c *Clusterer) titleOf(d Doc) vector {
	if c.opts.MergeThreshold <= 0 || len(d.Title) == 0 {
		return nil
	}
	return c.vocab.weighTitle(d.Title)
}

// join adds an article to story s, and reports whether the centroid took
// it in: a version or copy (repeats) only counts as a member, and its
// title as its text.
func (c *Clusterer) join(s, article int32, v, title vector, at int64, repeats bool) bool {
	st := &c.stories[s]
	st.members = append(st.members, article)
	c.storyOf = append(c.storyOf, s)
	if repeats && !st.closed && st.norm != 0 {
		st.size++
		st.touch(at)
		return false
	}
	if st.closed {
		// A version or copy of an article whose story has closed reopens it,
		// from this article alone: the old centroid is gone.
		st.closed = false
		st.drop()
		c.live = append(c.live, s)
	}
	c.index_(s, st.add(v, at, c.opts.HalfLife.Seconds(), &c.work, &c.sum))
	st.addTitle(title, &c.work)
	return true
}

// index_ adds a story to the posting lists of the given terms.
func (c *Clusterer) index_(s int32, terms []uint32) {
	for _, t := range terms {
		for int(t) >= len(c.byTerm) {
			c.byTerm = append(c.byTerm, nil)
		}
		c.byTerm[t] = append(c.byTerm[t], s)
	}
}

// root follows merges to the story that holds s now.
func (c *Clusterer) root(s int32) int32 {
	for c.stories[s].parent != s {
		p := c.stories[s].parent
		c.stories[s].parent = c.stories[p].parent // halve the path
		s = p
	}
	return s
}

// open reports whether a story can still take an article dated at: it is
// not closed, and, when both are dated, its articles are within MaxGap.
func (c *Clusterer) open(s int32, at int64) bool {
	st := &c.stories[s]
	if st.closed || st.norm == 0 {
		return false
	}
	// An integer division: this runs for every story in the posting lists
	// an article walks, where Duration.Seconds' float arithmetic showed.
	gap := int64(c.opts.MaxGap / time.Second)
	if gap <= 0 || at == 0 || st.latest == 0 {
		return true
	}
	return at-st.latest <= gap && st.earliest-at <= gap
}

// fade is how much a story's quiet time discounts its similarity to an
// article dated at: halved over MaxGap.
func (c *Clusterer) fade(s int32, at int64) float64 {
	st := &c.stories[s]
	gap := c.opts.MaxGap.Seconds()
	if gap <= 0 || at == 0 || st.latest == 0 || at <= st.latest {
		return 1
	}
	return math.Exp2(-float64(at-st.latest) / gap)
}

// best returns the most similar open story, its similarity and the
// similarity of the runner-up; -1 when none shares a heavy term. Stories
// sharing the heaviest terms are ranked by the share of the article's
// weight they hold; the top few are compared in full.
func (c *Clusterer) best(heavy []term, v vector, at int64, skip int32) (int32, float64, float64) {
	best, bestSim, second := int32(-1), 0.0, 0.0
	top := c.candidates(heavy, at, skip, shortlist)
	if len(top) == 0 {
		return best, bestSim, second
	}
	c.spread(v)
	defer c.unspread(v)
	for _, s := range top {
		st := &c.stories[s]
		sim := c.fade(s, at) * c.dotSpread(st.centroid) / st.norm
		switch {
		case sim > bestSim || (sim == bestSim && best >= 0 && s < best):
			best, bestSim, second = s, sim, bestSim
		case sim > second:
			second = sim
		}
	}
	return best, bestSim, second
}

// joins decides whether an article joins its most similar story.
func (c *Clusterer) joins(sim, second float64) bool {
	if sim >= c.opts.Threshold {
		return true
	}
	return c.opts.ClearThreshold > 0 && sim >= c.opts.ClearThreshold && sim >= clearMargin*second
}

// candidates returns the n open stories that share most of the heavy
// terms' weight. Posting
// lists are compacted on the way: closed stories leave them and merged
// ones are replaced by the story that absorbed them.
func (c *Clusterer) candidates(heavy []term, at int64, skip int32, n int) []int32 {
	touched := c.touched[:0]
	for _, t := range heavy {
		if int(t.id) >= len(c.byTerm) {
			continue
		}
		c.pass++
		list := c.byTerm[t.id]
		kept := list[:0]
		for _, s := range list {
			r := c.root(s)
			if c.stories[r].closed || c.seen[r] == c.pass {
				continue // closed, or in the list twice through a merge
			}
			c.seen[r] = c.pass
			kept = append(kept, r)
			if r == skip || (skip >= 0 && len(c.apart) > 0 && c.apart[pair(r, skip)]) {
				continue
			}
			if !c.open(r, at) {
				continue
			}
			if c.partial[r] == 0 {
				touched = append(touched, r)
			}
			c.partial[r] += t.w
		}
		clear(list[len(kept):])
		c.byTerm[t.id] = kept
	}
	top := make([]int32, 0, n+1)
	for _, s := range touched {
		if len(top) == n && ranksAfter(s, top[n-1], c.partial) {
			continue // most touched stories share little: skip the search
		}
		top = insertRanked(top, s, c.partial, n)
	}
	for _, s := range touched {
		c.partial[s] = 0
	}
	c.touched = touched
	return top
}

// ranksAfter reports whether story s ranks below story t in insertRanked's
// order: a lower score, or the same score and younger.
func ranksAfter(s, t int32, score []float32) bool {
	return score[s] < score[t] || score[s] == score[t] && s > t
}

// insertRanked keeps the n best stories by score, best first, ties to the
// older story, so the result never depends on map order.
func insertRanked(top []int32, s int32, score []float32, n int) []int32 {
	i, _ := slices.BinarySearchFunc(top, s, func(t, s int32) int {
		if score[t] != score[s] {
			if score[t] > score[s] {
				return -1
			}
			return 1
		}
		return int(t - s)
	})
	if i >= n {
		return top
	}
	top = slices.Insert(top, i, s)
	if len(top) > n {
		top = top[:n]
	}
	return top
}

func pair(a, b int32) [2]int32 {
	if a > b {
		a, b = b, a
	}
	return [2]int32{a, b}
}
