package cluster

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrUnknown is returned for a story or article the clusterer has not seen.
var ErrUnknown = errors.New("unknown story")

// A story looks for stories to merge with through fewer of its terms than
// an article, and compares fewer in full: it does so after every article it
// gains, and two stories worth merging share their heaviest terms.
const (
	mergeSearchTerms = 16
	mergeShortlist   = 8
)

// sweepEvery is how many articles pass between sweeps that close stories
// quiet for longer than MaxGap and free their centroids.
const sweepEvery = 1024

// mergeAround merges into story s the open stories its centroid now shows
// to be the same story, and returns the merges in the order made. A story
// of one article merges at Threshold, as if its article arrived now;
// larger ones at MergeThreshold.
func (c *Clusterer) mergeAround(s int32) []Absorbed {
	var merged []Absorbed
	for range maxMerges {
		s = c.root(s)
		st := &c.stories[s]
		if st.norm == 0 {
			break
		}
		// c.work is free until merge below absorbs, after the last use.
		best := c.mergeCandidate(s, c.searchTerms(st))
		if best < 0 {
			break
		}
		survivor, gone := c.merge(s, best)
		merged = append(merged, Absorbed{Story: c.stories[gone].id, Into: c.stories[survivor].id})
		s = survivor
	}
	return merged
}

// mergeCandidate returns the story among those sharing s's heavy terms
// that s should merge with, the one clearing its threshold by the widest
// margin, or -1.
func (c *Clusterer) mergeCandidate(s int32, heavy []term) int32 {
	st := &c.stories[s]
	top := c.candidates(heavy, st.latest, s, mergeShortlist)
	if len(top) == 0 {
		return -1
	}
	c.spread(st.centroid)
	defer c.unspread(st.centroid)
	best, bestMargin := int32(-1), 0.0
	for _, t := range top {
		other := &c.stories[t]
		need := c.opts.MergeThreshold
		// By articles, not texts: a story of one text and its copies held
		// to Threshold instead merged more than it should (AllSides val
		// .794 → .789, and the sets built with copies lost as much).
		if st.size == 1 || other.size == 1 {
			need = c.opts.Threshold
		}
		cos, dot := 0.0, 0.0
		if other.norm != 0 {
			dot = c.dotSpread(other.centroid)
			cos = dot / (st.norm * other.norm)
		}
		if !akin(st, other, dot) || st.size > 1 && other.size > 1 && !titlesAgree(st, other, c.opts.Threshold) {
			continue
		}
		if margin := c.fade(t, st.latest)*cos - need; margin >= 0 && (best < 0 || margin > bestMargin) {
			best, bestMargin = t, margin
		}
	}
	return best
}

// merge makes two stories one. The larger keeps its ID, the older of two
// the same size, so the story readers have seen grow keeps its name; the
// other's ID resolves to it from now on. It returns the survivor and the
// absorbed.
func (c *Clusterer) merge(a, b int32) (int32, int32) {
	sa, sb := &c.stories[a], &c.stories[b]
	if sb.size > sa.size || sb.size == sa.size && sb.members[0] < sa.members[0] {
		a, b = b, a
	}
	sa, sb = &c.stories[a], &c.stories[b]
	hl := c.opts.HalfLife.Seconds()
	at := max(sa.decayed, sb.decayed)
	sa.age(at, hl)
	sb.age(at, hl)
	c.index_(a, sa.absorb(sb.centroid, &c.work, &c.sum))
	sa.addTitle(sb.titles, &c.work)
	sa.size += sb.size
	sa.mass += sb.mass
	sa.massSq += sb.massSq
	sa.members = mergeSorted(sa.members, sb.members)
	sa.touch(sb.earliest)
	sa.touch(sb.latest)
	sb.parent, sb.members, sb.size = a, nil, 0
	sb.drop()
	for p := range c.apart {
		if p[0] == b || p[1] == b {
			delete(c.apart, p)
			if other := p[0] + p[1] - b; other != a {
				c.apart[pair(a, other)] = true
			}
		}
	}
	return a, b
}

// sweepIfDue sweeps once every sweepEvery articles, before the next one
// enters (or a batch settles), not at the end of the Add that brought the
// count there: the merges that Add set off come first, and a replay, which
// assigns the article and then makes its logged merges with Merge, must
// close the same stories after them. Nothing else may sweep: an editor's
// merge made after the sweep in one process and before it in another
// would leave the two processes with different stories.
func (c *Clusterer) sweepIfDue() {
	if n := len(c.ids); n > 0 && n%sweepEvery == 0 && c.swept != n {
		c.sweep()
		c.swept = n
	}
}

