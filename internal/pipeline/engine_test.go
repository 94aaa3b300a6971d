package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
)

func prepareAll(t *testing.T, articles []*news.Article) []*Prepared {
	t.Helper()
	out := make([]*Prepared, len(articles))
	for i, a := range articles {
		p, err := Prepare(*a)
		if err != nil {
			t.Fatalf("prepare %s: %v", a.ID, err)
		}
		out[i] = p
	}
	return out
}

// stories lists an engine's stories as sorted member lists, for comparing
// two runs whatever the story IDs.
func stories(e *Engine) [][]string {
	var out [][]string
	for _, s := range e.Stories() {
		out = append(out, slices.Sorted(slices.Values(s.Members)))
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func TestEngineOneAtATime(t *testing.T) {
	e := NewEngine(cluster.DefaultOptions())
	placed := map[string]Placement{}
	for _, p := range prepareAll(t, readExamples(t)) {
		pl := e.Add(p)
		placed[pl.Article] = pl
		if got, _ := e.StoryOf(pl.Article); got != pl.Story {
			t.Errorf("%s: StoryOf = %s, Add said %s", pl.Article, got, pl.Story)
		}
	}
	if v := placed["courier-flood-2"]; v.Relation != Version || v.Of != "courier-flood-1" {
		t.Errorf("courier-flood-2: %+v, want a version of courier-flood-1", v)
	}
	// The copy read first counts as the original online; the batch report
	// later credits the wire (TestAnalyzeExamples).
	if c := placed["northwind-wire"]; c.Relation != Copy || c.Of != "harbor-daily-wire-copy" || c.Story != placed[c.Of].Story {
		t.Errorf("northwind-wire: %+v, want a copy of harbor-daily-wire-copy in its story", c)
	}
	if n := len(e.Stories()); n != 3 {
		t.Errorf("%d stories, want 3 (flood, rail strike, chess)", n)
	}
	again := e.Add(prepareAll(t, readExamples(t)[:1])[0])
	if !again.Repeat || again.Story != placed[again.Article].Story {
		t.Errorf("adding an article twice: %+v", again)
	}
}

func TestEngineSnapshot(t *testing.T) {
	prepared := prepareAll(t, readExamples(t))
	straight := NewEngine(cluster.DefaultOptions())
	for _, p := range prepared {
		straight.Add(p)
	}
	half := NewEngine(cluster.DefaultOptions())
	for _, p := range prepared[:len(prepared)/2] {
		half.Add(p)
	}
	var buf bytes.Buffer
	if err := half.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	restored, err := RestoreEngine(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prepared[len(prepared)/2:] {
		restored.Add(p)
	}
	if got, want := stories(restored), stories(straight); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("after a snapshot and restore: %v, want %v", got, want)
	}
	for _, bad := range []string{"", "not a snapshot", snapshotMagic + "garbage"} {
		if _, err := RestoreEngine(strings.NewReader(bad)); err == nil {
			t.Errorf("RestoreEngine(%q) accepted it", bad)
		}
	}
	if _, err := RestoreEngine(strings.NewReader("nope")); !errors.Is(err, ErrSnapshot) {
		t.Errorf("a wrong file: %v, want ErrSnapshot", err)
	}
}

func TestEngineSplitAndMerge(t *testing.T) {
	prepared := prepareAll(t, readExamples(t))
	e := NewEngine(cluster.DefaultOptions())
	byID := map[string]*Prepared{}
	for _, p := range prepared {
		e.Add(p)
		byID[p.Article().ID] = p
	}
	flood, _ := e.StoryOf("courier-flood-1")
	var stay, move []Stored
	for _, s := range e.Stories() {
		if s.ID != flood {
			continue
		}
		for _, id := range s.Members {
			p := byID[id]
			stored := Stored{ID: id, Time: p.Article().Published.Time, Terms: p.Terms()}
			if id == "eastgate-post-flood" {
				move = append(move, stored)
			} else {
				stay = append(stay, stored)
			}
		}
	}
	split, err := e.Split(flood, stay, move)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.StoryOf("eastgate-post-flood"); got != split || split == flood {
		t.Errorf("after Split the moved article is in %s, want the new story %s", got, split)
	}
	if got, _ := e.StoryOf("courier-flood-1"); got != flood {
		t.Errorf("the story's first article moved to %s", got)
	}
	var stayed []string
	for _, s := range stay {
		stayed = append(stayed, s.ID)
	}
	if got := e.Members(flood); !slices.Equal(got, stayed) || !slices.Equal(e.Members(split), []string{"eastgate-post-flood"}) {
		t.Errorf("members after the split: %v and %v, want %v and the moved article", got, e.Members(split), stayed)
	}
	if _, err := e.Split(flood, stay, nil); err == nil {
		t.Error("a split with nothing to move was accepted")
	}
	merged, err := e.Merge(split, flood)
	if err != nil || merged != flood {
		t.Errorf("Merge = %s, %v; want the older story %s", merged, err, flood)
	}
	if got, _ := e.Resolve(split); got != flood {
		t.Errorf("Resolve(%s) = %s after the merge, want %s", split, got, flood)
	}
}

func TestFeed(t *testing.T) {
	articles := readExamples(t)
	straight := NewEngine(cluster.DefaultOptions())
	for _, p := range prepareAll(t, articles) {
		straight.Add(p)
	}
	empty := &news.Article{ID: "empty", Source: "empty.txt", Text: " \n "}
	input := append(slices.Clone(articles), empty)
	fed := NewEngine(cluster.DefaultOptions())
	var order []string
	stats := Feed(context.Background(), fed, slices.Values(input), FeedOptions{Workers: 2, Chunk: 3, Placed: func(p Placement) {
		order = append(order, p.Article)
	}})
	if got, want := stories(fed), stories(straight); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Feed made %v, one at a time %v", got, want)
	}
	var want []string
	for _, a := range articles {
		want = append(want, a.ID)
	}
	if !slices.Equal(order, want) {
		t.Errorf("placements in order %v, want the input order %v", order, want)
	}
	if stats.Articles != len(input) || len(stats.Errors) != 1 || stats.Errors[0].Source != "empty.txt" {
		t.Errorf("stats: %d articles, errors %+v; want %d and one for empty.txt", stats.Articles, stats.Errors, len(input))
	}
	if n := stats.Relations[Original] + stats.Relations[Version] + stats.Relations[Copy]; n != len(articles) || stats.Relations[Version] == 0 || stats.Relations[Copy] == 0 {
		t.Errorf("relations %v, want %d with versions and copies among them", stats.Relations, len(articles))
	}

	// Cancelled after the first placement, Feed finishes that chunk only.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	partial := Feed(ctx, NewEngine(cluster.DefaultOptions()), slices.Values(articles), FeedOptions{Chunk: 2, Placed: func(Placement) { cancel() }})
	if partial.Articles != 2 {
		t.Errorf("a cancelled Feed read %d articles, want the first chunk of 2", partial.Articles)
	}
}

func TestEngineSettle(t *testing.T) {
	// An engine added to one article at a time settles as the batch does:
	// Stories, which settles at the end, and the engine give one grouping.
	articles := readExamples(t)
	e := NewEngine(cluster.DefaultOptions())
	for _, p := range prepareAll(t, articles) {
		e.Prime(p)
	}
	for _, p := range prepareAll(t, articles) {
		e.Add(p)
	}
	e.Settle()
	batch := Stories(context.Background(), readExamples(t), DefaultOptions())
	byStory := map[string][]string{}
	for _, a := range articles {
		byStory[batch.StoryOf[a.ID]] = append(byStory[batch.StoryOf[a.ID]], a.ID)
	}
	var want [][]string
	for _, m := range byStory {
		want = append(want, slices.Sorted(slices.Values(m)))
	}
	slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if got := stories(e); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("engine %v, batch %v", got, want)
	}
}

