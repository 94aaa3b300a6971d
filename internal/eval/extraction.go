package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// SnippetCase is one page of a main-text extraction benchmark in the
// trafilatura format: snippets the extracted text must contain (With) and
// boilerplate it must not (Without).
type SnippetCase struct {
	URL     string
	File    string // path of the page, gzipped or not
	With    []string
	Without []string
	// Expected is the page's title, author, date and site name where the
	// annotators recorded them.
	Expected MetadataCase
}

// LoadSnippetCases reads evaldata.json from dir (trafilatura-eval), sorted
// by URL so that runs are repeatable. Pages live in dir/html/FILE.gz.
func LoadSnippetCases(dir string) ([]SnippetCase, error) {
	data, err := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	if err != nil {
		return nil, fmt.Errorf("load snippet cases: %w", err)
	}
	var raw map[string]struct {
		File     string   `json:"file"`
		With     []string `json:"with"`
		Without  []string `json:"without"`
		Title    any      `json:"title"`
		Author   any      `json:"author"`
		Date     any      `json:"date"`
		Sitename any      `json:"sitename"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("load snippet cases from %s: %w", dir, err)
	}
	cases := make([]SnippetCase, 0, len(raw))
	for url, c := range raw {
		file := filepath.Join(dir, "html", c.File+".gz")
		if _, err := os.Stat(file); err != nil {
			file = filepath.Join(dir, "html", c.File)
		}
		cases = append(cases, SnippetCase{URL: url, File: file, With: c.With, Without: c.Without, Expected: MetadataCase{
			Name: url, File: file, Title: jsonText(c.Title), Byline: jsonText(c.Author), Published: jsonText(c.Date), SiteName: jsonText(c.Sitename),
		}})
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].URL < cases[j].URL })
	return cases, nil
}

// SnippetScore counts snippet outcomes over a benchmark, as trafilatura's
// evaluation does: a "with" snippet found is a true positive, missed a false
// negative; a "without" snippet found is a false positive, absent a true
// negative.
type SnippetScore struct {
	TP, FN, FP, TN int
}

// Add scores one extracted text against its case. White space is collapsed
// in both before comparing; an empty text misses every "with" snippet.
func (s *SnippetScore) Add(c SnippetCase, text string) {
	text = collapseSpace(text)
	for _, want := range c.With {
		if text != "" && strings.Contains(text, collapseSpace(want)) {
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, unwanted := range c.Without {
		if text != "" && strings.Contains(text, collapseSpace(unwanted)) {
			s.FP++
		} else {
			s.TN++
		}
	}
}

// Merge adds another score's counts.
func (s *SnippetScore) Merge(o SnippetScore) {
	s.TP += o.TP
	s.FN += o.FN
	s.FP += o.FP
	s.TN += o.TN
}

// Precision is TP / (TP + FP).
func (s SnippetScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s SnippetScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// Accuracy is (TP + TN) over all snippets.
func (s SnippetScore) Accuracy() float64 { return ratio(s.TP+s.TN, s.TP+s.TN+s.FP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s SnippetScore) F1() float64 { return ratio(2*s.TP, 2*s.TP+s.FP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// jsonText reads an annotation that may be null, a string or a list of
// strings (several authors), as text.
func jsonText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		var parts []string
		for _, e := range x {
			if s := jsonText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
