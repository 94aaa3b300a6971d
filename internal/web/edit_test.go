package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// noRedirects is a client that shows redirects instead of following them.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func TestMergeAndSplitAPI(t *testing.T) {
	f := newFixture(t, Config{})
	stories := f.load(t)
	flood, rail := stories["courier-flood-1"], stories["ledger-rail-1"]

	code, body, _ := f.do(t, "POST", "/api/v1/stories/"+rail+"/merge", `{"story": "`+flood+`"}`, "Content-Type", "application/json")
	var merged struct {
		Story, Merged string
		Articles      []string
	}
	if json.Unmarshal([]byte(body), &merged); code != 200 || merged.Story != flood || merged.Merged != rail || len(merged.Articles) != 7 {
		t.Fatalf("merge: %d %s", code, body)
	}

	// The retired ID answers with a redirect to the story that holds it,
	// in the API and on the pages.
	for _, prefix := range []string{"/api/v1/stories/", "/stories/"} {
		resp, err := noRedirects.Get(f.srv.URL + prefix + rail + "?x=1")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != prefix+flood+"?x=1" || resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s%s after the merge: %d to %q", prefix, rail, resp.StatusCode, loc)
		}
	}
	code, body, _ = f.do(t, "GET", "/api/v1/stories/"+rail, "")
	var one storyBody
	if json.Unmarshal([]byte(body), &one); code != 200 || one.Story == nil || one.Story.ID != flood || len(one.Articles) != 7 || !one.Stale {
		t.Errorf("following the redirect: %d %.300s; want the merged story, stale", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/articles/post-rail-1", ""); code != 200 || !strings.Contains(body, `"story":"`+flood) {
		t.Errorf("a merged article: %d %.200s", code, body)
	}
	if code, body, _ = f.do(t, "GET", "/api/v1/stories", ""); code != 200 || strings.Contains(body, rail) {
		t.Errorf("the list still shows the retired story: %d %s", code, body)
	}

	code, body, header := f.do(t, "POST", "/api/v1/stories/"+flood+"/split", `{"articles": ["ledger-rail-1", "post-rail-1"]}`, "Content-Type", "application/json")
	var split struct {
		Story    string
		NewStory string `json:"new_story"`
		Articles []string
	}
	if json.Unmarshal([]byte(body), &split); code != 201 || split.Story != flood || split.NewStory != rail || len(split.Articles) != 2 ||
		header.Get("Location") != "/api/v1/stories/"+rail {
		t.Fatalf("split: %d %s, Location %q", code, body, header.Get("Location"))
	}
	resp, err := noRedirects.Get(f.srv.URL + "/api/v1/stories/" + rail)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the story split out again under its old ID: %d", resp.StatusCode)
	}
	_, feed, _ := f.do(t, "GET", "/feed.atom", "")
	if !strings.Contains(feed, "/stories/"+rail+"</id>") && !strings.Contains(feed, `href="`+f.srv.URL+"/stories/"+rail+`"`) {
		t.Errorf("the Atom feed lacks the story split out again:\n%s", feed)
	}
}

func TestEditBadRequests(t *testing.T) {
	f := newFixture(t, Config{MaxBody: 32 << 10})
	stories := f.load(t)
	flood, rail, chess := stories["courier-flood-1"], stories["ledger-rail-1"], stories["eastgate-post-chess"]
	if code, body, _ := f.do(t, "POST", "/api/v1/stories/"+chess+"/merge", `{"story":"`+flood+`"}`, "Content-Type", "application/json"); code != 200 {
		t.Fatalf("merge: %d %s", code, body)
	}
	merge, split := "/api/v1/stories/"+rail+"/merge", "/api/v1/stories/"+rail+"/split"
	tests := []struct {
		name, method, path, body string
		header                   []string
		code                     int
		want                     string
	}{
		{"merge with itself", "POST", merge, `{"story":"` + rail + `"}`, nil, 400, "itself"},
		{"merge an unknown story", "POST", "/api/v1/stories/nope/merge", `{"story":"` + rail + `"}`, nil, 404, "story nope"},
		{"merge with an unknown story", "POST", merge, `{"story":"nope"}`, nil, 404, "story nope"},
		{"merge what is one already", "POST", "/api/v1/stories/" + chess + "/merge", `{"story":"` + flood + `"}`, nil, 409, "one story already"},
		{"merge with nothing named", "POST", merge, `{}`, nil, 400, "must name the story to merge with"},
		{"merge, an unknown field", "POST", merge, `{"with":"` + flood + `"}`, nil, 400, `unknown field \"with\"`},
		{"merge, bad JSON", "POST", merge, `{"story":`, nil, 400, "body:"},
		{"merge, two objects", "POST", merge, `{"story":"` + flood + `"} {}`, nil, 400, "nothing after"},
		{"merge, empty body", "POST", merge, ``, nil, 400, "empty"},
		{"merge, a form", "POST", merge, `story=` + flood, []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "application/json"},
		{"merge, no content type", "POST", merge, `{"story":"` + flood + `"}`, []string{"Content-Type", ""}, 415, "application/json"},
		{"merge, JSON with a charset", "POST", merge, `{"story":"nope"}`, []string{"Content-Type", "application/json; charset=utf-8"}, 404, "story nope"},
		{"merge by GET", "GET", merge, ``, nil, 405, ""},
		{"split nothing", "POST", split, `{"articles":[]}`, nil, 400, "name the articles"},
		{"split, no list", "POST", split, `{"articles":"ledger-rail-1"}`, nil, 400, "body:"},
		{"split, an empty ID", "POST", split, `{"articles":[""]}`, nil, 400, "articles[0] is empty"},
		{"split another story's article", "POST", split, `{"articles":["courier-flood-1"]}`, nil, 400, "courier-flood-1 is in story " + flood},
		{"split an unknown article", "POST", split, `{"articles":["nope"]}`, nil, 400, "no article nope"},
		{"split every article", "POST", split, `{"articles":["ledger-rail-1","post-rail-1"]}`, nil, 400, "all 2"},
		{"split an article twice", "POST", split, `{"articles":["post-rail-1","post-rail-1"]}`, nil, 400, "named twice"},
		{"split an unknown story", "POST", "/api/v1/stories/nope/split", `{"articles":["post-rail-1"]}`, nil, 404, "story nope"},
		{"split, body too large", "POST", split, `{"articles":["` + strings.Repeat("x", 40<<10) + `"]}`, nil, 413, "too large"},
	}
	for _, tt := range tests {
		if tt.header == nil {
			tt.header = []string{"Content-Type", "application/json"}
		}
		code, body, header := f.do(t, tt.method, tt.path, tt.body, tt.header...)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %.200s; want %d and %q", tt.name, code, body, tt.code, tt.want)
		}
		if code >= 400 && code != 405 && !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: the error is not JSON: %q", tt.name, header.Get("Content-Type"))
		}
	}
	// None of it changed the stories.
	code, body, _ := f.do(t, "GET", "/api/v1/stories/"+rail, "")
	var one storyBody
	if json.Unmarshal([]byte(body), &one); code != 200 || len(one.Articles) != 2 {
		t.Errorf("the rail story after refused edits: %d %.200s", code, body)
	}
}

