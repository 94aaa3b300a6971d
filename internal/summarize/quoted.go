package summarize

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/internal/compare"
)

// citedFor returns the members of a unit's group its printed sentence
// cites. A sentence that quotes cites only the articles whose sentence
// has the quoted words: another outlet's paraphrase, or its own wording of
// the quote, may say the same, but the words between quotation marks are
// what a source printed, and a reader checks them there. (With or without
// the marks: a title or a scare quote, "La La Land", is the same words.)
func citedFor(ix *compare.Index, u *unit) []compare.Ref {
	want := quotedSpans(u.clause.text)
	if len(want) == 0 || len(u.group.Members) == 1 {
		return u.group.Members
	}
	out := make([]compare.Ref, 0, len(u.group.Members))
	for _, m := range u.group.Members {
		if m == u.ref || holdsAll(quoteWords(ix.Sentence(m).Text), want) {
			out = append(out, m)
		}
	}
	return out
}

// holdsAll reports whether every span of want is within words.
func holdsAll(words string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(words, w) {
			return false
		}
	}
	return true
}

// quotedSpans returns the words of each quotation in s, lower-cased,
// contractions written out ("we're" is "we are") and punctuation dropped,
// each with a space on both sides so that containment keeps to whole
// words. An unclosed quotation runs to the end.
func quotedSpans(s string) []string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'").Replace(s)
	parts := strings.Split(s, `"`)
	var out []string
	for i := 1; i < len(parts); i += 2 {
		if words := quoteWords(parts[i]); words != " " {
			out = append(out, words)
		}
	}
	return out
}

// contractions are written out before quotations are compared, so that
// "We're doing" and "We are doing" are the same words.
var contractions = strings.NewReplacer("won't", "will not", "can't", "can not", "cannot", "can not",
	"n't", " not", "'re", " are", "'ll", " will", "'ve", " have", "'m", " am", "'d", " would", "'s", " is")

func quoteWords(q string) string {
	q = contractions.Replace(strings.ToLower(q))
	var b strings.Builder
	b.WriteByte(' ')
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}
