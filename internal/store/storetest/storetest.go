// Package storetest is the behaviour every store must have, as one suite
// that the sqlite and postgres packages run against their own databases.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/store"
)

// Opener opens a fresh, empty store for one test.
type Opener func(t *testing.T) *store.DB

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		run  func(*testing.T, *store.DB)
	}{
		{"write and read", testWriteRead},
		{"same article twice", testFind},
		{"versions", testVersions},
		{"list and page", testList},
		{"filters", testFilters},
		{"search", testSearch},
		{"coverage by day", testCoverage},
		{"reports", testReports},
		{"reports of an older version", testOutdatedReports},
		{"since and replay", testSinceReplay},
		{"merge stories", testMergeStories},
		{"split a story", testSplitStory},
		{"merges of merges", testAliasChain},
		{"features and revision", testFeaturesAndRevision},
		{"outdated features", testOutdatedFeatures},
		{"feeds", testFeeds},
		{"feed item stamps", testItemStamps},
		{"feed items pending revisits", testPendingItems},
		{"writers take turns", testConcurrentWriters},
		{"failed write leaves nothing", testRollback},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open(t)) })
	}
}

// article makes a stored article for story n.
func article(id, story, outlet, text string, published string) *store.Article {
	ts, _ := news.ParseTimestamp(published)
	return &store.Article{
		Article:     news.Article{ID: id, Source: id + ".txt", Outlet: outlet, Title: "Title of " + id, Published: ts, Text: text, Words: 3},
		StoryID:     story,
		ContentHash: "hash-" + id,
		Features:    []byte{1, 2, 3},
		IngestedAt:  time.Now(),
	}
}

