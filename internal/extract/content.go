package extract

import (
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// content is the main text's tree and what the extractor found beside it.
type content struct {
	node                            *html.Node
	title, author, outlet, language string
}

// noCandidate stands in for a fallback extractor we do not run: an empty
// tree is never preferred to trafilatura's result.
var noCandidate = &html.Node{Type: html.DocumentNode}

// mainContent finds the article body. go-trafilatura scored best here of
// the maintained Go extractors (see docs/extraction.md); readeck's
// go-readability is the fallback it weighs its result against, in place of
// the unmaintained go-readability and go-domdistiller it would run itself,
// which added nothing measurable.
func mainContent(doc *html.Node, pageURL *url.URL) content {
	if pageURL != nil && pageURL.Host == "" {
		pageURL = nil
	}
	fallback := noCandidate
	if art, err := readability.FromDocument(doc, pageURL); err == nil && art.Node != nil {
		fallback = art.Node
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  true,
		ExcludeComments: true,
		IncludeLinks:    true,                 // for the link density of paragraphs, see tidy
		HtmlDateMode:    trafilatura.Disabled, // dates are read by published()
		FallbackCandidates: &trafilatura.FallbackCandidates{
			Readability: fallback,
			Distiller:   noCandidate,
		},
	})
	if err != nil || res.ContentNode == nil {
		// trafilatura gives up on short pages; readability's tree, if any,
		// is better than nothing.
		if fallback != noCandidate && utf8.RuneCountInString(strings.TrimSpace(textOf(fallback))) > 0 {
			return content{node: fallback}
		}
		return content{node: noCandidate}
	}
	m := res.Metadata
	return content{node: res.ContentNode, title: m.Title, author: m.Author, outlet: m.Sitename, language: m.Language}
}
