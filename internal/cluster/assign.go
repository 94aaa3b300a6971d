package cluster

// Assign adds d to the story with the given ID, creating it if need be,
// without looking for the best story: how a process replays assignments a
// store already holds, its own or another process's. An ID seen before is
// left where it is.
func (c *Clusterer) Assign(d Doc, storyID string) {
	if _, ok := c.index[d.ID]; ok {
		return
	}
	self, v, _, at := c.enter(d)
	s, ok := c.byID[storyID]
	if ok {
		s = c.root(s)
	} else {
		s = c.newStory(self)
		if c.stories[s].id != storyID {
			// The store named the story after an article this process has
			// not seen first (another process merged or split it).
			delete(c.byID, c.stories[s].id)
			c.stories[s].id = storyID
			c.byID[storyID] = s
		}
	}
	c.join(s, self, v, c.titleOf(d), at, d.Repeats)
}
