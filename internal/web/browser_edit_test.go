package web

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserEdits splits and merges stories through the story page's
// controls in headless Chromium, on a server that wants a token: the
// editor is asked for it, errors show on the page with the selection
// kept, and each edit lands on the story it made, as the API tells it.
func TestBrowserEdits(t *testing.T) {
	ctx := browse(t)
	f := newFixture(t, Config{Token: "s3cret"})
	stories := f.load(t)
	flood, rail, chess := stories["courier-flood-1"], stories["ledger-rail-1"], stories["eastgate-post-chess"]
	run := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	pick := func(id string) string { return `#sources input.pick[value="` + id + `"]` }
	// errorShows waits for the form's error to say want.
	errorShows := func(form, want string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("`+form+` .error").checkVisibility() && document.querySelector("`+form+` .error").textContent.includes(`+jsString(want)+`)`))
		if err != nil {
			msg, _ := chromedp.Run(ctx, chromedp.TextContent(form+" .error"))
			t.Fatalf("%s shows %q, want %q: %v", form, msg, want, err)
		}
	}
	// land clicks sel and returns the story the page it leads to shows.
	land := func(sel string) string {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel))); err != nil {
			t.Fatal(err)
		}
		run(chromedp.WaitVisible("#edit summary"))
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(loc, "s3cret") {
			t.Fatalf("the token is in the URL %s", loc)
		}
		u, _ := url.Parse(loc)
		id, ok := strings.CutPrefix(u.Path, "/stories/")
		if !ok {
			t.Fatalf("landed on %s, not a story page", loc)
		}
		return id
	}
	checked := func() []string {
		t.Helper()
		ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("input.pick:checked")].map(p => p.value)`))
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		return ids
	}

	// The controls show once the panel opens, and ask for the token.
	run(chromedp.Navigate(f.srv.URL+"/stories/"+flood), chromedp.WaitVisible("#edit summary"), chromedp.WaitNotVisible(pick("northwind-wire")),
		chromedp.Click("#edit summary"), chromedp.WaitVisible(pick("northwind-wire")), chromedp.WaitVisible("#token"))

	// Without the token the API's 401 shows.
	run(chromedp.Click(pick("eastgate-post-flood")), chromedp.Click(pick("northwind-wire")), chromedp.Click("#split > button"))
	errorShows("#split", "a bearer token is required")
	run(chromedp.SendKeys("#token input", "s3cret"), chromedp.Click("#token button"), chromedp.WaitVisible("#token-set"), chromedp.WaitNotVisible("#token"))

	// With every article but a version ticked, the version comes along
	// and none would stay: the API's 400 shows, the selection stays.
	run(chromedp.Click(pick("courier-flood-1")), chromedp.Click(pick("harbor-daily-wire-copy")), chromedp.Click("#split > button"))
	errorShows("#split", "with their versions and copies, are all 5")
	if got := checked(); !slices.Equal(got, []string{"courier-flood-1", "eastgate-post-flood", "harbor-daily-wire-copy", "northwind-wire"}) {
		t.Errorf("after the refused split %v are ticked, want the four as they were", got)
	}
	screenshot(t, ctx, "story-edit-error.jpg")

	// Split off two: the page of the new story, which the API agrees
	// holds them.
	run(chromedp.Click(pick("courier-flood-1")), chromedp.Click(pick("harbor-daily-wire-copy")))
	split := land("#split > button")
	if split == flood {
		t.Fatalf("the split stayed on the flood story's page")
	}
	f.agrees(t, split, "eastgate-post-flood", "northwind-wire")
	f.agrees(t, flood, "courier-flood-1", "courier-flood-2", "harbor-daily-wire-copy")
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#sources li").length`)); err != nil || n != 2 {
		t.Errorf("the new story's page lists %d sources, want 2: %v", n, err)
	}

	// Merge it back by pasting the flood story's page URL: the page of
	// the story that holds all five, which the old IDs lead to.
	run(chromedp.Click("#edit summary"), chromedp.SendKeys("#merge-with", f.srv.URL+"/stories/"+flood))
	merged := land("#merge > button")
	five := []string{"courier-flood-1", "courier-flood-2", "eastgate-post-flood", "harbor-daily-wire-copy", "northwind-wire"}
	for _, id := range []string{merged, flood, split} {
		f.agrees(t, id, five...)
	}

	// A story that is not there: the API's 404 shows.
	run(chromedp.Click("#edit summary"), chromedp.SendKeys("#merge-with", "no-such-story"), chromedp.Click("#merge > button"))
	errorShows("#merge", "story no-such-story")

	// A pasted URL whose escapes do not decode names no story, and says so.
	run(chromedp.SetValue("#merge-with", f.srv.URL+"/stories/%E0%A4%A"), chromedp.Click("#merge > button"))
	errorShows("#merge", "name the story to merge with")

	// The closest stories are listed, each with a merge button.
	run(chromedp.Navigate(f.srv.URL+"/stories/"+rail), chromedp.WaitVisible("#edit summary"), chromedp.Click("#edit summary"),
		chromedp.WaitVisible(`#merge .nearest button[data-story="`+chess+`"]`))
	screenshot(t, ctx, "story-edit.jpg")
	if got := land(`#merge .nearest button[data-story="` + chess + `"]`); got != rail {
		t.Errorf("merging the chess story landed on %s, want the larger rail story %s", got, rail)
	}
	f.agrees(t, rail, "eastgate-post-chess", "ledger-rail-1", "post-rail-1")
}

// agrees checks that the API's story for id (after a redirect) holds
// exactly the given articles.
func (f *fixture) agrees(t *testing.T, id string, articles ...string) {
	t.Helper()
	code, body, _ := f.do(t, "GET", "/api/v1/stories/"+id, "")
	var got storyBody
	json.Unmarshal([]byte(body), &got)
	var ids []string
	for _, a := range got.Articles {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	if code != 200 || !slices.Equal(ids, articles) {
		t.Errorf("the API's story %s: %d, articles %v; want %v", id, code, ids, articles)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
