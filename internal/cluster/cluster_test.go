package cluster

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/text"
)

func doc(id, title, body string, at time.Time) Doc {
	return Doc{ID: id, Time: at, Terms: Features(title, text.Analyze(body))}
}

var day = time.Date(2031, 4, 14, 0, 0, 0, 0, time.UTC)

var articles = []Doc{
	doc("flood1", "Dam collapse floods Marrowby", "The Hollin Dam collapsed on Sunday and flooded Marrowby. Rescuers searched the lower town for survivors.", day),
	doc("rail1", "Rail workers strike over pay", "Train drivers began a national rail strike over pay on Wednesday. The union wants a 9 percent rise.", day),
	doc("flood2", "Marrowby flood toll rises", "The toll from the Hollin Dam collapse in Marrowby rose to 14. Rescuers kept searching the flooded town.", day.Add(24*time.Hour)),
	doc("rail2", "National rail strike strands commuters", "Commuters were stranded as the rail strike over pay spread. Drivers and the union rejected the offer.", day.Add(24*time.Hour)),
}

func TestAddSeparatesStories(t *testing.T) {
	c := New(DefaultOptions())
	got := map[string]string{}
	for _, d := range articles {
		c.Prime(d)
	}
	for _, d := range articles {
		got[d.ID] = c.Add(d).Story
	}
	if got["flood1"] != got["flood2"] || got["rail1"] != got["rail2"] || got["flood1"] == got["rail1"] {
		t.Errorf("stories = %v, want floods together and rails together", got)
	}
	if got["flood1"] != storyID("flood1") {
		t.Errorf("story ID %q should derive from its first article", got["flood1"])
	}
	if n := len(c.Stories()); n != 2 {
		t.Errorf("%d stories, want 2", n)
	}
}

func TestJoinForcesStory(t *testing.T) {
	c := New(DefaultOptions())
	first := c.Add(articles[0]).Story
	copyOfRail := articles[1]
	copyOfRail.ID, copyOfRail.Join = "forced", "flood1"
	if got := c.Add(copyOfRail).Story; got != first {
		t.Errorf("Join: story %q, want %q", got, first)
	}
}

func TestMaxGapClosesStories(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxGap = 48 * time.Hour
	c := New(opts)
	first := c.Add(articles[0]).Story
	late := articles[2]
	late.Time = day.Add(30 * 24 * time.Hour)
	if got := c.Add(late).Story; got == first {
		t.Error("an article a month later joined a story closed after two days")
	}
	undated := articles[2]
	undated.ID, undated.Time = "undated", time.Time{}
	if got := c.Add(undated).Story; got != first && got != storyID(late.ID) {
		t.Errorf("an undated article started a new story %q", got)
	}
}

func TestSelectHeaviest(t *testing.T) {
	for n := 1; n <= 40; n++ {
		v := make(vector, 37)
		for i := range v {
			v[i] = term{uint32(i), float32((i * 7919) % 13)} // many ties
		}
		want := slices.Clone(v)
		slices.SortFunc(want, heavierFirst)
		got := slices.Clone(v)
		if n <= len(got) {
			selectHeaviest(got, n)
			got = got[:n]
			want = want[:n]
		}
		slices.SortFunc(got, heavierFirst)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: selectHeaviest kept %v, want %v", n, got, want)
		}
	}
}

func TestMergeFragments(t *testing.T) {
	// Two articles with one term in common start two stories; a third that
	// shares all their terms joins one and brings its centroid close enough
	// to the other to merge them.
	c := New(DefaultOptions())
	a := Doc{ID: "a", Time: day, Terms: terms(append(span(1, 8), 20)...)}
	b := Doc{ID: "b", Time: day, Terms: terms(append(span(11, 18), 20)...)}
	bridge := Doc{ID: "c", Time: day, Terms: terms(append(append(span(1, 8), span(11, 18)...), 20)...)}
	first, second := c.Add(a), c.Add(b)
	if !first.New || !second.New || first.Story == second.Story {
		t.Fatalf("the two fragments should start apart: %+v %+v", first, second)
	}
	p := c.Add(bridge)
	other := second.Story
	if p.Story == second.Story {
		other = first.Story
	}
	if !slices.Equal(p.Merged, []Absorbed{{Story: other, Into: p.Story}}) {
		t.Errorf("bridge: %+v, want %s merged into %s", p, other, p.Story)
	}
	if got, _ := c.Resolve(other); got != p.Story {
		t.Errorf("Resolve(%s) = %s, want %s", other, got, p.Story)
	}
	for _, id := range []string{"a", "b"} {
		if got, _ := c.StoryOf(id); got != p.Story {
			t.Errorf("StoryOf(%s) = %s, want %s", id, got, p.Story)
		}
	}
}