func TestNearestAPI(t *testing.T) {
	f := newFixture(t, Config{})
	stories := f.load(t)
	flood, rail, chess := stories["courier-flood-1"], stories["ledger-rail-1"], stories["eastgate-post-chess"]
	type near struct {
		Story   string
		Nearest []struct {
			ID         string
			Headline   string
			Articles   int
			Similarity float64
		}
	}
	get := func(path string) (int, string, near) {
		code, body, _ := f.do(t, "GET", path, "")
		var got near
		json.Unmarshal([]byte(body), &got)
		return code, body, got
	}
	tests := []struct {
		name, path string
		code       int
		story      string   // the story answered for
		want       []string // the stories listed, in any order
		error      string
	}{
		{"the stories sharing its main terms", "/api/v1/stories/" + rail + "/nearest", 200, rail, []string{flood, chess}, ""},
		{"at most limit", "/api/v1/stories/" + rail + "/nearest?limit=1", 200, rail, nil, ""},
		{"none", "/api/v1/stories/" + flood + "/nearest", 200, flood, []string{}, ""},
		{"an unknown story", "/api/v1/stories/nope/nearest", 404, "", nil, "story nope"},
		{"limit 0", "/api/v1/stories/" + rail + "/nearest?limit=0", 400, "", nil, "limit"},
		{"limit too large", "/api/v1/stories/" + rail + "/nearest?limit=21", 400, "", nil, "limit"},
		{"limit not a number", "/api/v1/stories/" + rail + "/nearest?limit=x", 400, "", nil, "limit"},
	}
	for _, tt := range tests {
		code, body, got := get(tt.path)
		if code != tt.code || !strings.Contains(body, tt.error) || got.Story != tt.story {
			t.Errorf("%s: %d %.300s; want %d, story %q, %q", tt.name, code, body, tt.code, tt.story, tt.error)
			continue
		}
		if code != 200 {
			continue
		}
		if strings.Contains(tt.path, "limit=1") && len(got.Nearest) != 1 {
			t.Errorf("%s: %d stories listed: %s", tt.name, len(got.Nearest), body)
		}
		var ids []string
		for i, n := range got.Nearest {
			ids = append(ids, n.ID)
			if n.Headline == "" || n.Articles == 0 || n.Similarity <= 0 || n.Similarity > 1 || i > 0 && n.Similarity > got.Nearest[i-1].Similarity {
				t.Errorf("%s: %+v; want a summary and a similarity in (0, 1], the most alike first", tt.name, n)
			}
		}
		if tt.want != nil && (len(ids) != len(tt.want) || !containsAll(ids, tt.want)) {
			t.Errorf("%s: lists %v, want %v", tt.name, ids, tt.want)
		}
	}

	// A retired ID stands for the story it was merged into, which is not
	// its own neighbour; the two parts of a split are not each other's.
	if code, body, _ := f.do(t, "POST", "/api/v1/stories/"+rail+"/merge", `{"story":"`+chess+`"}`); code != 200 {
		t.Fatalf("merge: %d %s", code, body)
	}
	if _, body, got := get("/api/v1/stories/" + chess + "/nearest"); got.Story != rail || len(got.Nearest) != 1 || got.Nearest[0].ID != flood {
		t.Errorf("nearest of the merged-away chess story: %s; want the rail story's, the flood story", body)
	}
	if code, body, _ := f.do(t, "POST", "/api/v1/stories/"+rail+"/split", `{"articles":["eastgate-post-chess"]}`); code != 201 {
		t.Fatalf("split: %d %s", code, body)
	}
	if _, body, got := get("/api/v1/stories/" + rail + "/nearest"); len(got.Nearest) != 1 || got.Nearest[0].ID != flood {
		t.Errorf("nearest of the rail story after the chess story is split off again: %s; want the flood story alone", body)
	}
}

