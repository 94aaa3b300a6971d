package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// TestSummariesAreFaithful summarises every story of the public
// summarisation sets alone and checks, word for word against the cleaned
// articles, that each summary sentence appears in an article it cites, and
// that the summary keeps to its budget. Nothing here can pass by printing
// less: an empty summary for a story with articles fails too.
func TestSummariesAreFaithful(t *testing.T) {
	sets := []struct {
		name, path string
		words      int
	}{
		{"multinews", "multinews-validation", 250},
		{"allsides", "neus-allsides-dev", 60},
	}
	for _, set := range sets {
		path := filepath.Join(sharedData, set.path)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s not found at %s; skipping it", set.name, path)
			continue
		}
		t.Run(set.name, func(t *testing.T) {
			cases, err := eval.LoadSummaries(set.name, path)
			if err != nil {
				t.Fatal(err)
			}
			opts := DefaultOptions()
			opts.SummaryWords = set.words
			if testing.Short() || raceEnabled {
				cases = sample(cases, 5)
			}
			sentences, empty := 0, 0
			for _, c := range cases {
				rep := Story(context.Background(), c.Articles, opts)
				if len(rep.Stories) != 1 {
					t.Errorf("story %s: %d stories, want 1", c.Story, len(rep.Stories))
					continue
				}
				summary := rep.Stories[0].Summary
				if len(summary) == 0 {
					empty++
				}
				byID := make(map[string]*news.Article, len(rep.Articles))
				for _, a := range rep.Articles {
					byID[a.ID] = a
				}
				for _, s := range eval.Unsupported(summary, byID) {
					t.Errorf("story %s: %q appears in none of the articles it cites %v", c.Story, s.Text, s.Sources)
				}
				words := 0
				for _, s := range summary {
					words += text.Words(s.Text)
				}
				if words > set.words && len(summary) > 1 {
					t.Errorf("story %s: %d words over a budget of %d", c.Story, words, set.words)
				}
				sentences += len(summary)
			}
			// A few stories have no sentence that stands alone (a headline and
			// a cut-off lead); most must have a summary.
			if empty > len(cases)/20 {
				t.Errorf("%d of %d stories have no summary", empty, len(cases))
			}
			t.Logf("%d stories (%d without a summary), %d summary sentences", len(cases), empty, sentences)
		})
	}
	if _, err := os.Stat(sharedData); err != nil {
		t.Skipf("public data sets not found at %s", sharedData)
	}
}

// sample keeps every nth case.
func sample(cases []eval.SummaryCase, n int) []eval.SummaryCase {
	var out []eval.SummaryCase
	for i := 0; i < len(cases); i += n {
		out = append(out, cases[i])
	}
	return out
}