func TestRestoreEngineRefusesMismatch(t *testing.T) {
	// A snapshot whose two halves disagree on the articles is refused.
	prepared := prepareAll(t, readExamples(t))
	a, b := NewEngine(cluster.DefaultOptions()), NewEngine(cluster.DefaultOptions())
	for _, p := range prepared {
		a.Add(p)
	}
	b.Add(prepared[0])
	var st engineState
	var err error
	if st.Dedupe, err = a.dedupe.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	if st.Cluster, err = b.cluster.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString(snapshotMagic)
	if err := gob.NewEncoder(&buf).Encode(&st); err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreEngine(&buf); !errors.Is(err, ErrSnapshot) {
		t.Errorf("mismatched halves: %v, want ErrSnapshot", err)
	}
}

// TestReplayKeepsTheCentroids checks that an engine rebuilt by Replay, as
// a service rebuilds from its store, holds the same centroids as the one
// that decided: versions and copies stay out of them on replay as they did
// live, whatever the store says of them.
func TestReplayKeepsTheCentroids(t *testing.T) {
	opts := cluster.DefaultOptions()
	opts.MergeThreshold = 0 // as the service runs it: Replay makes no merge
	live, replayed := NewEngine(opts), NewEngine(opts)
	repeats := 0
	for _, p := range append(prepareAll(t, readExamples(t)), rewrittenUpdate(t)...) {
		pl := live.Add(p)
		a := p.Article()
		if pl.Relation != Original {
			repeats++
		}
		if a.ID == "strait-ferry-2" && (pl.Relation != Version || pl.Of != "strait-ferry-1") {
			t.Fatalf("the rewritten update: %+v, want a version of strait-ferry-1", pl)
		}
		replayed.Replay(Stored{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Time: a.Published.Time,
			Terms: p.terms, Sketch: p.sketch, Shingles: p.shingles, Story: pl.Story,
			Repeats: pl.Relation != Original})
	}
	if repeats == 0 {
		t.Fatal("the examples hold no version or copy: the test shows nothing")
	}
	want, err := live.cluster.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := replayed.cluster.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the replayed engine's stories differ from the live engine's")
	}
}

