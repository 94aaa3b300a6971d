package cluster

// Assign adds d to the story with the given ID, creating it if need be,
// without looking for the best story: how a process replays assignments a
// store already holds, its own or another process's.
func (c *Clusterer) Assign(d Doc, storyID string) {
	if c.primed[d.ID] {
		delete(c.primed, d.ID)
	} else {
		c.observe(d.Terms)
	}
	at, ok := c.byID[storyID]
	if !ok {
		at = int32(len(c.stories))
		c.stories = append(c.stories, &story{id: storyID, centroid: make(map[uint64]float32)})
		c.byID[storyID] = at
	}
	c.join(at, d, weigh(d.Terms, c.idf, maxTerms))
}
