package web

import (
	"encoding/json"
	"net/http"
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
