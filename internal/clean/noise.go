package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Noise reports whether a paragraph found by an HTML extractor is the
// site talking rather than the article: a teaser ("Also read | …"), share
// bar, sign-up prompt, copyright or photo credit, social handle, or an
// appeal to the reader. It is narrower than Article's cleaning: links,
// contact lines, figures without words and contributor lines are part of
// a page's article and stay.
func Noise(para string) bool {
	words := wordCount(para, appealWords+1)
	if words > appealWords && !teaserSeparator(para) {
		return false // prose: too long for any rule but a teaser's, which needs a separator
	}
	lower := foldLower(para)
	if pageChrome(para, lower, words) {
		return true
	}
	if words > appealWords || !mayBeNoise(lower) {
		return false // too long for an appeal, or without its words; skip the sentence split
	}
	kept, _ := splitNoise(para)
	return kept == ""
}

// appealWords is the length beyond which a paragraph is not taken for an
// appeal as a whole: appeals are a few sentences long.
const appealWords = 80

// wordCount counts space-separated words without allocating, up to
// limit: the rules only ask whether a line is short.
func wordCount(s string, limit int) int {
	n, inWord := 0, false
	for i := 0; i < len(s) && n < limit; {
		var space bool
		if b := s[i]; b < utf8.RuneSelf {
			space = asciiSpace[b]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// teaserSeparator reports whether s holds a separator that lets a long
// line be a list of teasers. Two searches for a byte string are much faster
// than strings.ContainsAny with a non-ASCII set, which decodes every rune.
func teaserSeparator(s string) bool {
	return strings.Contains(s, "|") || strings.Contains(s, "»")
}
