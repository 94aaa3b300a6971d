package poll

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/store"
)

// newsSite is a test server with a feed of teaser items whose pages it
// also serves; it counts what it is asked for.
type newsSite struct {
	mu       sync.Mutex
	items    []string // slugs, newest last
	version  int      // the feed's ETag
	status   int      // when set, the feed answers with it
	retry    string   // the Retry-After header sent with status
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
		fmt.Fprint(w, `<rss version="2.0"><channel><title>The Harbour Ledger</title><link>/</link>`)
		for _, slug := range s.items {
			fmt.Fprintf(w, `<item><title>%s</title><link>/news/%s</link><description>Read on.</description></item>`, slug, slug)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("GET /news/{slug}", func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		s.mu.Lock()
		s.pageHits[slug]++
		s.mu.Unlock()
		fmt.Fprintf(w, `<html><head><title>%[1]s</title><meta property="og:site_name" content="The Harbour Ledger"></head><body><article><h1>%[1]s</h1>
<p>The %[1]s committee of Portmere met on Tuesday and voted to spend 4 million crowns on the %[1]s works, the council said.</p>
<p>Work on the %[1]s project starts in March and should end before the winter storms, according to the harbour master.</p>
<p>"We have waited long enough for the %[1]s plan," said councillor Edda Vinter after the vote.</p></article></body></html>`, slug)
	})
	return mux
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

func setup(t *testing.T, opts Options) (*Poller, *store.DB, *newsSite, *httptest.Server) {
	t.Helper()
	site := &newsSite{items: []string{"ferry", "lighthouse"}, version: 1, pageHits: map[string]int{}}
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

func counts(t *testing.T, db *store.DB) int {
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