// TestReplayKeepsVersionGroups: an update that only Index.Version found
// joins its report's group, so a later update of it is a version of the
// report. An engine rebuilt by Replay must name the same article.
func TestReplayKeepsVersionGroups(t *testing.T) {
	opts := cluster.DefaultOptions()
	opts.MergeThreshold = 0 // as the service runs it: Replay makes no merge
	live, replayed := NewEngine(opts), NewEngine(opts)
	update := rewrittenUpdate(t)
	for _, p := range append(prepareAll(t, readExamples(t)), update...) {
		pl := live.Add(p)
		a := p.Article()
		s := Stored{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Time: a.Published.Time,
			Terms: p.terms, Sketch: p.sketch, Shingles: p.shingles, Story: pl.Story, Repeats: pl.Relation != Original}
		if pl.Relation == Version {
			s.VersionOf = pl.Of
		}
		replayed.Replay(s)
	}
	// The second update keeps most of the first's sentences: the LSH bands
	// pair it with the first update.
	second := *update[1].Article()
	second.ID, second.URL = "strait-ferry-3", "https://strait.example/ferry-3"
	second.Published.Time = second.Published.Add(3 * time.Hour)
	second.Text = update[1].Article().Text + " A late line was added to the update."
	p := prepareAll(t, []*news.Article{&second})[0]
	want, got := live.Add(p), replayed.Add(p)
	if want.Relation != Version || want.Of != "strait-ferry-1" {
		t.Fatalf("live: the second update is %+v, want a version of strait-ferry-1", want)
	}
	if got.Relation != want.Relation || got.Of != want.Of {
		t.Errorf("replayed: the second update is a %s of %s, live a %s of %s", got.Relation, got.Of, want.Relation, want.Of)
	}
}

