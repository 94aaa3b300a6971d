package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// wordDiff says word by word how b differs from a. Words compare by their
// letters and digits, so "what's" and "what’s", or "Look," and "Look" match.
// The longest common subsequence is found by dynamic programming: quotes are
// short, so its quadratic cost stays small; longer texts are not compared.
func wordDiff(a, b string) []news.DiffPart {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa)*len(wb) > 250_000 {
		return nil
	}
	ka, kb := keys(wa), keys(wb)
	// lcs[i][j] is the length of the LCS of wa[i:] and wb[j:].
	lcs := make([][]int32, len(wa)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(wb)+1)
	}
	for i := len(wa) - 1; i >= 0; i-- {
		for j := len(wb) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var parts []news.DiffPart
	add := func(op, word string) {
		if n := len(parts); n > 0 && parts[n-1].Op == op {
			parts[n-1].Text += " " + word
			return
		}
		parts = append(parts, news.DiffPart{Op: op, Text: word})
	}
	i, j := 0, 0
	for i < len(wa) || j < len(wb) {
		switch {
		case i < len(wa) && j < len(wb) && ka[i] == kb[j]:
			add("=", wb[j])
			i++
			j++
		case j < len(wb) && (i == len(wa) || lcs[i][j+1] >= lcs[i+1][j]):
			add("+", wb[j])
			j++
		default:
			add("-", wa[i])
			i++
		}
	}
	return parts
}

func keys(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = text.Fingerprint(w)
	}
	return out
}
