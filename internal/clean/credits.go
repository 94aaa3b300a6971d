package clean

import (
	"regexp"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// inlineCredit is a photo credit inside a paragraph: "(Reuters file)",
// "(AP Photo/Jane Doe)", "(Photo: Getty Images)", "[Representational image]".
var inlineCredit = regexp.MustCompile(`(?i)\s*[(\[][^()\[\]]{0,60}\b(file|photos?|photograph|image|images|pic|picture|handout|credit|representational|screengrab|screenshot)\b[^()\[\]]{0,60}[)\]]`)

// stripCredits removes inline photo credits. A credit closes a caption, so
// when a credit ends a paragraph right after a sentence, that sentence goes
// too: it describes a picture the reader cannot see.
func stripCredits(para string) string {
	// Every credit is bracketed; most paragraphs have no brackets at all.
	if !strings.ContainsAny(para, "([") || !strings.ContainsAny(para, ")]") {
		return para
	}
	locs := inlineCredit.FindAllStringIndex(para, -1)
	if locs == nil {
		return para
	}
	last := locs[len(locs)-1]
	if last[1] == len(strings.TrimRight(para, " ")) {
		before := strings.TrimRight(para[:last[0]], " ")
		if sentences := text.SplitSentences(before); len(sentences) > 1 && strings.HasSuffix(before, ".") {
			caption := sentences[len(sentences)-1]
			para = strings.TrimSuffix(before, caption) + para[last[0]:]
		}
	}
	return strings.TrimSpace(inlineCredit.ReplaceAllString(para, ""))
}
