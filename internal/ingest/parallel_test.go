package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// inFlight counts the requests being served, in all and per server, and
// holds the first ones until enough are in flight at once: a reader that
// fetches one page at a time never gets there.
type inFlight struct {
	mu             sync.Mutex
	now, most      int
	perHost, worst map[string]int
	want           int
	open           chan struct{}
	once           sync.Once
}

func newInFlight(want int) *inFlight {
	return &inFlight{perHost: map[string]int{}, worst: map[string]int{}, want: want, open: make(chan struct{})}
}

func (f *inFlight) release() { f.once.Do(func() { close(f.open) }) }

func (f *inFlight) serve(host string, w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.now++
	f.perHost[host]++
	f.most = max(f.most, f.now)
	f.worst[host] = max(f.worst[host], f.perHost[host])
	if f.now >= f.want {
		f.release()
	}
	f.mu.Unlock()
	<-f.open
	switch {
	case strings.HasSuffix(r.URL.Path, "/gone"):
		http.NotFound(w, r)
	case strings.HasSuffix(r.URL.Path, ".pdf"):
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\x00\x00\x01binary")
	default:
		fmt.Fprint(w, articlePage("Story "+r.URL.Path, "", bridgeParas...))
	}
	f.mu.Lock()
	f.now--
	f.perHost[host]--
	f.mu.Unlock()
}

// TestFeedPagesFetchedInParallel reads a 50-item feed of teasers linking to
// three sites: the pages are fetched several at once, never more than the
// per-host limit from one site, and the two bad items cost only
// themselves. No timing is asserted.
func TestFeedPagesFetchedInParallel(t *testing.T) {
	const perHost, items = 2, 50
	flight := newInFlight(perHost + 2) // more than one host's share: hosts overlap
	// If the reader never gets there, the pages are let through after a
	// while so that the test ends, and fails on the counts.
	stuck := time.AfterFunc(10*time.Second, flight.release)
	defer stuck.Stop()
	var hosts []string
	for range 3 {
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			flight.serve(srv.URL, w, r)
		}))
		defer srv.Close()
		hosts = append(hosts, srv.URL)
	}
	var rss strings.Builder
	rss.WriteString(`<rss version="2.0"><channel><title>The Ledger</title><link>https://ledger.example/</link>`)
	links := make([]string, items)
	for i := range items {
		links[i] = fmt.Sprintf("%s/story/%d", hosts[i%len(hosts)], i)
		switch i {
		case 7:
			links[i] += "/gone"
		case 30:
			links[i] += ".pdf"
		}
		fmt.Fprintf(&rss, `<item><title>Item %d</title><link>%s</link><description>Teaser only.</description></item>`, i, links[i])
	}
	rss.WriteString(`</channel></rss>`)

	client := fetch.New(fetch.Options{AllowPrivate: true, PerHost: perHost, MaxBytes: 1 << 20})
	opts := Options{Fetcher: client, Parallel: pipeline.EachOn(FetchWorkers)}
	var got collected
	if err := FeedItems(context.Background(), "ledger.xml", []byte(rss.String()), opts, got.emit); err != nil {
		t.Fatal(err)
	}

	if flight.most < perHost+2 {
		t.Errorf("at most %d pages fetched at once, want at least %d", flight.most, perHost+2)
	}
	for host, n := range flight.worst {
		if n > perHost {
			t.Errorf("%d requests at once to %s, over the per-host limit of %d", n, host, perHost)
		}
	}
	if len(got.articles) != items-2 {
		t.Errorf("%d articles, want %d", len(got.articles), items-2)
	}
	// Emitted in feed order, whatever order the pages came in.
	for i, j := 0, 0; i < items && j < len(got.articles); i++ {
		if i == 7 || i == 30 {
			continue
		}
		if got.articles[j].Title != fmt.Sprintf("Item %d", i) && !strings.HasSuffix(got.articles[j].Title, fmt.Sprintf("/%d", i)) {
			t.Errorf("article %d is %q, want item %d", j, got.articles[j].Title, i)
		}
		j++
	}
	got.wantErrors(t, map[string]string{links[7]: "404", links[30]: "not an HTML page"})
}
