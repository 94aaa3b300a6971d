package cluster

import (
	"bytes"
	"encoding/gob"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"
)

// terms makes a document's term counts from term keys, each counted once.
func terms(keys ...uint64) map[uint64]float64 {
	m := make(map[uint64]float64, len(keys))
	for _, k := range keys {
		m[k] = 1
	}
	return m
}

// span returns the keys from..to, inclusive.
func span(from, to uint64) []uint64 {
	var out []uint64
	for k := from; k <= to; k++ {
		out = append(out, k)
	}
	return out
}

// grouped lists a clusterer's stories as member lists, for comparing two.
func grouped(c *Clusterer) map[string][]string {
	out := map[string][]string{}
	for _, s := range c.Stories() {
		out[s.ID] = s.Members
	}
	return out
}

func TestMerge(t *testing.T) {
	// Three stories with nothing in common: a of two articles, then b and
	// c of one each, b older than c.
	build := func() *Clusterer {
		c := New(DefaultOptions())
		for _, d := range []Doc{
			{ID: "a1", Time: day, Terms: terms(1, 2, 3, 4)},
			{ID: "a2", Time: day, Terms: terms(1, 2, 3, 5)},
			{ID: "b1", Time: day, Terms: terms(10, 11, 12, 13)},
			{ID: "c1", Time: day, Terms: terms(20, 21, 22, 23)},
		} {
			c.Add(d)
		}
		return c
	}
	a, b, cc := storyID("a1"), storyID("b1"), storyID("c1")
	tests := []struct {
		name       string
		first, sec string
		want       string // the survivor
		wantErr    error
		members    []string // the survivor's articles, in arrival order
	}{
		{"the larger keeps its ID", b, a, a, nil, []string{"a1", "a2", "b1"}},
		{"of two the same size, the older", cc, b, b, nil, []string{"b1", "c1"}},
		{"a story with itself", a, a, a, nil, []string{"a1", "a2"}},
		{"an unknown story", a, "s-nope", "", ErrUnknown, nil},
		{"an unknown story first", "s-nope", a, "", ErrUnknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := build()
			got, err := c.Merge(tt.first, tt.sec)
			if !errors.Is(err, tt.wantErr) || got != tt.want {
				t.Fatalf("Merge(%s, %s) = %q, %v; want %q, %v", tt.first, tt.sec, got, err, tt.want, tt.wantErr)
			}
			if err != nil {
				return
			}
			if m := grouped(c)[got]; !slices.Equal(m, tt.members) {
				t.Errorf("survivor holds %v, want %v", m, tt.members)
			}
			for _, id := range []string{tt.first, tt.sec} {
				if r, ok := c.Resolve(id); !ok || r != got {
					t.Errorf("Resolve(%s) = %q, %v; want %q", id, r, ok, got)
				}
			}
			for _, article := range tt.members {
				if s, _ := c.StoryOf(article); s != got {
					t.Errorf("StoryOf(%s) = %s, want %s", article, s, got)
				}
			}
			// Merging again, either way round, changes nothing.
			if again, err := c.Merge(tt.sec, tt.first); err != nil || again != got {
				t.Errorf("merging again: %q, %v", again, err)
			}
		})
	}
}

func TestStableIDs(t *testing.T) {
	// A story keeps its first article's ID as it grows, and an article
	// added twice keeps its story.
	c := New(DefaultOptions())
	want := storyID("s0")
	for i := range 20 {
		id := "s" + string(rune('0'+i%10)) + string(rune('a'+i/10))
		if i == 0 {
			id = "s0"
		}
		p := c.Add(Doc{ID: id, Time: day.Add(time.Duration(i) * time.Hour), Terms: terms(append(span(1, 8), uint64(100+i))...)})
		if p.Story != want || p.New != (i == 0) {
			t.Fatalf("article %d: %+v, want story %s", i, p, want)
		}
	}
	if p := c.Add(Doc{ID: "s0", Time: day, Terms: terms(50, 51)}); p.Story != want || p.New {
		t.Errorf("adding s0 again: %+v", p)
	}
	if c.Len() != 20 {
		t.Errorf("Len = %d after 20 articles and a repeat", c.Len())
	}
	if _, ok := c.Resolve("s-unknown"); ok {
		t.Error("Resolve found a story never made")
	}
	if _, ok := c.StoryOf("never-added"); ok {
		t.Error("StoryOf found an article never added")
	}
}

