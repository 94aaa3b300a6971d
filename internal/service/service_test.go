package service

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/store"
)

func examples(t *testing.T) []*news.Article {
	t.Helper()
	var out []*news.Article
	ingest.Paths(context.Background(), []string{filepath.Join("..", "..", "examples", "fictional")}, nil, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
		if e != nil {
			t.Fatalf("%+v", e)
		}
		out = append(out, a)
	})
	return out
}

func openDB(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openService(t *testing.T, db *store.DB) *Service {
	t.Helper()
	return openServiceAt(t, db, nil)
}

// openServiceAt opens a service that receives articles by clock now (the
// wall clock when nil).
func openServiceAt(t *testing.T, db *store.DB, now func() time.Time) *Service {
	t.Helper()
	s, err := Open(context.Background(), db, Options{Pipeline: pipeline.DefaultOptions(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func storyOf(res Result) map[string]string {
	out := map[string]string{}
	for _, st := range res.Articles {
		out[st.ID] = st.Story
	}
	return out
}

func TestIngest(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	s := openService(t, db)
	res, err := s.Ingest(ctx, examples(t))
	if err != nil {
		t.Fatal(err)
	}
	stories := storyOf(res)
	if len(stories) != 8 {
		t.Fatalf("%d articles stored, want 8: %+v", len(stories), res)
	}
	if stories["courier-flood-1"] != stories["courier-flood-2"] || stories["courier-flood-1"] != stories["northwind-wire"] || stories["courier-flood-1"] == stories["eastgate-post-chess"] {
		t.Errorf("stories: %v", stories)
	}
	v, err := db.Article(ctx, "courier-flood-2")
	if err != nil || v.VersionOf == nil || *v.VersionOf != "courier-flood-1" || !v.Latest || v.Changes == nil || len(v.Changes.Added) == 0 {
		t.Errorf("the update is not a latest version with changes: %+v, %v", v, err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := db.Story(ctx, stories["courier-flood-1"])
	if err != nil || st.Report == nil || st.Report.Headline == "" || len(st.Report.Summary) == 0 || st.Analyzed != 5 {
		t.Errorf("analysed flood story: %+v, %v", st, err)
	}

	again, err := s.Ingest(ctx, examples(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range again.Articles {
		if !a.Duplicate || a.Story != stories[a.ID] {
			t.Errorf("sent again, %+v changed something", a)
		}
	}
	c, _ := db.Counts(ctx)
	if c.Articles != 8 {
		t.Errorf("%d articles after sending everything twice, want 8", c.Articles)
	}
	if d, err := db.Article(ctx, "northwind-wire"); err != nil || d.DuplicateOf == nil {
		t.Errorf("the wire copy under another outlet is not kept as a copy: %+v, %v", d, err)
	}
}

// TestIngestRefusesOverlongKeys: an article whose ID, URL or outlet is
// too long for the store's indexes is refused by name, and the rest of
// its batch stored.
func TestIngestRefusesOverlongKeys(t *testing.T) {
	ctx := context.Background()
	s := openService(t, openDB(t, filepath.Join(t.TempDir(), "c.db")))
	long := strings.Repeat("x", MaxKey+1)
	text := "Lifeboat crews rescued six sailors off the northern cape on Tuesday night, the coastguard said."
	articles := []*news.Article{
		{ID: long, Source: "body:1", Outlet: "Cape Post", Text: text},
		{ID: "u", Source: "body:2", URL: "https://cape.example/" + long, Outlet: "Cape Post", Text: text},
		{ID: "o", Source: "body:3", Outlet: long, Text: text},
		{ID: "fits", Source: "body:4", URL: "https://cape.example/" + strings.Repeat("x", MaxKey-30), Outlet: "Cape Post", Text: text},
	}
	res, err := s.Ingest(ctx, articles)
	if err != nil {
		t.Fatal(err)
	}
	want := []news.ItemError{
		{Source: "body:1", Error: fmt.Sprintf("id over %d bytes", MaxKey)},
		{Source: "body:2", Error: fmt.Sprintf("url over %d bytes", MaxKey)},
		{Source: "body:3", Error: fmt.Sprintf("outlet over %d bytes", MaxKey)},
	}
	if !reflect.DeepEqual(res.Errors, want) || len(res.Articles) != 1 || res.Articles[0].ID != "fits" {
		t.Errorf("stored %+v, errors %+v; want fits stored, errors %+v", res.Articles, res.Errors, want)
	}
}

// TestIngestCancelled: a batch whose context ends before it is stored is
// an error, even when every article was cut off while being prepared and
// so is among the errors, not stored: a poller that took no error for all
// read would never read those items again.
func TestIngestCancelled(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	s := openService(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := s.Ingest(ctx, examples(t))
	if !errors.Is(err, context.Canceled) || len(res.Articles) != 0 {
		t.Fatalf("Ingest after its context ended: %+v, %v; want nothing stored and context.Canceled", res, err)
	}
	if c, _ := db.Counts(context.Background()); c.Articles != 0 {
		t.Errorf("%d articles stored", c.Articles)
	}
}

// TestOlderAnalysesRedone: the stories an older version of the analysis
// analysed are analysed again, though no article has joined them since.
func TestOlderAnalysesRedone(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	s, err := Open(ctx, db, Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Ingest(ctx, examples(t)); err != nil {
		t.Fatal(err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `UPDATE stories SET analyzed_version = 0, headline = 'By an older version'`); err != nil {
		t.Fatal(err)
	}
	// A command waiting for the stories it changed does not wait for these.
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	stories, _, err := db.Stories(ctx, store.Query{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v, %v", stories, err)
	}
	for _, st := range stories {
		if st.Headline != "By an older version" {
			t.Errorf("Settle analysed story %s again", st.ID)
		}
	}
	// The background worker does, once nothing newer waits.
	due := time.Now().Add(time.Second)
	for {
		n, err := s.analyzeDue(ctx, due, due, pipeline.AnalysisVersion)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	for _, listed := range stories {
		st, err := db.Story(ctx, listed.ID)
		if err != nil || st.Headline == "By an older version" || st.Report == nil || st.Report.Headline != st.Headline {
			t.Errorf("story %s keeps the older version's analysis: %+v, %v", listed.ID, st, err)
		}
	}
}

// TestTwoProcesses writes through two services on one store, as two
// processes would: each sees the other's articles before linking and
// clustering its own.
func TestTwoProcesses(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	a := openService(t, openDB(t, path))
	b := openService(t, openDB(t, path))
	byID := map[string]*news.Article{}
	for _, x := range examples(t) {
		byID[x.ID] = x
	}
	first, err := a.Ingest(ctx, []*news.Article{byID["courier-flood-1"]})
	if err != nil {
		t.Fatal(err)
	}
	second, err := b.Ingest(ctx, []*news.Article{byID["courier-flood-2"]})
	if err != nil {
		t.Fatal(err)
	}
	if second.Articles[0].Story != first.Articles[0].Story {
		t.Errorf("the update joined %s, want %s", second.Articles[0].Story, first.Articles[0].Story)
	}
	v, err := b.db.Article(ctx, "courier-flood-2")
	if err != nil || v.VersionOf == nil || *v.VersionOf != "courier-flood-1" {
		t.Errorf("the other process's article was not seen as the original: %+v, %v", v.VersionOf, err)
	}
	if again, err := a.Ingest(ctx, []*news.Article{byID["courier-flood-2"]}); err != nil || !again.Articles[0].Duplicate {
		t.Errorf("the first process stored the second's article again: %+v, %v", again, err)
	}
}

// TestReopen replays the log into a fresh engine: the next article lands
// where it would have with the engine that wrote the log.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	all := examples(t)
	live := openService(t, openDB(t, path))
	if _, err := live.Ingest(ctx, all[:len(all)-1]); err != nil {
		t.Fatal(err)
	}
	live.Close()
	landsAsInOneRun(t, openService(t, openDB(t, path)), all, "a restart")
}

// landsAsInOneRun checks that the last of all, sent to s, joins the story
// it joins when all are sent to a fresh store in one run.
func landsAsInOneRun(t *testing.T, s *Service, all []*news.Article, after string) {
	t.Helper()
	ctx := context.Background()
	last := all[len(all)-1]
	got, err := s.Ingest(ctx, []*news.Article{last})
	if err != nil {
		t.Fatal(err)
	}
	fresh := openService(t, openDB(t, filepath.Join(t.TempDir(), "fresh.db")))
	want, err := fresh.Ingest(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := got.Articles[0].Story, storyOf(want)[last.ID]; g != w {
		t.Errorf("after %s %s joined %s, in one run %s", after, last.ID, g, w)
	}
}

// TestUpgradePreparesAgain: articles whose features an older version of
// the analysis made are prepared again when a service opens the store, so
// that the next article lands where it would have with today's features
// throughout.
func TestUpgradePreparesAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	all := examples(t)
	db := openDB(t, path)
	live := openService(t, db)
	if _, err := live.Ingest(ctx, all[:len(all)-1]); err != nil {
		t.Fatal(err)
	}
	live.Close()
	// Else every start would prepare them again.
	if n, err := db.CountOutdatedFeatures(ctx, pipeline.FeaturesVersion); n != 0 || err != nil {
		t.Fatalf("%d articles stored with features of another version (%v)", n, err)
	}
	// What an older version might have made: one term, the same for all.
	old := features{terms: map[uint64]float64{12345: 1}, shingles: 1}.encode()
	if _, err := db.SQL().ExecContext(ctx, `UPDATE articles SET features = ?, features_version = 0`, old); err != nil {
		t.Fatal(err)
	}
	upgraded := openService(t, db)
	if n, err := db.CountOutdatedFeatures(ctx, pipeline.FeaturesVersion); n != 0 || err != nil {
		t.Fatalf("%d articles still have outdated features (%v)", n, err)
	}
	landsAsInOneRun(t, upgraded, all, "an upgrade")
}

func TestFeatures(t *testing.T) {
	f := features{terms: map[uint64]float64{1: 2.5, 1 << 60: 0.25}, shingles: 42, title: []uint64{3, 1 << 62}}
	for i := range f.sketch {
		f.sketch[i] = uint16(i * 7)
	}
	got, err := decodeFeatures(f.encode())
	if err != nil || !reflect.DeepEqual(got, f) {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	// What FeaturesVersion 2 stored, with no title, still reads until the
	// upgrade prepares it again.
	untitled := f
	untitled.title = nil
	older := untitled.encode()
	older = older[:len(older)-1]
	if got, err := decodeFeatures(older); err != nil || !reflect.DeepEqual(got, untitled) {
		t.Errorf("features without a title: %+v, %v", got, err)
	}
	full := f.encode()
	// Counts so large that the bytes they need wrap around to what is there.
	wrapTerms := binary.AppendUvarint(binary.AppendUvarint(nil, 1), 1<<62)
	wrapTerms = append(wrapTerms, make([]byte, 2*dedupe.Bins)...)
	wrapTitle := binary.AppendUvarint(slices.Clone(older), 1<<61)
	for _, bad := range [][]byte{nil, {1}, full[:100], full[:len(full)-1], append(full, 0), wrapTerms, wrapTitle} {
		if _, err := decodeFeatures(bad); err == nil {
			t.Errorf("damaged features %v accepted", bad)
		}
	}
}

// TestStoredRepeats checks that a split, which weighs a story's stored
// articles again, knows its versions and copies from the store, and that a
// replayed article keeps its title's terms, which merges read.
func TestStoredRepeats(t *testing.T) {
	of := "original"
	tests := []struct {
		name          string
		article       store.Article
		want          bool
		wantVersionOf string
	}{
		{"an original", store.Article{}, false, ""},
		{"a version", store.Article{Article: news.Article{VersionOf: &of}}, true, of},
		{"a copy", store.Article{Article: news.Article{DuplicateOf: &of}}, true, ""},
	}
	for _, tt := range tests {
		title := []uint64{7, 9}
		got := stored(&tt.article, features{title: title}, "s1")
		if got.Repeats != tt.want || got.VersionOf != tt.wantVersionOf || !slices.Equal(got.Title, title) {
			t.Errorf("%s: Repeats %v, VersionOf %q, Title %v; want %v, %q, %v", tt.name, got.Repeats, got.VersionOf, got.Title, tt.want, tt.wantVersionOf, title)
		}
	}
}

// storedUnderOldKey stores an article at a URL with a query, under the
// key an older release computed for it (without the query), as a store
// written by that release holds it.
func storedUnderOldKey(t *testing.T) (*store.DB, *Service, *news.Article) {
	t.Helper()
	ctx := context.Background()
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	s := openService(t, db)
	a := examples(t)[0]
	a.URL = "https://www.example.com/article.php?id=123&utm_source=feed"
	if _, err := s.Ingest(ctx, []*news.Article{a}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, `UPDATE articles SET url_key = 'example.com/article.php'`); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.HasURL(ctx, dedupe.URLKey(a.URL)); err != nil || ok {
		t.Fatalf("HasURL before the page came again = %v, %v; want false", ok, err)
	}
	return db, s, a
}

// TestOldURLKeyRenewed checks that a row stored under an older form of
// the URL key (one that dropped the query) gets today's key when its page
// comes again, the same text or an update under its ID, so the poller's
// HasURL recognises it from then on.
func TestOldURLKeyRenewed(t *testing.T) {
	ctx := context.Background()
	for _, again := range []string{"the same text", "an update"} {
		db, s, a := storedUnderOldKey(t)
		key := dedupe.URLKey(a.URL)
		page := *a
		if again == "an update" {
			page.Text += "\n\nThe council will meet again on Thursday to hear the inspectors' report."
		}
		res, err := s.Ingest(ctx, []*news.Article{&page})
		if err != nil || len(res.Articles) != 1 || res.Articles[0].Duplicate != (again == "the same text") {
			t.Fatalf("%s: %+v, %v", again, res, err)
		}
		// The first row at the page holds its key, as it would have.
		if first, err := db.Article(ctx, a.ID); err != nil || first.URLKey != key {
			t.Errorf("%s: the first row's key is %q (%v), want %q", again, first.URLKey, err, key)
		}
		if ok, err := db.HasURL(ctx, key); err != nil || !ok {
			t.Errorf("%s: HasURL(%q) after the page came again = %v, %v; want true", again, key, ok, err)
		}
	}
}

// TestOldURLKeyTaken: when an update came to a page while its first row
// still had an older form of the URL key, the update took today's key;
// the first text sent again is a duplicate, not a clash over the key.
func TestOldURLKeyTaken(t *testing.T) {
	ctx := context.Background()
	db, s, a := storedUnderOldKey(t)
	update := *a
	update.ID, update.Text = "update", a.Text+"\n\nThe council will meet again on Thursday to hear the inspectors' report."
	for _, sent := range []*news.Article{&update, a} {
		c := *sent
		res, err := s.Ingest(ctx, []*news.Article{&c})
		if err != nil || len(res.Articles) != 1 || res.Articles[0].Duplicate != (sent == a) {
			t.Fatalf("%s sent: %+v, %v", sent.ID, res, err)
		}
	}
	if ok, err := db.HasURL(ctx, dedupe.URLKey(a.URL)); err != nil || !ok {
		t.Errorf("HasURL = %v, %v; want true", ok, err)
	}
}

// TestUpdateAtItsURL: an outlet's new text at a URL, or under an ID, the
// store holds is kept as that article's next version, with what changed;
// the same texts sent again change nothing; another article that reuses
// an ID is stored as its own. A rewrite that shares no wording with the
// article is linked by its URL alone, and a process that opens the store
// later links the next one as this one did.
func TestUpdateAtItsURL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	db := openDB(t, path)
	s := openService(t, db)
	first := "The harbor bridge closed on Monday after inspectors found cracks in two of its piers. " +
		"The city said repairs would take at least three weeks. Ferries will run every half hour."
	update := first + "\n\nOn Tuesday the mayor said a temporary footbridge would open by Friday, and that the repairs would cost about $4 million."
	rewrite := "Engineers reopened one lane to buses on Thursday evening. Drivers of private cars must still take the northern ring road " +
		"until the end of the month, officials at the transport department told reporters."
	rewriteAgain := "A structural survey published late on Friday blamed decades of salt corrosion and deferred maintenance. " +
		"The council has asked the national government for emergency funds to rebuild both damaged supports."
	article := func(id, url, outlet, text string) *news.Article {
		return &news.Article{ID: id, Source: id + ".txt", URL: url, Outlet: outlet, Title: "Harbor bridge closed", Text: text}
	}
	const url = "https://courier.example/2031/harbor-bridge"
	type sent struct {
		name    string
		a       *news.Article
		id      string
		dup     bool
		version string // the article it is a version of, "" for none
	}
	var orig Status
	send := func(tt sent) {
		t.Helper()
		res, err := s.Ingest(ctx, []*news.Article{tt.a})
		if err != nil || len(res.Articles) != 1 {
			t.Fatalf("%s: %+v, %v", tt.name, res, err)
		}
		got := res.Articles[0]
		if got.ID != tt.id || got.Duplicate != tt.dup {
			t.Errorf("%s: stored as %+v, want ID %s, duplicate %v", tt.name, got, tt.id, tt.dup)
			return
		}
		stored, err := db.Article(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.version == "" && stored.VersionOf != nil:
			t.Errorf("%s: a version of %s, want none", tt.name, *stored.VersionOf)
		case tt.version != "" && (stored.VersionOf == nil || *stored.VersionOf != tt.version || got.Story != orig.Story):
			t.Errorf("%s: version of %v in story %s, want of %s in %s", tt.name, stored.VersionOf, got.Story, tt.version, orig.Story)
		}
	}
	res, err := s.Ingest(ctx, []*news.Article{article("harbor", url, "Courier", first)})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("the first text: %+v, %v", res, err)
	}
	orig = res.Articles[0]
	for _, tt := range []sent{
		{"the update at its URL, under its ID", article("harbor", url, "Courier", update), "harbor~2", false, "harbor"},
		{"the update sent again", article("harbor", url, "Courier", update), "harbor~2", true, "harbor"},
		{"the first text sent again", article("harbor", url, "Courier", first), "harbor", true, ""},
		{"the update under another name of the outlet", article("harbor", url, "courier.example", update), "harbor~2", true, "harbor"},
		{"an update under another ID at the URL", article("courier-991", url, "Courier", update+" Traffic was diverted."), "courier-991", false, "harbor"},
		{"another article reusing the ID", article("harbor", "https://post.example/chess", "Post",
			"The Eastgate chess club won the regional title on Saturday for the first time in its history."), "harbor~3", false, ""},
		// Its URL names the first article, its ID the one just stored.
		{"an update at the first URL under the later ID", article("harbor~3", url, "Courier", update+" Buses replaced the ferries."),
			"harbor~3~2", false, "harbor"},
		{"a rewrite at the URL", article("harbor", url, "Courier", rewrite), "harbor~4", false, "harbor"},
	} {
		send(tt)
	}
	v, err := db.Article(ctx, "harbor~2")
	if err != nil || v.Changes == nil || len(v.Changes.Added) == 0 || v.Changes.Against != "harbor" {
		t.Errorf("the update's changes: %+v, %v; want sentences added against harbor", v.Changes, err)
	}
	var latest []string
	rows, err := db.SQL().QueryContext(ctx, `SELECT id FROM articles WHERE latest = 1 AND (id = 'harbor' OR version_of = 'harbor')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		latest = append(latest, id)
	}
	if rows.Close(); !slices.Equal(latest, []string{"harbor~4"}) {
		t.Errorf("marked latest: %v, want only the newest update, harbor~4", latest)
	}
	if newest, err := db.Article(ctx, "harbor~4"); err != nil || newest.Changes == nil || newest.Changes.Against != "harbor~3~2" {
		t.Errorf("the newest update's changes: %+v, %v; want against the one before, harbor~3~2", newest.Changes, err)
	}
	// A process opening the store later rebuilds its engine from the log:
	// the page's next text is a version of the same article.
	s.Close()
	s = openService(t, openDB(t, path))
	send(sent{"a rewrite after a restart", article("harbor", url, "Courier", rewriteAgain), "harbor~5", false, "harbor"})
}

// TestUpdateOfACopy: an outlet that ran a wire's story and then updated
// it at its own URL stored a version of its copy: its changes are against
// its copy, and the wire's newest version stays marked latest.
func TestUpdateOfACopy(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	s := openService(t, db)
	story := "The harbor bridge closed on Monday after inspectors found cracks in two of its piers. " +
		"The city said repairs would take at least three weeks. Ferries will run every half hour."
	for _, a := range []*news.Article{
		{ID: "wire", URL: "https://wire.example/harbor", Outlet: "Wire", Text: story},
		{ID: "courier", URL: "https://courier.example/harbor", Outlet: "Courier", Text: story},
		{ID: "wire", URL: "https://wire.example/harbor", Outlet: "Wire", Text: story + "\n\nThe mayor promised a footbridge by Friday."},
		{ID: "courier", URL: "https://courier.example/harbor", Outlet: "Courier", Text: story + "\n\nLocal shops reported fewer customers."},
	} {
		if _, err := s.Ingest(ctx, []*news.Article{a}); err != nil {
			t.Fatal(err)
		}
	}
	update, err := db.Article(ctx, "courier~2")
	if err != nil {
		t.Fatal(err)
	}
	of := ""
	if update.VersionOf != nil {
		of = *update.VersionOf
	}
	if of != "courier" || update.Changes == nil || update.Changes.Against != "courier" {
		t.Errorf("the Courier's update: version of %q, changes %+v; want of courier, against courier", of, update.Changes)
	}
	if wire, err := db.Article(ctx, "wire~2"); err != nil || !wire.Latest {
		t.Errorf("the wire's update is no longer marked latest (%v)", err)
	}
}

// TestForgetsOldCopies: the service's dedupe index keeps a month of text
// signatures on the clock of the articles' dates, so the same text a month
// after the latest news is an original, and within it a copy. An engine
// rebuilt from the store after a restart, or one that learns of the first
// articles from another process, keeps the same clock.
func TestForgetsOldCopies(t *testing.T) {
	const text = `The harbour authority closed the northern pier on Monday after divers found cracks in three of its concrete piles.
Ferries that used the pier will dock at the southern terminal until repairs are finished, which engineers expect to take six weeks.
The authority said no one had been hurt and that the cracks were found during a routine inspection ordered last spring.
Fishing crews who moor at the pier were told to move their boats by Wednesday evening.
A spokeswoman said the cost of the repairs had not yet been estimated but would be covered by the maintenance budget.`
	const unrelated = `The city orchestra announced a season of free concerts in the park, starting with a programme of film music in June.
Tickets are not needed, but the orchestra asks those who come to bring their own chairs and to leave the lawns clean.
The conductor said the concerts were meant to bring new listeners to classical music after two quiet years.
Local food stalls will be open from an hour before each concert until the last encore.`
	day := func(d int) news.Timestamp {
		return news.Timestamp{Time: time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, d)}
	}
	// Received after every date here, so that none counts as ahead of its
	// arrival.
	now := func() time.Time { return day(100).Time }
	tests := []struct {
		name     string
		later    int // days after the first report that other news and the copy come
		wantCopy bool
	}{
		{"within the month", 20, true},
		{"after it", 40, false},
	}
	// How the copy's process came to know the first two articles.
	ways := []string{"it added them", "after a restart", "another process added them"}
	for _, tt := range tests {
		for _, way := range ways {
			t.Run(tt.name+", "+way, func(t *testing.T) {
				ctx := context.Background()
				path := filepath.Join(t.TempDir(), "c.db")
				s := openServiceAt(t, openDB(t, path), now)
				copier := s
				if way == "another process added them" {
					copier = openServiceAt(t, openDB(t, path), now)
				}
				articles := []*news.Article{
					{ID: "first", Outlet: "Harbour Gazette", Title: "Northern pier closed", Text: text, Published: day(0)},
					{ID: "other", Outlet: "Evening Post", Title: "Free concerts in the park", Text: unrelated, Published: day(tt.later)},
				}
				for _, a := range articles {
					if _, err := s.Ingest(ctx, []*news.Article{a}); err != nil {
						t.Fatal(err)
					}
				}
				if way == "after a restart" {
					s.Close()
					copier = openServiceAt(t, openDB(t, path), now)
				}
				again := &news.Article{ID: "again", Outlet: "Coast Courier", Title: "Northern pier closed", Text: text, Published: day(tt.later)}
				if _, err := copier.Ingest(ctx, []*news.Article{again}); err != nil {
					t.Fatal(err)
				}
				got, err := copier.db.Article(ctx, "again")
				if err != nil {
					t.Fatal(err)
				}
				if isCopy := got.DuplicateOf != nil; isCopy != tt.wantCopy {
					t.Errorf("the same text %d days on: a copy %v, want %v", tt.later, isCopy, tt.wantCopy)
				}
			})
		}
	}
}

// TestDateAheadOfArrival: an article dated years ahead of its arrival
// counts as published when it arrived, so it neither closes the stories
// open now nor makes the dedupe index forget today's texts, live or after
// a restart. Its own date is kept as the outlet gave it.
func TestDateAheadOfArrival(t *testing.T) {
	const pier = `The harbour authority closed the northern pier on Monday after divers found cracks in three of its concrete piles.
Ferries that used the pier will dock at the southern terminal until repairs are finished, which engineers expect to take six weeks.
The authority said no one had been hurt and that the cracks were found during a routine inspection ordered last spring.
Fishing crews who moor at the pier were told to move their boats by Wednesday evening.`
	const followUp = `Engineers began repairs on the cracked concrete piles of the northern pier, which the harbour authority closed after divers found the damage.
Ferries will keep docking at the southern terminal while the pier is closed, the authority said.`
	const concerts = `The city orchestra announced a season of free concerts in the park, starting with a programme of film music in June.
Tickets are not needed, but the orchestra asks those who come to bring their own chairs and to leave the lawns clean.`
	arrival := time.Date(2030, 3, 1, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return arrival }
	at := func(d time.Duration) news.Timestamp { return news.Timestamp{Time: arrival.Add(d)} }
	for _, restart := range []bool{false, true} {
		t.Run(fmt.Sprint("restart ", restart), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "c.db")
			s := openServiceAt(t, openDB(t, path), now)
			ingest := func(a *news.Article) Status {
				t.Helper()
				res, err := s.Ingest(ctx, []*news.Article{a})
				if err != nil || len(res.Articles) != 1 {
					t.Fatalf("ingest %s: %+v, %v", a.ID, res, err)
				}
				return res.Articles[0]
			}
			first := ingest(&news.Article{ID: "first", Outlet: "Harbour Gazette", Title: "Northern pier closed", Text: pier, Published: at(-3 * time.Hour)})
			ingest(&news.Article{ID: "ahead", Outlet: "Evening Post", Title: "Free concerts in the park", Text: concerts, Published: at(5 * 365 * 24 * time.Hour)})
			if restart {
				s.Close()
				s = openServiceAt(t, openDB(t, path), now)
			}
			copied := ingest(&news.Article{ID: "copy", Outlet: "Coast Courier", Title: "Northern pier closed", Text: pier, Published: at(-time.Hour)})
			follow := ingest(&news.Article{ID: "follow", Outlet: "Bay Herald", Title: "Repairs begin on cracked northern pier", Text: followUp, Published: at(-time.Hour)})
			if got, err := s.db.Article(ctx, "copy"); err != nil || got.DuplicateOf == nil {
				t.Errorf("the same text an hour later is not a copy: %+v, %v", got.DuplicateOf, err)
			}
			if copied.Story != first.Story || follow.Story != first.Story {
				t.Errorf("the copy joined %s and the follow-up %s, want the first report's %s", copied.Story, follow.Story, first.Story)
			}
			if got, err := s.db.Article(ctx, "ahead"); err != nil || got.Published.Time.Year() != 2035 {
				t.Errorf("the article dated ahead lost its own date: %v, %v", got.Published, err)
			}
		})
	}
}

// TestRebuildCutShort: a rebuild that stops partway (its request cancelled)
// leaves the engine to be rebuilt again, and the next call does so, rather
// than answering from half the log.
func TestRebuildCutShort(t *testing.T) {
	ctx := context.Background()
	s := openService(t, openDB(t, filepath.Join(t.TempDir(), "c.db")))
	res, err := s.Ingest(ctx, examples(t))
	if err != nil {
		t.Fatal(err)
	}
	rail := storyOf(res)["ledger-rail-1"]
	want, _, err := s.Nearest(ctx, rail, 5)
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	s.broken = true
	s.mu.Unlock()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.Nearest(cancelled, rail, 5); err == nil {
		t.Fatal("a rebuild with its request cancelled succeeded")
	}
	if !s.broken {
		t.Error("a rebuild cut short left the engine taken for whole")
	}
	got, _, err := s.Nearest(ctx, rail, 5)
	if err != nil || got != want || s.broken {
		t.Errorf("after the rebuild: story %q, %v, broken %v; want %q", got, err, s.broken, want)
	}
}

// FuzzDecodeFeatures: stored features, however damaged, decode or are
// refused, never panic; what decodes with a title section, as every
// version since 3 writes, encodes to what decodes the same again.
func FuzzDecodeFeatures(f *testing.F) {
	full := features{terms: map[uint64]float64{1: 2.5}, shingles: 3, title: []uint64{7}}.encode()
	f.Add(full)
	f.Add(full[:len(full)-9])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := decodeFeatures(b)
		if err != nil || got.title == nil {
			return
		}
		// Printed, since a weight may be NaN; fmt sorts the terms.
		if again, err := decodeFeatures(got.encode()); err != nil || fmt.Sprint(again) != fmt.Sprint(got) {
			t.Errorf("%v decodes to %+v, which encodes to what decodes as %+v, %v", b, got, again, err)
		}
	})
}
