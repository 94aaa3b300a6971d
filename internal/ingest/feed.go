package ingest

import (
	"context"
	"errors"
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
	if err := FeedItems(ctx, source, data, opts, emit); err != nil && ctx.Err() == nil {
		fail(emit, source, err)
	}
}

// FeedItems is ReadFeed for a caller that treats the feed as a whole
// failing apart from its items (a poller backing off): it returns the
// error of a feed that cannot be read, or has no items, and emits only the
// items' articles and errors.
func FeedItems(ctx context.Context, source string, data []byte, opts Options, emit Emit) error {
	f, err := feed.Parse(data)
	if err != nil {
		return err
	}
	if len(f.Items) == 0 {
		return fmt.Errorf("feed has no items: %w", news.ErrNoText)
	}
	base := f.Link
	if IsURL(source) {
		base = source
	}
	for i := range f.Items {
		// A link that is not a web page's (javascript:, data:) is no
		// link: the item is read from the feed, and kept without it.
		f.Items[i].Link = WebURL(resolve(base, f.Items[i].Link))
	}
	// Which items to read is decided here, for the whole feed at once, so
	// that Skip (which may ask a store) is asked once, from one goroutine.
	var skip []bool
	if opts.Skip != nil {
		skip = opts.Skip(f.Items)
	}
	var todo []int
	for i := range f.Items {
		if i < len(skip) && skip[i] {
			continue
		}
		todo = append(todo, i)
	}
	// Items with only a teaser are read from their pages, which is slow:
	// they are read on opts.Parallel's workers (the Fetcher limits each
	// host), and emitted in feed order once all are done.
	type result struct {
		a   *news.Article
		err error
	}
	results := make([]*result, len(todo))
	opts.parallel()(ctx, len(todo), func(j int) {
		i := todo[j]
		a, err := readItem(ctx, itemSource(source, i), f, f.Items[i], opts)
		results[j] = &result{a, err}
	})
	for j, r := range results {
		if r == nil || r.err != nil && ctx.Err() != nil && errors.Is(r.err, ctx.Err()) {
			continue // not read, or failed, because ctx was cancelled
		}
		if r.err != nil {
			where := itemSource(source, todo[j])
			if link := f.Items[todo[j]].Link; link != "" {
				where = link
			}
			fail(emit, where, r.err)
		}
		if r.a != nil {
			emit(r.a, nil)
		}
	}
	return ctx.Err()
}

// itemSource names a feed item by the feed and its position: "feed.xml:3".
func itemSource(source string, i int) string {
	return source + ":" + strconv.Itoa(i+1)
}

// ReadsPage reports whether an item is read from the page it links to,
// the feed carrying only a teaser of it, when pages can be fetched.
func ReadsPage(it feed.Item) bool {
	return it.Link != "" && extract.Fragment(it.Content) == "" && text.Words(extract.Fragment(it.Summary)) < teaserWords
}

// readItem reads an item from its page or from the feed. Its error and
// article are both set when the page failed and the teaser was kept
// (opts.TeaserWhenUnread).
func readItem(ctx context.Context, where string, f *feed.Feed, it feed.Item, opts Options) (*news.Article, error) {
	if opts.Fetcher != nil && ReadsPage(it) {
		a, err := fetchPage(ctx, it.Link, pageInfo{outlet: f.Title}, opts)
		if err != nil {
			if !opts.TeaserWhenUnread || ctx.Err() != nil {
				return nil, err
			}
			if a, terr := itemFromFeed(where, f, it); terr == nil {
				return a, fmt.Errorf("%w; the feed's teaser is read instead", err)
			}
			return nil, err
		}
		fillFromItem(a, f, it)
		return a, nil
	}
	return itemFromFeed(where, f, it)
}

// itemFromFeed reads an item from what the feed carries of it.
func itemFromFeed(where string, f *feed.Feed, it feed.Item) (*news.Article, error) {
	body := extract.Fragment(it.Content)
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
