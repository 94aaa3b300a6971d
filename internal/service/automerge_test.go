package service

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/postgres"
	"github.com/corroborate/corroborate/internal/postgres/pgtest"
	"github.com/corroborate/corroborate/internal/store"
)

// bridged returns the first three articles of testdata/bridged.jsonl,
// written for these tests, undated: two short ones on a harbour closure
// seen from two sides, far apart in their words, and a third that tells
// both sides. The first two start stories of their own; the third joins
// the first, whose story then holds the second's words too, and the
// engine merges the second's story into it.
func bridged(t *testing.T) []*news.Article {
	return bridgedFile(t)[:3]
}

// bridgedAgain is the fourth, which tells both sides again: it joins one
// of the two stories and would merge them again.
func bridgedAgain(t *testing.T) *news.Article {
	return bridgedFile(t)[3]
}

func bridgedFile(t *testing.T) []*news.Article {
	t.Helper()
	var out []*news.Article
	ingest.Paths(context.Background(), []string{filepath.Join("testdata", "bridged.jsonl")}, nil, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
		if e != nil {
			t.Fatalf("%+v", e)
		}
		out = append(out, a)
	})
	if len(out) != 4 {
		t.Fatalf("testdata/bridged.jsonl holds %d articles, want 4", len(out))
	}
	return out
}

// merged ingests bridged into a fresh store in batches of n and returns
// the service, the store's path and each article's story.
func merged(t *testing.T, n int) (*Service, string, map[string]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openService(t, openDB(t, path))
	stories := map[string]string{}
	all := bridged(t)
	for i := 0; i < len(all); i += n {
		res, err := s.Ingest(context.Background(), all[i:min(i+n, len(all))])
		if err != nil {
			t.Fatal(err)
		}
		for id, story := range storyOf(res) {
			stories[id] = story
		}
	}
	return s, path, stories
}