func TestSettle(t *testing.T) {
	// x arrives while story a has one article and resembles it too little
	// to join (it shares two of a's eight core terms); as a grows around
	// its core, x comes to match it, below Threshold but with no rival:
	// Settle merges it. y, about something else, stays alone. Primed
	// fillers keep the terms' IDF steady, as in a batch.
	c := New(DefaultOptions())
	for i := range 1000 {
		c.Prime(Doc{ID: "filler" + strconv.Itoa(i), Terms: terms(uint64(5000 + i))})
	}
	add := func(id string, keys ...uint64) { c.Add(Doc{ID: id, Time: day, Terms: terms(keys...)}) }
	add("a1", append(span(1, 8), span(100, 123)...)...)
	add("x", append([]uint64{1, 2}, span(40, 50)...)...)
	for i := uint64(2); i <= 4; i++ {
		add("a"+strconv.Itoa(int(i)), append(span(1, 8), span(100*i, 100*i+23)...)...)
	}
	add("y", span(70, 79)...)
	before := grouped(c)
	if len(before) != 3 || len(before[storyID("x")]) != 1 {
		t.Fatalf("before Settle: %v, want x alone beside a and y", before)
	}
	got := c.Settle()
	if want := []Absorbed{{Story: storyID("x"), Into: storyID("a1")}}; !slices.Equal(got, want) {
		t.Errorf("Settle = %v, want %v", got, want)
	}
	if s, _ := c.StoryOf("x"); s != storyID("a1") {
		t.Errorf("x is in %s after Settle", s)
	}
	if s, _ := c.StoryOf("y"); s != storyID("y") {
		t.Errorf("y moved to %s", s)
	}
	if again := c.Settle(); len(again) != 0 {
		t.Errorf("a second Settle merged %v", again)
	}
}

func TestSettleReadsTheTitle(t *testing.T) {
	// x is a long report whose words match story a too little to settle
	// into it, while its title holds two of the core words of a's. It
	// settles into a when the clusterer keeps titles and the title names a
	// alone; not when it comes without one, when automatic merging is off
	// (no titles are kept), when its title names nothing there, or when
	// story r matches its title about as well. The stories are built with
	// Join, so that how they would form by themselves does not matter, and
	// without the clear-winner rule, so that only Threshold decides.
	opts := Options{Threshold: 0.2, MergeThreshold: 0.3}
	tests := []struct {
		name      string
		opts      Options
		title     []uint64
		rival     bool
		wantMerge bool
	}{
		{"the title names the story", opts, []uint64{1, 2}, false, true},
		{"no title", opts, nil, false, false},
		{"titles not kept", Options{Threshold: 0.2}, []uint64{1, 2}, false, false},
		{"the title names no story", opts, []uint64{40, 41}, false, false},
		{"the title names two stories", opts, []uint64{1, 2}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			for i := range 1000 {
				c.Prime(Doc{ID: "filler" + strconv.Itoa(i), Terms: terms(uint64(5000 + i))})
			}
			story := func(name string, keys func(i uint64) []uint64) {
				for i := uint64(1); i <= 3; i++ {
					d := Doc{ID: name + strconv.Itoa(int(i)), Terms: terms(keys(i)...)}
					if i > 1 {
						d.Join = name + "1"
					}
					c.Add(d)
				}
			}
			story("a", func(i uint64) []uint64 { return append(span(1, 8), span(100*i, 100*i+29)...) })
			if tt.rival {
				story("r", func(uint64) []uint64 { return append([]uint64{1, 2}, span(1000, 1003)...) })
			}
			x := Doc{ID: "x", Terms: terms(append([]uint64{1, 2}, span(40, 99)...)...), Title: tt.title}
			if p := c.Add(x); !p.New {
				t.Fatalf("x joined %s on arrival", p.Story)
			}
			c.Settle()
			want := storyID("x")
			if tt.wantMerge {
				want = storyID("a1")
			}
			if s, _ := c.StoryOf("x"); s != want {
				t.Errorf("after Settle x is in %s, want %s", s, want)
			}
		})
	}
}

