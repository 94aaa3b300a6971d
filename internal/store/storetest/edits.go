package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/corroborate/corroborate/internal/store"
)

// write runs fn in one write transaction and fails the test on an error.
func write(t *testing.T, s *store.DB, fn func(*store.Tx) error) {
	t.Helper()
	if err := s.Write(context.Background(), fn); err != nil {
		t.Fatal(err)
	}
}

// twoStories stores a flood story of two outlets and a rail story of one.
func twoStories(t *testing.T, s *store.DB) {
	add(t, s,
		article("f1", "flood", "Courier", "The dam failed.", "2031-04-14"),
		article("f2", "flood", "Northwind", "The valley flooded.", "2031-04-15"),
		article("r1", "rail", "Ledger", "Rail workers struck.", "2031-04-16"),
		article("r2", "rail", "Ledger", "The strike went on.", "2031-04-18"),
	)
}

// storyIs checks a story's counts, dates and outlets.
func storyIs(t *testing.T, s *store.DB, id string, articles int, first, last string, outlets ...string) store.Story {
	t.Helper()
	st, err := s.Story(context.Background(), id)
	if err != nil {
		t.Fatalf("story %s: %v", id, err)
	}
	if st.Articles != articles || st.FirstPublished != first || st.LastPublished != last || !slices.Equal(st.Outlets, outlets) {
		t.Errorf("story %s: %d articles, %s to %s, outlets %v; want %d, %s to %s, %v",
			id, st.Articles, st.FirstPublished, st.LastPublished, st.Outlets, articles, first, last, outlets)
	}
	if st.Analyzed >= st.Revision {
		t.Errorf("story %s is not marked for analysis after an edit: %+v", id, st)
	}
	return st
}

// placement checks where an article is now and where it was placed.
func placement(t *testing.T, s *store.DB, id, story, placed string) {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil || a.StoryID != story || a.Placed != placed {
		t.Errorf("article %s in %q, placed in %q (%v); want %q, placed in %q", id, a.StoryID, a.Placed, err, story, placed)
	}
}

func testMergeStories(t *testing.T, s *store.DB) {
	ctx := context.Background()
	twoStories(t, s)
	write(t, s, func(tx *store.Tx) error { return tx.MergeStories("rail", "flood") })
	storyIs(t, s, "flood", 4, "2031-04-14", "2031-04-18", "Courier", "Ledger", "Northwind")
	placement(t, s, "r1", "flood", "rail")
	placement(t, s, "f1", "flood", "flood")
	if _, err := s.Story(ctx, "rail"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the retired story is still there: %v", err)
	}
	if into, err := s.MergedInto(ctx, "rail"); into != "flood" || err != nil {
		t.Errorf("MergedInto(rail) = %q, %v; want flood", into, err)
	}
	if _, err := s.MergedInto(ctx, "flood"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MergedInto of a live story: %v, want ErrNotFound", err)
	}
	list, _, err := s.Stories(ctx, store.Query{Outlet: "Ledger"})
	if err != nil || len(list) != 1 || list[0].ID != "flood" {
		t.Errorf("stories Ledger covers after the merge: %+v, %v", list, err)
	}
	hits, err := s.Search(ctx, "strike", 10)
	if err != nil || len(hits) != 1 || hits[0].StoryID != "flood" {
		t.Errorf("search finds the merged article in %+v, %v", hits, err)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Stories != 1 || c.Articles != 4 {
		t.Errorf("counts after the merge: %+v, %v", c, err)
	}
}

func testSplitStory(t *testing.T, s *store.DB) {
	ctx := context.Background()
	twoStories(t, s)
	write(t, s, func(tx *store.Tx) error { return tx.MergeStories("rail", "flood") })
	// Splitting the rail articles out again revives the retired ID.
	write(t, s, func(tx *store.Tx) error { return tx.SplitStory("flood", "rail", []string{"r1", "r2"}) })
	storyIs(t, s, "flood", 2, "2031-04-14", "2031-04-15", "Courier", "Northwind")
	rail := storyIs(t, s, "rail", 2, "2031-04-16", "2031-04-18", "Ledger")
	if rail.Headline != "Title of r1" || rail.Report != nil {
		t.Errorf("the new story is headed %q with report %v, want its first article's title", rail.Headline, rail.Report)
	}
	if _, err := s.MergedInto(ctx, "rail"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the revived story still resolves elsewhere: %v", err)
	}
	placement(t, s, "r2", "rail", "rail")
	write(t, s, func(tx *store.Tx) error { return tx.SplitStory("flood", "flood-2", []string{"f2"}) })
	storyIs(t, s, "flood-2", 1, "2031-04-15", "2031-04-15", "Northwind")
	placement(t, s, "f2", "flood-2", "flood")

	err := s.Write(ctx, func(tx *store.Tx) error { return tx.SplitStory("flood", "other", []string{"f1", "r1"}) })
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a split of an article not in the story: %v, want ErrNotFound", err)
	}
	placement(t, s, "f1", "flood", "flood") // and nothing of the failed split stayed
	err = s.Write(ctx, func(tx *store.Tx) error { return tx.SplitStory("flood", "rail", []string{"f1"}) })
	if err == nil {
		t.Error("a split into a live story was accepted")
	}
	placement(t, s, "f1", "flood", "flood")
	if _, err := s.Story(ctx, "other"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a failed split left story other: %v", err)
	}
}

