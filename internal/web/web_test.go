package web

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/sqlite"
	"github.com/corroborate/corroborate/internal/store"
)

// sampleJSONL is the fictional sample corpus as JSON Lines.
func sampleJSONL(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "examples", "fictional")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(e.Name(), ".jsonl") {
			b.Write(data)
			continue
		}
		line, _ := json.Marshal(map[string]string{"id": strings.TrimSuffix(e.Name(), ".txt"), "text": string(data)})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

type fixture struct {
	srv   *httptest.Server
	svc   *service.Service
	db    *store.DB
	token string
}

func newFixture(t *testing.T, cfg Config) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, svc, cfg))
	t.Cleanup(func() { srv.Close(); svc.Close(); db.Close() })
	return &fixture{srv: srv, svc: svc, db: db, token: cfg.Token}
}

// newManualFixture is newFixture with the background analysis off: stories
// stay unanalysed until the test settles them.
func newManualFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := service.Open(ctx, db, service.Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, svc, Config{}))
	t.Cleanup(func() { srv.Close(); svc.Close(); db.Close() })
	return &fixture{srv: srv, svc: svc, db: db}
}

// TestPendingStoryLists: a story not analysed yet is answered with the
// contract's lists empty, none null.
func TestPendingStoryLists(t *testing.T) {
	f := newManualFixture(t)
	code, body, _ := f.do(t, "POST", "/api/v1/articles", `{"id": "storm", "text": "A storm hit the coast on Monday and cut power to 20,000 homes, officials said."}`)
	var res service.Result
	if err := json.Unmarshal([]byte(body), &res); code != 200 || err != nil || len(res.Articles) != 1 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	_, body, _ = f.do(t, "GET", "/api/v1/stories/"+res.Articles[0].Story, "")
	var got struct {
		Story map[string]any
		Stale bool
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || !got.Stale {
		t.Fatalf("%v: %s", err, body)
	}
	for _, list := range []string{"articles", "outlets", "summary", "facts", "quotes", "attributions", "claims", "timeline"} {
		if _, ok := got.Story[list].([]any); !ok {
			t.Errorf("%s of a story not analysed yet: %v", list, got.Story[list])
		}
	}
}

func (f *fixture) do(t *testing.T, method, path, body string, header ...string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json") // as clients do; a test may override it
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
		if header[i] == "Host" {
			req.Host = header[i+1] // the client sends req.Host, not the header
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (f *fixture) load(t *testing.T) map[string]string {
	t.Helper()
	code, body, _ := f.do(t, "POST", "/api/v1/articles", sampleJSONL(t), "Authorization", "Bearer "+f.token)
	if code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	var res service.Result
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Settle(context.Background()); err != nil {
		t.Fatal(err)
	}
	stories := map[string]string{}
	for _, a := range res.Articles {
		stories[a.ID] = a.Story
	}
	return stories
}

func TestAPI(t *testing.T) {
	f := newFixture(t, Config{})
	stories := f.load(t)
	flood := stories["courier-flood-1"]

	code, body, _ := f.do(t, "GET", "/api/v1/stories?sort=covered&limit=2", "")
	var list struct {
		Stories []storySummary
		Next    string
	}
	if json.Unmarshal([]byte(body), &list); code != 200 || len(list.Stories) != 2 || list.Stories[0].ID != flood || list.Next == "" {
		t.Fatalf("list: %d %s", code, body)
	}
	code, body, _ = f.do(t, "GET", "/api/v1/stories?sort=covered&limit=2&cursor="+list.Next, "")
	if code != 200 || !strings.Contains(body, `"stories"`) || strings.Contains(body, flood) {
		t.Errorf("second page: %d %s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/stories?outlet=Northwind", ""); code != 200 || !strings.Contains(body, flood) {
		t.Errorf("outlet filter: %d %s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/stories?q=chess", ""); code != 200 || strings.Contains(body, flood) || !strings.Contains(body, stories["eastgate-post-chess"]) {
		t.Errorf("text filter: %d %s", code, body)
	}

	code, body, _ = f.do(t, "GET", "/api/v1/stories/"+flood, "")
	var one storyBody
	if json.Unmarshal([]byte(body), &one); code != 200 || one.Story == nil || len(one.Story.Summary) == 0 || len(one.Articles) != 5 || one.Stale {
		t.Errorf("story: %d %.300s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/articles/northwind-wire", ""); code != 200 || !strings.Contains(body, `"story":"`+flood) {
		t.Errorf("article: %d %.200s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/search?q=Hollin+dam", ""); code != 200 || !strings.Contains(body, flood) {
		t.Errorf("search: %d %.200s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/healthz", ""); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("healthz: %d %s", code, body)
	}
	code, body, _ = f.do(t, "GET", "/metrics", "")
	for _, want := range []string{"corroborate_articles 8", "corroborate_http_requests_total{route=\"GET /api/v1/stories\",code=\"200\"}", "corroborate_http_request_duration_seconds_bucket"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}

	// Sending everything again changes nothing.
	code, body, _ = f.do(t, "POST", "/api/v1/articles", sampleJSONL(t))
	if code != 200 || strings.Contains(body, `"duplicate":false`) {
		t.Errorf("resend: %d %.300s", code, body)
	}
}

// TestIngestMediaTypes checks that articles are taken only when sent as
// JSON or JSON Lines: a form or a text body could come from any site.
func TestIngestMediaTypes(t *testing.T) {
	f := newFixture(t, Config{})
	line := `{"id":"mt","text":"The bridge reopened on Monday after two years of repairs, the city said."}`
	tests := []struct {
		contentType string
		code        int
	}{
		{"application/json", 200},
		{"application/json; charset=utf-8", 200},
		{"application/x-ndjson", 200},
		{"application/jsonl", 200},
		{"application/x-www-form-urlencoded", 415},
		{"multipart/form-data; boundary=x", 415},
		{"text/plain", 415},
		{"", 415},
		{"text/csv", 400}, // taken, but a JSON line is no table
	}
	for _, tt := range tests {
		code, body, _ := f.do(t, "POST", "/api/v1/articles", line, "Content-Type", tt.contentType)
		if code != tt.code {
			t.Errorf("Content-Type %q: %d %.200s, want %d", tt.contentType, code, body, tt.code)
		}
	}
}

// TestIngestTable: a table posted as text/csv or text/tab-separated-values
// is read a row an article; a bad row is reported and the rest stored; a
// table without a text column, or none at all, is a bad request that says
// so; more rows than MaxArticles are refused.
func TestIngestTable(t *testing.T) {
	f := newFixture(t, Config{MaxArticles: 2})
	tests := []struct {
		contentType, body string
		code              int
		stored            int
		errs              []string
		answer            string // in the error of a refused request
	}{
		{"text/csv; charset=utf-8", "id,title,text,publisher\n" +
			"t1,Bridge reopens,\"The bridge reopened on Monday after two years of repairs, the city said.\",Courier\n" +
			"t2,,,Courier\n" +
			"t3,Ferry resumes,The ferry resumed service on Tuesday after the storm passed.,Post\n", 200, 2, []string{"body:3"}, ""},
		{"text/tab-separated-values", "id\ttext\nt4\tThe council approved the new budget on Wednesday evening.\n", 200, 1, nil, ""},
		{"text/csv", "symbol,price\nACME,12\n", 400, 0, nil, "no column under any of"},
		{"text/csv", "", 400, 0, nil, "empty table"},
		{"text/csv", "text\nOne.\nTwo.\nThree.\n", 413, 0, nil, "more than 2 articles in one request"},
		{"application/x-ndjson", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n{\"text\": \"Three.\"}\n", 413, 0, nil, "more than 2 articles in one request"},
		{"application/json", "[{\"text\": \"One.\"}, {\"text\": \"Two.\"}, {\"text\": \"Three.\"}]", 413, 0, nil, "more than 2 articles in one request"},
	}
	for _, tt := range tests {
		code, body, _ := f.do(t, "POST", "/api/v1/articles", tt.body, "Content-Type", tt.contentType)
		if code != tt.code {
			t.Errorf("%s %.40q: %d %.300s, want %d", tt.contentType, tt.body, code, body, tt.code)
			continue
		}
		if code != 200 {
			var refused struct{ Error string }
			if err := json.Unmarshal([]byte(body), &refused); err != nil || !strings.Contains(refused.Error, tt.answer) {
				t.Errorf("%s %.40q: answer %s, want an error saying %q", tt.contentType, tt.body, body, tt.answer)
			}
			continue
		}
		var res struct {
			Articles []struct{ ID string }
			Errors   []news.ItemError
		}
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		var sources []string
		for _, e := range res.Errors {
			sources = append(sources, e.Source)
		}
		if len(res.Articles) != tt.stored || !slices.Equal(sources, tt.errs) {
			t.Errorf("%s: stored %+v, errors %+v; want %d stored, errors at %v", tt.contentType, res.Articles, res.Errors, tt.stored, tt.errs)
		}
	}
}

func TestBadRequests(t *testing.T) {
	f := newFixture(t, Config{MaxBody: 32 << 10})
	f.load(t)
	tests := []struct {
		method, path, body string
		code               int
		want               string
	}{
		{"POST", "/api/v1/articles", `{"text": `, 400, "no article could be read"},
		{"POST", "/api/v1/articles", `{"text": 42}`, 400, "no article could be read"},
		{"POST", "/api/v1/articles", `"x"`, 400, "want a JSON object"},
		{"POST", "/api/v1/articles", `[{"text": "x"}`, 400, "invalid JSON array"},
		{"POST", "/api/v1/articles", "\xef\xbb\xbf" + `{"id": "bom", "text": "The canal reopened on Monday after the lock was repaired, the port said."}`, 200, `"id":"bom"`},
		{"POST", "/api/v1/articles", `[7, {"id": "arr", "text": "The tram line opened on Sunday after three years of work, the city said."}]`, 200, `"source":"body[0]"`},
		{"POST", "/api/v1/articles", `{"summary": "S", "url": "https://a.example/x"}`, 400, `\"maintext\"`},
		{"POST", "/api/v1/articles", `{"maintext": "The ferry resumed service on Friday after the strike ended, the operator said.", "source_domain": "port.example", "date_publish": "2025-03-05 10:00:00"}`, 200, `"source":"body:1"`},
		{"POST", "/api/v1/articles", ``, 400, "empty body"},
		{"POST", "/api/v1/articles", `{"text": "` + strings.Repeat("x", 40<<10) + `"}`, 413, `{"error":"request body too large: over 32768 bytes"}`},
		{"POST", "/api/v1/articles", "{\"id\":\"ok\",\"text\":\"The bridge reopened on Monday after two years of repairs, the city said.\"}\nnot json", 200, `"source":"body:2"`},
		{"POST", "/api/v1/articles", `{"status": "ok", "articles": [{"id": "env", "content": "The ferry resumed service on Friday after the strike ended, the operator said."}, {"id": "bare"}]}`, 200, `"errors":[{"source":"body.articles[1]"`},
		{"GET", "/api/v1/search?q=a%00b", "", 400, `query parameter \"q\" holds a NUL byte`},
		{"GET", "/api/v1/search?q=%FF", "", 400, "not UTF-8"},
		{"GET", "/api/v1/stories?outlet=%FF", "", 400, `query parameter \"outlet\"`},
		{"GET", "/api/v1/articles/a%00b", "", 400, "the path holds a NUL byte"},
		{"GET", "/api/v1/stories/%FF", "", 400, "not UTF-8"},
		{"GET", "/stories/%FF", "", 400, "<!doctype html>"},
		{"GET", "/api/v1/stories/no-such-story", "", 404, "not found"},
		{"GET", "/api/v1/articles/no-such", "", 404, "not found"},
		{"GET", "/api/v1/stories?cursor=%%%", "", 400, ""},
		{"GET", "/api/v1/stories?cursor=bm9wZQ", "", 400, "bad cursor"},
		{"GET", "/api/v1/stories?limit=0", "", 400, "limit"},
		{"GET", "/api/v1/stories?sort=sideways", "", 400, "sort"},
		{"GET", "/api/v1/stories?since=yesterday", "", 400, "since"},
		{"GET", "/api/v1/search", "", 400, "q:"},
		{"GET", "/api/v1/stories/..%2f..%2fetc%2fpasswd", "", 404, ""},
		{"GET", "/static/../../go.mod", "", 404, ""},
		{"DELETE", "/api/v1/stories", "", 405, `{"error":"DELETE /api/v1/stories: send GET"}`},
		{"GET", "/api/v1/articles", "", 405, `{"error":"GET /api/v1/articles: send POST"}`},
		{"GET", "/api/v1/nothing", "", 404, `{"error":"no API route /api/v1/nothing"}`},
		{"GET", "/api/v2/stories", "", 404, `{"error":`},
		{"GET", "/stories/no-such-story", "", 404, "<!doctype html>"},
	}
	for _, tt := range tests {
		code, body, _ := f.do(t, tt.method, tt.path, tt.body)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s %s: %d %.200s; want %d and %q", tt.method, tt.path, code, body, tt.code, tt.want)
		}
		if code >= 500 {
			t.Errorf("%s %s: server error", tt.method, tt.path)
		}
	}
}

// TestAtomWaitsForAnalysis: a feed reader keeps the first title and
// summary it sees of an entry, so a story not yet analysed is never
// "Untitled story" nor "0 independent sources"; nor is it on the pages.
func TestAtomWaitsForAnalysis(t *testing.T) {
	ctx := context.Background()
	f := newManualFixture(t)
	srv, svc := f.srv, f.svc
	entries := func() []atomEntry {
		_, body, _ := f.do(t, "GET", "/feed.atom", "")
		var feed atomFeed
		if err := xml.Unmarshal([]byte(body), &feed); err != nil {
			t.Fatal(err)
		}
		return feed.Entries
	}
	post := func(article string) {
		if code, body, _ := f.do(t, "POST", "/api/v1/articles", article); code != 200 {
			t.Fatalf("ingest: %d %s", code, body)
		}
	}
	post(`{"id": "storm", "outlet": "Coast Wire", "text": "A storm hit the coast on Monday and cut power to 20,000 homes, officials said."}`)
	if got := entries(); len(got) != 0 {
		t.Errorf("a story without a title, not yet analysed, is in the feed: %+v", got)
	}
	post(`{"id": "vote", "outlet": "City Beat", "title": "Council backs bike lanes", "text": "The city council on Tuesday approved ten miles of protected bike lanes downtown by a vote of 7-2."}`)
	got := entries()
	pending := map[string]string{} // entry ID: its updated before the analysis
	if len(got) != 1 || got[0].Title != "Council backs bike lanes" || got[0].Summary.Body != "1 article, not analysed yet." {
		t.Errorf("a titled story not yet analysed: %+v", got)
	}
	for _, e := range got {
		pending[e.ID] = e.Updated
	}
	for _, path := range []string{"/", got[0].Link.Href[len(srv.URL):]} {
		if _, page, _ := f.do(t, "GET", path, ""); strings.Contains(page, "0 independent sources") || !strings.Contains(page, "not analysed yet") {
			t.Errorf("%s counts the sources of a story not analysed:\n%s", path, page)
		}
	}
	if err := svc.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	got = entries()
	if len(got) != 2 {
		t.Fatalf("the analysed stories' entries: %+v", got)
	}
	for _, e := range got {
		if e.Title == "Untitled story" || !strings.HasPrefix(e.Summary.Body, "1 article, 1 independent source.") {
			t.Errorf("an analysed story's entry: %+v", e)
		}
		// Its summary changed, so its updated must move, or a reader keeps
		// "not analysed yet".
		if before, ok := pending[e.ID]; ok && !(atomTime(t, e.Updated).After(atomTime(t, before))) {
			t.Errorf("entry %s analysed since it was read, still updated %s (was %s)", e.ID, e.Updated, before)
		}
	}
}

func atomTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("updated %q: %v", s, err)
	}
	return at
}

func TestToken(t *testing.T) {
	f := newFixture(t, Config{Token: "s3cret"})
	body := `{"id":"x","text":"The bridge reopened on Monday after two years of repairs, the city said."}`
	for _, tt := range []struct {
		name, auth string
		code       int
		answer     string
	}{
		{"no token", "", 401, "a bearer token is required to write"},
		{"another scheme", "Basic czNjcmV0", 401, "a bearer token is required to write"},
		{"wrong token", "Bearer wrong", 401, "the bearer token is not this server's"},
		{"empty token", "Bearer ", 401, "the bearer token is not this server's"},
		{"right token", "Bearer s3cret", 200, `"id":"x"`},
		{"scheme in lower case", "bearer s3cret", 200, `"id":"x"`},
	} {
		var header []string
		if tt.auth != "" {
			header = []string{"Authorization", tt.auth}
		}
		code, answer, h := f.do(t, "POST", "/api/v1/articles", body, header...)
		if code != tt.code || !strings.Contains(answer, tt.answer) {
			t.Errorf("%s: %d %s, want %d saying %q", tt.name, code, answer, tt.code, tt.answer)
		}
		if code == 401 && !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: a 401 with WWW-Authenticate %q, want the Bearer scheme", tt.name, h.Get("WWW-Authenticate"))
		}
	}
	if code, _, _ := f.do(t, "GET", "/api/v1/stories", ""); code != 200 {
		t.Errorf("reads need no token: %d", code)
	}
	for _, edit := range []string{"merge", "split"} {
		if code, _, _ := f.do(t, "POST", "/api/v1/stories/x/"+edit, `{}`); code != 401 {
			t.Errorf("%s without a token: %d, want 401", edit, code)
		}
	}
}

func TestPages(t *testing.T) {
	f := newFixture(t, Config{})
	stories := f.load(t)
	flood := stories["courier-flood-1"]
	evil := `{"id":"evil","outlet":"<b>Bad</b>","title":"<script>alert(1)</script> Chess club wins again","text":"The Eastgate chess club won the regional team championship again on Saturday, <script>alert(2)</script> beating Sorrel 5-3."}`
	if code, body, _ := f.do(t, "POST", "/api/v1/articles", evil); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	f.svc.Settle(context.Background())
	for _, path := range []string{"/", "/?sort=covered", "/stories/" + flood, "/stories/" + stories["eastgate-post-chess"], "/search?q=chess", "/feed.atom"} {
		code, body, header := f.do(t, "GET", path, "")
		if code != 200 {
			t.Errorf("%s: %d", path, code)
		}
		if strings.Contains(body, "<script>") || strings.Contains(body, "<b>Bad</b>") {
			t.Errorf("%s: article text reached the page unescaped", path)
		}
		if csp := header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
	}
	_, page, _ := f.do(t, "GET", "/stories/"+flood, "")
	for _, want := range []string{"Where sources disagree", "<table class=\"conflicts\">", `href="#src-1"`, "<ins>", "<svg class=\"timeline\"", "What only one source reports"} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	_, list, _ := f.do(t, "GET", "/", "")
	if !strings.Contains(list, `<svg class="spark"`) || !strings.Contains(list, "conflict") {
		t.Errorf("list page lacks its chart or conflict badge:\n%s", list)
	}
	_, feed, header := f.do(t, "GET", "/feed.atom", "")
	var parsed atomFeed
	if err := xml.Unmarshal([]byte(feed), &parsed); err != nil || len(parsed.Entries) < 3 || !strings.HasPrefix(header.Get("Content-Type"), "application/atom+xml") {
		t.Errorf("atom: %v, %d entries", err, len(parsed.Entries))
	}
	if !strings.Contains(feed, fmt.Sprintf("/stories/%s", flood)) {
		t.Error("atom lacks a link to the flood story")
	}
}
