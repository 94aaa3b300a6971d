package clean

import "strings"

// Noise reports whether a paragraph found by an HTML extractor is the
// site talking rather than the article: a teaser ("Also read | …"), share
// bar, sign-up prompt, copyright or photo credit, social handle, or an
// appeal to the reader. It is narrower than Article's cleaning: links,
// contact lines, figures without words and contributor lines are part of
// a page's article and stay.
func Noise(para string) bool {
	if pageChrome(para, len(strings.Fields(para))) {
		return true
	}
	kept, _ := splitNoise(para)
	return kept == ""
}
