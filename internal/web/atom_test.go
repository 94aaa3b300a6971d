package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
)

// TestAtomValidators: the feed carries an ETag and Last-Modified and
// answers a conditional request for an unchanged feed with 304, and a
// changed one in full.
func TestAtomValidators(t *testing.T) {
	f := newFixture(t, Config{})
	f.load(t)
	code, _, h := f.do(t, "GET", "/feed.atom", "")
	etag, modified := h.Get("ETag"), h.Get("Last-Modified")
	if code != 200 || etag == "" || modified == "" {
		t.Fatalf("feed: %d, ETag %q, Last-Modified %q", code, etag, modified)
	}
	tests := []struct {
		name   string
		header []string
		want   int
	}{
		{"same ETag", []string{"If-None-Match", etag}, http.StatusNotModified},
		{"one of several ETags", []string{"If-None-Match", `"x", ` + etag}, http.StatusNotModified},
		{"another ETag", []string{"If-None-Match", `"x"`}, http.StatusOK},
		{"not modified since", []string{"If-Modified-Since", modified}, http.StatusNotModified},
		{"modified since", []string{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}, http.StatusOK},
		{"ETag wins over the date", []string{"If-None-Match", `"x"`, "If-Modified-Since", modified}, http.StatusOK},
		{"unconditional", nil, http.StatusOK},
	}
	for _, tt := range tests {
		code, body, h := f.do(t, "GET", "/feed.atom", "", tt.header...)
		if code != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, code, tt.want)
		}
		if code == http.StatusNotModified && (body != "" || h.Get("ETag") != etag) {
			t.Errorf("%s: 304 with %d bytes, ETag %q", tt.name, len(body), h.Get("ETag"))
		}
		if code == http.StatusOK && !strings.Contains(body, "<feed") {
			t.Errorf("%s: 200 without the feed", tt.name)
		}
	}
	// A new story changes the feed: the old validators no longer hold.
	if code, body, _ := f.do(t, "POST", "/api/v1/articles", `{"id": "ferry", "title": "Ferry crossings halted", "text": "The ferry operator halted all crossings to the island on Wednesday after the ramp at the harbour failed."}`); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	if err := f.svc.Settle(context.Background()); err != nil {
		t.Fatal(err)
	}
	code, body, h := f.do(t, "GET", "/feed.atom", "", "If-None-Match", etag)
	if code != http.StatusOK || h.Get("ETag") == etag || !strings.Contains(body, "Ferry crossings halted") {
		t.Errorf("changed feed: %d, ETag %q (was %q)", code, h.Get("ETag"), etag)
	}
}

// TestAtomStableID: the feed's id does not come from the Host a request
// names, and with a base URL configured neither do its links.
func TestAtomStableID(t *testing.T) {
	tests := []struct {
		name, base, host string
		wantLink         string
	}{
		{"no base URL: links follow the host", "", "a.example", "http://a.example/feed.atom"},
		{"no base URL, another host", "", "b.example:8080", "http://b.example:8080/feed.atom"},
		{"base URL", "https://news.example.org/", "a.example", "https://news.example.org/feed.atom"},
		{"base URL, another host", "https://news.example.org", "b.example", "https://news.example.org/feed.atom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Config{BaseURL: tt.base})
			code, body, _ := f.do(t, "GET", "/feed.atom", "", "Host", tt.host)
			var feed atomFeed
			if err := xml.Unmarshal([]byte(body), &feed); code != 200 || err != nil {
				t.Fatalf("%d %v", code, err)
			}
			if feed.ID != feedID {
				t.Errorf("feed id %q, want %q", feed.ID, feedID)
			}
			if len(feed.Links) == 0 || feed.Links[0].Href != tt.wantLink {
				t.Errorf("links %+v, want self %q", feed.Links, tt.wantLink)
			}
		})
	}
}

// TestAtomEmpty: a feed of no entries is one fixed document, with an ETag
// and no Last-Modified, since it has no newest entry to date it by.
func TestAtomEmpty(t *testing.T) {
	f := newFixture(t, Config{})
	code, body, h := f.do(t, "GET", "/feed.atom", "")
	if code != 200 || h.Get("ETag") == "" || h.Get("Last-Modified") != "" || !strings.Contains(body, "<updated>1970-01-01T00:00:00Z</updated>") {
		t.Fatalf("empty feed: %d, ETag %q, Last-Modified %q\n%s", code, h.Get("ETag"), h.Get("Last-Modified"), body)
	}
	if again, _, _ := f.do(t, "GET", "/feed.atom", "", "If-None-Match", h.Get("ETag")); again != http.StatusNotModified {
		t.Errorf("empty feed asked again with its ETag: %d, want 304", again)
	}
}
