package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/fetch"
)

// articlePage is a news page with one paragraph per sentence given.
func articlePage(title, site string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><title>%s</title>`, title)
	if site != "" {
		fmt.Fprintf(&b, `<meta property="og:site_name" content="%s">`, site)
	}
	fmt.Fprintf(&b, `</head><body><nav><a href="/">Home</a></nav><article><h1>%s</h1>`, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString("</article><footer>© Site</footer></body></html>")
	return b.String()
}

var bridgeParas = []string{
	"The harbour bridge reopened to traffic on Wednesday morning after eight months of repairs to its corroded steel deck, the city council said.",
	"About 24,000 vehicles crossed the bridge each day before it closed in July, and engineers found salt water had eaten into the supports.",
	"The repairs cost 41 million crowns, about a third more than planned, and cyclists will have a separate lane from April.",
}

func TestReadHTMLAndFeedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bridge.html", articlePage("Harbour bridge reopens after repairs", "The Ledger", bridgeParas...))
	write("news.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Kystposten</title><link>https://kyst.example/</link>
<item><title>Quota cut feared</title><link>https://kyst.example/quota</link><description>Fishermen fear the cod quota will be cut by a fifth.</description><pubDate>Sat, 02 Nov 2024 09:15:00 +0100</pubDate></item>
<item><title>Empty</title><link>https://kyst.example/empty</link></item></channel></rss>`)
	write("lines.jsonl", `{"id":"p1","html":"`+strings.ReplaceAll(articlePage("Harbour bridge reopens after repairs", "", bridgeParas...), `"`, `\"`)+`","url":"https://ledger.example/2025/03/05/bridge"}`+"\n")
	write("page.html", "just text, no markup")
	write("style.css", "body { color: red }") // saved beside a page: passed over
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write([]byte(articlePage("Ferry timetable returns to normal", "The Ledger", bridgeParas...))); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	write("ferry.html.gz", gz.String())

	var got collected
	Paths(context.Background(), []string{dir}, nil, Options{}, got.emit)
	byID := map[string]string{}
	for _, a := range got.articles {
		byID[a.ID] = a.Title + " | " + a.Outlet + " | " + a.Published.String()
	}
	if want := "Harbour bridge reopens after repairs | The Ledger | "; byID["bridge"] != want {
		t.Errorf("bridge.html = %q, want %q", byID["bridge"], want)
	}
	if want := "Ferry timetable returns to normal | The Ledger | "; byID["ferry"] != want {
		t.Errorf("ferry.html.gz = %q, want %q", byID["ferry"], want)
	}
	if want := "Harbour bridge reopens after repairs | ledger.example | 2025-03-05"; byID["p1"] != want {
		t.Errorf("lines.jsonl html = %q, want %q", byID["p1"], want)
	}
	var quota bool
	for _, a := range got.articles {
		if a.Title == "Quota cut feared" {
			quota = a.Outlet == "Kystposten" && strings.Contains(a.Text, "cod quota") && a.Published.String() == "2024-11-02T09:15:00+01:00"
		}
	}
	if !quota {
		t.Errorf("feed item not read with its outlet, text and date: %+v", got.articles)
	}
	for _, a := range got.articles {
		if strings.HasSuffix(a.Source, ".css") {
			t.Errorf("read a style sheet as an article: %+v", a)
		}
	}
	wantErrs := map[string]string{"empty": "no text", "page.html": "not an HTML page"}
	for _, e := range got.errs {
		key := filepath.Base(e.Source)
		if want, ok := wantErrs[key]; ok && strings.Contains(e.Error, want) {
			delete(wantErrs, key)
		}
	}
	if len(wantErrs) > 0 {
		t.Errorf("missing errors %v; got %+v", wantErrs, got.errs)
	}
}

