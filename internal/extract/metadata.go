package extract

import (
	"html"
	"net"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"

	"github.com/corroborate/corroborate/internal/news"
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
	m.language = news.LanguageTag(firstOf(s.lang, s.meta["content-language"], s.ldArticle("inLanguage"), s.meta["og:locale"]))
	return m
}

// firstOf returns the first value that is not blank, white space
// collapsed. Entities are decoded once more: sites often escape twice
// ("&amp;#8217;" in a meta tag).
func firstOf(values ...string) string {
	for _, v := range values {
		if strings.Contains(v, "&") {
			v = html.UnescapeString(v)
		}
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