// rewrittenUpdate is an outlet's report and its update, rewritten so far
// that the LSH bands miss the pair and only Index.Version, after the
// update has joined the story as an original, finds it a version.
func rewrittenUpdate(t *testing.T) []*Prepared {
	t.Helper()
	// Each sentence has words of its own, so the two texts share the
	// shingles of the sentences they share and few others.
	syllables := []string{"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we", "xi", "yo", "zu"}
	sentence := func(n int) string {
		words := make([]string, 10)
		for i := range words {
			words[i] = syllables[n%len(syllables)] + syllables[i] + syllables[(n+i)%len(syllables)]
		}
		return strings.Join(words, " ") + "."
	}
	text := func(from, to int) string {
		var b strings.Builder
		for n := from; n < to; n++ {
			b.WriteString(sentence(n) + " ")
		}
		return b.String()
	}
	at := time.Date(2031, 5, 2, 9, 0, 0, 0, time.UTC)
	first := news.Article{ID: "strait-ferry-1", Outlet: "Strait Times", URL: "https://strait.example/ferry-1",
		Title: "Ferry strike enters its second day", Published: news.Timestamp{Time: at}, Text: text(0, 12)}
	update := first
	update.ID, update.URL, update.Published = "strait-ferry-2", "https://strait.example/ferry-2", news.Timestamp{Time: at.Add(3 * time.Hour)}
	update.Text = text(7, 19)
	out := prepareAll(t, []*news.Article{&first, &update})
	x := dedupe.NewIndex()
	for _, p := range out {
		if m := x.Add(dedupe.Item{Outlet: p.article.Outlet, Signature: p.sketch, Shingles: p.shingles}); m.Kind != dedupe.Original {
			t.Fatalf("the LSH bands pair %s with an earlier article: the update is not rewritten enough", p.article.ID)
		}
	}
	return out
}

// otherNews is enough unrelated articles, dated published, each its own
// story, for the clusterer to sweep its quiet stories while adding them.
func otherNews(published time.Time) []*news.Article {
	rng := rand.New(rand.NewPCG(7, 8))
	syllables := []string{"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va"}
	word := func() string {
		return syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))] + syllables[rng.IntN(len(syllables))]
	}
	out := make([]*news.Article, 1100)
	for i := range out {
		words := make([]string, 12)
		for j := range words {
			words[j] = word()
		}
		out[i] = &news.Article{ID: fmt.Sprint("other-", i), Outlet: fmt.Sprint("Outlet other-", i), Title: strings.Join(words[:4], " "),
			Text: strings.Join(words, " ") + ".", Published: news.Timestamp{Time: published}}
	}
	return out
}

// TestClockBoundsTheClusterer: an article dated years ahead of its
// arrival, filed at its arrival (Prepared.Received), does not move the
// clusterer's clock, so the sweep that closes quiet stories leaves the
// stories of the day open and their next article joins them.
func TestClockBoundsTheClusterer(t *testing.T) {
	arrival := time.Date(2030, 3, 1, 12, 0, 0, 0, time.UTC)
	article := func(id, title, text string, published time.Time) *news.Article {
		return &news.Article{ID: id, Outlet: "Outlet " + id, Title: title, Text: text, Published: news.Timestamp{Time: published}}
	}
	articles := []*news.Article{
		article("pier", "Northern pier closed after divers find cracks", "The harbour authority closed the northern pier on Monday after divers found cracks in its concrete piles. Ferries will dock at the southern terminal until repairs are done.", arrival.Add(-3*time.Hour)),
		article("ahead", "Orchestra announces free park concerts", "The city orchestra announced a season of free concerts in the park, starting in June.", arrival.AddDate(5, 0, 0)),
	}
	articles = append(articles, otherNews(arrival.Add(-2*time.Hour))...)
	articles = append(articles, article("follow", "Repairs begin on cracked northern pier", "Engineers began repairs on the cracked concrete piles of the northern pier, which the harbour authority closed after divers found the damage.", arrival.Add(-time.Hour)))
	for _, bounded := range []bool{true, false} {
		e := NewEngine(cluster.DefaultOptions())
		placed := map[string]string{}
		for _, p := range prepareAll(t, articles) {
			if bounded {
				p.Received(arrival)
			}
			placed[p.Article().ID] = e.Add(p).Story
		}
		if joined := placed["follow"] == placed["pier"]; joined != bounded {
			t.Errorf("filed at arrival %v: the follow-up joined the pier story %v", bounded, joined)
		}
	}
}
