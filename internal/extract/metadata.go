package extract

import (
	"net"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// Metadata is what a page says about itself, beside its text.
type metadata struct {
	title, outlet, author, url, language string
}

// readMetadata takes the metadata from the page's markup, preferring what
// the publisher declares for machines (JSON-LD, Open Graph, Dublin Core)
// over what is shown, and the shown over what is guessed.
func readMetadata(s *signals, pageURL string) metadata {
	var m metadata
	m.url = s.canonicalURL(pageURL)
	m.outlet = firstOf(s.ldPublisher(), s.meta["og:site_name"], s.meta["application-name"])
	m.title = stripSiteName(firstOf(s.ldTitle(), s.meta["dc:title"], s.meta["dcterm:title"], s.meta["dc.title"],
		s.meta["og:title"], s.meta["title"], s.meta["twitter:title"], s.meta["parsely-title"], s.tagTitle()), m.outlet)
	m.author = cleanAuthor(firstOf(s.ldAuthor(), s.meta["dc:creator"], s.meta["dcterm:creator"], s.meta["dc.creator"],
		s.meta["author"], s.meta["parsely-author"], s.meta["sailthru.author"], s.meta["byl"], notURL(s.meta["article:author"]),
		firstOf(s.bylines...)))
	m.language = language(firstOf(s.lang, s.meta["content-language"], s.ldArticle("inLanguage"), s.meta["og:locale"]))
	return m
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v = collapse(v); v != "" {
			return v
		}
	}
	return ""
}

// articleTypes are the schema.org types of a news article or blog post.
var articleType = regexp.MustCompile(`(?i)(article|blogposting|posting|report|webpage)$`)

// ldArticle returns the first of keys set on a JSON-LD article object.
func (s *signals) ldArticle(keys ...string) string {
	for _, obj := range s.jsonLD {
		if !isArticle(obj) {
			continue
		}
		for _, k := range keys {
			if v, ok := obj[k].(string); ok && strings.TrimSpace(v) != "" {
				return v
			}
		}
	}
	return ""
}

