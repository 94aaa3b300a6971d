package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/store"
)

// railTalks is a third article on the rail strike, written for these
// tests: a later development of the same subject.
func railTalks() *news.Article {
	ts, _ := news.ParseTimestamp("2031-04-18")
	return &news.Article{
		ID: "wire-rail-talks", Source: "wire-rail-talks.txt", Outlet: "Tessel Wire", Published: ts,
		Title: "Rail strike talks resume as union weighs second walkout",
		Text: "Talks between the Rail Workers Union and the state rail operator resumed on Friday, two days after a national strike halted most passenger services.\n\n" +
			"Union leader Jonas Arvid said members would consider a second 48-hour strike if the operator did not improve its offer of a 4 percent pay rise. The union is asking for 9 percent.\n\n" +
			"Transport minister Lena Ostrova said she hoped both sides would reach a deal before the next round of strike action.",
	}
}

// edited ingests the sample corpus into a fresh store and returns the
// service, the store's path and each article's story.
func edited(t *testing.T) (*Service, string, map[string]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openService(t, openDB(t, path))
	res, err := s.Ingest(context.Background(), examples(t))
	if err != nil {
		t.Fatal(err)
	}
	stories := storyOf(res)
	if stories["ledger-rail-1"] != stories["post-rail-1"] || stories["ledger-rail-1"] == stories["courier-flood-1"] {
		t.Fatalf("the sample's stories are not as these tests expect: %v", stories)
	}
	return s, path, stories
}

var railArticles = []string{"ledger-rail-1", "post-rail-1"}

func TestMergeThenSplit(t *testing.T) {
	ctx := context.Background()
	s, _, stories := edited(t)
	flood, rail := stories["courier-flood-1"], stories["ledger-rail-1"]

	merged, err := s.Merge(ctx, rail, flood)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Story != flood || merged.Merged != rail || len(merged.Articles) != 7 {
		t.Fatalf("Merge(rail, flood) = %+v; want the larger flood story to keep its ID, with 7 articles", merged)
	}
	for _, id := range railArticles {
		if a, err := s.db.Article(ctx, id); err != nil || a.StoryID != flood {
			t.Errorf("after the merge %s is in %q (%v), want %s", id, a.StoryID, err, flood)
		}
	}
	if into, err := s.db.MergedInto(ctx, rail); into != flood || err != nil {
		t.Errorf("the rail story's ID resolves to %q, %v; want %s", into, err, flood)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := s.db.Story(ctx, flood)
	if err != nil || st.Report == nil || len(st.Report.Articles) != 7 || st.Analyzed != st.Revision {
		t.Errorf("the merged story was not analysed again with all 7 articles: %+v, %v", st, err)
	}

	split, err := s.Split(ctx, flood, railArticles)
	if err != nil {
		t.Fatal(err)
	}
	// The moved part's first article is the rail story's: its ID comes back.
	if split.Story != flood || split.NewStory != rail || !slices.Equal(split.Articles, railArticles) {
		t.Errorf("Split = %+v; want the rail articles back in %s", split, rail)
	}
	if _, err := s.db.MergedInto(ctx, rail); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the revived rail story still resolves elsewhere: %v", err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	for id, n := range map[string]int{flood: 5, rail: 2} {
		st, err := s.db.Story(ctx, id)
		if err != nil || st.Articles != n || st.Report == nil || len(st.Report.Articles) != n || st.Analyzed != st.Revision {
			t.Errorf("story %s after the split: %+v, %v; want %d articles, analysed", id, st, err, n)
		}
	}
}

