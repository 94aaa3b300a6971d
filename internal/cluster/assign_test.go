package cluster

import (
	"testing"
	"time"
)

// TestAssignReplays: a clusterer rebuilt by assigning articles to the
// stories another one chose places the next article as that one does,
// and a story the store named differently keeps the store's name.
func TestAssignReplays(t *testing.T) {
	opts := DefaultOptions()
	opts.MergeThreshold = 0
	live := New(opts)
	ids := map[string]string{}
	for _, d := range articles {
		ids[d.ID] = live.Add(d).Story
	}
	replayed := New(opts)
	for _, d := range articles {
		replayed.Assign(d, ids[d.ID])
		replayed.Assign(d, "elsewhere") // a second replay changes nothing
	}
	for _, d := range articles {
		if got, _ := replayed.StoryOf(d.ID); got != ids[d.ID] {
			t.Errorf("replayed %s is in %q, want %q", d.ID, got, ids[d.ID])
		}
	}
	next := doc("flood3", "Marrowby flood inquiry", "An inquiry into the Hollin Dam collapse in Marrowby was announced as rescuers searched the flooded town.", day.Add(48*time.Hour))
	if a, b := live.Add(next).Story, replayed.Add(next).Story; a != b || a != ids["flood1"] {
		t.Errorf("after replay the next article joins %q, live %q; want the flood story %q", b, a, ids["flood1"])
	}
	renamed := New(opts)
	renamed.Assign(articles[0], "story-kept-by-the-store")
	if got, _ := renamed.StoryOf(articles[0].ID); got != "story-kept-by-the-store" {
		t.Errorf("assigned story named %q, want the store's name", got)
	}
}