// add writes articles in one transaction, each touching its story.
func add(t *testing.T, s *store.DB, articles ...*store.Article) {
	t.Helper()
	err := s.Write(context.Background(), func(tx *store.Tx) error {
		for _, a := range articles {
			if err := tx.Insert(a); err != nil {
				return err
			}
			if err := tx.Touch(a.StoryID, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testWriteRead(t *testing.T, s *store.DB) {
	ctx := context.Background()
	a := article("a1", "s1", "Courier", "The dam failed on Sunday.", "2031-04-14")
	of := "a0"
	a.VersionOf = &of
	a.Changes = &news.Changes{Against: "a0", Added: []string{"New."}}
	add(t, s, a)
	if a.Seq == 0 {
		t.Error("Insert did not set Seq")
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Outlet != "Courier" || got.Published.String() != "2031-04-14" || got.StoryID != "s1" ||
		got.VersionOf == nil || *got.VersionOf != "a0" || got.Changes == nil || got.Changes.Added[0] != "New." {
		t.Errorf("article read back as %+v", got)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown article: %v, want ErrNotFound", err)
	}
	st, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Revision != 1 || st.FirstPublished != "2031-04-14" || len(st.Outlets) != 1 || st.Report != nil {
		t.Errorf("story read back as %+v", st)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown story: %v, want ErrNotFound", err)
	}
}

// testCoverage: a story's articles are counted on the days they were
// published; undated ones on their day of arrival only where no article
// of the story has a date.
func testCoverage(t *testing.T, s *store.DB) {
	undated := func(id, story string, arrived time.Time) *store.Article {
		a := article(id, story, "Courier", "Text of "+id+".", "")
		a.IngestedAt = arrived
		return a
	}
	arrived := time.Date(2031, 5, 2, 9, 0, 0, 0, time.UTC)
	add(t, s,
		article("d1", "mixed", "Courier", "One.", "2031-04-14"),
		article("d2", "mixed", "Post", "Two.", "2031-04-14T18:30:00Z"),
		article("d3", "mixed", "Wire", "Three.", "2031-04-16"),
		undated("u1", "mixed", arrived),
		undated("u2", "undated", arrived),
		undated("u3", "undated", arrived.Add(24*time.Hour)),
	)
	got, err := s.Coverage(context.Background(), []string{"mixed", "undated", "none"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]store.DayCount{
		"mixed":   {{Day: "2031-04-14", Count: 2}, {Day: "2031-04-16", Count: 1}},
		"undated": {{Day: "2031-05-02", Count: 1}, {Day: "2031-05-03", Count: 1}},
	}
	for story, days := range want {
		if !slices.Equal(got[story], days) {
			t.Errorf("coverage of %s: %v, want %v", story, got[story], days)
		}
	}
	if len(got["none"]) != 0 {
		t.Errorf("coverage of a story without articles: %v", got["none"])
	}
}

func testFind(t *testing.T, s *store.DB) {
	a := article("a1", "s1", "", "Text one.", "")
	a.URLKey = "example.com/a1"
	later := article("a2", "s1", "", "Text two.", "")
	add(t, s, a, later)
	tests := []struct {
		id, url, hash string
		found         bool
		want          string
	}{
		{"a1", "", "other", true, "a1"},
		{"x", "example.com/a1", "other", true, "a1"},
		{"x", "", "hash-a1", true, "a1"},
		{"x", "", "other", false, ""},
		{"x", "example.com/other", "other", false, ""},
		// The same text wins over an earlier article at the URL.
		{"a1", "example.com/a1", "hash-a2", true, "a2"},
	}
	for _, tt := range tests {
		err := s.Write(context.Background(), func(tx *store.Tx) error {
			got, ok, err := tx.Find(tt.id, tt.url, tt.hash)
			if err != nil {
				return err
			}
			if ok != tt.found || ok && got.ID != tt.want {
				t.Errorf("Find(%q, %q, %q) = %q, %v; want found %v", tt.id, tt.url, tt.hash, got.ID, ok, tt.found)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for key, want := range map[string]bool{"example.com/a1": true, "example.com/other": false, "": false} {
		if got, err := s.HasURL(context.Background(), key); got != want || err != nil {
			t.Errorf("HasURL(%q) = %v, %v; want %v", key, got, err, want)
		}
	}
}

func testVersions(t *testing.T, s *store.DB) {
	ctx := context.Background()
	v1 := article("v1", "s1", "Courier", "First version.", "")
	v1.Latest = true
	v2 := article("v2", "s1", "Courier", "Second version.", "")
	root := "v1"
	v2.VersionOf = &root
	add(t, s, v1)
	add(t, s, v2)
	if err := s.Write(ctx, func(tx *store.Tx) error { return tx.MarkLatest("v1", "v2") }); err != nil {
		t.Fatal(err)
	}
	a1, _ := s.Article(ctx, "v1")
	a2, _ := s.Article(ctx, "v2")
	if a1.Latest || !a2.Latest {
		t.Errorf("latest: v1 %v, v2 %v; want only v2", a1.Latest, a2.Latest)
	}
}

func testList(t *testing.T, s *store.DB) {
	ctx := context.Background()
	// Story i gets i articles; later stories are updated later.
	for i := 1; i <= 5; i++ {
		for j := 0; j < i; j++ {
			add(t, s, article(fmt.Sprintf("a%d-%d", i, j), fmt.Sprintf("s%d", i), "", "Text.", ""))
		}
	}
	var seen []string
	cursor := ""
	for page := 0; page < 10; page++ {
		list, next, err := s.Stories(ctx, store.Query{Sort: store.Newest, Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list {
			seen = append(seen, st.ID)
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if fmt.Sprint(seen) != "[s5 s4 s3 s2 s1]" {
		t.Errorf("newest first, paged by two: %v", seen)
	}
	add(t, s, article("late", "s1", "", "Late.", "")) // s1 is updated last now
	list, _, err := s.Stories(ctx, store.Query{Sort: store.Covered, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].ID != "s5" || list[0].Articles != 5 {
		t.Errorf("most covered first: %+v", list)
	}
	list, _, _ = s.Stories(ctx, store.Query{Sort: store.Newest, Limit: 1})
	if len(list) != 1 || list[0].ID != "s1" {
		t.Errorf("after a late article, s1 is newest: %+v", list)
	}
	if _, _, err := s.Stories(ctx, store.Query{Cursor: "not a cursor"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
}

func testFilters(t *testing.T, s *store.DB) {
	ctx := context.Background()
	add(t, s, article("a", "flood", "Courier", "The dam collapsed and flooded Marrowby.", ""))
	add(t, s, article("b", "flood", "Northwind", "Floodwater reached Marrowby.", ""))
	add(t, s, article("c", "strike", "Ledger", "Rail workers went on strike.", ""))
	cutoff := time.Now()
	time.Sleep(5 * time.Millisecond)
	add(t, s, article("d", "chess", "Ledger", "The chess club won.", ""))
	ids := func(q store.Query) string {
		list, _, err := s.Stories(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, st := range list {
			out = append(out, st.ID)
		}
		return fmt.Sprint(out)
	}
	if got := ids(store.Query{Outlet: "Ledger"}); got != "[chess strike]" {
		t.Errorf("outlet Ledger: %s", got)
	}
	if got := ids(store.Query{Text: "Marrowby"}); got != "[flood]" {
		t.Errorf("text Marrowby: %s", got)
	}
	if got := ids(store.Query{Since: cutoff}); got != "[chess]" {
		t.Errorf("since: %s", got)
	}
	if got := ids(store.Query{Text: `"); DROP TABLE stories; --`}); got != "[]" {
		t.Errorf("a hostile query matched %s", got)
	}
}

func testSearch(t *testing.T, s *store.DB) {
	add(t, s, article("a", "s1", "", "Rescuers searched the flooded valley.", ""))
	add(t, s, article("b", "s2", "", "The chess club won again.", ""))
	hits, err := s.Search(context.Background(), "flooded valley", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ArticleID != "a" || hits[0].StoryID != "s1" {
		t.Errorf("search: %+v", hits)
	}
	for _, q := range []string{"", "   ", `"`, "AND OR NOT", "*"} {
		if _, err := s.Search(context.Background(), q, 10); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
}

func testReports(t *testing.T, s *store.DB) {
	ctx := context.Background()
	add(t, s, article("a", "s1", "", "One.", ""))
	add(t, s, article("b", "s1", "", "Two.", ""))
	now := time.Now()
	// Not yet due: articles joined it within the quiet time, and it is
	// new within the lag.
	if stale, err := s.Stale(ctx, 10, now.Add(-time.Minute), now.Add(-time.Minute), 1); err != nil || len(stale) != 0 {
		t.Errorf("stale before it settled: %+v, %v", stale, err)
	}
	stale, err := s.Stale(ctx, 10, now.Add(time.Second), now.Add(-time.Minute), 1)
	if err != nil || len(stale) != 1 || stale[0].Revision != 2 {
		t.Fatalf("stale once quiet: %+v, %v", stale, err)
	}
	if lagging, err := s.Stale(ctx, 10, now.Add(-time.Minute), now.Add(time.Second), 1); err != nil || len(lagging) != 1 {
		t.Errorf("stale past the lag: %+v, %v", lagging, err)
	}
	if st, err := s.Story(ctx, "s1"); err != nil || st.Headline != "Title of a" {
		t.Errorf("before analysis the headline is %q (%v), want the first article's title", st.Headline, err)
	}
	report := &news.Story{ID: "s1", Headline: "Dam fails", Voices: 2, Facts: []news.Fact{{Subject: "dead", Conflict: true}}}
	if err := s.SaveReport(ctx, 2, 1, report); err != nil {
		t.Fatal(err)
	}
	old := &news.Story{ID: "s1", Headline: "An older analysis"}
	if err := s.SaveReport(ctx, 1, 1, old); err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if st.Headline != "Dam fails" || st.Conflicts != 1 || st.Report == nil || st.Report.Headline != "Dam fails" || st.Analyzed != 2 {
		t.Errorf("report: %+v", st)
	}
	cov, err := s.Coverage(ctx, []string{"s1", "none"})
	if err != nil || len(cov["s1"]) != 1 || cov["s1"][0].Count != 2 || len(cov["s1"][0].Day) != 10 || len(cov["none"]) != 0 {
		t.Errorf("coverage %+v, %v", cov, err)
	}
	if stale, _ := s.Stale(ctx, 10, time.Now().Add(time.Second), time.Now().Add(time.Second), 1); len(stale) != 0 {
		t.Errorf("still stale after the report: %+v", stale)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Articles != 2 || c.Stories != 1 || c.Stale != 0 {
		t.Errorf("counts %+v, %v", c, err)
	}
}

func testOutdatedReports(t *testing.T, s *store.DB) {
	ctx := context.Background()
	add(t, s, article("a", "s1", "", "One.", ""))
	add(t, s, article("b", "s2", "", "Two.", ""))
	for _, id := range []string{"s1", "s2"} {
		if err := s.SaveReport(ctx, 1, 1, &news.Story{ID: id, Headline: "By version 1"}); err != nil {
			t.Fatal(err)
		}
	}
	add(t, s, article("c", "s3", "", "Three.", ""))
	due := time.Now().Add(time.Second)
	stale, err := s.Stale(ctx, 10, due, due, 2)
	if err != nil || !slices.Equal(staleIDs(stale), []string{"s3", "s2", "s1"}) {
		t.Fatalf("stale for version 2: %+v, %v; want the story with a new article, then the older version's, latest first", stale, err)
	}
	if first, err := s.Stale(ctx, 1, due, due, 2); err != nil || !slices.Equal(staleIDs(first), []string{"s3"}) {
		t.Errorf("stale, limit 1: %+v, %v; want s3", first, err)
	}
	for _, version := range []int{1, 0} {
		if stale, err := s.Stale(ctx, 10, due, due, version); err != nil || !slices.Equal(staleIDs(stale), []string{"s3"}) {
			t.Errorf("stale for version %d: %+v, %v; want only s3", version, stale, err)
		}
	}
	if err := s.SaveReport(ctx, 1, 2, &news.Story{ID: "s1", Headline: "By version 2"}); err != nil {
		t.Fatal(err)
	}
	// A process still running version 1 does not undo it.
	if err := s.SaveReport(ctx, 1, 1, &news.Story{ID: "s1", Headline: "By version 1 again"}); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Story(ctx, "s1"); err != nil || st.Headline != "By version 2" {
		t.Errorf("s1's headline %q (%v), want version 2's", st.Headline, err)
	}
	if stale, err := s.Stale(ctx, 10, due, due, 2); err != nil || !slices.Equal(staleIDs(stale), []string{"s3", "s2"}) {
		t.Errorf("stale after s1 was analysed again: %+v, %v; want s3, s2", stale, err)
	}
}

func staleIDs(stale []store.Stale) []string {
	var ids []string
	for _, st := range stale {
		ids = append(ids, st.ID)
	}
	return ids
}

func testSinceReplay(t *testing.T, s *store.DB) {
	ctx := context.Background()
	add(t, s, article("a", "s1", "", "One.", ""), article("b", "s1", "", "Two.", ""))
	merge := &store.Edit{Kind: store.Merge, Story: "s1", Other: "s2", Result: "s1", Automatic: true}
	if err := s.Write(ctx, func(tx *store.Tx) error { return tx.RecordEdit(merge) }); err != nil {
		t.Fatal(err)
	}
	add(t, s, article("c", "s1", "", "Three.", ""))
	split := &store.Edit{Kind: store.Split, Story: "s1", Articles: []string{"c", "b"}, Result: "s3"}
	if err := s.Write(ctx, func(tx *store.Tx) error { return tx.RecordEdit(split) }); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(ctx, "a")
	b, _ := s.Article(ctx, "b")
	c, _ := s.Article(ctx, "c")
	if merge.After != b.Seq || split.After != c.Seq || merge.ID == 0 || split.ID <= merge.ID {
		t.Errorf("edits recorded as %+v and %+v, after articles %d and %d", merge, split, b.Seq, c.Seq)
	}
	tests := []struct {
		name string
		from store.Position
		want string
	}{
		{"everything", store.Position{}, "[a b merge c split]"},
		{"after the first article", store.Position{Seq: a.Seq}, "[b merge c split]"},
		{"after the merge", store.Position{Seq: b.Seq, Edit: merge.ID}, "[c split]"},
		{"every article, no edit", store.Position{Seq: c.Seq}, "[merge split]"},
		{"the end", store.Position{Seq: c.Seq, Edit: split.ID}, "[]"},
	}
	for _, tt := range tests {
		var got []string
		err := s.Write(ctx, func(tx *store.Tx) error {
			since, err := tx.Since(tt.from)
			got = names(since)
			return err
		})
		if err != nil || fmt.Sprint(got) != tt.want {
			t.Errorf("since %s: %v, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	var log []store.Entry
	err := s.Replay(ctx, func(e store.Entry) error {
		if e.Article != nil && len(e.Article.Features) != 3 {
			return fmt.Errorf("article %s lost its features", e.Article.ID)
		}
		log = append(log, e)
		return nil
	})
	if got := fmt.Sprint(names(log)); err != nil || got != "[a b merge c split]" {
		t.Errorf("replay: %v, %v", got, err)
	}
	if err == nil && (log[4].Edit.Result != "s3" || fmt.Sprint(log[4].Edit.Articles) != "[c b]" || log[2].Edit.Other != "s2" ||
		!log[2].Edit.Automatic || log[4].Edit.Automatic) {
		t.Errorf("edits read back as %+v and %+v", log[2].Edit, log[4].Edit)
	}
	if by, err := s.Retired(ctx, "s2"); err != nil || by.ID != merge.ID || !by.Automatic {
		t.Errorf("Retired(s2) = %+v, %v; want the automatic merge %d", by, err, merge.ID)
	}
	for _, id := range []string{"s1", "s3"} {
		if by, err := s.Retired(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Retired(%s) = %+v, %v; want ErrNotFound", id, by, err)
		}
	}
	var p store.Position
	for _, e := range log {
		p.Advance(e)
	}
	if p != (store.Position{Seq: c.Seq, Edit: split.ID}) {
		t.Errorf("position after the whole log: %+v", p)
	}
}

// names lists a log's entries: article IDs, and edits by kind.
func names(log []store.Entry) []string {
	out := []string{}
	for _, e := range log {
		if e.Article != nil {
			out = append(out, e.Article.ID)
		} else {
			out = append(out, string(e.Edit.Kind))
		}
	}
	return out
}

func testFeeds(t *testing.T, s *store.DB) {
	ctx := context.Background()
	urls := []string{"https://a.example/feed", "https://b.example/rss"}
	if err := s.AddFeeds(ctx, urls); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFeeds(ctx, urls); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	due, err := s.ClaimDue(ctx, now, time.Minute, 10)
	if err != nil || len(due) != 2 {
		t.Fatalf("due: %+v, %v", due, err)
	}
	if again, _ := s.ClaimDue(ctx, now, time.Minute, 10); len(again) != 0 {
		t.Errorf("claimed twice: %+v", again)
	}
	f := due[0]
	f.ETag, f.Failures, f.LastError, f.NextPoll, f.LastPolled = `"v1"`, 2, "timeout", now.Add(-time.Second), now
	if err := s.SaveFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	due, err = s.ClaimDue(ctx, now, time.Minute, 10)
	if err != nil || len(due) != 1 || due[0].ETag != `"v1"` || due[0].Failures != 2 {
		t.Errorf("saved feed: %+v, %v", due, err)
	}
	// A new list keeps the state of feeds still on it and drops the rest.
	dropped, err := s.SetFeeds(ctx, []string{f.URL, "https://c.example/atom"})
	if err != nil || dropped != 1 {
		t.Fatalf("SetFeeds dropped %d, %v; want 1", dropped, err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 2 {
		t.Fatalf("feeds after SetFeeds: %+v, %v", feeds, err)
	}
	for _, g := range feeds {
		if g.URL == f.URL && g.ETag != `"v1"` {
			t.Errorf("kept feed lost its state: %+v", g)
		}
	}
}

// testItemStamps: what is remembered of a feed's items is found by the URL
// keys of stored articles, or by their own when no article holds the key
// (a page stored under another address), one feed's apart from another's,
// replaced when saved again, and dropped with their feed.
func testItemStamps(t *testing.T, s *store.DB) {
	ctx := context.Background()
	const feed, other = "https://a.example/feed", "https://a.example/world"
	a1, a2 := article("a1", "s1", "", "One.", ""), article("a2", "s1", "", "Two.", "")
	a1.URLKey, a2.URLKey = "a.example/1", "a.example/2"
	add(t, s, a1, a2)
	// Keys enough for more than one query, the stored ones last.
	var many []string
	for i := range 1200 {
		many = append(many, fmt.Sprintf("a.example/0/%d", i)) // sorted before the stored ones
	}
	many = append(many, "a.example/2", "a.example/1")
	steps := []struct {
		name string
		do   func() error
		feed string
		keys []string
		want string
	}{
		{"nothing remembered", nil, feed, []string{"a.example/1", "a.example/2", "a.example/3", "", "a.example/1"},
			"map[a.example/1: a.example/2:]"},
		{"saved, a page stored under another address among them", func() error {
			return s.SaveItemStates(ctx, feed, states("a.example/1", "s1", "a.example/3", "s3"))
		}, feed, []string{"a.example/1", "a.example/2", "a.example/3", "a.example/4"}, "map[a.example/1:s1 a.example/2: a.example/3:s3]"},
		{"another feed's own", func() error {
			return s.SaveItemStates(ctx, other, states("a.example/1", "w1"))
		}, other, []string{"a.example/1", "a.example/2"}, "map[a.example/1:w1 a.example/2:]"},
		{"saved again", func() error {
			return s.SaveItemStates(ctx, feed, states("a.example/1", "s1b", "a.example/2", "s2"))
		}, feed, []string{"a.example/1", "a.example/2"}, "map[a.example/1:s1b a.example/2:s2]"},
		{"first read and revisits kept", func() error {
			read := time.Date(2031, 3, 7, 10, 0, 0, 123000000, time.FixedZone("", 3600))
			return s.SaveItemStates(ctx, feed, map[string]store.ItemState{"a.example/2": {Stamp: "s2", Read: read, Revisits: 2}})
		}, feed, []string{"a.example/1", "a.example/2"}, "map[a.example/1:s1b a.example/2:s2 read 2031-03-07T09:00:00.123Z, 2 revisits]"},
		{"many keys", nil, feed, many, "map[a.example/1:s1b a.example/2:s2 read 2031-03-07T09:00:00.123Z, 2 revisits]"},
		{"none", nil, feed, nil, "map[]"},
		{"feed dropped", func() error {
			if err := s.AddFeeds(ctx, []string{feed, other}); err != nil {
				return err
			}
			_, err := s.SetFeeds(ctx, []string{other})
			return err
		}, feed, []string{"a.example/1", "a.example/2"}, "map[a.example/1: a.example/2:]"},
		{"the other kept", nil, other, []string{"a.example/1"}, "map[a.example/1:w1]"},
	}
	for _, step := range steps {
		if step.do != nil {
			if err := step.do(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
		}
		got, err := s.ItemStates(ctx, step.feed, step.keys)
		shown := make(map[string]string, len(got))
		for key, item := range got {
			shown[key] = item.Stamp
			if !item.Read.IsZero() || item.Revisits > 0 {
				shown[key] += fmt.Sprintf(" read %s, %d revisits", item.Read.UTC().Format(time.RFC3339Nano), item.Revisits)
			}
		}
		if err != nil || fmt.Sprint(shown) != step.want {
			t.Errorf("%s: ItemStates = %v, %v; want %s", step.name, shown, err, step.want)
		}
	}
}

// testPendingItems: the items a poller may still revisit are those of the
// feed with a known first reading and fewer revisits than asked.
func testPendingItems(t *testing.T, s *store.DB) {
	ctx := context.Background()
	const feed = "https://b.example/feed"
	read := time.Date(2031, 3, 7, 10, 0, 0, 0, time.UTC)
	err := s.SaveItemStates(ctx, feed, map[string]store.ItemState{
		"b.example/new": {Stamp: "n", Read: read}, "b.example/once": {Stamp: "o", Read: read, Revisits: 1},
		"b.example/unknown": {Stamp: "u"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveItemStates(ctx, "https://b.example/other", map[string]store.ItemState{"b.example/x": {Stamp: "x", Read: read}}); err != nil {
		t.Fatal(err)
	}
	for revisits, want := range map[int]string{0: "[]", 1: "[b.example/new]", 2: "[b.example/new b.example/once]"} {
		pending, err := s.PendingItems(ctx, feed, revisits)
		if got := fmt.Sprint(slices.Sorted(maps.Keys(pending))); err != nil || got != want {
			t.Errorf("PendingItems(%d) = %s, %v; want %s", revisits, got, err, want)
		}
		if item := pending["b.example/once"]; item.Stamp != "" && (item.Stamp != "o" || !item.Read.Equal(read) || item.Revisits != 1) {
			t.Errorf("PendingItems(%d): %+v", revisits, item)
		}
	}
}

// states are item states of stamps alone, from key and stamp pairs.
func states(keysAndStamps ...string) map[string]store.ItemState {
	m := make(map[string]store.ItemState)
	for i := 0; i+1 < len(keysAndStamps); i += 2 {
		m[keysAndStamps[i]] = store.ItemState{Stamp: keysAndStamps[i+1]}
	}
	return m
}

// testConcurrentWriters writes from several goroutines at once: every
// article arrives, and each story's count is exact.
func testConcurrentWriters(t *testing.T, s *store.DB) {
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				a := article(fmt.Sprintf("w%d-%d", w, i), "shared", "", fmt.Sprintf("Text %d %d.", w, i), "")
				err := s.Write(context.Background(), func(tx *store.Tx) error {
					if err := tx.Insert(a); err != nil {
						return err
					}
					return tx.Touch(a.StoryID, a)
				})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st, err := s.Story(context.Background(), "shared")
	if err != nil || st.Articles != writers*each || st.Revision != writers*each {
		t.Errorf("story after concurrent writes: %+v, %v", st, err)
	}
}

func testRollback(t *testing.T, s *store.DB) {
	ctx := context.Background()
	add(t, s, article("a", "s1", "", "One.", ""))
	err := s.Write(ctx, func(tx *store.Tx) error {
		b := article("b", "s1", "", "Two.", "")
		if err := tx.Insert(b); err != nil {
			return err
		}
		if err := tx.Touch("s1", b); err != nil {
			return err
		}
		return tx.Insert(article("a", "s1", "", "Same ID again.", "")) // violates the unique ID
	})
	if err == nil {
		t.Fatal("a duplicate ID was accepted")
	}
	if _, err := s.Article(ctx, "b"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("part of a failed write stayed: %v", err)
	}
	if st, _ := s.Story(ctx, "s1"); st.Articles != 1 {
		t.Errorf("story counts a failed write: %+v", st)
	}
}
