package web

import (
	"strings"
	"testing"
)

// FuzzParseArticles: any request body gives articles, per-line errors or
// one error for the body, never a panic; a body is never half accepted
// without saying which lines failed.
func FuzzParseArticles(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"The bridge reopened on Monday."}`))
	f.Add([]byte("{\"text\":\"One.\"}\n{\"text\":\n{\"html\":\"<p>Two.</p>\"}\n"))
	f.Add([]byte(`[{"text":"x"}]`))
	f.Add([]byte("{\"text\": 5}\n\n\n{}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		articles, errs, err := parseArticles(body, 100)
		if err != nil {
			if len(articles) != 0 || len(errs) != 0 {
				t.Fatalf("a refused body still gave %d articles and %d errors", len(articles), len(errs))
			}
			return
		}
		lines := 0
		for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
			if strings.TrimSpace(line) != "" {
				lines++
			}
		}
		if got := len(articles) + len(errs); got > max(lines, 1) {
			t.Fatalf("%d articles and errors from %d lines", got, lines)
		}
		for _, a := range articles {
			if a.ID == "" {
				t.Fatalf("article without an ID: %+v", a)
			}
		}
	})
}
