package extract

import (
	"regexp"
	"strings"
)

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