func TestMergeAsksTheTitles(t *testing.T) {
	// Stories a and b, of two articles each, share two words; two bridging
	// articles, without titles, join one and bring its centroid close to
	// the other's. They merge unless both have titles and the titles do not
	// agree.
	tests := []struct {
		name           string
		titleA, titleB []uint64
		wantMerge      bool
	}{
		{"titles agree", []uint64{1, 2}, []uint64{1, 2}, true},
		{"titles differ", []uint64{1, 2}, []uint64{11, 12}, false},
		{"no titles", nil, nil, true},
		{"one story has none", []uint64{1, 2}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultOptions())
			for _, d := range []Doc{
				{ID: "a1", Terms: terms(append(span(1, 8), 20)...), Title: tt.titleA},
				{ID: "a2", Terms: terms(append(span(1, 8), 21)...), Title: tt.titleA},
				{ID: "b1", Terms: terms(append(span(11, 18), 20)...), Title: tt.titleB},
				{ID: "b2", Terms: terms(append(span(11, 18), 21)...), Title: tt.titleB},
			} {
				c.Add(d)
			}
			if a, b := grouped(c)[storyID("a1")], grouped(c)[storyID("b1")]; len(a) != 2 || len(b) != 2 {
				t.Fatalf("before the bridge: a %v, b %v; want two of two", a, b)
			}
			for _, id := range []string{"bridge1", "bridge2"} {
				c.Add(Doc{ID: id, Terms: terms(append(append(span(1, 8), span(11, 18)...), 20)...)})
			}
			sa, _ := c.StoryOf("a1")
			sb, _ := c.StoryOf("b1")
			if (sa == sb) != tt.wantMerge {
				t.Errorf("a in %s, b in %s; want merged: %v", sa, sb, tt.wantMerge)
			}
		})
	}
}

func TestFade(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxGap = 4 * 24 * time.Hour
	c := New(opts)
	c.Add(Doc{ID: "a", Time: day, Terms: terms(span(1, 10)...)})
	s := c.byID[storyID("a")]
	tests := []struct {
		after time.Duration
		want  float64
	}{
		{-time.Hour, 1}, // an older article: no fading
		{0, 1},
		{2 * 24 * time.Hour, math.Sqrt2 / 2},
		{4 * 24 * time.Hour, 0.5},
	}
	for _, tt := range tests {
		if got := c.fade(s, unix(day.Add(tt.after))); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("fade after %v = %v, want %v", tt.after, got, tt.want)
		}
	}
	if got := c.fade(s, 0); got != 1 {
		t.Errorf("an undated article fades a story to %v", got)
	}
	// An article that would join the story the next hour starts its own
	// once the story has been quiet for most of MaxGap.
	similar := terms(append(span(1, 3), span(20, 26)...)...)
	tests2 := []struct {
		after time.Duration
		join  bool
	}{
		{time.Hour, true},
		{3 * 24 * time.Hour, false},
		{5 * 24 * time.Hour, false}, // closed
	}
	for _, tt := range tests2 {
		opts.ClearThreshold = 0
		c := New(opts)
		c.Add(Doc{ID: "a", Time: day, Terms: terms(span(1, 10)...)})
		p := c.Add(Doc{ID: "b", Time: day.Add(tt.after), Terms: similar})
		if joined := p.Story == storyID("a"); joined != tt.join {
			t.Errorf("after %v: joined %v, want %v", tt.after, joined, tt.join)
		}
	}
}

