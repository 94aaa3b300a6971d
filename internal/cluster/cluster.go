package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"time"
)

// Options tune the clusterer.
type Options struct {
	// Threshold is the cosine similarity an article needs to join a story.
	Threshold float64
	// MaxGap is how long a story stays open after its latest article; zero
	// means forever. Undated articles ignore it.
	MaxGap time.Duration
}

// DefaultOptions are tuned on development sets of full news articles.
func DefaultOptions() Options {
	return Options{Threshold: 0.2, MaxGap: 7 * 24 * time.Hour}
}

// centroidTerms bounds a story's centroid so that memory and comparison
// cost do not grow with the story.
const centroidTerms = 200

// candidateTerms is how many of an article's heaviest terms are used to
// find stories to compare it with; shortlist is how many of those stories,
// ranked by the part of the similarity those terms give, are compared in
// full.
const (
	candidateTerms = 30
	shortlist      = 16
)

// Doc is what the clusterer needs of an article.
type Doc struct {
	ID    string
	Time  time.Time
	Terms map[uint64]float64
	// Join names an article whose story this one must join: the original of a
	// version or copy.
	Join string
}

type story struct {
	id       string
	centroid map[uint64]float32
	norm2    float64 // squared length of centroid, kept as it changes
	members  []string
	latest   time.Time
}

// Clusterer assigns articles to stories as they arrive. It is not safe for
// concurrent use.
type Clusterer struct {
	opts    Options
	df      map[uint64]int32
	docs    int
	primed  map[string]bool
	stories []*story
	byTerm  map[uint64][]int32
	storyOf map[string]int32
	byID    map[string]int32 // story ID → index, for Assign
	// partial and touched are scratch space for best, kept to spare
	// allocation: a score per story, and which stories have one.
	partial []float64
	touched []int32
}

// New returns an empty clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{
		opts:    opts,
		df:      make(map[uint64]int32),
		primed:  make(map[string]bool),
		byTerm:  make(map[uint64][]int32),
		storyOf: make(map[string]int32),
		byID:    make(map[string]int32),
	}
}

// Prime counts a document's terms for IDF before it is added, so that a
// batch known in advance is weighed with the statistics of the whole batch.
func (c *Clusterer) Prime(d Doc) {
	if c.primed[d.ID] {
		return
	}
	c.primed[d.ID] = true
	c.observe(d.Terms)
}

func (c *Clusterer) observe(terms map[uint64]float64) {
	c.docs++
	for k := range terms {
		c.df[k]++
	}
}

// idf is smoothed so that a term in every document still counts a little.
func (c *Clusterer) idf(k uint64) float64 {
	return math.Log(float64(c.docs+1)/float64(c.df[k]+1)) + 1
}

// Add assigns d to a story and returns the story's ID, which stays the same
// as the story grows.
func (c *Clusterer) Add(d Doc) string {
	if c.primed[d.ID] {
		delete(c.primed, d.ID)
	} else {
		c.observe(d.Terms)
	}
	v := weigh(d.Terms, c.idf, maxTerms)
	at, ok := c.storyOf[d.Join]
	if !ok || d.Join == "" {
		at = c.best(v, d.Time)
	}
	if at < 0 {
		at = int32(len(c.stories))
		c.stories = append(c.stories, &story{id: storyID(d.ID), centroid: make(map[uint64]float32)})
		c.byID[c.stories[at].id] = at
	}
	c.join(at, d, v)
	return c.stories[at].id
}

