package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/store"
)

// The Atom feed of new and updated stories (RFC 4287), so that readers can
// follow corroborate in their own feed reader.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Summary atomText   `xml:"summary"`
	Author  atomAuthor `xml:"author"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

// feedID names the feed for good: a feed reader that keys its
// subscription by the id keeps it whichever hostname the feed was read
// under. Entry ids are tag: URIs too.
const feedID = "tag:corroborate,2025:stories"

func (s *Server) atom(w http.ResponseWriter, r *http.Request) error {
	list, _, err := s.stories.Stories(r.Context(), store.Query{Sort: store.Newest, Limit: 50})
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	feed := atomFeed{ID: feedID, Title: "corroborate: stories",
		Links: []atomLink{{Rel: "self", Href: base + "/feed.atom"}, {Href: base + "/"}}}
	var latest time.Time
	for _, st := range list {
		if st.Analyzed == 0 && st.Headline == "" {
			// Not analysed, and its first article has no title: a feed
			// reader would keep "Untitled story". It enters once analysed.
			continue
		}
		updated := entryUpdated(st)
		if updated.After(latest) {
			latest = updated
		}
		e := atomEntry{
			ID: "tag:corroborate," + st.Created.UTC().Format("2006-01-02") + ":story:" + st.ID, Title: orUntitled(st.Headline),
			Updated: updated.UTC().Format(time.RFC3339Nano), Link: atomLink{Href: base + "/stories/" + st.ID},
			Summary: atomText{Type: "text", Body: s.entrySummary(r, st)}, Author: atomAuthor{Name: "corroborate"},
		}
		feed.Entries = append(feed.Entries, e)
	}
	if latest.IsZero() {
		// No entries: a fixed time, so that the empty feed stays the same
		// document and its validators hold. ServeContent takes the Unix
		// epoch for no time, and sends no Last-Modified.
		latest = time.Unix(0, 0)
	}
	feed.Updated = latest.UTC().Format(time.RFC3339Nano)
	var body bytes.Buffer
	body.WriteString(xml.Header)
	enc := xml.NewEncoder(&body)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return fmt.Errorf("encode atom feed: %w", err)
	}
	// Validators, so that a feed reader polling often downloads the feed
	// only when it changed: the ETag is the document's hash (it changes
	// with any entry's text), Last-Modified its newest entry's time.
	// ServeContent answers If-None-Match and If-Modified-Since with 304.
	sum := sha256.Sum256(body.Bytes())
	h := w.Header()
	h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	h.Set("Cache-Control", "no-cache") // a cache must ask again, with the validators
	http.ServeContent(w, r, "", latest, bytes.NewReader(body.Bytes()))
	return nil
}

// entryUpdated is when a story's entry last changed: an article joined,
// or an analysis rewrote its title and summary. A reader that sees the
// same updated keeps the entry it has, "not analysed yet" and all. The
// time keeps its fractions, as an analysis often lands within the second
// its article arrived.
func entryUpdated(st store.Story) time.Time {
	if st.AnalyzedAt.After(st.Updated) {
		return st.AnalyzedAt
	}
	return st.Updated
}

// entrySummary is a story's summary as plain text, with its counts.
func (s *Server) entrySummary(r *http.Request, st store.Story) string {
	full, err := s.stories.Story(r.Context(), st.ID)
	var b strings.Builder
	b.WriteString(plural(st.Articles, "article"))
	if st.Analyzed == 0 {
		b.WriteString(", not analysed yet.") // its voices are not counted until it is
		return b.String()
	}
	b.WriteString(", " + plural(st.Voices, "independent source"))
	if st.Conflicts > 0 {
		b.WriteString(", " + plural(st.Conflicts, "conflict"))
	}
	b.WriteString(".")
	if err == nil && full.Report != nil {
		for _, sent := range full.Report.Summary {
			b.WriteString(" " + sent.Text)
		}
	}
	return b.String()
}

// baseURL is where the server's links point: the configured base URL, or
// else where the client reached this server.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
