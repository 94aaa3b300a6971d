package clean

import (
	"html"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// quoteMarks maps typographic quotes to straight ones, so that every later
// stage sees one kind of quote.
var quoteMarks = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'",
	"\u00a0", " ", "\u2007", " ", "\u2009", " ", "\u202f", " ", "\u200a", " ",
	"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "", "\u00ad", "",
	"\r\n", "\n", "\r", "\n", "\t", " ",
)

// mayHaveQuoteMarks reports whether s holds a byte that starts one of
// quoteMarks' keys: every key is non-ASCII or one of \r and \t, so plain
// ASCII prose skips the replacer's walk over every byte.
func mayHaveQuoteMarks(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\r' || c == '\t' {
			return true
		}
	}
	return false
}

// Normalize puts text in NFC, straightens quotes, decodes stray HTML
// entities, and collapses white space, keeping line breaks.
//
// A page break (form feed) or vertical tab, as text copied from a PDF or
// Word has them, ends the paragraph only after a sentence's end; inside a
// sentence it is a space, so "The ferry\f operator said" stays one
// sentence rather than leaving "The ferry" as a line the cleaner drops.
// Other control characters are spaces too: dropped, they would glue the
// words either side into one.
func Normalize(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		s = html.UnescapeString(s)
	}
	s = norm.NFC.String(s)
	if mayHaveQuoteMarks(s) {
		s = quoteMarks.Replace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	lineStart := 0
	for _, r := range s {
		switch {
		case r == '\n' || (r == '\f' || r == '\v') && endsSentence(b.String()[lineStart:]):
			b.WriteByte('\n')
			lineStart = b.Len()
			space = false
		case unicode.IsSpace(r), unicode.IsControl(r):
			space = true
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Lines splits normalised text into paragraphs. Each line is a paragraph,
// unless the text is hard-wrapped (most lines end mid-sentence), in which
// case lines join up to each blank line.
func Lines(s string) []string {
	raw := strings.Split(s, "\n")
	for i := range raw {
		raw[i] = strings.TrimSpace(raw[i])
	}
	if !hardWrapped(raw) {
		out := raw[:0]
		for _, l := range raw {
			if l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	var out []string
	var block []string
	flush := func() {
		if len(block) > 0 {
			out = append(out, strings.Join(block, " "))
			block = block[:0]
		}
	}
	for _, l := range raw {
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

// hardWrapped reports whether most lines that have a next line in the same
// block break mid-sentence at a similar width, as in e-mail or plain-text
// wire copy.
func hardWrapped(lines []string) bool {
	broken, total := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] == "" || lines[i+1] == "" || len(lines[i]) < 30 {
			continue
		}
		total++
		if len(lines[i]) <= 100 && !endsSentence(lines[i]) && startsLower(lines[i+1]) {
			broken++
		}
	}
	return total >= 3 && broken*2 > total
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// endsSentence reports whether a line ends as a sentence does.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"') ]`)
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// fieldCount is len(strings.Fields(s)) without building the fields: the
// rules ask how many words almost every line has.
func fieldCount(s string) int { return wordCount(s, math.MaxInt) }

// asciiSpace are the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
