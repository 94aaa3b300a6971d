package summarize

import (
	"testing"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// FuzzStory summarises two arbitrary articles and checks what must hold
// for any input: no panic, every sentence a run of words of an article it
// cites, the budget kept, and a headline of bounded length.
func FuzzStory(f *testing.F) {
	f.Add(flood[0], flood[1], 40)
	f.Add(`"We will rebuild," she said. But the mayor said: "Not yet."`, "It's over. in pieces, April 1, 2031.", 10)
	f.Add("The union says 80 percent of services were cancelled on Wednesday.", "About 90 percent of services stopped on Wednesday, the union said.", 100)
	f.Fuzz(func(t *testing.T, a, b string, budget int) {
		budget = 1 + abs(budget)%300
		res := analyze([]article{{text: a, title: b}, {text: b}})
		headline, summary := Write(res, Options{Words: budget})
		articles := map[string]*news.Article{}
		for _, s := range res.Index.Sources {
			articles[s.Article.ID] = s.Article
		}
		for _, s := range eval.Unsupported(summary, articles) {
			t.Errorf("%q is in none of the articles it cites %v", s.Text, s.Sources)
		}
		words := 0
		for _, s := range summary {
			words += text.Words(s.Text)
		}
		if words > budget && len(summary) > 1 {
			t.Errorf("%d words over a budget of %d", words, budget)
		}
		if n := text.Words(headline); n > maxHeadlineWords+maxWords {
			t.Errorf("headline of %d words: %q", n, headline)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
