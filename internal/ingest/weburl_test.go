package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func TestWebURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example/a?b=1#c", "https://news.example/a?b=1#c"},
		{"  http://news.example/a ", "http://news.example/a"},
		{"HTTPS://NEWS.EXAMPLE/A", "HTTPS://NEWS.EXAMPLE/A"},
		{"javascript:alert(1)", ""},
		{" JavaScript:alert(1)", ""},
		{"javascript://news.example/%0aalert(1)", ""},
		{"data:text/html;base64,PHNjcmlwdD4=", ""},
		{"vbscript:msgbox(1)", ""},
		{"mailto:desk@news.example", ""},
		{"ftp://news.example/a", ""},
		{"/2025/03/ferry", ""},
		{"news.example/a", ""},
		{"https:ferry", ""},
		{"\x01javascript:alert(1)", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := WebURL(tt.in); got != tt.want {
			t.Errorf("WebURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNonWebURLsDropped: an article whose address is not a web page's is
// kept, without the address, whichever way it comes in.
func TestNonWebURLsDropped(t *testing.T) {
	const body = "The ferry operator halted all crossings to the island on Wednesday after the ramp at the harbour failed."
	readers := []struct {
		name string
		read func(link string) ([]*news.Article, error)
	}{
		{"json", func(link string) ([]*news.Article, error) {
			a, err := ParseJSON("in.jsonl:1", []byte(`{"text": "`+body+`", "url": "`+link+`"}`))
			return []*news.Article{a}, err
		}},
		{"json alias", func(link string) ([]*news.Article, error) {
			a, err := ParseJSON("in.jsonl:1", []byte(`{"maintext": "`+body+`", "link": "`+link+`"}`))
			return []*news.Article{a}, err
		}},
		{"html page", func(link string) ([]*news.Article, error) {
			page := `<html><head><title>Ferry halted</title><link rel="canonical" href="` + link + `"></head><body><article><p>` + body + `</p></article></body></html>`
			a, err := ReadHTML("https://news.example/ferry", []byte(page), pageInfo{}, Options{})
			return []*news.Article{a}, err
		}},
		{"feed item", func(link string) ([]*news.Article, error) {
			rss := `<rss version="2.0"><channel><title>The Ledger</title><link>https://ledger.example/</link>
<item><title>Ferry halted</title><link>` + link + `</link><description>` + body + `</description></item></channel></rss>`
			var got collected
			err := FeedItems(context.Background(), "ledger.xml", []byte(rss), Options{}, got.emit)
			if len(got.errs) > 0 {
				t.Errorf("feed item errors: %v", got.errs)
			}
			return got.articles, err
		}},
	}
	for _, r := range readers {
		for _, link := range []string{"javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)"} {
			articles, err := r.read(link)
			if err != nil || len(articles) != 1 {
				t.Errorf("%s with url %q: %d articles, %v; want the article kept", r.name, link, len(articles), err)
				continue
			}
			if a := articles[0]; a.URL != "" || !strings.Contains(a.Text, "ferry operator") {
				t.Errorf("%s with url %q: URL %q, text %q; want no URL and the text", r.name, link, a.URL, a.Text)
			}
		}
	}
}
