// Package ingest reads articles from files, folders, standard input and
// the web: plain text in the shape of scraped news, JSON Lines, HTML pages,
// and RSS, Atom and JSON feeds. Each input that cannot be read becomes an
// error naming it; the rest of the batch goes on.
package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/news"
)

// DefaultMaxBytes caps one article (a text file or one JSON line). No news
// article comes near it; a larger input is a mistake or an attack.
const DefaultMaxBytes = 8 << 20

// Options tune the readers.
type Options struct {
	// MaxBytes caps the size of one article; zero means DefaultMaxBytes.
	MaxBytes int64
	// Fetcher reads http(s) URLs given as paths, and the pages feed items
	// link to; nil refuses URLs.
	Fetcher Fetcher
	// Skip, when set, is given a feed's items, their links made absolute,
	// and reports for each whether to leave it unread: a poller skips the
	// items it has read whose entries in the feed have not changed, rather
	// than fetching their pages once more. It is called once per feed.
	Skip func(items []feed.Item) []bool
	// Parallel, when set, calls fn(i) for every i in [0, n) on a pool of
	// workers and returns when all are done or ctx is cancelled, as
	// pipeline.EachOn's functions do; the pages of a feed's items are then
	// fetched and read at once. Nil reads them one by one.
	Parallel func(ctx context.Context, n int, fn func(i int))
	// TeaserWhenUnread keeps a feed item whose page cannot be fetched,
	// with the feed's teaser as its text, besides reporting the page's
	// error: a one-off analysis has nothing to retry, and a saved feed read
	// offline would otherwise lose every item. A store leaves it unset, so
	// that the page is read when the item comes again.
	TeaserWhenUnread bool
}

// FetchWorkers is how many of a feed's pages are best fetched at once:
// enough to overlap the waits on several hosts, while the Fetcher's
// per-host limit keeps each site from more than a few requests.
const FetchWorkers = 8

func (o Options) parallel() func(ctx context.Context, n int, fn func(i int)) {
	if o.Parallel != nil {
		return o.Parallel
	}
	return func(ctx context.Context, n int, fn func(i int)) {
		for i := 0; i < n && ctx.Err() == nil; i++ {
			fn(i)
		}
	}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Emit receives each article read, or an error for an input that could not
// be read. Exactly one of a and e is non-nil.
type Emit func(a *news.Article, e *news.ItemError)

// Format is how an input is written.
type Format string

const (
	FormatText  Format = "text"
	FormatJSONL Format = "jsonl"
	FormatHTML  Format = "html"
	FormatFeed  Format = "feed"
	FormatTable Format = "table" // CSV or TSV with a header row
)

// Sniff guesses an input's format from its name and first bytes.
func Sniff(name string, head []byte) Format {
	name = strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSONL
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".rss", ".atom", ".xml":
		return FormatFeed
	case ".csv", ".tsv", ".tab":
		return FormatTable
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return FormatJSONL
	case hasPrefixFold(trimmed, "<!doctype html"), hasPrefixFold(trimmed, "<html"):
		return FormatHTML
	case bytes.HasPrefix(trimmed, []byte("<?xml")), hasPrefixFold(trimmed, "<rss"), hasPrefixFold(trimmed, "<feed"):
		return FormatFeed
	}
	return FormatText
}

// tableComma is the separator a table's file name says: tabs for ".tsv"
// and ".tab", else commas.
func tableComma(name string) rune {
	switch filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")) {
	case ".tsv", ".tab":
		return '\t'
	}
	return ','
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// Read parses one input, already in memory, named source, and emits what it
// holds. Gzipped input is unpacked first.
func Read(ctx context.Context, source string, data []byte, opts Options, emit Emit) {
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		unpacked, err := gunzip(data, opts.maxBytes())
		if err != nil {
			fail(emit, source, err)
			return
		}
		data = unpacked
	}
	switch format := Sniff(source, data[:min(len(data), 512)]); {
	case format == FormatJSONL && isJSONFeed(data):
		ReadFeed(ctx, source, data, opts, emit)
	case format == FormatJSONL:
		ReadJSONL(ctx, source, bytes.NewReader(data), opts, emit)
	case format == FormatHTML:
		a, err := ReadHTML(source, data, pageInfo{}, opts)
		if err != nil {
			fail(emit, source, err)
			return
		}
		emit(a, nil)
	case format == FormatFeed:
		ReadFeed(ctx, source, data, opts, emit)
	case format == FormatTable:
		ReadCSV(ctx, source, bytes.NewReader(data), tableComma(source), opts, emit)
	default:
		a, err := ReadText(source, data, opts)
		if err != nil {
			fail(emit, source, err)
			return
		}
		emit(a, nil)
	}
}

// Unpack returns data unpacked when it is gzipped, else as it is, refusing
// more than limit bytes unpacked.
func Unpack(data []byte, limit int64) ([]byte, error) {
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("gunzip: more than %d bytes: %w", limit, news.ErrTooLarge)
	}
	return out, nil
}

// gunzip unpacks a gzipped input. JSON Lines may hold many articles, so
// it allows a generous multiple of one article's limit.
func gunzip(data []byte, limit int64) ([]byte, error) {
	return Unpack(data, 64*limit)
}

func fail(emit Emit, source string, err error) {
	emit(nil, &news.ItemError{Source: source, Error: err.Error()})
}
