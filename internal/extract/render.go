package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are the elements that start a new paragraph. Inline elements
// join their text to their neighbours' without a space, so a word split by
// markup ("<b>Sprung</b>brett") stays one word.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Main: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Form: true, atom.Fieldset: true, atom.Caption: true,
	atom.Body: true, atom.Html: true,
}

// skipped elements hold no readable text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true,
}

// paragraphs renders a content tree as paragraphs of plain text, white
// space collapsed, in document order. Unknown elements (trafilatura's
// "head", "list", "item") are treated as blocks.
func paragraphs(root *html.Node) []paragraph {
	r := renderer{}
	r.walk(root)
	r.flush()
	return r.out
}

// paragraph is one block of text and how much of it is link text.
type paragraph struct {
	text      string
	linkBytes int
}

// linked reports whether the paragraph is all link: a teaser for another
// page rather than the article's prose.
func (p paragraph) linked() bool {
	return p.linkBytes > 0 && p.linkBytes*10 >= len(p.text)*9
}

type renderer struct {
	line   strings.Builder
	inLink int
	links  int
	out    []paragraph
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.line.WriteString(n.Data)
		if r.inLink > 0 {
			r.links += len(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		switch {
		case n.DataAtom == atom.Br:
			r.flush()
			return
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			r.line.WriteByte(' ')
		case n.DataAtom == atom.A:
			r.inLink++
			defer func() { r.inLink-- }()
		case isBlock(n):
			r.flush()
			defer r.flush()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func isBlock(n *html.Node) bool {
	return blocks[n.DataAtom] || n.DataAtom == 0
}

func (r *renderer) flush() {
	if r.line.Len() == 0 {
		return
	}
	line := collapse(r.line.String())
	r.line.Reset()
	if line != "" {
		r.out = append(r.out, paragraph{text: line, linkBytes: r.links})
	}
	r.links = 0
}
