package extract

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// content is the main text's tree and what the extractor found beside it.
type content struct {
	node                    *html.Node
	title, author, language string
}

// noCandidate stands in for a fallback extractor we do not run: an empty
// tree is never preferred to trafilatura's result.
var noCandidate = &html.Node{Type: html.DocumentNode}

// confidentRunes is the length of main text above which readability is
// not consulted: trafilatura prefers a candidate only when it is twice as
// long as its own result or its own has no paragraphs, which long results
// seldom lack. On the trafilatura benchmark, consulting it for every page
// moved F1 by 0.001 and cost a third more time (see docs/extraction.md).
const confidentRunes = 1500

// mainContent finds the article body. go-trafilatura scored best here of
// the maintained Go extractors (see docs/extraction.md); readeck's
// go-readability is the fallback it weighs a short result against, in
// place of the go-readability and go-domdistiller it would run itself:
// readeck's fork is the maintained one, and dom-distiller added nothing
// measurable.
func mainContent(doc *html.Node, pageURL *url.URL, lead string) content {
	if pageURL != nil && pageURL.Host == "" {
		pageURL = nil
	}
	opts := trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  true,
		ExcludeComments: true,
		IncludeLinks:    true,                 // for the link density of paragraphs, see tidy
		HtmlDateMode:    trafilatura.Disabled, // dates are read by published()
		// No candidates yet: trafilatura still runs its final clean-up of
		// the tree, which fallback mode brings.
		FallbackCandidates: &trafilatura.FallbackCandidates{Readability: noCandidate, Distiller: noCandidate},
	}
	start := time.Now()
	res, err := trafilatura.ExtractDocument(doc, opts)
	timeLibrary(start)
	long := err == nil && res.ContentNode != nil && utf8.RuneCountInString(res.ContentText) >= confidentRunes
	if long {
		if own := coverage(res.ContentText, lead, offTopic); own >= offTopic {
			return fromResult(res)
		} else if alt := readabilityNode(doc, pageURL); alt != noCandidate && coverage(textOf(alt), lead, own+0.3) >= own+0.3 {
			// A long text that misses what the page says it is about is
			// usually the comments or a sign-in box; readability found the
			// article the summary describes.
			c := fromResult(res)
			c.node = alt
			return c
		}
		return fromResult(res)
	}
	// A short or failed result: weigh readability's against it, as
	// trafilatura's fallback does.
	fallback := readabilityNode(doc, pageURL)
	opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: fallback, Distiller: noCandidate}
	start = time.Now()
	res, err = trafilatura.ExtractDocument(doc, opts)
	timeLibrary(start)
	if err != nil || res.ContentNode == nil {
		// trafilatura gives up on short pages; readability's tree, if any,
		// is better than nothing.
		if fallback != noCandidate && strings.TrimSpace(textOf(fallback)) != "" {
			return content{node: fallback}
		}
		return content{node: noCandidate}
	}
	c := fromResult(res)
	c.node = unflattened(doc, c.node)
	return c
}

func readabilityNode(doc *html.Node, pageURL *url.URL) *html.Node {
	defer timeLibrary(time.Now())
	if art, err := readability.FromDocument(doc, pageURL); err == nil && art.Node != nil {
		return art.Node
	}
	return noCandidate
}

// offTopic is the share of the page's summary words below which the main
// text is suspected of being something else than the article.
const offTopic = 0.4

// coverage is the share of the content words of lead (the page's own
// description) found in text; 1 when there is no usable lead. It stops
// reading once the share reaches enough, which most articles do in their
// first paragraphs, so a result at or above enough is only a lower bound.
func coverage(text, lead string, enough float64) float64 {
	want := map[string]bool{}
	eachContentWord(lead, func(w []byte) bool {
		want[string(w)] = false
		return true
	})
	if len(want) < 5 {
		return 1
	}
	found := 0
	eachContentWord(text, func(w []byte) bool {
		if seen, ok := want[string(w)]; ok && !seen {
			want[string(w)] = true
			found++
		}
		return float64(found) < enough*float64(len(want))
	})
	return float64(found) / float64(len(want))
}

// eachContentWord calls fn with each word of four letters or more,
// lower-cased, until fn returns false: enough to skip most function words
// in the languages news is written in. The word is only valid during the
// call, so that a long text is read without a string per word.
func eachContentWord(s string, fn func(w []byte) bool) {
	var word []byte
	runes := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = utf8.AppendRune(word, unicode.ToLower(r))
			runes++
			continue
		}
		if runes >= 4 && !fn(word) {
			return
		}
		word, runes = word[:0], 0
	}
	if runes >= 4 {
		fn(word)
	}
}

// unflattened returns the element of the page that a one-paragraph result
// was flattened from, when the page has one saying the same in more
// paragraphs. On a short page trafilatura falls back to its baseline,
// which joins the whole text of the page's <article> (or <body>) into one
// paragraph, and where the markup has no white space between paragraphs
// ("…a year.</p><p>The council…") glues their words ("a year.The
// council"). Rendered from the element, the paragraphs are the page's own.
func unflattened(doc, node *html.Node) *html.Node {
	paras := paragraphs(node)
	if len(paras) != 1 {
		return node
	}
	want := lettersOf(paras[0].text)
	for _, tag := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		el := firstElement(doc, tag)
		if el == nil {
			continue
		}
		rendered := paragraphs(el)
		var b strings.Builder
		for _, p := range rendered {
			b.WriteString(p.text)
		}
		if len(rendered) > 1 && lettersOf(b.String()) == want {
			return el
		}
	}
	return node
}

// lettersOf keeps a text's letters and digits, lower-cased: what two
// renderings of one text share however their spaces and breaks fall.
func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// firstElement returns the first element of the tree with the tag, in
// document order.
func firstElement(n *html.Node, tag atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := firstElement(c, tag); found != nil {
			return found
		}
	}
	return nil
}

func fromResult(res *trafilatura.ExtractResult) content {
	m := res.Metadata
	// Its site name is left out: it falls back to the host name, which
	// comes after the caller's outlet (a feed's title) in our order.
	return content{node: res.ContentNode, title: m.Title, author: m.Author, language: m.Language}
}
