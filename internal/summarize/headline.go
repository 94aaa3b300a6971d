package summarize

import (
	"strings"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
)

// maxHeadlineWords bounds a headline made from a summary sentence.
const maxHeadlineWords = 16

// Headline names a story: the article title that best covers the whole
// story, or, when no article has a title, the summary's lead sentence cut
// to headline length.
func Headline(res *compare.Result, summary []news.Sentence) string {
	best, bestScore := "", -1.0
	for _, s := range res.Index.Sources {
		if t := strings.TrimSpace(s.Article.Title); t != "" {
			if score := res.Index.TextCentrality(t); score > bestScore {
				best, bestScore = t, score
			}
		}
	}
	if best != "" {
		return best
	}
	if len(summary) == 0 {
		return ""
	}
	return shorten(summary[0].Text)
}

// shorten cuts a sentence to its main clause: before a trailing
// attribution (", the White House has admitted") and within the word bound.
func shorten(s string) string {
	s = strings.TrimRight(s, ".")
	if i := strings.LastIndex(s, ", "); i > 0 && len(strings.Fields(s[i:])) <= 6 {
		s = s[:i]
	}
	words := strings.Fields(s)
	if len(words) <= maxHeadlineWords {
		return s
	}
	cut := strings.Join(words[:maxHeadlineWords], " ")
	if i := strings.LastIndex(cut, ","); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