// sweep closes stories quiet for longer than MaxGap before the latest
// article seen: they leave the index and free their centroid, keeping
// their members.
func (c *Clusterer) sweep() {
	gap := int64(c.opts.MaxGap.Seconds())
	kept := c.live[:0]
	for _, s := range c.live {
		st := &c.stories[s]
		switch {
		case st.parent != s || st.closed:
		case gap > 0 && st.latest != 0 && c.now-st.latest > gap:
			st.closed = true
			st.drop()
		default:
			kept = append(kept, s)
		}
	}
	c.live = kept
}

// mergeSorted merges two sorted lists of arrival indexes, so that a
// story's members stay in arrival order and its latest are at the end.
func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// Absorbed says that a story was merged into another.
type Absorbed struct {
	Story, Into string
}

// Settle looks again at every open story of one article, against the
// stories as they stand now, and merges it into the story it would join
// if it arrived now, by similarity alone: unlike Add, it does not ask
// akinTo, which measured a little worse (docs/performance.md). Stories
// grow after their first article finds no match; a batch settles at its
// end. An article that matches no story so still joins the one its title
// alone names: at Threshold and twice as similar as any other (a long
// report's words can outweigh a headline that plainly names the story).
// It returns the stories merged.
func (c *Clusterer) Settle() []Absorbed {
	c.sweepIfDue()
	var out []Absorbed
	for _, s := range slices.Clone(c.live) {
		st := &c.stories[s]
		if st.parent != s || st.closed || st.size != 1 || st.norm == 0 {
			continue
		}
		heavy := heaviest(st.centroid, searchTerms)
		for i := range heavy {
			heavy[i].w /= float32(st.norm)
		}
		best, sim, second := c.best(heavy, st.centroid, st.latest, s)
		// best measures against the centroid's length, which ageing may
		// have shortened; the cosine divides it out.
		if best < 0 || !c.joins(sim/st.norm, second/st.norm) {
			if best = c.namedByTitle(s); best < 0 {
				continue
			}
		}
		survivor, gone := c.merge(best, s)
		out = append(out, Absorbed{Story: c.stories[gone].id, Into: c.stories[survivor].id})
	}
	return out
}

// namedByTitle returns the story the title of story s, of one article,
// names clearly: at Threshold and clearMargin times as similar as any
// other; -1 when none does, or s keeps no title.
func (c *Clusterer) namedByTitle(s int32) int32 {
	st := &c.stories[s]
	if len(st.titles) == 0 {
		return -1
	}
	best, sim, second := c.best(heaviest(st.titles, searchTerms), st.titles, st.latest, s)
	if best < 0 || sim < c.opts.Threshold || sim < clearMargin*second {
		return -1
	}
	return best
}

// Story is a story's ID and the IDs of its articles, in order of arrival.
type Story struct {
	ID      string
	Members []string
}

// Stories returns every story with its members, in order of creation.
func (c *Clusterer) Stories() []Story {
	var out []Story
	for i := range c.stories {
		st := &c.stories[i]
		if st.parent != int32(i) || st.size == 0 {
			continue
		}
		ids := make([]string, len(st.members))
		for k, m := range st.members {
			ids[k] = c.ids[m]
		}
		out = append(out, Story{ID: st.id, Members: ids})
	}
	return out
}

// StoryOf returns the story an article is in now.
func (c *Clusterer) StoryOf(article string) (string, bool) {
	at, ok := c.index[article]
	if !ok {
		return "", false
	}
	return c.stories[c.root(c.storyOf[at])].id, true
}

// Resolve returns the story a story ID stands for now: itself, or the
// story it was merged into.
func (c *Clusterer) Resolve(id string) (string, bool) {
	s, ok := c.byID[id]
	if !ok {
		return "", false
	}
	return c.stories[c.root(s)].id, true
}

// Merge makes two stories one, as an editor would: the larger keeps its
// ID, the older of two the same size.
func (c *Clusterer) Merge(a, b string) (string, error) {
	sa, ok := c.byID[a]
	if !ok {
		return "", fmt.Errorf("merge %s: %w", a, ErrUnknown)
	}
	sb, ok := c.byID[b]
	if !ok {
		return "", fmt.Errorf("merge %s: %w", b, ErrUnknown)
	}
	sa, sb = c.root(sa), c.root(sb)
	if sa == sb {
		return c.stories[sa].id, nil
	}
	delete(c.apart, pair(sa, sb))
	for _, s := range []int32{sa, sb} {
		if c.stories[s].closed {
			c.stories[s].closed = false
			c.live = append(c.live, s)
		}
	}
	survivor, _ := c.merge(sa, sb)
	return c.stories[survivor].id, nil
}

