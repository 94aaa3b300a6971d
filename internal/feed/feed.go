// Package feed reads news feeds: RSS 0.9x, 1.0 (RDF) and 2.0, Atom 1.0 and
// JSON Feed 1.x. It turns each into a list of items with their links,
// dates, authors and whatever text the feed carries; fetching the pages
// behind the links is the caller's business.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/corroborate/corroborate/internal/news"
)

// Feed is a parsed feed.
type Feed struct {
	Title    string `json:"title"` // the publication's name, as the feed gives it
	Link     string `json:"link"`  // the publication's home page
	Language string `json:"language"`
	Items    []Item `json:"items"`
}

// Item is one entry of a feed. Content and Summary are HTML or plain text
// as the feed wrote them; either may be empty. Updated is when the feed
// says the item last changed (Atom's updated, JSON Feed's date_modified,
// RSS's atom:updated or dc:modified); a feed that gives only that date has
// it as Published too.
type Item struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Link      string         `json:"link"`
	Author    string         `json:"author"`
	Published news.Timestamp `json:"published"`
	Updated   news.Timestamp `json:"updated"`
	Summary   string         `json:"summary"`
	Content   string         `json:"content"`
}

// ErrNotFeed wraps news.ErrFormat for input that is none of the feed
// formats, so callers can tell it from a broken feed.
var ErrNotFeed = fmt.Errorf("not an RSS, Atom or JSON feed: %w", news.ErrFormat)

// Parse reads a feed in any of the supported formats, telling them apart by
// their first bytes and root element.
func Parse(data []byte) (*Feed, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("parse feed: %w", news.ErrEmpty)
	}
	var (
		f   *Feed
		err error
	)
	switch trimmed[0] {
	case '{':
		f, err = parseJSON(trimmed)
	case '<':
		f, err = parseXML(trimmed)
	default:
		return nil, ErrNotFeed
	}
	if err != nil {
		if errors.Is(err, news.ErrFormat) {
			return nil, err
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f.tidy()
	return f, nil
}

func (f *Feed) tidy() {
	f.Title = collapse(plainText(f.Title))
	f.Link = strings.TrimSpace(f.Link)
	f.Language = strings.TrimSpace(f.Language)
	for i := range f.Items {
		it := &f.Items[i]
		it.Title, it.Author = collapse(plainText(it.Title)), collapse(it.Author)
		it.Link, it.ID = strings.TrimSpace(it.Link), strings.TrimSpace(it.ID)
		it.Summary, it.Content = strings.TrimSpace(it.Summary), strings.TrimSpace(it.Content)
		if it.Link == "" && (strings.HasPrefix(it.ID, "http://") || strings.HasPrefix(it.ID, "https://")) {
			it.Link = it.ID // RSS guid isPermaLink, Atom ids that are URLs
		}
	}
}

func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// plainText drops the markup some feeds put in titles (Atom's
// type="html"), keeping the text.
func plainText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}