func TestHalfLifeFollowsDrift(t *testing.T) {
	// A story starts on one set of terms and moves, over days, to another.
	// With a half-life its centroid follows, and an article about where it
	// went joins; without, the old articles hold the centroid back.
	run := func(halfLife time.Duration) bool {
		opts := DefaultOptions()
		opts.HalfLife, opts.ClearThreshold = halfLife, 0
		c := New(opts)
		for i := range 4 {
			// Four reports of one event, each with details of its own.
			c.Add(Doc{ID: "old" + string(rune('0'+i)), Time: day, Terms: terms(append(span(1, 7), span(100+3*uint64(i), 102+3*uint64(i))...)...)})
		}
		c.Add(Doc{ID: "turn", Time: day.Add(72 * time.Hour), Terms: terms(append(span(1, 6), span(20, 25)...)...)})
		p := c.Add(Doc{ID: "new", Time: day.Add(96 * time.Hour), Terms: terms(append(span(6, 6), span(20, 31)...)...)})
		return p.Story == storyID("old0")
	}
	if !run(24 * time.Hour) {
		t.Error("with a one-day half-life, an article where the story went did not join it")
	}
	if run(0) {
		t.Error("without a half-life the story followed too: the test shows nothing")
	}
}

func TestSnapshotKeepsEverything(t *testing.T) {
	// A state with every kind of story: merged, split apart, closed,
	// primed but not yet added, and options off their defaults.
	opts := Options{Threshold: 0.25, ClearThreshold: 0.15, MergeThreshold: 0.35, MaxGap: 48 * time.Hour, HalfLife: 24 * time.Hour}
	c := New(opts)
	c.Prime(Doc{ID: "later", Terms: terms(1, 2, 90)})
	for _, d := range []Doc{
		{ID: "old", Time: day, Terms: terms(80, 81, 82)},
		{ID: "a1", Time: day.Add(96 * time.Hour), Terms: terms(1, 2, 3, 4)},
		{ID: "a2", Time: day.Add(97 * time.Hour), Terms: terms(1, 2, 3, 5)},
		{ID: "b1", Time: day.Add(97 * time.Hour), Terms: terms(10, 11, 12)},
		{ID: "b2", Time: day.Add(98 * time.Hour), Terms: terms(10, 11, 13)},
		{ID: "c1", Time: day.Add(98 * time.Hour), Terms: terms(30, 31, 32)},
	} {
		c.Add(d)
	}
	for range sweepEvery {
		c.Add(Doc{ID: "filler" + string(rune(c.Len())), Time: day.Add(99 * time.Hour), Terms: terms(uint64(1000 + c.Len()))})
	}
	if _, err := c.Merge(storyID("c1"), storyID("a1")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Split(storyID("b1"), []Doc{{ID: "b1", Terms: terms(10, 11, 12)}}, []Doc{{ID: "b2", Terms: terms(10, 11, 13)}}); err != nil {
		t.Fatal(err)
	}
	if !c.stories[c.byID[storyID("old")]].closed {
		t.Fatal("the old story should have closed")
	}
	r, _ := roundTrip(t, c)
	if r.opts != c.opts {
		t.Errorf("options %+v after restore, want %+v", r.opts, c.opts)
	}
	if got, want := grouped(r), grouped(c); len(got) != len(want) {
		t.Errorf("%d stories after restore, want %d", len(got), len(want))
	} else {
		for id, m := range want {
			if !slices.Equal(got[id], m) {
				t.Errorf("story %s: %v after restore, want %v", id, got[id], m)
			}
		}
	}
	if s, _ := r.Resolve(storyID("c1")); s != storyID("a1") {
		t.Errorf("a merged story resolves to %q after restore", s)
	}
	// The same articles go the same way in both: the primed one, one
	// that would rejoin what an editor split, one like the closed story.
	for _, d := range []Doc{
		{ID: "later", Time: day.Add(100 * time.Hour), Terms: terms(1, 2, 90)},
		{ID: "b3", Time: day.Add(100 * time.Hour), Terms: terms(10, 11, 12, 13)},
		{ID: "old2", Time: day.Add(100 * time.Hour), Terms: terms(80, 81, 82)},
		{ID: "near", Time: day.Add(100 * time.Hour), Terms: terms(1, 2, 77, 78, 79)},
	} {
		if got, want := r.Add(d), c.Add(d); !slices.Equal([]string{got.Story}, []string{want.Story}) || got.New != want.New || !slices.Equal(got.Merged, want.Merged) {
			t.Errorf("%s: %+v after restore, %+v before", d.ID, got, want)
		}
	}
}

func TestSnapshotKeepsTitles(t *testing.T) {
	// Stories a and b, whose titles disagree, are bridged after a restore:
	// the restored clusterer must keep them apart as the original does, and
	// a lone article whose title names a must settle into it in both.
	c := New(DefaultOptions())
	for _, d := range []Doc{
		{ID: "a1", Terms: terms(append(span(1, 8), 20)...), Title: []uint64{1, 2}},
		{ID: "a2", Terms: terms(append(span(1, 8), 21)...), Title: []uint64{1, 2}},
		{ID: "b1", Terms: terms(append(span(11, 18), 20)...), Title: []uint64{11, 12}},
		{ID: "b2", Terms: terms(append(span(11, 18), 21)...), Title: []uint64{11, 12}},
	} {
		c.Add(d)
	}
	r, _ := roundTrip(t, c)
	for _, cl := range []*Clusterer{c, r} {
		for _, id := range []string{"bridge1", "bridge2"} {
			cl.Add(Doc{ID: id, Terms: terms(append(append(span(1, 8), span(11, 18)...), 20)...)})
		}
	}
	if got, want := grouped(r), grouped(c); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("after restore and the bridge:\n%v\nwant\n%v", got, want)
	}
}