// hiddenControl is the opening tag of an editing control the page hides.
var hiddenControl = regexp.MustCompile(`<(input type="checkbox" class="pick"|details id="edit")[^>]* hidden>`)

func containsAll(list, want []string) bool {
	for _, w := range want {
		if !slices.Contains(list, w) {
			return false
		}
	}
	return true
}

// TestEditControls checks that the story page offers editing only where
// the server edits, asks for the token only where one is needed, and
// hides it all from a reader without JavaScript: every control needs the
// script.
func TestEditControls(t *testing.T) {
	f := newFixture(t, Config{})
	flood := f.load(t)["courier-flood-1"]
	withToken := httptest.NewServer(New(f.db, f.svc, Config{Token: "s3cret"}))
	defer withToken.Close()
	readOnly := httptest.NewServer(New(f.db, nil, Config{}))
	defer readOnly.Close()
	controls := []string{`<details id="edit" class="edit" data-story="` + flood + `"`, `<script src="/static/edit.js" defer></script>`,
		`<input type="checkbox" class="pick" value="northwind-wire" aria-label="select source 5" hidden>`, `<form id="split">`, `<form id="merge">`}
	tests := []struct {
		name       string
		url        string
		want, lack []string
	}{
		{"a server that edits", f.srv.URL, controls, []string{`data-token`, `id="token"`}},
		{"one that needs a token", withToken.URL, append(controls, ` data-token="required" hidden>`, `<form id="token">`), nil},
		{"a read-only server", readOnly.URL, []string{"<h1>"}, append(controls, `class="pick"`, "<script")},
	}
	for _, tt := range tests {
		resp, err := http.Get(tt.url + "/stories/" + flood)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page := string(b)
		for _, want := range tt.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the story page lacks %s", tt.name, want)
			}
		}
		for _, lack := range tt.lack {
			if strings.Contains(page, lack) {
				t.Errorf("%s: the story page has %s", tt.name, lack)
			}
		}
		// Offered or not, the controls never show without the script.
		if len(hiddenControl.FindAllString(page, -1)) != strings.Count(page, `class="pick"`)+strings.Count(page, `<details id="edit"`) {
			t.Errorf("%s: a control shows without the script", tt.name)
		}
	}

	// The script is served as a script, and the policy lets only the
	// server's own files run: no inline script, no other host.
	code, body, header := f.do(t, "GET", "/static/edit.js", "")
	if code != 200 || !strings.HasPrefix(header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "/api/v1/stories/") {
		t.Errorf("edit.js: %d %q", code, header.Get("Content-Type"))
	}
	if csp := header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "connect-src 'self';") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP %q", csp)
	}

	// A read-only server refuses every write, and the nearest stories,
	// which need the engine behind the writer.
	for _, req := range []struct{ method, path string }{
		{"POST", "/api/v1/stories/" + flood + "/merge"},
		{"POST", "/api/v1/stories/" + flood + "/split"},
		{"GET", "/api/v1/stories/" + flood + "/nearest"},
		{"POST", "/api/v1/articles"},
	} {
		r, _ := http.NewRequest(req.method, readOnly.URL+req.path, strings.NewReader(`{}`))
		r.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(string(b), "read-only") {
			t.Errorf("read-only %s %s: %d %s", req.method, req.path, resp.StatusCode, b)
		}
	}
}

