package web

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func TestDateOf(t *testing.T) {
	tests := []struct {
		in, machine, human string
	}{
		{"2025-03-05", "2025-03-05", "5 Mar 2025"},
		{"2025-03-05T09:30:00Z", "2025-03-05T09:30:00Z", "5 Mar 2025, 09:30 UTC"},
		{"2025-03-05T10:30:00+01:00", "2025-03-05T09:30:00Z", "5 Mar 2025, 09:30 UTC"},
		{"2025-03-05T23:30:00-05:00", "2025-03-06T04:30:00Z", "6 Mar 2025, 04:30 UTC"},
		{"2025-01", "2025-01", "January 2025"},
		{"1997", "1997", "1997"},
		{"2025-W10", "2025-W10", "week of 3 Mar 2025"},
		{"2025-W54", "", "2025-W54"},
		{"last spring", "", "last spring"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := dateOf(tt.in); got.Machine != tt.machine || got.Human != tt.human {
			t.Errorf("dateOf(%q) = %q, %q; want %q, %q", tt.in, got.Machine, got.Human, tt.machine, tt.human)
		}
	}
}

// rawTime is an RFC 3339 time or a bare ISO day, as the store keeps dates.
var rawTime = regexp.MustCompile(`\d{4}-\d\d-\d\d(T[0-9:]+Z)?`)

// TestPageDates: every page shows a date one readable way, the machine
// form only in <time datetime>, never raw in the text.
func TestPageDates(t *testing.T) {
	f := newFixture(t, Config{})
	articles := `[{"id":"a","outlet":"Courier","published":"2025-03-05T09:30:00Z","title":"Ferry operator halts island crossings","text":"The ferry operator halted all crossings to the island on Wednesday after the ramp at the harbour failed, the company said. About 400 passengers were moved to later sailings."},
{"id":"b","outlet":"Post","published":"2025-03-06","title":"Island crossings halted","text":"All ferry crossings to the island were halted on Wednesday when the harbour ramp failed, the operator said. Some 400 passengers were moved to later sailings."}]`
	if code, body, _ := f.do(t, "POST", "/api/v1/articles", articles); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	if err := f.svc.Settle(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, list, _ := f.do(t, "GET", "/api/v1/stories", "")
	id := regexp.MustCompile(`"id":"([^"]+)"`).FindStringSubmatch(list)
	if id == nil {
		t.Fatalf("no story: %s", list)
	}
	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{`<time datetime="2025-03-06">6 Mar 2025</time>`}},
		{"/stories/" + id[1], []string{
			`<time datetime="2025-03-05T09:30:00Z">5 Mar 2025, 09:30 UTC</time>`, // the first article
			`<time datetime="2025-03-06">6 Mar 2025</time>`,
		}},
		{"/search?q=ferry", []string{`<time datetime="2025-03-05T09:30:00Z">5 Mar 2025, 09:30 UTC</time>`}},
	}
	for _, tt := range tests {
		_, page, _ := f.do(t, "GET", tt.path, "")
		for _, want := range tt.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", tt.path, want)
			}
		}
		shown := regexp.MustCompile(`datetime="[^"]*"`).ReplaceAllString(page, "")
		if raw := rawTime.FindString(shown); raw != "" {
			t.Errorf("%s shows %q raw", tt.path, raw)
		}
	}
}

// TestSourceLinks: a source's link is shown only when it leads to a web
// page; an address of another scheme stored before ingest refused them is
// left off, not drawn as a dead link.
func TestSourceLinks(t *testing.T) {
	s := New(nil, nil, Config{})
	tests := []struct {
		url, want string
	}{
		{"https://news.example/a", `<a href="https://news.example/a"`},
		{"javascript:alert(1)", ""},
		{"data:text/html,x", ""},
		{"vbscript:msgbox(1)", ""},
		{"/relative/path", ""},
	}
	for _, tt := range tests {
		body := storyBody{Story: &news.Story{ID: "s1", Headline: "Ferry halted"}, Articles: []*news.Article{{ID: "a", Outlet: "Courier", URL: tt.url}}}
		var b strings.Builder
		if err := s.pages.ExecuteTemplate(&b, "story.html", newStoryView(body)); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		sources := page[strings.Index(page, `id="sources"`):]
		if tt.want == "" && (strings.Contains(sources, "<a ") || strings.Contains(sources, "ZgotmplZ")) {
			t.Errorf("url %q: the sources show a link:\n%s", tt.url, sources)
		}
		if tt.want != "" && !strings.Contains(sources, tt.want) {
			t.Errorf("url %q: the sources lack %s:\n%s", tt.url, tt.want, sources)
		}
	}
}

// TestCitedThroughGroup: the story page says which of an institution's
// people cited it ("Jefferies: organization, its analysts").
func TestCitedThroughGroup(t *testing.T) {
	s := New(nil, nil, Config{})
	story := &news.Story{ID: "s1", Headline: "Shares slide", Attributions: []news.Attribution{
		{Cited: "Jefferies", Kind: "organization", As: []string{"analysts"}, Sources: []string{"a"}},
		{Cited: "Reuters", Kind: "outlet", Sources: []string{"a"}},
	}}
	var b strings.Builder
	if err := s.pages.ExecuteTemplate(&b, "story.html", newStoryView(storyBody{Story: story, Articles: []*news.Article{{ID: "a", Outlet: "Courier"}}})); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, "<b>Jefferies</b> <span class=\"meta\">organization, its analysts</span>") || !strings.Contains(page, "<b>Reuters</b> <span class=\"meta\">outlet</span>") {
		t.Errorf("the cited parties do not say who cited them:\n%s", page[strings.Index(page, `id="cited"`):])
	}
}