func TestSnapshotRefusesDamage(t *testing.T) {
	c := New(DefaultOptions())
	for _, d := range articles {
		c.Add(d)
	}
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	damage := []struct {
		name string
		edit func(*state)
	}{
		{"another version", func(s *state) { s.Version++ }},
		{"an article in no story", func(s *state) { s.StoryOf[0] = int32(len(s.Stories)) }},
		{"a live story out of range", func(s *state) { s.Live = append(s.Live, -1) }},
		{"a member out of range", func(s *state) { s.Stories[0].Members = append(s.Stories[0].Members, int32(len(s.IDs))) }},
		{"a term out of range", func(s *state) { s.Stories[0].Terms[0] = uint32(len(s.TermHashes)) }},
		{"weights without terms", func(s *state) { s.Stories[0].Weights = nil }},
		{"a parent out of range", func(s *state) { s.Stories[0].Parent = -2 }},
		{"a cycle of merges", func(s *state) { s.Stories[0].Parent, s.Stories[1].Parent = 1, 0 }},
		{"a split pair out of range", func(s *state) { s.Apart = append(s.Apart, [2]int32{0, 99}) }},
		{"fewer stories than articles say", func(s *state) { s.StoryOf = s.StoryOf[:1] }},
	}
	for _, tt := range damage {
		var st state
		if err := gob.NewDecoder(bytes.NewReader(good)).Decode(&st); err != nil {
			t.Fatal(err)
		}
		tt.edit(&st)
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
			t.Fatal(err)
		}
		var r Clusterer
		if err := r.UnmarshalBinary(buf.Bytes()); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	for _, n := range []int{0, 1, len(good) / 2, len(good) - 1} {
		var r Clusterer
		if err := r.UnmarshalBinary(good[:n]); err == nil {
			t.Errorf("a snapshot cut to %d bytes was accepted", n)
		}
	}
}

