package cluster

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
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

// TestAssignAndMergeReplayAdd: a clusterer that assigns each article to
// the story Add said it joined, then makes the merges Add reported, in
// order, holds the same stories under the same IDs as the one that added
// them, on a stream of overlapping topics that sets off many merges,
// chains of them among them.
func TestAssignAndMergeReplayAdd(t *testing.T) {
	docs := overlapping(rand.New(rand.NewPCG(1, 2)), 1700)
	next := docs[1500:]
	docs = docs[:1500]
	live, replayed := New(DefaultOptions()), New(DefaultOptions())
	merges, renamed := 0, 0
	for _, d := range docs {
		p := live.Add(d)
		replayed.Assign(d, p.Joined)
		for _, m := range p.Merged {
			if into, err := replayed.Merge(m.Into, m.Story); err != nil || into != m.Into {
				t.Fatalf("%s: replaying the merge of %s into %s gave %q, %v", d.ID, m.Story, m.Into, into, err)
			}
		}
		merges += len(p.Merged)
		if p.Joined != p.Story {
			renamed++
		}
	}
	if merges < 20 || renamed == 0 {
		t.Fatalf("%d merges, %d of a story the article joined: too few to show anything", merges, renamed)
	}
	if got, want := grouped(replayed), grouped(live); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("replayed stories differ from the live ones:\n%v\n%v", got, want)
	}
	// The centroids are the same too: new articles go the same way.
	for _, d := range next {
		if got, want := replayed.Add(d), live.Add(d); got.Story != want.Story || !slices.Equal(got.Merged, want.Merged) {
			t.Errorf("%s: %+v replayed, %+v live", d.ID, got, want)
		}
	}
	t.Logf("%d merges, %d of the story the article joined", merges, renamed)
}

// overlapping returns n undated articles on topics of a dozen words each,
// with a third of each article's words from a neighbouring topic, so that
// stories of one topic start apart and are later found to be one.
func overlapping(r *rand.Rand, n int) []Doc {
	const topics, words = 40, 12
	var docs []Doc
	for i := range n {
		topic := uint64(r.IntN(topics))
		keys := []uint64{}
		for range 6 {
			keys = append(keys, topic*words+uint64(r.IntN(words)))
		}
		near := (topic + 1 + uint64(r.IntN(2))) % topics
		for range 3 {
			keys = append(keys, near*words+uint64(r.IntN(words)))
		}
		keys = append(keys, 10_000+uint64(i)) // a word of its own
		docs = append(docs, Doc{ID: "d" + strconv.Itoa(i), Terms: terms(keys...)})
	}
	return docs
}

// TestReplayedMergeBeforeSweep: when the article that sets off a merge is
// the one after which stories quiet for longer than MaxGap are closed,
// Add merges first and closes after; a replay, which assigns the article
// and then makes the logged merge, must hold the same stories, the same
// way open, and so place the next article as Add does.
func TestReplayedMergeBeforeSweep(t *testing.T) {
	// a is dated and goes quiet as the fillers move the clock on ten
	// days; b and the bridges that bring it close to a are undated.
	bridge := terms(append(append(span(1, 8), span(11, 18)...), 20)...)
	docs := []Doc{
		{ID: "a1", Time: day, Terms: terms(append(span(1, 8), 20)...)},
		{ID: "a2", Time: day, Terms: terms(append(span(1, 8), 21)...)},
		{ID: "b1", Terms: terms(append(span(11, 18), 20)...)},
		{ID: "b2", Terms: terms(append(span(11, 18), 21)...)},
	}
	for len(docs) < sweepEvery-2 {
		docs = append(docs, Doc{ID: "filler" + strconv.Itoa(len(docs)), Time: day.Add(10 * 24 * time.Hour), Terms: terms(uint64(1000 + len(docs)))})
	}
	// The second bridge is the article a sweep follows.
	docs = append(docs, Doc{ID: "bridge1", Terms: bridge}, Doc{ID: "bridge2", Terms: bridge})
	live, replayed := New(DefaultOptions()), New(DefaultOptions())
	var last Placement
	for _, d := range docs {
		last = live.Add(d)
		replayed.Assign(d, last.Joined)
		for _, m := range last.Merged {
			if _, err := replayed.Merge(m.Into, m.Story); err != nil {
				t.Fatal(err)
			}
		}
	}
	if live.Len() != sweepEvery || len(last.Merged) == 0 {
		t.Fatalf("%d articles, the last merging %v: the case needs a merge on article %d", live.Len(), last.Merged, sweepEvery)
	}
	for _, d := range []Doc{
		{ID: "later-b", Terms: terms(append(span(11, 18), 22)...)},
		{ID: "later-a", Terms: terms(append(span(1, 8), 22)...)},
	} {
		if got, want := replayed.Add(d), live.Add(d); got.Story != want.Story || got.New != want.New {
			t.Errorf("%s: %+v replayed, %+v live", d.ID, got, want)
		}
	}
	if got, want := grouped(replayed), grouped(live); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("replayed stories differ from the live ones:\n%v\n%v", got, want)
	}
}

// TestNearestLeavesTheSweep: asking for suggestions when a sweep is due
// must not sweep, or an editor's merge made next would meet a closed
// story in this process and an open one in a process that replays the
// merge: the two would then place the next article apart.
func TestNearestLeavesTheSweep(t *testing.T) {
	// a goes quiet as the fillers move the clock on ten days; b is
	// undated.
	docs := []Doc{
		{ID: "a1", Time: day, Terms: terms(append(span(1, 8), 20)...)},
		{ID: "a2", Time: day, Terms: terms(append(span(1, 8), 21)...)},
		{ID: "b1", Terms: terms(append(span(11, 18), 20)...)},
		{ID: "b2", Terms: terms(append(span(11, 18), 21)...)},
	}
	for len(docs) < sweepEvery {
		docs = append(docs, Doc{ID: "filler" + strconv.Itoa(len(docs)), Time: day.Add(10 * 24 * time.Hour), Terms: terms(uint64(1000 + len(docs)))})
	}
	asked, replayed := New(DefaultOptions()), New(DefaultOptions())
	for _, c := range []*Clusterer{asked, replayed} {
		for _, d := range docs {
			c.Add(d)
		}
	}
	if _, err := asked.Nearest(storyID("b1"), 3); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*Clusterer{asked, replayed} {
		if _, err := c.Merge(storyID("a1"), storyID("b1")); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []Doc{
		{ID: "later-b", Terms: terms(append(span(11, 18), 22)...)},
		{ID: "later-a", Terms: terms(append(span(1, 8), 22)...)},
	} {
		if got, want := asked.Add(d), replayed.Add(d); got.Story != want.Story || got.New != want.New {
			t.Errorf("%s: %+v after Nearest, %+v replayed", d.ID, got, want)
		}
	}
}
