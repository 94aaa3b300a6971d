package extract

import (
	"strings"

	"github.com/corroborate/corroborate/internal/clean"
	"github.com/corroborate/corroborate/internal/text"
)

// tidy drops what the extractors leave in an article body: teasers ("Also
// read | …"), share bars, sign-up prompts and appeals, credits, headlines
// linking elsewhere, and repeated paragraphs.
func tidy(paras []paragraph) []string {
	seen := map[uint64]bool{emptyFingerprint: true}
	var out []string
	for _, para := range paras {
		p := para.text
		key := text.FingerprintHash(p)
		if seen[key] || clean.Noise(p) || teaserLink(para) {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	return out
}

// emptyFingerprint is the hash of a paragraph without letters or digits,
// which tidy drops.
var emptyFingerprint = text.FingerprintHash("")

// teaserLink reports whether a paragraph is a headline linking elsewhere:
// all link, a few words, and not an address written out, which articles
// cite as such.
func teaserLink(p paragraph) bool {
	words := strings.Count(p.text, " ") + 1
	return p.linked() && words >= 3 && words <= 25 && !strings.Contains(p.text, "://") && !strings.HasPrefix(p.text, "www.")
}
