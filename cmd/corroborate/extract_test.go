package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testPage = `<!DOCTYPE html><html lang="en"><head><title>Harbour bridge reopens after repairs | The Ledger</title>
<meta property="og:site_name" content="The Ledger"><meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2025-03-05T07:30:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Wednesday morning after eight months of repairs to its corroded steel deck, the city council said.</p>
<p>About 24,000 vehicles crossed the bridge each day before it closed in July, and engineers found salt water had eaten into the supports.</p>
<p>Also read | Ferry timetable returns to normal</p>
<p>The repairs cost 41 million crowns, about a third more than planned, and cyclists will have a separate lane from April.</p>
</article></body></html>`

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bridge.html")
	if err := os.WriteFile(path, []byte(testPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "extract", "--format", "json", "--url", "https://ledger.example/bridge", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var page map[string]any
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	want := map[string]string{
		"title": "Harbour bridge reopens after repairs", "outlet": "The Ledger", "author": "Mara Lindqvist",
		"published": "2025-03-05T07:30:00+01:00", "url": "https://ledger.example/bridge", "language": "en",
	}
	for k, v := range want {
		if page[k] != v {
			t.Errorf("%s = %v, want %q", k, page[k], v)
		}
	}
	if text, _ := page["text"].(string); !strings.Contains(text, "41 million crowns") || strings.Contains(text, "Also read") {
		t.Errorf("text = %q", text)
	}

	code, out, _ = runCLI(t, testPage, "extract", "-")
	if code != 0 || !strings.HasPrefix(out, "Harbour bridge reopens after repairs\nThe Ledger · Mara Lindqvist") {
		t.Errorf("text format from stdin: exit %d\n%s", code, out)
	}
}

func TestExtractCommandErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"missing file", []string{"extract", "no-such-file.html"}, "", "no-such-file.html"},
		{"not html", []string{"extract", "-"}, "plain words only", "not an HTML page"},
		{"a feed", []string{"extract", "-"}, `<rss version="2.0"><channel><title>F</title></channel></rss>`, "a feed, not a page"},
		// A feed whose items carry text reads as a lenient HTML page too:
		// its markup came out as the article, "]]>" and all.
		{"a feed with items", []string{"extract", "-"}, `<rss version="2.0"><channel><title>F</title><item><title>T</title><description><![CDATA[<p>The bridge closed on Tuesday after inspectors found a crack.</p>]]></description></item></channel></rss>`, "a feed, not a page"},
		{"an Atom feed", []string{"extract", "-"}, `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>T</title><content type="html">&lt;p&gt;The bridge closed on Tuesday.&lt;/p&gt;</content></entry></feed>`, "a feed, not a page"},
		{"a JSON Feed", []string{"extract", "-"}, `{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[{"id":"1","content_html":"<p>The bridge closed on Tuesday.</p>"}]}`, "a feed, not a page"},
		{"404", []string{"extract", "--allow-private", srv.URL + "/gone"}, "", "404"},
		{"private refused", []string{"extract", srv.URL + "/x"}, "", "loopback, link-local or private, refused without --allow-private"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.stdin, tt.args...)
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, tt.want)
			}
		})
	}
}

// TestAnalyzeURL reads a feed from a local server whose item is fetched.
func TestAnalyzeURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>The Ledger</title><item><title>Bridge</title><link>http://%s/bridge</link><description>Teaser.</description></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("GET /bridge", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, testPage) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	code, out, errOut := runCLI(t, "", "analyze", "--format", "json", "--allow-private", srv.URL+"/feed")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Articles []struct{ Title, Outlet, Source string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 1 || rep.Articles[0].Outlet != "The Ledger" || rep.Articles[0].Source != srv.URL+"/bridge" {
		t.Errorf("articles = %+v", rep.Articles)
	}
}

// TestEvalExtract runs the evaluation on a one-page benchmark of each kind.
func TestEvalExtract(t *testing.T) {
	data := t.TempDir()
	traf := filepath.Join(data, "trafilatura-eval")
	rdb := filepath.Join(data, "readability-test-pages", "bridge")
	for _, d := range []string{filepath.Join(traf, "html"), rdb} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeGzip(t, filepath.Join(traf, "html", "bridge.html.gz"), testPage)
	writeGzip(t, filepath.Join(rdb, "source.html.gz"), testPage)
	files := map[string]string{
		filepath.Join(traf, "evaldata.json"):         `{"https://ledger.example/bridge": {"file": "bridge.html", "with": ["41 million crowns", "eight months of repairs"], "without": ["Home", "Also read"]}}`,
		filepath.Join(rdb, "expected-metadata.json"): `{"title": "Harbour bridge reopens after repairs", "byline": "Mara Lindqvist", "siteName": "The Ledger", "publishedTime": "2025-03-05T07:30:00+01:00"}`,
	}
	for path, content := range files {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "", "eval", "extract", "--data", data, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Snippets []struct {
			Name string
			F1   float64
		}
		Metadata []struct {
			Name   string
			Fields map[string]struct{ Matched, Total int }
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res.Snippets) != 3 || res.Snippets[0].Name != "corroborate" || res.Snippets[0].F1 != 1 {
		t.Errorf("snippets = %+v", res.Snippets)
	}
	if f := res.Metadata[0].Fields["title"]; f.Matched != 1 || f.Total != 1 {
		t.Errorf("metadata = %+v", res.Metadata[0])
	}
}

func writeGzip(t *testing.T, path, content string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(content)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
