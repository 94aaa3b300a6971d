package ingest

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/corroborate/corroborate/internal/extract"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// teaserWords is the length under which an item's summary is a teaser for
// the page rather than the article itself.
const teaserWords = 150

// ReadFeed reads an RSS, Atom or JSON feed and emits one article per item.
// An item that carries only a teaser and a link is fetched when a Fetcher
// is set (reading a feed from the web); otherwise its summary is its text.
// An article's source is the page it was fetched from, or the feed's
// source and the item's position ("feed.xml:3"); an item that cannot be
// read is reported under its link, or failing one its position.
func ReadFeed(ctx context.Context, source string, data []byte, opts Options, emit Emit) {
	f, err := feed.Parse(data)
	if err != nil {
		fail(emit, source, err)
		return
	}
	if len(f.Items) == 0 {
		fail(emit, source, fmt.Errorf("feed has no items: %w", news.ErrNoText))
		return
	}
	base := f.Link
	if IsURL(source) {
		base = source
	}
	for i, it := range f.Items {
		if ctx.Err() != nil {
			return
		}
		it.Link = resolve(base, it.Link)
		where := source + ":" + strconv.Itoa(i+1)
		a, err := readItem(ctx, where, f, it, opts)
		if err != nil {
			if it.Link != "" {
				where = it.Link
			}
			fail(emit, where, err)
			continue
		}
		emit(a, nil)
	}
}

func readItem(ctx context.Context, where string, f *feed.Feed, it feed.Item, opts Options) (*news.Article, error) {
	body := extract.Fragment(it.Content)
	if body == "" && opts.Fetcher != nil && it.Link != "" && text.Words(extract.Fragment(it.Summary)) < teaserWords {
		a, err := fetchPage(ctx, it.Link, pageInfo{outlet: f.Title}, opts)
		if err != nil {
			return nil, err
		}
		fillFromItem(a, f, it)
		return a, nil
	}
	if body == "" {
		body = extract.Fragment(it.Summary)
	}
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("item %q has no text: %w", it.Title, news.ErrNoText)
	}
	a := &news.Article{ID: contentID(firstOf(it.Link, it.ID), body), Source: where, URL: it.Link, Text: body}
	fillFromItem(a, f, it)
	if a.Outlet == "" {
		a.Outlet = extract.OutletFromHost(firstOf(it.Link, f.Link))
	}
	return a, nil
}

// fillFromItem completes an article with what the feed says of it; what
// the page itself said is kept.
func fillFromItem(a *news.Article, f *feed.Feed, it feed.Item) {
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Author == "" {
		a.Author = it.Author
	}
	if a.Published.IsZero() {
		a.Published = it.Published
	}
	if a.Outlet == "" {
		a.Outlet = f.Title
	}
	if a.Language == "" {
		a.Language = f.Language
	}
}

// isJSONFeed tells a JSON Feed document from JSON Lines, which share the
// opening brace.
func isJSONFeed(data []byte) bool {
	head := string(data[:min(len(data), 4096)])
	return strings.Contains(head, "jsonfeed.org/version")
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// resolve makes a feed's relative item link absolute against the feed's
// own address (or its site's, for a feed read from a file).
func resolve(base, link string) string {
	if link == "" || IsURL(link) {
		return link
	}
	b, err := url.Parse(base)
	if err != nil || b.Host == "" {
		return link
	}
	u, err := b.Parse(link)
	if err != nil {
		return link
	}
	return u.String()
}
