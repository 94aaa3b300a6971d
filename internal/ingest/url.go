package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/internal/fetch"
	"github.com/corroborate/corroborate/internal/news"
)

// Fetcher gets a resource from the web; *fetch.Client is one.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (*fetch.Response, error)
}

// IsURL reports whether an argument names a web resource rather than a
// path.
func IsURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// WebURL returns an article's address when it is one a reader can follow,
// an absolute http or https URL, and "" otherwise. A javascript:, data: or
// vbscript: link, a mailto:, or a relative path names no page: the article
// is kept without it, since its text is what matters, rather than stored
// with a link that a page would show dead (or, rendered as given, run).
func WebURL(s string) string {
	s = strings.TrimSpace(s)
	if _, ok := fetch.ParseWebURL(s); !ok {
		return ""
	}
	return s
}

// ReadURL fetches a page or a feed and emits its articles: one for a page,
// one per item for a feed.
func ReadURL(ctx context.Context, url string, opts Options, emit Emit) {
	if opts.Fetcher == nil {
		fail(emit, url, fmt.Errorf("reading URLs is not enabled: %w", news.ErrFormat))
		return
	}
	resp, err := opts.Fetcher.Fetch(ctx, url)
	if err != nil {
		fail(emit, url, err)
		return
	}
	data := resp.Body
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		if data, err = gunzip(data, opts.maxBytes()); err != nil {
			fail(emit, url, err)
			return
		}
	}
	if looksLikeFeed(resp.ContentType, data) {
		ReadFeed(ctx, resp.URL, data, opts, emit)
		return
	}
	a, err := ReadHTML(resp.URL, data, pageInfo{url: resp.URL, contentType: resp.ContentType}, opts)
	if err != nil {
		fail(emit, url, err)
		return
	}
	emit(a, nil)
}

// fetchPage fetches and reads the page a feed item links to.
func fetchPage(ctx context.Context, url string, page pageInfo, opts Options) (*news.Article, error) {
	resp, err := opts.Fetcher.Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	page.url, page.contentType = resp.URL, resp.ContentType
	a, err := ReadHTML(resp.URL, resp.Body, page, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	return a, nil
}

// looksLikeFeed tells a feed from a page by its media type, or failing a
// clear one, by its first bytes.
func looksLikeFeed(contentType string, data []byte) bool {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"), strings.Contains(ct, "feed+json"):
		return true
	case strings.Contains(ct, "html"):
		return false
	}
	return Sniff("", data[:min(len(data), 512)]) == FormatFeed || isJSONFeed(data)
}
