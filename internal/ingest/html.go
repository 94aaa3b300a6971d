package ingest

import (
	"fmt"

	"github.com/corroborate/corroborate/internal/extract"
	"github.com/corroborate/corroborate/internal/news"
)

// ReadHTML reads one web page: the article's text and metadata. pageURL,
// contentType and outlet are what the caller knows of the page (any may
// be empty).
func ReadHTML(source string, data []byte, page pageInfo, opts Options) (*news.Article, error) {
	p, err := extract.HTML(data, extract.Options{
		URL: page.url, ContentType: page.contentType, Outlet: page.outlet, MaxBytes: opts.maxBytes(),
	})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	address := WebURL(p.URL)
	id := stem(source)
	if page.url != "" {
		id = contentID(address, p.Text)
	}
	return &news.Article{
		ID: id, Source: source, URL: address, Outlet: p.Outlet, Title: p.Title, Author: p.Author,
		Published: p.Published, Language: p.Language, Text: p.Text,
	}, nil
}

// pageInfo is what is known of a page before reading it.
type pageInfo struct {
	url, contentType, outlet string
}
