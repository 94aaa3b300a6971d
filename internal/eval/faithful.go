package eval

import (
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/internal/news"
)

// Unsupported returns the summary sentences that appear in none of the
// articles they cite. A sentence appears in an article when its words and
// numbers, lower-cased, occur in the article's text as one unbroken run:
// punctuation and case may differ (a trimmed attribution leaves "The" for
// "the"), but no word may be changed, added or skipped. A sentence citing
// nothing is unsupported.
func Unsupported(summary []news.Sentence, articles map[string]*news.Article) []news.Sentence {
	var out []news.Sentence
	for _, s := range summary {
		words := wordRun(s.Text)
		found := false
		for _, id := range s.Sources {
			if a, ok := articles[id]; ok && strings.TrimSpace(words) != "" && strings.Contains(wordRun(a.Text), words) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

// wordRun lower-cases text and keeps its runs of letters and digits, one
// space apart and with a space at each end, so that containment matches
// whole words only.
func wordRun(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}