func testAliasChain(t *testing.T, s *store.DB) {
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		id := fmt.Sprintf("s%d", i)
		add(t, s, article("a"+id, id, "", "Text "+id+".", ""))
	}
	write(t, s, func(tx *store.Tx) error { return tx.MergeStories("s1", "s2") })
	write(t, s, func(tx *store.Tx) error { return tx.MergeStories("s2", "s3") })
	for _, id := range []string{"s1", "s2"} {
		if into, err := s.MergedInto(ctx, id); into != "s3" || err != nil {
			t.Errorf("MergedInto(%s) = %q, %v; want s3", id, into, err)
		}
	}
	storyIs(t, s, "s3", 3, "", "")
}

func testFeaturesAndRevision(t *testing.T, s *store.DB) {
	ctx := context.Background()
	twoStories(t, s)
	got, err := s.Features(ctx, []string{"r2", "nope", "f1"})
	if err != nil || len(got) != 2 || got[0].ID != "f1" || got[1].ID != "r2" || len(got[0].Features) != 3 || got[0].Text != "" {
		t.Errorf("features: %+v, %v; want f1 and r2 in log order, without text", got, err)
	}
	if rev, err := s.Revision(ctx, "rail"); rev != 2 || err != nil {
		t.Errorf("revision of rail: %d, %v; want 2", rev, err)
	}
	if _, err := s.Revision(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revision of an unknown story: %v, want ErrNotFound", err)
	}
}

func testOutdatedFeatures(t *testing.T, s *store.DB) {
	ctx := context.Background()
	old1 := article("o1", "s1", "Courier", "The dam failed on Sunday.", "2031-04-14")
	current := article("c1", "s1", "Post", "The dam burst on Sunday.", "2031-04-14")
	current.FeaturesVersion = 2
	old2 := article("o2", "s2", "Courier", "The bridge reopened.", "2031-04-15")
	old2.FeaturesVersion = 1
	add(t, s, old1, current, old2)

	if n, err := s.CountOutdatedFeatures(ctx, 2); n != 2 || err != nil {
		t.Errorf("count outdated: %d, %v; want 2", n, err)
	}
	first, err := s.OutdatedFeatures(ctx, 2, 0, 1)
	if err != nil || len(first) != 1 || first[0].ID != "o1" || first[0].Text != old1.Text || first[0].FeaturesVersion != 0 {
		t.Fatalf("first page: %+v, %v; want o1 with its text", first, err)
	}
	rest, err := s.OutdatedFeatures(ctx, 2, first[0].Seq, 10)
	if err != nil || len(rest) != 1 || rest[0].ID != "o2" {
		t.Fatalf("next page: %+v, %v; want o2", rest, err)
	}
	write(t, s, func(tx *store.Tx) error {
		if err := tx.SetFeatures(first[0].Seq, []byte{9}, 2); err != nil {
			return err
		}
		// An older process's re-preparation must not undo a newer one.
		return tx.SetFeatures(current.Seq, []byte{7}, 1)
	})
	got, err := s.Features(ctx, []string{"o1", "c1"})
	if err != nil || len(got) != 2 {
		t.Fatalf("features: %+v, %v", got, err)
	}
	if string(got[0].Features) != "\x09" || got[0].FeaturesVersion != 2 {
		t.Errorf("o1 after SetFeatures: %v version %d; want [9] version 2", got[0].Features, got[0].FeaturesVersion)
	}
	if string(got[1].Features) != "\x01\x02\x03" || got[1].FeaturesVersion != 2 {
		t.Errorf("c1 after an older SetFeatures: %v version %d; want it unchanged", got[1].Features, got[1].FeaturesVersion)
	}
	if n, err := s.CountOutdatedFeatures(ctx, 2); n != 1 || err != nil {
		t.Errorf("count outdated after one was set: %d, %v; want 1", n, err)
	}
}
