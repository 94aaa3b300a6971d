package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// plain lays a report out for a terminal: an underlined headline, indented
// sections.
type plain struct{}

func (plain) title(w io.Writer, n int, headline string) {
	head := fmt.Sprintf("%d. %s", n, headline)
	fmt.Fprintf(w, "%s\n%s\n", head, strings.Repeat("=", min(columns(head), 78)))
}

// columns is how wide s shows on a terminal: two columns for a Chinese or
// Japanese character, none for a combining accent.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func (plain) section(w io.Writer, name string) { fmt.Fprintf(w, "\n%s\n", name) }

func (plain) line(w io.Writer, depth int, s string) {
	fmt.Fprintf(w, "%s%s\n", strings.Repeat("  ", depth), s)
}

func (plain) quote(s string) string { return `"` + s + `"` }

func (plain) end(w io.Writer) { fmt.Fprintln(w) }

// markdown lays a report out as Markdown: a heading per story, a level
// below per section, bullet lists, and text escaped where it could be read
// as markup.
type markdown struct{}

// mdEscaper escapes what could turn article text into markup. Brackets
// stay, so citations read [1,2]; only "](" could open a link and is broken.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "](", `]\(`, "<", "&lt;", ">", "&gt;", "#", `\#`)

func (markdown) title(w io.Writer, n int, headline string) {
	fmt.Fprintf(w, "## %d. %s\n\n", n, mdEscaper.Replace(headline))
}

func (markdown) section(w io.Writer, name string) { fmt.Fprintf(w, "\n### %s\n\n", name) }

func (markdown) line(w io.Writer, depth int, s string) {
	s = mdEscaper.Replace(s)
	if depth == 0 {
		fmt.Fprintf(w, "%s\n", s)
		return
	}
	fmt.Fprintf(w, "%s- %s\n", strings.Repeat("  ", depth-1), s)
}

func (markdown) quote(s string) string { return "“" + s + "”" }

func (markdown) end(w io.Writer) { fmt.Fprintln(w) }