func TestSplitErrors(t *testing.T) {
	c := New(DefaultOptions())
	for _, d := range articles {
		c.Add(d)
	}
	flood, _ := c.StoryOf("flood1")
	tests := []struct {
		name        string
		story       string
		stay, move  []Doc
		wantErr     error
		wantMessage string
	}{
		{"unknown story", "nope", articles[:1], articles[2:3], ErrUnknown, ""},
		{"nothing moves", flood, []Doc{articles[0], articles[2]}, nil, ErrSplit, ""},
		{"not a member", flood, articles[:1], articles[1:2], ErrSplit, "rail1"},
		{"listed twice", flood, articles[:1], articles[:1], ErrSplit, "twice"},
	}
	for _, tt := range tests {
		_, err := c.Split(tt.story, tt.stay, tt.move)
		if !errors.Is(err, tt.wantErr) || !strings.Contains(fmt.Sprint(err), tt.wantMessage) {
			t.Errorf("%s: Split error %v, want %v mentioning %q", tt.name, err, tt.wantErr, tt.wantMessage)
		}
	}
	moved, err := c.Split(flood, articles[:1], articles[2:3])
	if err != nil {
		t.Fatal(err)
	}
	// flood2 arrived after flood1, so flood1's part keeps the ID, and the
	// two never merge again on their own.
	if got, _ := c.StoryOf("flood2"); got != moved || moved != storyID("flood2") {
		t.Errorf("flood2 in %s, want the new story %s", got, storyID("flood2"))
	}
	again := doc("flood3", "Marrowby flood toll rises again", "The toll from the Hollin Dam collapse in Marrowby rose. Rescuers kept searching the flooded town.", day.Add(48*time.Hour))
	if p := c.Add(again); len(p.Merged) != 0 {
		t.Errorf("stories an editor split merged again: %+v", p)
	}
}

// TestSplitKeepsTheNamingArticle splits a story that a merge gave an
// article older than the one it is named after: the part holding that
// article keeps the story's ID, so the new story never takes it too.
func TestSplitKeepsTheNamingArticle(t *testing.T) {
	older := doc("chess1", "Chess champion keeps her title", "The champion drew the last game and kept the world title.", day.Add(-24*time.Hour))
	flood, chess := storyID("flood1"), storyID("chess1")
	for _, tt := range []struct {
		name       string
		stay, move []Doc
	}{
		{"the naming article named", []Doc{older, articles[2]}, []Doc{articles[0]}},
		{"the others named", []Doc{articles[0]}, []Doc{older, articles[2]}},
	} {
		c := New(DefaultOptions())
		for _, d := range append([]Doc{older}, articles...) {
			c.Add(d)
		}
		if kept, err := c.Merge(chess, flood); err != nil || kept != flood {
			t.Fatalf("Merge(chess, flood) = %s, %v; want the larger flood story kept", kept, err)
		}
		made, err := c.Split(flood, tt.stay, tt.move)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := map[string]string{}
		for _, id := range []string{"chess1", "flood1", "flood2"} {
			got[id], _ = c.StoryOf(id)
		}
		if made != chess || got["flood1"] != flood || got["chess1"] != chess || got["flood2"] != chess || len(c.Stories()) != 3 {
			t.Errorf("%s: split made %s, stories %v, %v; want flood1 alone in %s and the rest in %s, brought back",
				tt.name, made, got, c.Stories(), flood, chess)
		}
	}
}

// roundTrip restores a snapshot of c into a new clusterer, and returns it
// with the snapshot.
func roundTrip(t *testing.T, c *Clusterer) (*Clusterer, []byte) {
	t.Helper()
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	restored := new(Clusterer)
	if err := restored.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	return restored, data
}

func TestSnapshotRoundTrip(t *testing.T) {
	c := New(DefaultOptions())
	for _, d := range articles[:2] {
		c.Add(d)
	}
	restored, data := roundTrip(t, c)
	for _, d := range articles[2:] {
		if got, want := restored.Add(d), c.Add(d); got.Story != want.Story {
			t.Errorf("%s: story %s after restore, %s before", d.ID, got.Story, want.Story)
		}
	}
	if err := restored.UnmarshalBinary(data[:len(data)/2]); err == nil {
		t.Error("a truncated snapshot was accepted")
	}
}

func TestSweepClosesQuietStories(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxGap = 24 * time.Hour
	c := New(opts)
	c.Add(articles[0])
	for i := range sweepEvery {
		c.Add(Doc{ID: fmt.Sprint("later", i), Time: day.Add(72 * time.Hour), Terms: map[uint64]float64{uint64(i): 1}})
	}
	s := c.stories[0]
	if !s.closed || s.centroid != nil {
		t.Errorf("a story quiet for three days with MaxGap one day is still open: closed %v, %d terms", s.closed, len(s.centroid))
	}
	if got, _ := c.StoryOf(articles[0].ID); got != storyID(articles[0].ID) {
		t.Errorf("a closed story lost its article: %q", got)
	}
}

func TestAgeFadesOlderArticles(t *testing.T) {
	s := story{centroid: vector{{1, 1}}, norm: 1, decayed: 1000}
	s.age(1000+3600, 3600)
	if w := s.centroid[0].w; w < 0.49 || w > 0.51 {
		t.Errorf("after one half-life the weight is %v, want 0.5", w)
	}
	s.age(0, 3600) // undated: no change
	if w := s.centroid[0].w; w < 0.49 || w > 0.51 {
		t.Errorf("an undated article aged the centroid to %v", w)
	}
}