// Len is the number of articles added.
func (c *Clusterer) Len() int { return len(c.ids) }

// Article returns the ID of the article that arrived i-th (from 0).
func (c *Clusterer) Article(i int) string { return c.ids[i] }

// IndexOf returns an article's arrival index.
func (c *Clusterer) IndexOf(article string) (int, bool) {
	at, ok := c.index[article]
	return int(at), ok
}

// Recent returns the arrival indexes of a story's n latest articles,
// latest first.
func (c *Clusterer) Recent(id string, n int) []int {
	s, ok := c.byID[id]
	if !ok {
		return nil
	}
	members := c.stories[c.root(s)].members
	out := make([]int, 0, min(n, len(members)))
	for i := len(members) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, int(members[i]))
	}
	return out
}

// minKinship is how alike, at the least, an article must be to a story's
// articles, or the articles of two dated stories across, against how alike
// they are within, for the two to become one.
const minKinship = 0.5

// minPairs is the least weight of a centroid's pairs of articles, against
// its mass squared, that cohesion reads: a hundred times the rounding of
// |C|², so that the reading is off by a hundredth at most. An article
// faded to below about 5e-6 of the rest (17 half-lives) counts as gone.
const minPairs = 1e-5

// akinTo reports whether an article whose similarity with story s's
// centroid is sim (faded for the article's time, at) is as akin to the
// story's articles as a story of several takes in. A story of a few
// articles on one event is much more alike within than with the rest of
// its topic, so an article of the topic that clears the threshold by
// sharing the topic's words still starts its own story; a story that is
// one topic, loosely alike within, takes in loosely alike articles.
func (c *Clusterer) akinTo(s int32, sim float64, at int64) bool {
	st := &c.stories[s]
	within, ok := st.cohesion()
	if !ok || within <= 0 {
		return true
	}
	// The article's vector is a unit vector, so sim·norm is its product
	// with the centroid: the sum of its cosines with the story's articles,
	// weighed as they are in the centroid.
	across := sim / c.fade(s, at) * st.norm / st.mass
	return across >= minKinship*within
}

// akin reports whether two stories may merge as far as their members go.
// Two dated stories of several articles each grew side by side in a stream
// read in time order: every article of one could have joined the other and
// did not. Their centroid cosine climbs as both take in more of a topic
// ("the Senate", "vaccines"), so it cannot tell two events on one topic
// from two halves of one event; kinship can, since halves of one event
// stay about as alike across as within however large they grow. A dated
// story of one article merges into one of several as its article would
// have joined it: only when akin to its articles (akinTo). Undated input
// comes in no meaningful order, and there a topic's tight fragments
// (headlines worded alike) must still merge by centroid.
func akin(a, b *story, dot float64) bool {
	if a.latest == 0 || b.latest == 0 {
		return true
	}
	k, ok := kinship(a, b, dot)
	return !ok || k >= minKinship
}

// cohesion is the mean cosine between two of a story's articles, read off
// its centroid of unit vectors: |C|² = Σw² + Σ_{i≠j} w_i w_j cos_ij. The
// centroid keeps only its heaviest terms, so it reads a little low. It
// reports false for a centroid of one article (copies do not count), and
// for one whose other articles have all but faded from it: the pairs'
// weight is then near the rounding of the centroid's float32 weights
// (about 1e-7 of |C|²), and what is read off it is noise, beyond ±1.
func (s *story) cohesion() (float64, bool) {
	pairs := s.mass*s.mass - s.massSq
	if pairs <= minPairs*s.mass*s.mass {
		return 0, false
	}
	return (s.norm*s.norm - s.massSq) / pairs, true
}

// kinship is how alike the articles of two stories are across (the mean
// cosine between one of each: the centroids' dot product over their
// masses) against how alike they are within: the geometric mean of their
// cohesions, or the one story's when the other's centroid holds one
// article. It reports false when neither story has a reading of its own.
// dot is the product of the two centroids.
func kinship(a, b *story, dot float64) (float64, bool) {
	ca, okA := a.cohesion()
	cb, okB := b.cohesion()
	okA, okB = okA && ca > 0, okB && cb > 0
	var within float64
	switch {
	case okA && okB:
		within = math.Sqrt(ca * cb)
	case okA:
		within = ca
	case okB:
		within = cb
	default:
		return 0, false
	}
	return dot / (a.mass * b.mass) / within, true
}