// best returns the most similar open story over the threshold, or -1.
// Stories sharing the article's heaviest terms are ranked by the part of
// the similarity those terms give; the top few are compared in full.
func (c *Clusterer) best(v Vector, at time.Time) int32 {
	for len(c.partial) < len(c.stories) {
		c.partial = append(c.partial, 0)
	}
	touched := c.touched[:0]
	for _, t := range v[:min(len(v), candidateTerms)] {
		for _, s := range c.byTerm[t.Key] {
			if w, ok := c.stories[s].centroid[t.Key]; ok {
				if c.partial[s] == 0 {
					touched = append(touched, s)
				}
				c.partial[s] += float64(t.Weight) * float64(w)
			}
		}
	}
	top := make([]ranked, 0, shortlist+1)
	for _, s := range touched {
		p := c.partial[s]
		c.partial[s] = 0
		if p <= 0 || !c.open(s, at) {
			continue
		}
		top = insertRanked(top, ranked{s, p / math.Sqrt(c.stories[s].norm2)}, shortlist)
	}
	c.touched = touched
	best, bestSim := int32(-1), c.opts.Threshold
	for _, r := range top {
		if sim := c.similarity(r.story, v); sim > bestSim || (sim == bestSim && best >= 0 && r.story < best) {
			best, bestSim = r.story, sim
		}
	}
	return best
}

type ranked struct {
	story int32
	score float64
}

// insertRanked keeps the n best of a list sorted by score, best first, ties
// to the older story, so the result does not depend on map order.
func insertRanked(top []ranked, r ranked, n int) []ranked {
	i := sort.Search(len(top), func(i int) bool {
		return top[i].score < r.score || top[i].score == r.score && top[i].story > r.story
	})
	if i >= n {
		return top
	}
	top = append(top, ranked{})
	copy(top[i+1:], top[i:])
	top[i] = r
	if len(top) > n {
		top = top[:n]
	}
	return top
}

func (c *Clusterer) open(s int32, at time.Time) bool {
	latest := c.stories[s].latest
	return c.opts.MaxGap == 0 || at.IsZero() || latest.IsZero() || at.Sub(latest) <= c.opts.MaxGap
}

// similarity is the cosine between an article and a story's centroid.
func (c *Clusterer) similarity(s int32, v Vector) float64 {
	st := c.stories[s]
	if st.norm2 == 0 {
		return 0
	}
	var dot float64
	for _, t := range v {
		dot += float64(t.Weight) * float64(st.centroid[t.Key])
	}
	return dot / math.Sqrt(st.norm2)
}

func (c *Clusterer) join(at int32, d Doc, v Vector) {
	s := c.stories[at]
	s.members = append(s.members, d.ID)
	if d.Time.After(s.latest) {
		s.latest = d.Time
	}
	c.storyOf[d.ID] = at
	for _, t := range v {
		old, ok := s.centroid[t.Key]
		if !ok {
			c.byTerm[t.Key] = append(c.byTerm[t.Key], at)
		}
		updated := old + t.Weight
		s.centroid[t.Key] = updated
		s.norm2 += float64(updated)*float64(updated) - float64(old)*float64(old)
	}
	if trim(s.centroid, centroidTerms) {
		s.norm2 = 0
		for _, w := range s.centroid {
			s.norm2 += float64(w) * float64(w)
		}
	}
}

// trim keeps the heaviest limit terms of a centroid and reports whether
// it dropped any.
func trim(centroid map[uint64]float32, limit int) bool {
	if len(centroid) <= limit {
		return false
	}
	weights := make([]float32, 0, len(centroid))
	for _, w := range centroid {
		weights = append(weights, w)
	}
	sort.Slice(weights, func(i, j int) bool { return weights[i] > weights[j] })
	cut := weights[limit-1]
	for k, w := range centroid {
		if w < cut {
			delete(centroid, k)
		}
	}
	return true
}

// Stories returns each story's ID and members, in order of creation.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, len(c.stories))
	for i, s := range c.stories {
		out[i] = Story{ID: s.id, Members: append([]string(nil), s.members...)}
	}
	return out
}

// Story is a story's ID and the IDs of its articles, in order of arrival.
type Story struct {
	ID      string
	Members []string
}

// storyID derives a story's ID from its first article, so it is stable
// however the story grows.
func storyID(first string) string {
	sum := sha256.Sum256([]byte(first))
	return "s" + hex.EncodeToString(sum[:5])
}
