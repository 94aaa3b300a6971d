package postgres

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/postgres/pgtest"
	"github.com/corroborate/corroborate/internal/service"

	"github.com/corroborate/corroborate/internal/store"
	"github.com/corroborate/corroborate/internal/store/storetest"
)

// fresh gives each test its own schema, so tests never see each other's rows.
func fresh(t *testing.T) *store.DB {
	db, _ := freshDSN(t)
	return db
}

// freshDSN is fresh, with the address that reaches the same schema.
func freshDSN(t *testing.T) (*store.DB, string) {
	dsn := pgtest.DSN(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dsn
}

func TestStore(t *testing.T) {
	storetest.Run(t, fresh)
}

func TestRebind(t *testing.T) {
	if got := rebind("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Errorf("rebind = %q", got)
	}
}

// twoMachines opens one fresh store twice, as two machines would, and
// reads the sample corpus.
func twoMachines(t *testing.T) (first, second *store.DB, articles []*news.Article) {
	ctx := context.Background()
	first, dsn := freshDSN(t)
	second, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	ingest.Paths(ctx, []string{filepath.Join("..", "..", "examples", "fictional")}, nil, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
		if a != nil {
			articles = append(articles, a)
		}
	})
	return first, second, articles
}

// TestTwoWriters has two services, as two machines would, ingest into one
// PostgreSQL store at the same time: they take turns under the advisory
// lock, each replaying the other's articles before clustering its own.
func TestTwoWriters(t *testing.T) {
	ctx := context.Background()
	first, second, articles := twoMachines(t)
	var wg sync.WaitGroup
	results := make([]service.Result, 2)
	for i, db := range []*store.DB{first, second} {
		svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions()})
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Close()
		wg.Go(func() {
			// Both send every article, in opposite orders, one at a time.
			for k := range articles {
				a := articles[k]
				if i == 1 {
					a = articles[len(articles)-1-k]
				}
				c := *a
				res, err := svc.Ingest(ctx, []*news.Article{&c})
				if err != nil {
					t.Error(err)
					return
				}
				results[i].Articles = append(results[i].Articles, res.Articles...)
			}
		})
	}
	wg.Wait()
	counts, err := first.Counts(ctx)
	if err != nil || counts.Articles != int64(len(articles)) {
		t.Fatalf("%d articles stored by two writers, want %d: %v", counts.Articles, len(articles), err)
	}
	story := map[string]string{}
	for _, r := range results {
		for _, st := range r.Articles {
			if prev, ok := story[st.ID]; ok && prev != st.Story {
				t.Errorf("%s is in story %s for one writer and %s for the other", st.ID, prev, st.Story)
			}
			story[st.ID] = st.Story
		}
	}
	list, _, err := first.Stories(ctx, store.Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, st := range list {
		sum += st.Articles
	}
	if sum != len(articles) {
		t.Errorf("stories count %d articles, want %d", sum, len(articles))
	}
}

// manualServices opens a service without background analysis on each
// store, closed when the test ends.
func manualServices(t *testing.T, dbs ...*store.DB) []*service.Service {
	t.Helper()
	var svcs []*service.Service
	for _, db := range dbs {
		svc, err := service.Open(context.Background(), db, service.Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { svc.Close() })
		svcs = append(svcs, svc)
	}
	return svcs
}