// TestSplitOffStoryKeepsItsSubject checks where a new article on the
// subject of articles an editor moved goes: into the story they were
// moved to, not back into the one they left.
func TestSplitOffStoryKeepsItsSubject(t *testing.T) {
	tests := []struct {
		name  string
		move  []string // split out of the merged story; none: no split
		joins string   // the article whose story the new one should join
	}{
		// Without the split, the merged story draws rail news: what the
		// split must undo.
		{"merged only", nil, "courier-flood-1"},
		{"rail split out again", railArticles, "ledger-rail-1"},
		{"one rail article split out", []string{"post-rail-1"}, "post-rail-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, _, stories := edited(t)
			if _, err := s.Merge(ctx, stories["ledger-rail-1"], stories["courier-flood-1"]); err != nil {
				t.Fatal(err)
			}
			if tt.move != nil {
				if _, err := s.Split(ctx, stories["courier-flood-1"], tt.move); err != nil {
					t.Fatal(err)
				}
			}
			res, err := s.Ingest(ctx, []*news.Article{railTalks()})
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.db.Article(ctx, tt.joins)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Articles[0].Story; got != want.StoryID {
				t.Errorf("the new rail article joined %s, want %s, the story of %s", got, want.StoryID, tt.joins)
			}
		})
	}
}

// stories lists the engine's stories with their articles.
func (s *Service) stories() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprint(s.engine.Stories())
}

// restart closes s and its store at path and opens them again, checking
// that the engine rebuilt from the log holds the stories s held.
func restart(t *testing.T, s *Service, path string) *Service {
	t.Helper()
	want := s.stories()
	s.Close()
	s.db.Close()
	reopened := openService(t, openDB(t, path))
	if got := reopened.stories(); got != want {
		t.Errorf("after a restart the engine holds\n%s\nwant\n%s", got, want)
	}
	return reopened
}

