package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// marked reports whether markup labels an element as the author
// (rel="author", itemprop="author", a class naming a byline) or as the
// publication date (a class, id or itemprop naming a date or time, but not
// an update or a comment's). It runs on every element of a page, so each
// attribute is read once and searched in one pass.
func marked(n *html.Node) (author, date bool) {
	veto := n.DataAtom == atom.Html || n.DataAtom == atom.Body
	for _, a := range n.Attr {
		switch a.Key {
		case "rel":
			author = author || hasToken(a.Val, "author")
			continue
		case "itemprop":
			author = author || strings.EqualFold(a.Val, "author")
		case "class", "id":
		default:
			continue
		}
		w := markWords(a.Val)
		veto = veto || w&updateWord != 0
		date = date || w&dateWord != 0
		if a.Key == "class" && w&authorWord != 0 && !author {
			author = authorClass(lowerASCII(a.Val))
		}
	}
	return author, date && !veto
}

// The words markWords finds.
const (
	dateWord   = 1 << iota // date, time, publish, posted
	updateWord             // update, modif, comment: some other date
	authorWord             // byline, author
)

// marks are the words that mark dates and authors in attribute values.
var marks = []struct {
	word string // lower-case ASCII
	mark int
}{
	{"date", dateWord}, {"time", dateWord}, {"publish", dateWord}, {"posted", dateWord},
	{"update", updateWord}, {"modif", updateWord}, {"comment", updateWord}, // some other date
	{"byline", authorWord}, {"author", authorWord},
}

// markOpens has the first letters of marks, in both cases.
var markOpens = func() (opens [256]bool) {
	for _, m := range marks {
		opens[m.word[0]], opens[m.word[0]&^0x20] = true, true
	}
	return opens
}()

// markWords looks for the words that mark dates and authors in an
// attribute value, in any case, stopping only at the letters that open
// one: most values hold none.
func markWords(v string) int {
	w := 0
	for i := 0; i < len(v); i++ {
		if !markOpens[v[i]] {
			continue
		}
		for _, m := range marks {
			if m.word[0] == v[i]|0x20 && prefixFold(v[i:], m.word) {
				w |= m.mark
			}
		}
	}
	return w
}

// prefixFold reports whether s opens with word, a lower-case ASCII word,
// in any case.
func prefixFold(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if s[i]|0x20 != word[i] {
			return false
		}
	}
	return true
}

// authorClass reports whether a class list, lower-cased, names the byline:
// "byline", "pb-byline", "article__byline", "author-name".
func authorClass(class string) bool {
	for _, c := range strings.Fields(class) {
		if strings.Contains(c, "byline") && !strings.Contains(c, "date") && !strings.Contains(c, "time") {
			return true
		}
		switch c {
		case "author", "authors", "author-name", "authorname", "author_name", "author__name", "article-author",
			"post-author", "entry-author", "story-author":
			return true
		}
	}
	return false
}
