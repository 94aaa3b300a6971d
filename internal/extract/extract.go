// Package extract turns an HTML page into an article: the main text,
// cleaned of what news sites put around and inside it, and the metadata an
// editor needs (title, outlet, author, publication date, canonical URL,
// language).
//
// The main text comes from go-trafilatura, with readeck's go-readability
// as a fallback where trafilatura finds little; our own tidying runs on
// top, since both leave in-body teasers, share prompts and appeals in
// place. Metadata is read from the markup publishers write for machines
// (JSON-LD, Open Graph, Dublin Core, <time>), then from what the page
// shows, then from the URL.
package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// DefaultMaxBytes caps the size of one page. News pages with all their
// scripts inlined stay well under it.
const DefaultMaxBytes = 8 << 20

// Options describe where a page came from.
type Options struct {
	// URL is the page's address, if known: it resolves the canonical link
	// and names the outlet and date when the page does not.
	URL string
	// ContentType is the HTTP Content-Type header, which may name the
	// charset.
	ContentType string
	// MaxBytes caps the page size; zero means DefaultMaxBytes.
	MaxBytes int64
	// Outlet names the publisher when the page does not, as a feed's title
	// does for its items; failing both, the outlet is named after the host.
	Outlet string
}

// Page is an article read from a web page. Published is zero and the
// strings are empty where the page does not say.
type Page struct {
	Title     string         `json:"title"`
	Outlet    string         `json:"outlet"`
	Author    string         `json:"author"`
	Published news.Timestamp `json:"published"`
	URL       string         `json:"url"`
	Language  string         `json:"language"`
	Text      string         `json:"text"`
}

// HTML extracts the article from one page. It fails with news.ErrTooLarge,
// news.ErrBinary, news.ErrFormat (not an HTML page) or news.ErrNoText (a
// page without an article).
func HTML(data []byte, opts Options) (*Page, error) {
	if limit := opts.maxBytes(); int64(len(data)) > limit {
		return nil, fmt.Errorf("page of %d bytes, over the %d-byte limit: %w", len(data), limit, news.ErrTooLarge)
	}
	if err := checkBinary(data); err != nil {
		return nil, err
	}
	text, _ := decode(data, opts.ContentType)
	if !hasMarkup(text) {
		return nil, fmt.Errorf("not an HTML page: %w", news.ErrFormat)
	}
	start := time.Now()
	doc, err := html.Parse(bytes.NewReader(text))
	timeLibrary(start)
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	return fromDocument(doc, opts)
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func fromDocument(doc *html.Node, opts Options) (*Page, error) {
	sig := scan(doc)
	meta := readMetadata(sig, opts.URL)
	pageURL, _ := url.Parse(meta.url)
	body := mainContent(doc, pageURL, firstOf(sig.meta["og:description"], sig.meta["description"], sig.meta["twitter:description"], sig.ldArticle("description")))
	paras := tidy(paragraphs(body.node))
	title := firstOf(meta.title, body.title)
	if onlyTitle(paras, title) {
		return nil, fmt.Errorf("no article text in the page: %w", news.ErrNoText)
	}
	if text.Fingerprint(paras[0]) == text.Fingerprint(title) {
		paras = paras[1:] // the headline opening the body is the title, said once
	}
	p := &Page{
		Title:     title,
		Outlet:    firstOf(meta.outlet, sig.titleSuffix(meta.title), opts.Outlet, OutletFromHost(meta.url)),
		Author:    firstOf(meta.author, cleanAuthor(body.author)),
		Published: sig.published(meta.url),
		URL:       meta.url,
		Language:  firstOf(meta.language, body.language),
		Text:      strings.Join(paras, "\n\n"),
	}
	if p.Published.IsZero() && opts.URL != meta.url {
		p.Published = dateInURL(opts.URL)
	}
	if p.Published.IsZero() {
		p.Published = sig.shownDate(paras)
	}
	return p, nil
}

// checkBinary refuses empty input and binary data, which no web page
// holds: a NUL byte near the start (outside UTF-16) or many control
// characters. Stray NULs further in occur in real pages and are harmless.
func checkBinary(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data[:min(len(data), 64<<10)])) == 0:
		return news.ErrEmpty
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return nil
	case bytes.IndexByte(data[:min(len(data), 1024)], 0) >= 0:
		return fmt.Errorf("not an HTML page: %w", news.ErrBinary)
	}
	sample, control := data[:min(len(data), 8192)], 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	if control*10 > len(sample) {
		return fmt.Errorf("not an HTML page: %w", news.ErrBinary)
	}
	return nil
}

// markupTags open an HTML page or fragment; text without any of them is
// not a page.
var markupTags = []string{"html", "body", "head", "p", "div", "article", "!doctype", "title", "meta", "br", "main", "section"}

// hasMarkup looks at each "<" in the first 64 KiB for one of markupTags,
// without copying the page to lower case.
func hasMarkup(text []byte) bool {
	head := text[:min(len(text), 64<<10)]
	for i := bytes.IndexByte(head, '<'); i >= 0; {
		rest := head[i+1:]
		for _, tag := range markupTags {
			if len(rest) > len(tag) && bytes.EqualFold(rest[:len(tag)], []byte(tag)) && !isNameByte(rest[len(tag)]) {
				return true
			}
		}
		next := bytes.IndexByte(rest, '<')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == ':'
}

// onlyTitle reports whether the text holds nothing but the headline, as
// the extractors return for an empty page.
func onlyTitle(paras []string, title string) bool {
	key := text.Fingerprint(title)
	for _, p := range paras {
		if text.Fingerprint(p) != key {
			return false
		}
	}
	return true
}

// Fragment turns the HTML of an article body, as feeds carry it, into
// paragraphs of text, tidied as a page's main text is. Plain text passes
// through with its entities decoded.
func Fragment(src string) string {
	if !strings.Contains(src, "<") {
		return strings.TrimSpace(html.UnescapeString(src))
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	return strings.Join(tidy(paragraphs(doc)), "\n\n")
}