// TestEditsSurviveRestart closes the store after edits and opens it again:
// the engine rebuilt from the log holds the same stories as the one that
// made the edits, and places the next article as it would.
func TestEditsSurviveRestart(t *testing.T) {
	ctx := context.Background()
	live, path, stories := edited(t)
	flood, rail, chess := stories["courier-flood-1"], stories["ledger-rail-1"], stories["eastgate-post-chess"]
	for _, pair := range [][2]string{{chess, flood}, {rail, flood}} {
		if _, err := live.Merge(ctx, pair[0], pair[1]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := live.Split(ctx, flood, railArticles); err != nil {
		t.Fatal(err)
	}
	reopened := restart(t, live, path)
	if root, ok := reopened.engine.Resolve(chess); !ok || root != flood {
		t.Errorf("after a restart the merged chess story resolves to %q, %v; want %s", root, ok, flood)
	}
	res, err := reopened.Ingest(ctx, []*news.Article{railTalks()})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Articles[0].Story; got != rail {
		t.Errorf("after a restart the new rail article joined %s, want the split-off %s", got, rail)
	}
	agrees(t, reopened)
}

// TestTwoProcessesEdit has two services on one store, as two processes:
// each applies the other's edits before its own writes.
func TestTwoProcessesEdit(t *testing.T) {
	ctx := context.Background()
	a, path, stories := edited(t)
	b := openService(t, openDB(t, path))
	flood, rail := stories["courier-flood-1"], stories["ledger-rail-1"]
	if _, err := a.Merge(ctx, rail, flood); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Merge(ctx, flood, rail); !errors.Is(err, ErrMerged) {
		t.Errorf("the second process merged again what the first merged: %v", err)
	}
	split, err := b.Split(ctx, flood, railArticles)
	if err != nil || split.NewStory != rail {
		t.Fatalf("the second process split the first's merge: %+v, %v", split, err)
	}
	res, err := a.Ingest(ctx, []*news.Article{railTalks()})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Articles[0].Story; got != rail {
		t.Errorf("the first process put the new rail article in %s, want %s, which the second split off", got, rail)
	}
	if _, err := b.Merge(ctx, rail, stories["eastgate-post-chess"]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Merge(ctx, flood, rail); err != nil {
		t.Fatal(err)
	}
	// The second process catches up when it next writes, even an article
	// it finds stored already.
	if res, err := b.Ingest(ctx, []*news.Article{railTalks()}); err != nil || !res.Articles[0].Duplicate {
		t.Fatalf("sent again: %+v, %v", res, err)
	}
	if ga, gb := a.stories(), b.stories(); ga != gb {
		t.Errorf("the two processes hold different stories:\n%s\n%s", ga, gb)
	}
}

func TestEditRefusals(t *testing.T) {
	ctx := context.Background()
	s, _, stories := edited(t)
	flood, rail, chess := stories["courier-flood-1"], stories["ledger-rail-1"], stories["eastgate-post-chess"]
	if _, err := s.Merge(ctx, chess, flood); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func() error
		kind error
		says string
	}{
		{"merge with itself", func() error { _, err := s.Merge(ctx, rail, rail); return err }, ErrEdit, "itself"},
		{"merge an unknown story", func() error { _, err := s.Merge(ctx, rail, "nope"); return err }, store.ErrNotFound, "story nope"},
		{"merge what is one already", func() error { _, err := s.Merge(ctx, chess, flood); return err }, ErrMerged, chess},
		{"split an unknown story", func() error { _, err := s.Split(ctx, "nope", railArticles); return err }, store.ErrNotFound, "story nope"},
		{"split nothing", func() error { _, err := s.Split(ctx, rail, nil); return err }, ErrEdit, "name the articles"},
		{"split an article twice", func() error { _, err := s.Split(ctx, flood, []string{"northwind-wire", "northwind-wire"}); return err }, ErrEdit, "northwind-wire is named twice"},
		{"split another story's article", func() error { _, err := s.Split(ctx, rail, []string{"courier-flood-1"}); return err }, ErrEdit, "courier-flood-1 is in story " + flood},
		{"split an unknown article", func() error { _, err := s.Split(ctx, rail, []string{"nope"}); return err }, ErrEdit, "no article nope"},
		{"split every article", func() error { _, err := s.Split(ctx, rail, railArticles); return err }, ErrEdit, "all 2"},
	}
	before := s.stories()
	for _, tt := range tests {
		err := tt.edit()
		if !errors.Is(err, tt.kind) || !strings.Contains(fmt.Sprint(err), tt.says) {
			t.Errorf("%s: %v; want %v saying %q", tt.name, err, tt.kind, tt.says)
		}
	}
	if s.broken {
		t.Error("a refused edit left the engine to be rebuilt")
	}
	if after := s.stories(); after != before {
		t.Errorf("refused edits changed the stories:\n%s\nwant\n%s", after, before)
	}
	var edits int
	if err := s.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM edits`).Scan(&edits); err != nil || edits != 1 {
		t.Errorf("%d edits in the log after refusals (%v), want the one merge", edits, err)
	}
}

// agrees checks that the engine and the store hold the same stories: each
// stored article is in the story the engine has it in, and every story
// the engine holds is stored with its count.
func agrees(t *testing.T, s *Service) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT id, story_id FROM articles ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	for rows.Next() {
		var id, story string
		if err := rows.Scan(&id, &story); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.engine.StoryOf(id); got != story {
			t.Errorf("article %s is in story %s in the engine, %s in the store", id, got, story)
		}
	}
	for _, st := range s.engine.Stories() {
		stored, err := s.db.Story(ctx, st.ID)
		if err != nil || stored.Articles != len(st.Members) {
			t.Errorf("story %s of %d articles is stored as %+v, %v", st.ID, len(st.Members), stored, err)
		}
	}
	if c, err := s.db.Counts(ctx); err != nil || int(c.Stories) != len(s.engine.Stories()) {
		t.Errorf("%d stories stored (%v), %d in the engine", c.Stories, err, len(s.engine.Stories()))
	}
}

// TestConcurrentEditsAgree has one process ingest while another merges
// and splits, on one store: a process that then rebuilds from the log
// agrees with the store on every article, as do both writers, and a third
// process that catches up on all of it at once.
func TestConcurrentEditsAgree(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	writer, editor := openService(t, openDB(t, path)), openService(t, openDB(t, path))
	// The observer writes nothing until the end: then it catches up on
	// both processes' work at once, articles and edits interleaved.
	observer := openService(t, openDB(t, path))
	var rounds atomic.Int64
	stop, stopped := loop(t, &rounds, func(round int) error { return editSomething(ctx, editor, round) })
	for _, a := range append(examples(t), railTalks()) {
		if _, err := writer.Ingest(ctx, []*news.Article{a}); err != nil {
			t.Fatal(err)
		}
		// Let the editor act between this article and the next, at least
		// once; it may act while the next is stored too.
		for r := rounds.Load(); rounds.Load() < r+2; {
			select {
			case <-stopped: // the editor failed: waiting for it would hang
				t.FailNow()
			case <-time.After(time.Millisecond):
			}
		}
	}
	stop()
	var made int
	if err := editor.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM edits`).Scan(&made); err != nil || made < 4 {
		t.Fatalf("%d edits made (%v): too few to show anything", made, err)
	}
	t.Logf("%d edits made in %d rounds alongside the ingest", made, rounds.Load())
	for _, s := range []*Service{writer, editor, observer} {
		if _, err := s.Ingest(ctx, []*news.Article{railTalks()}); err != nil { // catches up
			t.Fatal(err)
		}
		agrees(t, s)
	}
	agrees(t, openService(t, openDB(t, path)))
}

// editSomething merges the two smallest stories, or on odd rounds splits
// the largest story's latest article out; refusals are expected, as the
// other process may have changed the stories meanwhile.
func editSomething(ctx context.Context, s *Service, round int) error {
	list, _, err := s.db.Stories(ctx, store.Query{Sort: store.Covered, Limit: 100})
	if err != nil || len(list) == 0 {
		return err
	}
	if round%2 == 0 && len(list) >= 2 {
		_, err = s.Merge(ctx, list[len(list)-1].ID, list[len(list)-2].ID)
	} else if rows, rerr := s.db.StoryArticles(ctx, list[0].ID); rerr != nil {
		return rerr
	} else if len(rows) > 1 {
		_, err = s.Split(ctx, list[0].ID, []string{rows[len(rows)-1].ID})
	}
	if errors.Is(err, ErrEdit) || errors.Is(err, ErrMerged) || errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}

// TestSplitOfFirstArticle moves a story's first article: the story keeps
// its ID with that article, and the articles not named form the new one.
func TestSplitOfFirstArticle(t *testing.T) {
	ctx := context.Background()
	s, _, stories := edited(t)
	rail := stories["ledger-rail-1"]
	split, err := s.Split(ctx, rail, []string{"ledger-rail-1"})
	if err != nil {
		t.Fatal(err)
	}
	if split.Story != rail || split.NewStory == rail || !slices.Equal(split.Articles, []string{"post-rail-1"}) {
		t.Errorf("Split of the first article = %+v; want post-rail-1 in a new story, %s kept", split, rail)
	}
	agrees(t, s)
}

// TestSplitOfMergedStory splits a story out of which a merge made the
// larger, later one hold an older article: the article the story is named
// after keeps its ID, whichever part the editor names, and the store
// agrees with the engine.
func TestSplitOfMergedStory(t *testing.T) {
	for _, move := range [][]string{{"ledger-rail-1"}, {"eastgate-post-chess", "post-rail-1"}} {
		ctx := context.Background()
		s, _, stories := edited(t)
		rail, chess := stories["ledger-rail-1"], stories["eastgate-post-chess"]
		if m, err := s.Merge(ctx, chess, rail); err != nil || m.Story != rail || m.Articles[0] != "eastgate-post-chess" {
			t.Fatalf("Merge(chess, rail) = %+v, %v; want rail kept, the older chess article first", m, err)
		}
		split, err := s.Split(ctx, rail, move)
		if err != nil {
			t.Fatal(err)
		}
		if split.Story != rail || split.NewStory != chess || !slices.Equal(split.Articles, []string{"eastgate-post-chess", "post-rail-1"}) {
			t.Errorf("Split(%v) = %+v; want ledger-rail-1 kept in %s, the rest back in %s", move, split, rail, chess)
		}
		agrees(t, s)
	}
}

// TestSplitMovesRepeats checks that an article moves with its versions
// and the copies of it, and that a split the repeats would make total is
// refused.
func TestSplitMovesRepeats(t *testing.T) {
	tests := []struct {
		name  string
		move  []string
		moved []string // the new story's articles; none: refused
	}{
		// The sample stores northwind-wire as a copy of harbor-daily-wire-copy,
		// which arrived first, and courier-flood-2 as a version of
		// courier-flood-1, the article the story is named after.
		{"an original takes its copy", []string{"harbor-daily-wire-copy"}, []string{"harbor-daily-wire-copy", "northwind-wire"}},
		{"a copy named alone moves alone", []string{"northwind-wire"}, []string{"northwind-wire"}},
		{"the namesake keeps its update", []string{"courier-flood-1"}, []string{"eastgate-post-flood", "harbor-daily-wire-copy", "northwind-wire"}},
		{"an update named alone moves alone", []string{"courier-flood-2"}, []string{"courier-flood-2"}},
		{"repeats would take every article", []string{"courier-flood-1", "eastgate-post-flood", "harbor-daily-wire-copy"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, _, stories := edited(t)
			flood := stories["courier-flood-1"]
			split, err := s.Split(ctx, flood, tt.move)
			if tt.moved == nil {
				if !errors.Is(err, ErrEdit) || !strings.Contains(fmt.Sprint(err), "versions and copies") {
					t.Fatalf("Split = %+v, %v; want it refused for its versions and copies", split, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Naming the article the story is named after keeps it where it
			// is: the rest is what moves.
			got := slices.Sorted(slices.Values(split.Articles))
			if !slices.Equal(got, tt.moved) {
				t.Errorf("the new story holds %v, want %v", got, tt.moved)
			}
			agrees(t, s)
		})
	}
}

// TestNearestWhileWriting asks for a story's nearest stories while the
// same process ingests and edits: Nearest walks and compacts the
// clusterer's posting lists and shares its scratch space, so it must hold
// the engine as a write does (go test -race tells).
func TestNearestWhileWriting(t *testing.T) {
	ctx := context.Background()
	s := openService(t, openDB(t, filepath.Join(t.TempDir(), "c.db")))
	all := append(examples(t), railTalks())
	first, err := s.Ingest(ctx, all[:1])
	if err != nil {
		t.Fatal(err)
	}
	story := first.Articles[0].Story
	var asked atomic.Int64
	stop, _ := loop(t, &asked, func(int) error {
		_, _, err := s.Nearest(ctx, story, 5)
		return err
	})
	for i, a := range all[1:] {
		if _, err := s.Ingest(ctx, []*news.Article{a}); err != nil {
			t.Fatal(err)
		}
		if err := editSomething(ctx, s, i); err != nil {
			t.Fatal(err)
		}
	}
	stop()
	if asked.Load() == 0 {
		t.Error("Nearest never ran beside the writes")
	}
}

// loop calls fn over and over on a goroutine, counting its rounds in
// rounds, until fn fails (reported) or stop is called; stop waits for it,
// and stopped closes when it ends.
func loop(t *testing.T, rounds *atomic.Int64, fn func(round int) error) (stop func(), stopped <-chan struct{}) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-quit:
				return
			default:
			}
			if err := fn(int(rounds.Load())); err != nil {
				t.Error(err)
				return
			}
			rounds.Add(1)
		}
	}()
	return func() { close(quit); <-done }, done
}