// TestRetiredStoryAPI: a story ID a merge retired answers with a redirect
// to the story that holds its articles, saying whether the service merged
// it itself or an editor did.
func TestRetiredStoryAPI(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "service", "testdata", "bridged.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(raw)), "\n")
	tests := []struct {
		name      string
		send      int  // how many of the articles to send
		editor    bool // whether an editor merges the first two stories
		automatic bool
	}{
		// The third article bridges the first two stories: serve merges.
		{"merged by the service", 3, false, true},
		{"merged by an editor", 2, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newManualFixture(t)
			stories := map[string]string{}
			for _, line := range lines[:tt.send] {
				code, body, _ := f.do(t, "POST", "/api/v1/articles", line, "Content-Type", "application/x-ndjson")
				var res struct{ Articles []struct{ ID, Story string } }
				if err := json.Unmarshal([]byte(body), &res); code != 200 || err != nil || len(res.Articles) != 1 {
					t.Fatalf("ingest: %d %s", code, body)
				}
				stories[res.Articles[0].ID] = res.Articles[0].Story
			}
			bridge, ferry := stories["bridge-cracks"], stories["ferry-queues"]
			if bridge == ferry {
				t.Fatalf("the first two articles share story %s; the test needs them apart", bridge)
			}
			if tt.editor {
				if code, body, _ := f.do(t, "POST", "/api/v1/stories/"+bridge+"/merge", `{"story": "`+ferry+`"}`); code != 200 {
					t.Fatalf("merge: %d %s", code, body)
				}
			}
			resp, err := noRedirects.Get(f.srv.URL + "/api/v1/stories/" + ferry)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var got retired
			if err := json.NewDecoder(resp.Body).Decode(&got); resp.StatusCode != http.StatusFound || err != nil ||
				got != (retired{MergedInto: bridge, Location: "/api/v1/stories/" + bridge, Automatic: tt.automatic}) {
				t.Errorf("GET the retired %s: %d %+v (%v); want 302 to %s, automatic %v", ferry, resp.StatusCode, got, err, bridge, tt.automatic)
			}
			code, body, _ := f.do(t, "GET", "/api/v1/stories/"+ferry, "")
			var one storyBody
			if json.Unmarshal([]byte(body), &one); code != 200 || one.Story == nil || one.Story.ID != bridge || len(one.Articles) != tt.send {
				t.Errorf("following the redirect: %d %.300s; want story %s of %d articles", code, body, bridge, tt.send)
			}
		})
	}
}