// TestTwoEditors has two services on one PostgreSQL store edit the same
// stories in turn: each applies the other's merge or split before its own.
func TestTwoEditors(t *testing.T) {
	ctx := context.Background()
	first, second, articles := twoMachines(t)
	svcs := manualServices(t, first, second)
	if _, err := svcs[0].Ingest(ctx, articles); err != nil {
		t.Fatal(err)
	}
	storyOf := func(id string) string {
		a, err := first.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.StoryID
	}
	flood, rail := storyOf("courier-flood-1"), storyOf("ledger-rail-1")
	if _, err := svcs[0].Merge(ctx, rail, flood); err != nil {
		t.Fatal(err)
	}
	split, err := svcs[1].Split(ctx, flood, []string{"ledger-rail-1", "post-rail-1"})
	if err != nil || split.NewStory != rail {
		t.Fatalf("the second service split the first's merge: %+v, %v", split, err)
	}
	merged, err := svcs[0].Merge(ctx, flood, rail)
	if err != nil || merged.Story != flood || len(merged.Articles) != 7 {
		t.Fatalf("the first service merged the second's split-off story: %+v, %v", merged, err)
	}
	if got := storyOf("post-rail-1"); got != flood {
		t.Errorf("post-rail-1 is in %s, want %s", got, flood)
	}
	if into, err := second.MergedInto(ctx, rail); into != flood || err != nil {
		t.Errorf("%s resolves to %q, %v; want %s", rail, into, err, flood)
	}
	var edits int
	if err := first.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM edits`).Scan(&edits); err != nil || edits != 3 {
		t.Errorf("%d edits in the log (%v), want 3", edits, err)
	}
}

// TestTwoWritersUpdateOnePage has two services, as two machines would,
// store updates of one page at the same time: each update takes an ID of
// its own and a version's place, the page's key stays with its first row
// (url_key is unique, NULL on the rest), and only the newest is latest.
func TestTwoWritersUpdateOnePage(t *testing.T) {
	ctx := context.Background()
	first, second, _ := twoMachines(t)
	const url = "https://courier.example/2031/harbor-bridge"
	page := func(extra string) *news.Article {
		return &news.Article{ID: "harbor", URL: url, Outlet: "Courier", Title: "Harbor bridge closed",
			Text: "The harbor bridge closed on Monday after inspectors found cracks in two of its piers. " +
				"The city said repairs would take at least three weeks. Ferries will run every half hour." + extra}
	}
	svcs := manualServices(t, first, second)
	if _, err := svcs[0].Ingest(ctx, []*news.Article{page("")}); err != nil {
		t.Fatal(err)
	}
	const each = 4
	var wg sync.WaitGroup
	for i, svc := range svcs {
		wg.Go(func() {
			for k := range each {
				extra := fmt.Sprintf("\n\nUpdate %d from writer %d: crews worked through the night on pier %d.", k+1, i+1, k+1)
				if _, err := svc.Ingest(ctx, []*news.Article{page(extra)}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	rows, err := first.SQL().QueryContext(ctx, `SELECT id, url_key IS NOT NULL, COALESCE(version_of, ''), latest, story_id FROM articles ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	keys, latest, stories := 0, "", map[string]bool{}
	for rows.Next() {
		var id, of, story string
		var keyed bool
		var isLatest int
		if err := rows.Scan(&id, &keyed, &of, &isLatest, &story); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		stories[story] = true
		if keyed {
			keys++
			if id != "harbor" {
				t.Errorf("%s holds the page's key, want harbor", id)
			}
		}
		if isLatest != 0 {
			latest += id + " "
		}
		if id != "harbor" && of != "harbor" {
			t.Errorf("%s is a version of %q, want harbor", id, of)
		}
	}
	if len(ids) != 1+2*each || keys != 1 || len(stories) != 1 {
		t.Errorf("stored %v, %d holding the key, in %d stories; want %d articles, one key, one story", ids, keys, len(stories), 1+2*each)
	}
	if want := ids[len(ids)-1] + " "; latest != want {
		t.Errorf("marked latest: %q, want the newest alone, %q", latest, want)
	}
}

// TestHugeArticle: an article whose text is too long for a tsvector is
// stored with the rest of its batch, and found by its lead; one whose URL
// is too long for an index is refused alone.
func TestHugeArticle(t *testing.T) {
	ctx := context.Background()
	db := fresh(t)
	svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	// 1.5 MB of distinct made-up words: a tsvector of over 2 MB.
	var b strings.Builder
	b.WriteString("Harbourmaster Quillon closed the estuary on Monday. ")
	for i := range 200_000 {
		fmt.Fprintf(&b, "w%x", i*7919)
		if i%12 == 11 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	// A URL too long for an index entry, of characters that do not
	// compress: refused alone.
	var url strings.Builder
	url.WriteString("https://estuary.example/")
	for i := range 1000 {
		fmt.Fprintf(&url, "%x", i*2654435761%65521)
	}
	articles := []*news.Article{
		{ID: "huge", Outlet: "Estuary Post", Text: b.String()},
		{ID: "long-url", URL: url.String(), Outlet: "Estuary Post", Text: "Ferry services resumed on Saturday after the gale, the operator said."},
		{ID: "small", Outlet: "Estuary Post", Text: "Lifeboat crews rescued six sailors off the northern cape on Tuesday night."},
	}
	res, err := svc.Ingest(ctx, articles)
	if err != nil || len(res.Articles) != 2 || len(res.Errors) != 1 {
		t.Fatalf("ingest: %+v, %v; want the huge and the small stored, the long URL refused", res, err)
	}
	hits, err := db.Search(ctx, "Quillon", 10)
	if err != nil || len(hits) != 1 || hits[0].ArticleID != "huge" {
		t.Errorf("search for the huge article's lead: %+v, %v", hits, err)
	}
}

// TestNamesPostgresCannotHold: names and addresses with a NUL byte or
// bytes that are not UTF-8, which PostgreSQL's text refuses, are stored
// without them, each with the rest of its batch, whichever reader let
// them through (a JSON Feed's author, a caller of the service).
func TestNamesPostgresCannotHold(t *testing.T) {
	ctx := context.Background()
	db := fresh(t)
	svc := manualServices(t, db)[0]
	articles := []*news.Article{
		{ID: "author", Outlet: "Estuary Post", Author: "Ann\x00 Lee", Text: "Lifeboat crews rescued six sailors off the northern cape on Tuesday night."},
		{ID: "id\x00", Outlet: "Estuary Post", Text: "Ferry services resumed on Saturday after the gale, the operator said."},
		{ID: "outlet", Outlet: "Estuary\xff Post", Story: "s\x001", Text: "The harbour reopened to fishing boats on Sunday morning, the council said."},
	}
	res, err := svc.Ingest(ctx, articles)
	if err != nil || len(res.Articles) != 3 || len(res.Errors) != 0 {
		t.Fatalf("ingest: %+v, %v; want all three stored", res, err)
	}
	for id, want := range map[string]string{"author": "Ann Lee", "id": "", "outlet": ""} {
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Errorf("article %q: %v", id, err)
		} else if a.Author != want {
			t.Errorf("article %q: author %q, want %q", id, a.Author, want)
		}
	}
}
