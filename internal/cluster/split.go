package cluster

import (
	"errors"
	"fmt"
	"slices"
)

// ErrSplit is returned when a split does not divide a story's articles in
// two.
var ErrSplit = errors.New("a split must divide the story's articles into two non-empty parts")

// Split divides a story in two, as an editor would: the articles in move
// become a new story and the rest stay. The clusterer keeps no article
// vectors, so the caller passes every member's Doc (from its own store);
// only this story's articles are read again. The part holding the article
// the story is named after (its first, unless a merge brought in older
// ones) keeps the story's ID; the other takes the ID of its own first
// article, so the two never share an ID. The two are never merged again
// automatically. Split returns the ID of the new story.
func (c *Clusterer) Split(id string, stay, move []Doc) (string, error) {
	s, ok := c.byID[id]
	if !ok {
		return "", fmt.Errorf("split %s: %w", id, ErrUnknown)
	}
	s = c.root(s)
	stayAt, err := c.arrivals(s, stay, move)
	if err != nil {
		return "", fmt.Errorf("split %s: %w", id, err)
	}
	moveAt, _ := c.arrivals(s, move, stay)
	if slices.Contains(moveAt, c.namer(s)) {
		stay, move, stayAt, moveAt = move, stay, moveAt, stayAt
	}
	n := c.newStory(slices.Min(moveAt))
	c.rebuild(s, stay, stayAt)
	c.rebuild(n, move, moveAt)
	for _, a := range moveAt {
		c.storyOf[a] = n
	}
	c.apart[pair(s, n)] = true
	return c.stories[n].id, nil
}

// namer returns the arrival index of the article story s is named after:
// its first article unless a merge brought in older ones, or, for a story
// named elsewhere (by another process's store), its first.
func (c *Clusterer) namer(s int32) int32 {
	st := &c.stories[s]
	for _, m := range st.members {
		if storyID(c.ids[m]) == st.id {
			return m
		}
	}
	return st.members[0]
}

// arrivals checks that part and rest are non-empty and together are story
// s's members, and returns part's arrival indexes in order.
func (c *Clusterer) arrivals(s int32, part, rest []Doc) ([]int32, error) {
	if len(part) == 0 || len(rest) == 0 || len(part)+len(rest) != len(c.stories[s].members) {
		return nil, ErrSplit
	}
	all := make([]int32, 0, len(part)+len(rest))
	for _, d := range slices.Concat(part, rest) {
		at, ok := c.index[d.ID]
		if !ok || c.root(c.storyOf[at]) != s {
			return nil, fmt.Errorf("article %s is not in the story: %w", d.ID, ErrSplit)
		}
		all = append(all, at)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(all)))) != len(all) {
		return nil, fmt.Errorf("an article is listed twice: %w", ErrSplit)
	}
	out := slices.Clone(all[:len(part)])
	slices.Sort(out)
	return out, nil
}

// rebuild sets a story's centroid, members and times from its articles,
// weighed with today's statistics.
func (c *Clusterer) rebuild(s int32, docs []Doc, arrivals []int32) {
	st := &c.stories[s]
	st.drop()
	st.size, st.members = 0, slices.Clone(arrivals)
	st.earliest, st.latest, st.decayed, st.closed = 0, 0, 0, false
	// Versions and copies stay out of the centroid, unless the part holds
	// nothing else.
	onlyRepeats := !slices.ContainsFunc(docs, func(d Doc) bool { return !d.Repeats })
	for _, d := range docs {
		st.touch(unix(d.Time))
		st.size++
		if d.Repeats && !onlyRepeats {
			continue
		}
		v, _ := c.vocab.weigh(d.Terms)
		st.centroid = add(st.centroid, v, 1)
		st.mass++
		st.addTitle(c.titleOf(d), &c.work)
	}
	st.massSq = st.mass
	st.set(keepHeaviestIn(st.centroid, centroidTerms, &c.work), &c.work)
	st.decayed = st.latest
	var terms []uint32
	for _, t := range heaviest(st.centroid, indexTerms) {
		terms = append(terms, t.id)
	}
	c.index_(s, terms)
	if !slices.Contains(c.live, s) {
		c.live = append(c.live, s)
	}
}