func isArticle(obj map[string]any) bool {
	switch t := obj["@type"].(type) {
	case string:
		return articleType.MatchString(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && articleType.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// ldTitle is the article's headline, or its name where the two differ
// and the name is closer to what the page's <title> says: some sites put
// a kicker or a page type in "headline".
func (s *signals) ldTitle() string {
	headline, name := s.ldArticle("headline"), s.ldArticle("name")
	if headline != "" && name != "" && headline != name && overlap(s.title, name) > overlap(s.title, headline) {
		return name
	}
	return firstOf(headline, name)
}

// overlap is the share of a's words that b contains: how much of the
// <title> a candidate covers.
func overlap(a, b string) float64 {
	words := strings.Fields(strings.ToLower(a))
	if len(words) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		in[w] = true
	}
	n := 0
	for _, w := range words {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// ldPublisher is the name of the article's publisher, or of the site the
// JSON-LD describes.
func (s *signals) ldPublisher() string {
	for _, obj := range s.jsonLD {
		if isArticle(obj) {
			if name := names(obj["publisher"]); name != "" {
				return name
			}
		}
	}
	for _, obj := range s.jsonLD {
		if t, _ := obj["@type"].(string); t == "WebSite" || t == "NewsMediaOrganization" {
			if name, _ := obj["name"].(string); name != "" {
				return name
			}
		}
	}
	return ""
}

func (s *signals) ldAuthor() string {
	for _, obj := range s.jsonLD {
		if isArticle(obj) {
			if name := names(obj["author"]); name != "" {
				return name
			}
		}
	}
	return ""
}

// names reads a JSON-LD person or organisation, or a list of them, as
// "A, B".
func names(v any) string {
	switch x := v.(type) {
	case string:
		return notURL(x)
	case map[string]any:
		name, _ := x["name"].(string)
		return notURL(name)
	case []any:
		var out []string
		for _, e := range x {
			if n := names(e); n != "" && !contains(out, n) {
				out = append(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/") {
		return ""
	}
	return s
}

// bylinePrefix is "By" in the languages news is most written in.
var bylinePrefix = regexp.MustCompile(`(?i)^(by|von|par|por|di|door|av|af|przez|autor(a|in)?:?|author:?)\s+`)

// bylineTail is what sites print after the name in a byline: a date or
// time, a handle, "Updated …", a bullet or dash and what follows.
var bylineTail = regexp.MustCompile(`(?i)(\s+[•·|—–]\s*|\s+-\s+|\s*@\w+|\s+(updated|published|last updated|posted|on)\b|\s*\d|\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$`)

// dateLabel opens a byline element that holds only the date.
var dateLabel = regexp.MustCompile(`(?i)^(last updated|updated|published|posted|date)\b`)

func cleanAuthor(s string) string {
	s = collapse(bylinePrefix.ReplaceAllString(collapse(s), ""))
	if dateLabel.MatchString(s) {
		return ""
	}
	s = strings.TrimRight(bylineTail.ReplaceAllString(s, ""), " ,;:—–-")
	if len(s) > 100 || strings.IndexFunc(s, unicode.IsLetter) < 0 || strings.HasPrefix(s, "@") {
		return ""
	}
	return s
}

// titleSeparators join a headline and the site's name in <title>.
var titleSeparator = regexp.MustCompile(` [|\-–—\\/>»·•] `)

var hierarchySeparator = regexp.MustCompile(` [\\/>»] `)

// tagTitle is the <title> without the site name joined to it, as
// Readability.js does: cut at the last separator, or at the first when
// that leaves too little; a single <h1> stands in for a title that is too
// long or too short to be a headline.
func (s *signals) tagTitle() string {
	orig := s.title
	cur := orig
	if locs := titleSeparator.FindAllStringIndex(orig, -1); len(locs) > 0 {
		cur = orig[:locs[len(locs)-1][0]]
		if wordCount(cur) < 3 {
			cur = orig[locs[0][1]:]
		}
	}
	if (len(cur) > 150 || len(cur) < 15) && len(s.h1) == 1 {
		cur = s.h1[0]
	}
	// A short remainder is kept only when a breadcrumb ("Site » Section »
	// Headline") was cut; otherwise it is a fragment of the real title.
	hierarchical := hierarchySeparator.MatchString(orig)
	if wordCount(cur) <= 4 && cur != orig && (!hierarchical || wordCount(titleSeparator.ReplaceAllString(orig, " "))-1 != wordCount(cur)) {
		cur = orig
	}
	return collapse(cur)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// titleSuffix is the site name a <title> adds to the headline, "Headline
// - Dagbladet Syd", when the headline is known from elsewhere.
func (s *signals) titleSuffix(headline string) string {
	h := strings.ToLower(collapse(headline))
	for _, loc := range titleSeparator.FindAllStringIndex(s.title, -1) {
		before, after := strings.TrimSpace(s.title[:loc[0]]), strings.TrimSpace(s.title[loc[1]:])
		if strings.ToLower(before) == h && wordCount(after) <= 5 {
			return after
		}
	}
	return ""
}

// stripSiteName removes the outlet's name where a title carries it:
// "Headline | The Outlet", "The Outlet - Headline".
func stripSiteName(title, outlet string) string {
	if outlet == "" || title == "" {
		return title
	}
	for _, loc := range titleSeparator.FindAllStringIndex(title, -1) {
		before, after := strings.TrimSpace(title[:loc[0]]), strings.TrimSpace(title[loc[1]:])
		switch {
		case namesSite(after, outlet) && wordCount(before) >= 2:
			return before
		case namesSite(before, outlet) && wordCount(after) >= 2:
			return after
		}
	}
	return title
}

// namesSite reports whether part of a title is the outlet's name, or the
// name without the tagline the outlet adds to it ("Aktuálně.cz" for
// "Aktuálně.cz - Víte, co se právě děje").
func namesSite(part, outlet string) bool {
	part, outlet = strings.ToLower(part), strings.ToLower(outlet)
	return part == outlet || len(part) >= 3 && strings.HasPrefix(outlet, part+" ")
}

// language reduces a language tag to its primary subtag: "en-GB", "en_GB"
// and "EN" are "en".
func language(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 || strings.IndexFunc(tag, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	return tag
}

// canonicalURL is the page's own address: its canonical link or og:url,
// resolved against where it was read from. A canonical link to the site's
// home page is a template mistake and is ignored.
func (s *signals) canonicalURL(pageURL string) string {
	base, _ := url.Parse(pageURL)
	if s.base != "" && base != nil {
		if b, err := base.Parse(s.base); err == nil {
			base = b
		}
	}
	for _, c := range []string{s.canonical, s.meta["og:url"]} {
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !homePage(u, pageURL) {
			return u.String()
		}
	}
	return pageURL
}

func homePage(u *url.URL, pageURL string) bool {
	p, err := url.Parse(pageURL)
	return strings.Trim(u.Path, "/") == "" && u.RawQuery == "" && err == nil && strings.Trim(p.Path, "/") != ""
}

// OutletFromHost names an outlet after its web address when nothing else
// names it: "https://www.bbc.co.uk/news/…" is "bbc.co.uk".
func OutletFromHost(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if net.ParseIP(host) != nil {
		return host
	}
	if domain, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return domain
	}
	return host
}