// checkCuts fails unless every story's cached index cut is the one its
// centroid gives now.
func checkCuts(t *testing.T, step string, c *Clusterer) {
	t.Helper()
	var work []term
	for i := range c.stories {
		st := &c.stories[i]
		if want := cutoff(st.centroid, indexTerms, &work); st.indexCut != want {
			t.Errorf("%s: story %s keeps cut %v, its centroid gives %v", step, st.id, st.indexCut, want)
		}
	}
}

func TestIndexCutFollowsCentroid(t *testing.T) {
	// Stories with more terms than indexTerms, ageing between articles,
	// then merged, split and restored: the cut absorb relies on must
	// follow every change to a centroid.
	c := New(Options{Threshold: 0.2, MergeThreshold: 0.3, HalfLife: 24 * time.Hour})
	docs := map[string]Doc{}
	for i := range 12 {
		base := uint64(i%3) * 1000
		d := Doc{ID: "a" + strconv.Itoa(i), Time: day.Add(time.Duration(i) * 7 * time.Hour),
			Terms: terms(span(base+uint64(i), base+uint64(i)+70)...)}
		docs[d.ID] = d
		c.Add(d)
		checkCuts(t, "add", c)
	}
	for i := range c.stories {
		c.stories[i].age(unix(day.Add(150*time.Hour)), c.opts.HalfLife.Seconds())
	}
	checkCuts(t, "age", c)
	if _, err := c.Merge(storyID("a0"), storyID("a1")); err != nil {
		t.Fatal(err)
	}
	checkCuts(t, "merge", c)
	story, _ := c.StoryOf("a0")
	var stay, move []Doc
	for _, s := range c.Stories() {
		if s.ID == story {
			for i, id := range s.Members {
				if i%2 == 0 {
					stay = append(stay, docs[id])
				} else {
					move = append(move, docs[id])
				}
			}
		}
	}
	if _, err := c.Split(story, stay, move); err != nil {
		t.Fatal(err)
	}
	checkCuts(t, "split", c)
	r, _ := roundTrip(t, c)
	checkCuts(t, "restore", r)
	r.Add(Doc{ID: "late", Time: day.Add(200 * time.Hour), Terms: terms(span(5, 80)...)})
	checkCuts(t, "add after restore", r)
}

// TestSnapshotKeepsTheSweep: a clusterer restored after the sweep that
// was due has made it sweeps no second time before the next article, as
// the original does not: the quiet part of a story an editor split after
// the sweep stays open in both.
func TestSnapshotKeepsTheSweep(t *testing.T) {
	early := Doc{ID: "m1", Time: day, Terms: terms(append(span(1, 8), 20)...)}
	late := Doc{ID: "m2", Time: day.Add(10 * 24 * time.Hour), Terms: terms(append(span(11, 18), 20)...)}
	c := New(DefaultOptions())
	c.Assign(early, "m")
	c.Assign(late, "m")
	for c.Len() < sweepEvery {
		c.Add(Doc{ID: "filler" + strconv.Itoa(c.Len()), Time: late.Time, Terms: terms(uint64(1000 + c.Len()))})
	}
	c.Settle() // sweeps, as it is due
	if _, err := c.Split("m", []Doc{late}, []Doc{early}); err != nil {
		t.Fatal(err)
	}
	r, _ := roundTrip(t, c)
	// Undated, it may join a story of any age that is open.
	next := Doc{ID: "later", Terms: terms(append(span(1, 8), 22)...)}
	if got, want := r.Add(next), c.Add(next); got.Story != want.Story || got.New != want.New {
		t.Errorf("%s: %+v restored, %+v in the original", next.ID, got, want)
	}
}
