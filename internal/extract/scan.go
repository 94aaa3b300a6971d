package extract

import (
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// signals is what one walk over a page collects for its metadata.
type signals struct {
	title     string            // <title>
	meta      map[string]string // first content per name, property, itemprop or http-equiv, lower-cased
	jsonLD    []map[string]any  // every object in JSON-LD blocks, @graph flattened
	canonical string
	base      string
	lang      string
	times     []string // datetime of <time> elements, pubdate and itemprop first
	h1        []string
	bylines   []string // text of elements marked as the author
	dateTexts []string // text of elements marked as the date, in page order
}

func scan(doc *html.Node) *signals {
	s := &signals{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !s.element(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return s
}

// element records what n says and reports whether to look inside it.
func (s *signals) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		s.lang = attr(n, "lang")
	case atom.Title:
		if s.title == "" && !inside(n, atom.Svg) {
			s.title = collapse(textOf(n))
		}
		return false
	case atom.Meta:
		s.metaTag(n)
	case atom.Link:
		if hasToken(attr(n, "rel"), "canonical") && s.canonical == "" {
			s.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Base:
		if s.base == "" {
			s.base = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			s.readJSONLD(textOf(n))
		}
		return false
	case atom.Style, atom.Noscript, atom.Template:
		return false
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
			if attr(n, "pubdate") != "" || strings.Contains(strings.ToLower(attr(n, "itemprop")), "datepublished") {
				s.times = append([]string{dt}, s.times...)
			} else {
				s.times = append(s.times, dt)
			}
		}
	case atom.H1:
		s.h1 = append(s.h1, collapse(textOf(n)))
		return false
	}
	author, date := marked(n)
	if author {
		if t := shortText(n, 119); t != "" {
			s.bylines = append(s.bylines, t)
			s.dateTexts = append(s.dateTexts, t) // "By Jane Doe | 4 May 2024"
		}
		return false
	}
	if date {
		if t := shortText(n, 100); t != "" {
			s.dateTexts = append(s.dateTexts, t)
		}
	}
	return true
}

// lowerASCII lower-cases s, allocating only when it has capitals.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func (s *signals) metaTag(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"name", "property", "itemprop", "http-equiv"} {
		// property may list several names: "og:title twitter:title".
		for _, k := range strings.Fields(strings.ToLower(attr(n, key))) {
			if _, seen := s.meta[k]; !seen {
				s.meta[k] = content
			}
		}
	}
}

// readJSONLD keeps every object of a JSON-LD block; a block that does not
// parse is skipped, as browsers and search engines do.
func (s *signals) readJSONLD(src string) {
	src = strings.TrimSpace(src)
	for _, wrap := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		src = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src, wrap[0]), wrap[1]))
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				add(g)
			}
			s.jsonLD = append(s.jsonLD, x)
		}
	}
	add(v)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(strings.ToLower(list)) {
		if t == token {
			return true
		}
	}
	return false
}

func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// textOf is the text inside n, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// shortText is the text inside n, white space collapsed, if it is at most
// limit bytes long, else "". It stops reading once the text is too long:
// elements marked as the date or author are sometimes whole sections.
func shortText(n *html.Node, limit int) string {
	var b strings.Builder
	visible := 0 // bytes other than white space, which collapse keeps
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				visible += len(c.Data) - countSpace(c.Data)
				if visible > limit {
					return false
				}
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			default:
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	if !walk(n) {
		return ""
	}
	if t := collapse(b.String()); len(t) <= limit {
		return t
	}
	return ""
}

// countSpace counts the bytes of s that are white space, which collapse
// drops or shares.
func countSpace(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// collapse trims s and turns each run of white space inside it into one
// space, as strings.Join(strings.Fields(s), " ") does, but without the
// list of words, and without a copy when s needs no change.
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	pending := false // white space since the last word
	for i := 0; i < len(s); {
		size, space := spaceAt(s, i)
		if space {
			pending = true
		} else {
			if pending && len(b) > 0 {
				b = append(b, ' ')
			}
			pending = false
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// collapsed reports whether s has no white space but single spaces
// between words.
func collapsed(s string) bool {
	prevSpace := true // a leading space needs collapsing
	for i := 0; i < len(s); {
		size, space := spaceAt(s, i)
		if space && (prevSpace || s[i] != ' ') {
			return false
		}
		prevSpace = space
		i += size
	}
	return !prevSpace || s == ""
}

// spaceAt is the size of the rune at s[i] and whether it is white space
// (in Unicode's sense, as strings.Fields has it).
func spaceAt(s string, i int) (int, bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return size, unicode.IsSpace(r)
}