// TestReadURLs reads pages and feeds from a local server: a feed whose
// teaser items are fetched, with every kind of bad item among them; each
// bad one is an error naming it and the rest are read.
func TestReadURLs(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		base := "http://" + r.Host
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>The Ledger</title><link>%[1]s/</link>
<item><title>Bridge reopens</title><link>/bridge</link><description>Teaser only.</description></item>
<item><title>Full text</title><link>%[1]s/full</link><description>Short.</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>The full story is in the feed itself, no fetch needed.</p>]]></content:encoded></item>
<item><title>Gone</title><link>%[1]s/missing</link><description>Teaser.</description></item>
<item><title>Loop</title><link>%[1]s/loop</link><description>Teaser.</description></item>
<item><title>Slow</title><link>%[1]s/slow</link><description>Teaser.</description></item>
<item><title>Huge</title><link>%[1]s/huge</link><description>Teaser.</description></item>
<item><title>PDF</title><link>%[1]s/doc.pdf</link><description>Teaser.</description></item>
</channel></rss>`, base)
	})
	mux.HandleFunc("GET /bridge", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articlePage("Harbour bridge reopens after repairs", "", bridgeParas...))
	})
	mux.HandleFunc("GET /full", func(w http.ResponseWriter, r *http.Request) { t.Error("fetched an item whose text the feed carries") })
	mux.HandleFunc("GET /loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("GET /huge", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>")
		chunk := strings.Repeat("word ", 1<<16)
		for range 160 { // 50 MB, streamed without a length
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("GET /doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\x00\x00\x01binary")
	})
	mux.HandleFunc("GET /not-xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "this is not XML at all")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// A 1 MiB cap finds the 50 MB page too large long before the timeout.
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Second, MaxBytes: 1 << 20})
	var got collected
	urls := []string{srv.URL + "/feed.xml", srv.URL + "/bridge?direct", srv.URL + "/not-xml"}
	Paths(context.Background(), urls, nil, Options{Fetcher: client}, got.emit)

	titles := map[string]string{}
	for _, a := range got.articles {
		titles[a.Title] = a.Outlet
		if a.Source == srv.URL+"/bridge" && a.Outlet != "The Ledger" {
			t.Errorf("fetched item's outlet = %q, want the feed's title", a.Outlet)
		}
		if a.Source == srv.URL+"/bridge?direct" && a.Outlet != "127.0.0.1" {
			t.Errorf("page's outlet = %q, want its host", a.Outlet)
		}
	}
	if _, ok := titles["Full text"]; !ok || len(got.articles) != 3 {
		t.Errorf("articles = %v, want the fetched item, the full-text item and the page", titles)
	}
	got.wantErrors(t, map[string]string{
		srv.URL + "/missing": "404", srv.URL + "/loop": "redirect", srv.URL + "/slow": "timed out",
		srv.URL + "/huge": "limit", srv.URL + "/doc.pdf": "not an HTML page", srv.URL + "/not-xml": "not an RSS",
	})
}

func TestURLWithoutFetcher(t *testing.T) {
	var got collected
	Paths(context.Background(), []string{"https://example.com/x"}, nil, Options{}, got.emit)
	if len(got.errs) != 1 || !strings.Contains(got.errs[0].Error, "not enabled") {
		t.Errorf("errs = %+v", got.errs)
	}
}

// TestFeedSkippedItems: a feed read again skips the items the caller says
// to (by their links made absolute), and FeedItems reports a broken feed as
// a whole.
func TestFeedSkippedItems(t *testing.T) {
	const rss = `<rss version="2.0"><channel><title>The Ledger</title><link>https://ledger.example/</link>
<item><title>Old</title><link>/old</link><description>The council met on Monday and agreed the budget for the harbour works.</description></item>
<item><title>New</title><link>/new</link><description>The harbour works start next week, the council said on Tuesday.</description></item>
</channel></rss>`
	calls := 0
	skip := func(items []feed.Item) []bool {
		calls++
		out := make([]bool, len(items))
		for i, it := range items {
			out[i] = it.Link == "https://ledger.example/old"
		}
		return out
	}
	var got collected
	if err := FeedItems(context.Background(), "ledger.xml", []byte(rss), Options{Skip: skip}, got.emit); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("Skip called %d times, want once for the feed", calls)
	}
	if len(got.articles) != 1 || got.articles[0].Title != "New" || len(got.errs) != 0 {
		t.Errorf("articles %d (%v), errors %v; want only the new item", len(got.articles), got.articles, got.errs)
	}
	for _, bad := range []string{"not a feed", `<rss version="2.0"><channel><title>Empty</title></channel></rss>`} {
		var none collected
		if err := FeedItems(context.Background(), "bad.xml", []byte(bad), Options{}, none.emit); err == nil || len(none.errs) != 0 {
			t.Errorf("FeedItems(%.20q) = %v with item errors %v; want one error for the feed", bad, err, none.errs)
		}
	}
}

// TestFeedTeaserWhenPageUnread: an item whose page cannot be fetched is
// kept with the feed's teaser when the caller asks (a one-off analysis,
// with nothing to retry), after an error naming the page; without the
// option, the item is the error alone, for a store to read again later.
func TestFeedTeaserWhenPageUnread(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	rss := `<rss version="2.0"><channel><title>The Ledger</title>
<item><title>Bridge shut</title><link>` + srv.URL + `/gone</link><description>The city shut the Elm Street bridge on Tuesday after inspectors found a crack.</description></item>
<item><title>No teaser</title><link>` + srv.URL + `/gone2</link></item>
</channel></rss>`
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Second})
	tests := []struct {
		name      string
		keep      bool
		wantTitle []string
	}{
		{"kept", true, []string{"Bridge shut"}},
		{"left to retry", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got collected
			ReadFeed(context.Background(), "ledger.xml", []byte(rss), Options{Fetcher: client, TeaserWhenUnread: tt.keep}, got.emit)
			var titles []string
			for _, a := range got.articles {
				titles = append(titles, a.Title)
				if !strings.Contains(a.Text, "inspectors found a crack") || a.Outlet != "The Ledger" || a.URL != srv.URL+"/gone" {
					t.Errorf("kept article = %+v, want the teaser as text, the feed's outlet and the link", a)
				}
			}
			if !slices.Equal(titles, tt.wantTitle) {
				t.Errorf("articles %v, want %v", titles, tt.wantTitle)
			}
			got.wantErrors(t, map[string]string{srv.URL + "/gone": "404", srv.URL + "/gone2": "404"})
		})
	}
}