// edits returns the store's log of edits.
func edits(t *testing.T, db *store.DB) []store.Edit {
	t.Helper()
	var out []store.Edit
	err := db.Replay(context.Background(), func(e store.Entry) error {
		if e.Edit != nil {
			out = append(out, *e.Edit)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAutomaticMerge checks a merge the engine makes during an ingest: it
// is in the store's log as an automatic merge right after the article that
// set it off, the merged ID resolves to the story that kept its own, and a
// restart rebuilds the same stories from the log.
func TestAutomaticMerge(t *testing.T) {
	tests := []struct {
		name  string
		batch int
	}{
		{"an article at a time", 1},
		{"one batch", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, path, stories := merged(t, tt.batch)
			// The bridge story holds two articles when the merge is found,
			// the ferry story one: the larger keeps its ID.
			bridge := storyID(t, s, "bridge-cracks")
			// The batch that held the merge answers with the story it left
			// its articles in.
			for id, story := range stories {
				if story != bridge && (tt.batch == len(bridged(t)) || id == "bridge-ferries") {
					t.Errorf("Ingest answered %s for %s, want the story the batch left it in, %s", story, id, bridge)
				}
			}
			log := edits(t, s.db)
			if len(log) != 1 {
				t.Fatalf("%d edits in the log, want one merge: %+v", len(log), log)
			}
			m, cause := log[0], storedArticle(t, s, "bridge-ferries")
			if m.Kind != store.Merge || !m.Automatic || m.Story != bridge || m.Result != bridge || m.Other == bridge || m.After != cause.Seq {
				t.Errorf("the log holds %+v; want an automatic merge into %s after article %d", m, bridge, cause.Seq)
			}
			if into, err := s.db.MergedInto(ctx, m.Other); into != bridge || err != nil {
				t.Errorf("the merged story %s resolves to %q, %v; want %s", m.Other, into, err, bridge)
			}
			if placed := storedArticle(t, s, "ferry-queues"); placed.StoryID != bridge || placed.Placed != m.Other {
				t.Errorf("ferry-queues is in %s, placed in %s; want %s, placed in %s", placed.StoryID, placed.Placed, bridge, m.Other)
			}
			agrees(t, s)
			reopened := restart(t, s, path)
			if root, ok := reopened.engine.Resolve(m.Other); !ok || root != bridge {
				t.Errorf("after a restart %s resolves to %q, %v; want %s", m.Other, root, ok, bridge)
			}
			agrees(t, reopened)
			if n := len(edits(t, reopened.db)); n != 1 {
				t.Errorf("%d edits after the restart, want the one", n)
			}
		})
	}
}

// TestReplayDerivesNoMerge reopens a store a service wrote without merging
// (as before services merged): the engine rebuilt from the log holds the
// stories the store does, and the next article may merge them, as a
// logged edit.
func TestReplayDerivesNoMerge(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	opts := pipeline.DefaultOptions()
	opts.Cluster.MergeThreshold = 0
	old, err := Open(ctx, openDB(t, path), Options{Pipeline: opts, Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Ingest(ctx, bridged(t)); err != nil {
		t.Fatal(err)
	}
	want := old.stories()
	if n := len(old.engine.Stories()); n != 2 {
		t.Fatalf("without merges the articles make %d stories, want 2: %s", n, want)
	}
	old.Close()
	s := openService(t, openDB(t, path))
	if got := s.stories(); got != want {
		t.Errorf("the log replayed into\n%s\nwant the stories as stored\n%s", got, want)
	}
	agrees(t, s)
	if _, err := s.Ingest(ctx, []*news.Article{bridgedAgain(t)}); err != nil {
		t.Fatal(err)
	}
	if log := edits(t, s.db); len(log) != 1 || !log[0].Automatic {
		t.Errorf("the next article left %+v in the log, want the automatic merge it set off", log)
	}
	agrees(t, s)
	agrees(t, openService(t, openDB(t, path)))
}

// TestTwoProcessesMerge has two services on one store, SQLite or
// PostgreSQL: the merge one makes during its ingest reaches the other
// before that one's next write, and both hold the same stories as a third
// that replays the whole log.
func TestTwoProcessesMerge(t *testing.T) {
	tests := []struct {
		name  string
		store func(t *testing.T) (open func() *store.DB)
	}{
		{"sqlite", func(t *testing.T) func() *store.DB {
			path := filepath.Join(t.TempDir(), "c.db")
			return func() *store.DB { return openDB(t, path) }
		}},
		{"postgres", func(t *testing.T) func() *store.DB {
			dsn := pgtest.DSN(t)
			return func() *store.DB {
				db, err := postgres.Open(context.Background(), dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				return db
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			open := tt.store(t)
			a, b := openService(t, open()), openService(t, open())
			all := bridged(t)
			for i, s := range []*Service{a, b, a} {
				if _, err := s.Ingest(ctx, all[i:i+1]); err != nil {
					t.Fatal(err)
				}
			}
			if log := edits(t, b.db); len(log) != 1 || !log[0].Automatic {
				t.Fatalf("the log holds %+v, want the automatic merge the first process made", log)
			}
			if _, err := b.Ingest(ctx, []*news.Article{bridgedAgain(t)}); err != nil {
				t.Fatal(err)
			}
			third := openService(t, open())
			for _, s := range []*Service{a, b, third} {
				if _, err := s.Ingest(ctx, all[:1]); err != nil { // catches up
					t.Fatal(err)
				}
				agrees(t, s)
			}
			if ga, gb, gc := a.stories(), b.stories(), third.stories(); ga != gb || gb != gc {
				t.Errorf("the processes hold different stories:\n%s\n%s\n%s", ga, gb, gc)
			}
		})
	}
}

// TestSplitNotMergedBack: an article an editor split out of a story made
// by an automatic merge stays out, however alike the two stories grow, in
// this process and after a restart.
func TestSplitNotMergedBack(t *testing.T) {
	tests := []struct {
		name    string
		restart bool
	}{
		{"same process", false},
		{"after a restart", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, path, _ := merged(t, 1)
			bridge := storyID(t, s, "bridge-cracks")
			split, err := s.Split(ctx, bridge, []string{"ferry-queues"})
			if err != nil {
				t.Fatal(err)
			}
			if tt.restart {
				s = restart(t, s, path)
			}
			if _, err := s.Ingest(ctx, []*news.Article{bridgedAgain(t)}); err != nil {
				t.Fatal(err)
			}
			if got := storyID(t, s, "ferry-queues"); got != split.NewStory {
				t.Errorf("ferry-queues went back into %s, want it still in %s, where the editor split it", got, split.NewStory)
			}
			if got := storyID(t, s, "bridge-cracks"); got != bridge {
				t.Errorf("bridge-cracks is in %s, want %s", got, bridge)
			}
			agrees(t, s)
		})
	}
}

// storedArticle reads an article as stored.
func storedArticle(t *testing.T, s *Service, id string) store.Article {
	t.Helper()
	a, err := s.db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// storyID is the story the store holds an article in.
func storyID(t *testing.T, s *Service, article string) string {
	t.Helper()
	return storedArticle(t, s, article).StoryID
}

// TestFailedIngestUndoesMerge: an ingest whose transaction fails after the
// engine merged two stories leaves neither the merge nor its articles, in
// the store or the engine; the same articles sent again merge once, as one
// logged edit.
func TestFailedIngestUndoesMerge(t *testing.T) {
	ctx := context.Background()
	s := openService(t, openDB(t, filepath.Join(t.TempDir(), "c.db")))
	// The store refuses the article after the three that merge.
	if _, err := s.db.SQL().ExecContext(ctx, `CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.id = 'refused'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	refused := &news.Article{ID: "refused", Outlet: "Elsewhere", Title: "A school fete",
		Text: "The village school held its summer fete on Saturday, with a cake stall, a tombola and a tug of war between the parents and the teachers."}
	if _, err := s.Ingest(ctx, append(bridged(t), refused)); err == nil {
		t.Fatal("the ingest succeeded through a store that refused one of its articles")
	}
	if log := edits(t, s.db); len(log) != 0 {
		t.Errorf("the failed ingest left edits in the log: %+v", log)
	}
	if _, err := s.db.SQL().ExecContext(ctx, `DROP TRIGGER refuse`); err != nil {
		t.Fatal(err)
	}
	res, err := s.Ingest(ctx, bridged(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range res.Articles {
		if st.Duplicate {
			t.Errorf("%s counted as held already after the failed ingest", st.ID)
		}
	}
	if log := edits(t, s.db); len(log) != 1 || !log[0].Automatic {
		t.Errorf("the log holds %+v, want one automatic merge", log)
	}
	agrees(t, s)
}
