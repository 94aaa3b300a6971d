package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// SummaryCase is one story of a summarisation set: its articles and the
// summary people wrote for it.
type SummaryCase struct {
	Story     string
	Articles  []*news.Article
	Reference string
	// ReferenceTitle is the headline people wrote, where the set has one.
	ReferenceTitle string
}

// SummarySets are the public sets with human summaries, by name.
var SummarySets = map[string]func(path string) ([]SummaryCase, error){
	"multinews": multiNewsSummaries,
	"allsides":  allSidesSummaries,
}

// LoadSummaries reads a named summarisation set from path (its folder or
// main file).
func LoadSummaries(name, path string) ([]SummaryCase, error) {
	load, ok := SummarySets[strings.ToLower(name)]
	if !ok {
		names := make([]string, 0, len(SummarySets))
		for n := range SummarySets {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("unknown summary set %q (known: %s)", name, strings.Join(names, ", "))
	}
	cases, err := load(path)
	if err != nil {
		return nil, fmt.Errorf("load %s summaries from %s: %w", name, path, err)
	}
	return cases, nil
}

func multiNewsSummaries(path string) ([]SummaryCase, error) {
	var out []SummaryCase
	err := eachMultiNews(path, func(row int, articles []*news.Article, summary string) error {
		// Newser summaries open with a dash that is layout, not text.
		summary = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(summary), "–—-"))
		out = append(out, SummaryCase{Story: fmt.Sprint(row), Articles: articles, Reference: summary})
		return nil
	})
	return out, err
}

// allSidesSummaries reads NeuS stories (X.source) with their neutral
// roundups (X.target, the same lines), which are written as
// "TITLE=> … ARTICLE=> …".
func allSidesSummaries(path string) ([]SummaryCase, error) {
	source := inFolder(path, "val.source")
	target := strings.TrimSuffix(source, filepath.Ext(source)) + ".target"
	targets, err := os.ReadFile(target)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(targets), "\n"), "\n")
	var out []SummaryCase
	err = eachLine(source, func(line int, text []byte) error {
		if line > len(lines) {
			return fmt.Errorf("%s has %d lines, fewer than %s", target, len(lines), source)
		}
		c := SummaryCase{Story: fmt.Sprint(line), Articles: allSidesStory(path, line, string(text)), Reference: lines[line-1]}
		if m := allSidesPart.FindStringSubmatch(c.Reference); m != nil {
			c.ReferenceTitle, c.Reference = strings.TrimSuffix(m[1], "."), m[2]
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// Lead is the baseline every summariser must beat: the articles' opening
// sentences, first of each article in turn, then second, until the next
// would overrun the budget of words.
func Lead(articles []*news.Article, words int) []string {
	docs := make([]*text.Doc, len(articles))
	for i, a := range articles {
		docs[i] = text.Analyze(a.Text)
	}
	var out []string
	used := 0
	for k := 0; ; k++ {
		more := false
		for _, d := range docs {
			if k >= len(d.Sentences) {
				continue
			}
			more = true
			s := d.Sentences[k].Text
			n := text.Words(s)
			if used+n > words && len(out) > 0 {
				return out
			}
			out = append(out, s)
			used += n
		}
		if !more {
			return out
		}
	}
}
