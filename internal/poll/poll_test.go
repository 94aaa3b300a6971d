package poll

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/store"
)

// newsSite is a test server with a feed of teaser items whose pages it
// also serves; it counts what it is asked for.
type newsSite struct {
	mu       sync.Mutex
	items    []string          // slugs, newest last
	updated  map[string]string // an item's atom:updated, by slug
	extra    map[string]string // a paragraph a page's update added, by slug
	broken   map[string]bool   // pages that answer 500
	via      string            // when set, items link to /go/{slug}, which redirects to the page
	version  int               // the feed's ETag
	status   int               // when set, the feed answers with it
	retry    string            // the Retry-After header sent with status
	feedHits int
	notMod   int
	pageHits map[string]int
	times    []time.Time // of every feed request
}

func (s *newsSite) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed/{name}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedHits++
		s.times = append(s.times, time.Now())
		if s.status != 0 {
			if s.retry != "" {
				w.Header().Set("Retry-After", s.retry)
			}
			w.WriteHeader(s.status)
			return
		}
		etag := fmt.Sprintf(`"v%d"`, s.version)
		if r.Header.Get("If-None-Match") == etag {
			s.notMod++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>The Harbour Ledger</title><link>/</link>`)
		for _, slug := range s.items {
			updated := ""
			if s.updated[slug] != "" {
				updated = "<atom:updated>" + s.updated[slug] + "</atom:updated>"
			}
			link := "/news/" + slug
			if s.via != "" {
				link = s.via + slug
			}
			fmt.Fprintf(w, `<item><title>%s</title><link>%s</link><description>Read on.</description>%s</item>`, slug, link, updated)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("GET /news/{slug}", func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		s.mu.Lock()
		s.pageHits[slug]++
		broken, extra := s.broken[slug], s.extra[slug]
		s.mu.Unlock()
		if broken {
			http.Error(w, "down for maintenance", http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, `<html><head><title>%[1]s</title><meta property="og:site_name" content="The Harbour Ledger"></head><body><article><h1>%[1]s</h1>`, slug)
		for _, para := range paragraphs(slug, extra) {
			fmt.Fprintf(w, "\n<p>%s</p>", html.EscapeString(para))
		}
		fmt.Fprint(w, `</article></body></html>`)
	})
	mux.HandleFunc("GET /go/{slug}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/"+r.PathValue("slug"), http.StatusMovedPermanently)
	})
	return mux
}

// stories are the texts of the site's pages, unlike each other so that
// none is taken for an update of another.
var stories = map[string][]string{
	"ferry": {
		"The Portmere ferry will run every twenty minutes from Monday, the harbour authority said on Tuesday.",
		"Crews finished repairs to the north ramp a week early, and the night crossings return in April.",
		`"Commuters have waited long enough," said Ola Brekke, who runs the ferry company.`,
	},
	"lighthouse": {
		"Volunteers repainted the old lighthouse on Skarvholm island over the weekend, using paint donated by a local shop.",
		"The tower, built in 1871, had not been painted since the keeper left in the 1960s.",
		"The museum plans guided tours of the lamp room from June, weather allowing.",
	},
	"breakwater": {
		"Engineers found cracks in the western breakwater after the January storms, a council report says.",
		"Fishing boats have been told to moor inside the inner basin until divers finish an inspection.",
		"Repairs could cost up to 9 million crowns and take two summers.",
	},
	"tugboat": {
		"The harbour's last steam tugboat sailed under her own power on Saturday for the first time in thirty years.",
		"A group of retired sailors spent six winters rebuilding the boiler and the engine.",
		"Hundreds of people lined the quay to watch her pass the fish market.",
	},
}

// paragraphs is the text of slug's page, with the paragraph an update
// added, if any. A slug without a story of its own gets one like the
// others' (a benchmark's hundred items).
func paragraphs(slug, extra string) []string {
	out, ok := stories[slug]
	if !ok {
		out = []string{
			fmt.Sprintf("The %[1]s committee of Portmere met on Tuesday and voted to spend 4 million crowns on the %[1]s works.", slug),
			fmt.Sprintf("Work on the %s project starts in March and should end before the winter storms, the harbour master said.", slug),
		}
	}
	if extra != "" {
		out = append(slices.Clip(out), extra)
	}
	return out
}

func (s *newsSite) set(f func(*newsSite)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *newsSite) count() (feed, notModified, pages int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.pageHits {
		pages += n
	}
	return s.feedHits, s.notMod, pages
}

func setup(t testing.TB, opts Options) (*Poller, *store.DB, *newsSite, *httptest.Server) {
	t.Helper()
	site := &newsSite{items: []string{"ferry", "lighthouse"}, version: 1, pageHits: map[string]int{},
		updated: map[string]string{}, extra: map[string]string{}, broken: map[string]bool{}}
	srv := httptest.NewServer(site.handler())
	t.Cleanup(srv.Close)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc, err := service.Open(context.Background(), db, service.Options{Pipeline: pipeline.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})
	return New(db, svc, client, opts), db, site, srv
}

func counts(t testing.TB, db *store.DB) int {
	t.Helper()
	c, err := db.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(c.Articles)
}

// TestPoll follows one feed through its life: read in full, unchanged
// (304, nothing fetched), grown by one item (only that page fetched),
// failing (backoff doubling to its cap; a Retry-After beyond the cap
// obeyed), and back.
func TestPoll(t *testing.T) {
	ctx := context.Background()
	every := time.Hour
	p, db, site, srv := setup(t, Options{Every: every, MaxBackoff: 3 * time.Hour, HostGap: -1})
	feed := store.Feed{URL: srv.URL + "/feed/harbour"}

	type want struct {
		articles, feedHits, notModified, pages, failures int
		wait                                             time.Duration
		lastError                                        string
	}
	steps := []struct {
		name   string
		change func(*newsSite)
		want   want
	}{
		{"first poll reads every item", nil, want{2, 1, 0, 2, 0, every, ""}},
		{"unchanged feed: 304", nil, want{2, 2, 1, 2, 0, every, ""}},
		{"new item: only its page", func(s *newsSite) { s.items = append(s.items, "breakwater"); s.version = 2 }, want{3, 3, 1, 3, 0, every, ""}},
		{"server error", func(s *newsSite) { s.status = http.StatusServiceUnavailable }, want{3, 4, 1, 3, 1, every, "503"}},
		{"second error waits twice as long", nil, want{3, 5, 1, 3, 2, 2 * every, "503"}},
		{"backoff is capped", nil, want{3, 6, 1, 3, 3, 3 * time.Hour, "503"}},
		{"told to come back later, beyond the cap", func(s *newsSite) { s.status = http.StatusTooManyRequests; s.retry = "18000" }, want{3, 7, 1, 3, 4, 5 * time.Hour, "429"}},
		{"told to come back sooner than the backoff", func(s *newsSite) { s.retry = "60" }, want{3, 8, 1, 3, 5, 3 * time.Hour, "429"}},
		{"feed without items", func(s *newsSite) { s.status = 0; s.retry = ""; s.items = nil; s.version = 3 }, want{3, 9, 1, 3, 6, 3 * time.Hour, "no items"}},
		{"recovered", func(s *newsSite) { s.items = []string{"breakwater", "tugboat"}; s.version = 4 }, want{4, 10, 1, 4, 0, every, ""}},
	}
	for _, step := range steps {
		if step.change != nil {
			site.set(step.change)
		}
		before := time.Now()
		feed = p.Poll(ctx, feed)
		feedHits, notMod, pages := site.count()
		w := step.want
		if got := counts(t, db); got != w.articles {
			t.Errorf("%s: %d articles stored, want %d", step.name, got, w.articles)
		}
		if feedHits != w.feedHits || notMod != w.notModified || pages != w.pages {
			t.Errorf("%s: feed requests %d (304: %d), pages %d; want %d (%d), %d", step.name, feedHits, notMod, pages, w.feedHits, w.notModified, w.pages)
		}
		if feed.Failures != w.failures || !strings.Contains(feed.LastError, w.lastError) || (w.lastError == "" && feed.LastError != "") {
			t.Errorf("%s: failures %d, last error %q; want %d, %q", step.name, feed.Failures, feed.LastError, w.failures, w.lastError)
		}
		if wait := feed.NextPoll.Sub(before); wait < w.wait*9/10 || wait > w.wait*11/10+time.Second {
			t.Errorf("%s: next poll in %v, want about %v", step.name, wait, w.wait)
		}
	}
}

// TestUpdates follows the updates a feed announces: an item whose entry
// moved is read again and its page's new text stored as the next version,
// the newest latest; an item whose entry did not move is not fetched; a
// moved entry over an unchanged page stores nothing; a page that fails is
// tried again at the next poll; and a page stored by other means is taken
// as read until its entry moves. Every step serves the feed in full (a new
// ETag), so only the items' entries tell what changed.
func TestUpdates(t *testing.T) {
	ctx := context.Background()
	p, db, site, srv := setup(t, Options{HostGap: -1})
	feed := store.Feed{URL: srv.URL + "/feed/harbour"}
	tugboat := &news.Article{ID: "tugboat", URL: srv.URL + "/news/tugboat", Outlet: "The Harbour Ledger", Title: "tugboat",
		Text: strings.Join(paragraphs("tugboat", ""), "\n\n")}
	if _, err := p.svc.Ingest(ctx, []*news.Article{tugboat}); err != nil {
		t.Fatal(err)
	}
	const friday = "Update: the works will cost 5 million crowns, not 4, the council said on Friday."
	steps := []struct {
		name            string
		change          func(*newsSite)
		articles, pages int // in all, after the step
		lastError       string
	}{
		{"first poll reads every item", nil, 3, 2, ""},
		{"same entries: no page fetched", nil, 3, 2, ""},
		{"ferry updated: read again, a version", func(s *newsSite) {
			s.updated["ferry"], s.extra["ferry"] = "2031-03-07T10:00:00Z", friday
		}, 4, 3, ""},
		{"same entries again: no page fetched", nil, 4, 3, ""},
		{"ferry's entry moves, its page does not: nothing stored", func(s *newsSite) {
			s.updated["ferry"] = "2031-03-07T12:00:00Z"
		}, 4, 4, ""},
		{"lighthouse updated, its page failing", func(s *newsSite) {
			s.updated["lighthouse"], s.extra["lighthouse"], s.broken["lighthouse"] = "2031-03-07T13:00:00Z", friday, true
		}, 4, 5, "1 item unreadable, first " + srv.URL + "/news/lighthouse"},
		{"the failed page tried again, and read", func(s *newsSite) { s.broken["lighthouse"] = false }, 5, 6, ""},
		{"a page stored by other means: taken as read", func(s *newsSite) { s.items = append(s.items, "tugboat") }, 5, 6, ""},
		{"its entry moves: read, a version", func(s *newsSite) {
			s.updated["tugboat"], s.extra["tugboat"] = "2031-03-07T14:00:00Z", friday
		}, 6, 7, ""},
		{"same entries at last: no page fetched", nil, 6, 7, ""},
	}
	for _, step := range steps {
		site.set(func(s *newsSite) {
			s.version++
			if step.change != nil {
				step.change(s)
			}
		})
		feed = p.Poll(ctx, feed)
		_, _, pages := site.count()
		if got := counts(t, db); got != step.articles || pages != step.pages {
			t.Errorf("%s: %d articles stored, %d pages fetched; want %d, %d", step.name, got, pages, step.articles, step.pages)
		}
		if !strings.Contains(feed.LastError, step.lastError) || (step.lastError == "" && feed.LastError != "") {
			t.Errorf("%s: last error %q, want %q", step.name, feed.LastError, step.lastError)
		}
	}
	for _, slug := range []string{"ferry", "lighthouse", "tugboat"} {
		if got, want := versions(t, db, srv.URL+"/news/"+slug), "[first second:latest]"; got != want {
			t.Errorf("%s's versions: %s, want %s", slug, got, want)
		}
	}
}

// TestRevisits follows pages whose outlet edits them without touching
// their feed's entries, through a feed that answers 304 while unchanged:
// each page is read again at the revisit times after its first reading,
// once for times missed, and an edit found is stored as a version.
func TestRevisits(t *testing.T) {
	ctx := context.Background()
	p, db, site, srv := setup(t, Options{HostGap: -1, Revisits: []time.Duration{time.Hour, 6 * time.Hour}})
	start := time.Date(2031, 3, 7, 8, 0, 0, 0, time.UTC)
	var elapsed time.Duration
	p.now = func() time.Time { return start.Add(elapsed) }
	const edit = "Update: the council said on Friday that the works will cost 5 million crowns, not 4."
	steps := []struct {
		name            string
		at              time.Duration
		change          func(*newsSite)
		articles, pages int // in all, after the step
	}{
		{"first poll reads every page", 0, nil, 2, 2},
		{"none due yet, ferry edited quietly", 59 * time.Minute, func(s *newsSite) { s.extra["ferry"] = edit }, 2, 2},
		{"an hour on: both read again, ferry's edit a version", time.Hour, nil, 3, 4},
		{"a new item read", 2 * time.Hour, func(s *newsSite) { s.items = append(s.items, "tugboat"); s.version++ }, 4, 5},
		{"an hour after its first reading: the new page alone", 3 * time.Hour, nil, 4, 6},
		{"lighthouse edited; the six-hour revisit of all three", 30 * time.Hour, func(s *newsSite) { s.extra["lighthouse"] = edit }, 5, 9},
		{"every revisit done", 60 * time.Hour, func(s *newsSite) { s.extra["tugboat"] = edit }, 5, 9},
	}
	feed := store.Feed{URL: srv.URL + "/feed/harbour"}
	for _, step := range steps {
		elapsed = step.at
		if step.change != nil {
			site.set(step.change)
		}
		feed = p.Poll(ctx, feed)
		_, _, pages := site.count()
		if got := counts(t, db); got != step.articles || pages != step.pages || feed.LastError != "" {
			t.Errorf("%s: %d articles stored, %d pages fetched, error %q; want %d, %d", step.name, got, pages, feed.LastError, step.articles, step.pages)
		}
	}
	for slug, want := range map[string]string{"ferry": "[first second:latest]", "lighthouse": "[first second:latest]", "tugboat": "[first]"} {
		if got := versions(t, db, srv.URL+"/news/"+slug); got != want {
			t.Errorf("%s's versions: %s, want %s", slug, got, want)
		}
	}
	// A page due that its feed no longer lists is let go, or the feed
	// would be read in full at every poll.
	site.set(func(s *newsSite) { s.items = s.items[:1]; s.version++ })
	p.opts.Revisits = append(p.opts.Revisits, 100*time.Hour)
	elapsed = 110 * time.Hour
	feed = p.Poll(ctx, feed)
	elapsed = 111 * time.Hour
	feedHits, notModified, _ := site.count()
	feed = p.Poll(ctx, feed)
	if f, n, _ := site.count(); f != feedHits+1 || n != notModified+1 {
		t.Errorf("after the unlisted pages were let go: feed served in full %d times, want 0", (f-feedHits)-(n-notModified))
	}
}

// TestUnchangedFeedQuirks: feeds as outlets write them, served in full
// (a new ETag) at every poll with no article changed, have no page
// fetched again once read.
func TestUnchangedFeedQuirks(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*newsSite)
		poll  func(s *newsSite, n int) // before the nth poll
	}{
		{"items link to their pages through a redirect", func(s *newsSite) { s.via = "/go/" }, nil},
		{"every item's updated time is when the feed was served", nil, func(s *newsSite, n int) {
			for _, slug := range s.items {
				s.updated[slug] = fmt.Sprintf("2031-03-07T10:%02d:00Z", n)
			}
		}},
		{"two items link to one page (a live blog's posts)", func(s *newsSite) {
			s.items = []string{"ferry#post-1", "ferry#post-2", "lighthouse"}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			p, _, site, srv := setup(t, Options{HostGap: -1})
			if tt.setup != nil {
				site.set(tt.setup)
			}
			feed := store.Feed{URL: srv.URL + "/feed/harbour"}
			var first int
			for n := range 4 {
				site.set(func(s *newsSite) {
					s.version++
					if tt.poll != nil {
						tt.poll(s, n)
					}
				})
				if feed = p.Poll(ctx, feed); feed.LastError != "" {
					t.Fatalf("poll %d: %s", n+1, feed.LastError)
				}
				if n == 0 {
					_, _, first = site.count()
				}
			}
			if _, _, pages := site.count(); pages != first {
				t.Errorf("%d pages fetched by the first poll, %d by the three after it; want none", first, pages-first)
			}
		})
	}
}

// TestUpdateAfterFailedIngest: when the store refuses what a poll read,
// the stamps stay as they were, so the next poll reads the update again.
func TestUpdateAfterFailedIngest(t *testing.T) {
	ctx := context.Background()
	p, db, site, srv := setup(t, Options{HostGap: -1})
	feed := p.Poll(ctx, store.Feed{URL: srv.URL + "/feed/harbour"})
	exec := func(query string) {
		t.Helper()
		if _, err := db.SQL().ExecContext(ctx, query); err != nil {
			t.Fatal(err)
		}
	}
	exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
	site.set(func(s *newsSite) {
		s.version++
		s.updated["ferry"], s.extra["ferry"] = "2031-03-07T10:00:00Z", "Update: the night crossings return in March, not April."
	})
	if feed = p.Poll(ctx, feed); feed.Failures != 1 || !strings.Contains(feed.LastError, "disk full") {
		t.Fatalf("poll with the store refusing: failures %d, last error %q; want 1, disk full", feed.Failures, feed.LastError)
	}
	exec(`DROP TRIGGER refuse`)
	feed = p.Poll(ctx, feed)
	_, _, pages := site.count()
	if got := counts(t, db); got != 3 || pages != 4 || feed.Failures != 0 {
		t.Errorf("after the store recovered: %d articles, %d pages fetched, %d failures; want 3, 4, 0", got, pages, feed.Failures)
	}
}

// versions lists the articles stored at url in order: "first", then
// "second" when it is a version of the first, each ":latest" when marked.
func versions(t *testing.T, db *store.DB, url string) string {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT id, COALESCE(version_of, ''), latest FROM articles WHERE url = ? ORDER BY seq`, url)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	first := ""
	for rows.Next() {
		var id, of string
		var latest bool
		if err := rows.Scan(&id, &of, &latest); err != nil {
			t.Fatal(err)
		}
		name := id
		switch {
		case first == "":
			first, name = id, "first"
		case of == first && len(out) == 1:
			name = "second"
		}
		if latest {
			name += ":latest"
		}
		out = append(out, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(out)
}

// BenchmarkPollUnchanged polls a feed of 100 stored items, served in full
// (a new ETag) every time with none of them changed: what deciding which
// items to read costs a feed on each round.
func BenchmarkPollUnchanged(b *testing.B) {
	ctx := context.Background()
	p, db, site, srv := setup(b, Options{HostGap: -1})
	site.set(func(s *newsSite) {
		s.items = nil
		for i := range 100 {
			s.items = append(s.items, fmt.Sprintf("item-%d", i))
		}
	})
	feed := p.Poll(ctx, store.Feed{URL: srv.URL + "/feed/harbour"})
	if n := counts(b, db); n != 100 || feed.LastError != "" {
		b.Fatalf("%d articles stored (%q), want 100", n, feed.LastError)
	}
	for b.Loop() {
		site.set(func(s *newsSite) { s.version++ })
		feed = p.Poll(ctx, feed)
	}
	if _, _, pages := site.count(); pages != 100 {
		b.Errorf("%d pages fetched, want each of the 100 once", pages)
	}
}

// TestRun: feeds added to the store are polled on their own, state is
// saved, and requests to one host keep their distance.
func TestRun(t *testing.T) {
	const gap = 150 * time.Millisecond
	p, db, site, srv := setup(t, Options{Every: time.Hour, HostGap: gap, Check: 20 * time.Millisecond, Workers: 3})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := []string{srv.URL + "/feed/one", srv.URL + "/feed/two", srv.URL + "/feed/three"}
	if err := db.AddFeeds(ctx, urls); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	start := time.Now()
	go func() { p.Run(ctx); close(done) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		feeds, err := db.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		polled := 0
		for _, f := range feeds {
			if !f.LastPolled.IsZero() {
				polled++
			}
		}
		if polled == len(urls) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10s only %d of %d feeds polled: %+v", polled, len(urls), feeds)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	feeds, _ := db.Feeds(context.Background())
	for _, f := range feeds {
		if f.ETag != `"v1"` || f.Failures != 0 || f.NextPoll.Before(time.Now().Add(50*time.Minute)) {
			t.Errorf("feed state %+v; want its ETag saved and the next poll in about an hour", f)
		}
	}
	if n := counts(t, db); n != 2 {
		t.Errorf("%d articles stored from three feeds of the same two items, want 2", n)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	// The poller books one slot a gap apart for each request to a host; a
	// request can arrive late, never before its slot. So the i-th arrival
	// comes at least i gaps after the start, however the scheduler delays
	// one request and not the next (which would make a check of the
	// distance between neighbours flaky).
	times := slices.SortedFunc(slices.Values(site.times), time.Time.Compare)
	for i, at := range times {
		if d := at.Sub(start); d < time.Duration(i)*gap {
			t.Errorf("feed request %d to one host came %v after the start, want at least %v", i, d, time.Duration(i)*gap)
		}
	}
	if len(times) < len(urls) {
		t.Errorf("%d feed requests, want at least %d", len(times), len(urls))
	}
}

func TestReadList(t *testing.T) {
	tests := []struct {
		name, list string
		want       []string
		err        string
	}{
		{"urls, comments, blanks", "# news\nhttps://a.example/feed\n\n  http://b.example/rss.xml  \n", []string{"https://a.example/feed", "http://b.example/rss.xml"}, ""},
		{"not a url", "https://a.example/feed\nfeeds.txt\n", nil, "feeds:2"},
		{"other scheme", "ftp://a.example/feed\n", nil, "feeds:1"},
		{"empty", "# nothing yet\n", nil, "no feed URLs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadList("feeds", strings.NewReader(tt.list))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ReadList = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// FuzzReadList: a feed list either parses into http(s) URLs or fails with
// an error naming the list.
func FuzzReadList(f *testing.F) {
	f.Add("# feeds\nhttps://a.example/rss\n\nhttp://b.example/atom.xml\n")
	f.Add("https://a.example/feed\nnot a url\n")
	f.Add("\x00\xff https://\n")
	f.Fuzz(func(t *testing.T, list string) {
		urls, err := ReadList("feeds.txt", strings.NewReader(list))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "feeds.txt") {
				t.Fatalf("error %q does not name the list", err)
			}
			return
		}
		for _, u := range urls {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("ReadList accepted %q", u)
			}
		}
	})
}

// TestRevisitsAfterFailedLookup: a poll that cannot look up what it
// remembers of a feed's items reads them all, and keeps what it
// remembered of each: their first readings are not moved to now, which
// would have every page read again at each revisit time anew.
func TestRevisitsAfterFailedLookup(t *testing.T) {
	ctx := context.Background()
	p, db, _, srv := setup(t, Options{HostGap: -1, Revisits: []time.Duration{time.Hour}})
	start := time.Date(2031, 3, 7, 8, 0, 0, 0, time.UTC)
	p.now = func() time.Time { return start }
	f := p.Poll(ctx, store.Feed{URL: srv.URL + "/feed/harbour"})
	items := []feed.Item{{Link: srv.URL + "/news/ferry"}, {Link: srv.URL + "/news/lighthouse"}}
	keys := []string{dedupe.URLKey(items[0].Link), dedupe.URLKey(items[1].Link)}
	before, err := db.ItemStates(ctx, f.URL, keys)
	if err != nil || len(before) != 2 {
		t.Fatalf("items remembered after the first poll: %v, %v", before, err)
	}
	p.now = func() time.Time { return start.Add(2 * time.Hour) }
	failing, cancel := context.WithCancel(ctx)
	cancel()
	skip, remember := p.sift(failing, f.URL, items, nil)
	if slices.Contains(skip, true) {
		t.Errorf("with the lookup failing, skipped %v; want every item read", skip)
	}
	for key, st := range remember {
		if st != before[key] {
			t.Errorf("with the lookup failing, %s remembered as %+v; was %+v", key, st, before[key])
		}
	}
}
