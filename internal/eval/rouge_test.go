package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func TestRouge(t *testing.T) {
	f := func(p, r float64) float64 { return 2 * p * r / (p + r) }
	tests := []struct {
		name      string
		summary   []string
		reference string
		want      ROUGE
	}{
		{"one word differs", []string{"The cat sat on the mat."}, "The cat lay on the mat.", ROUGE{5.0 / 6, 3.0 / 5, 5.0 / 6, 5.0 / 6}},
		{"stems and case", []string{"Dogs running."}, "dog RUNS", ROUGE{1, 1, 1, 1}},
		{"punctuation splits tokens", []string{"U.S. jobs rose 943,000."}, "u s jobs rose 943 000", ROUGE{1, 1, 1, 1}},
		// The whole-text LCS can match only one reference sentence's order;
		// the summary-level one matches each sentence on its own.
		{"summary level", []string{"Police closed the road today."}, "The road today. Police closed.", ROUGE{1, f(3.0/4, 3.0/4), 3.0 / 5, 1}},
		{"union of subsequences", []string{"Police closed the road.", "The road reopened today."}, "Police closed the road today.",
			ROUGE{f(5.0/8, 1), f(3.0/7, 3.0/4), f(5.0/8, 1), f(5.0/8, 1)}},
		{"nothing shared", []string{"Rain fell."}, "Sun shone.", ROUGE{}},
		{"empty summary", nil, "Sun shone.", ROUGE{}},
	}
	for _, tt := range tests {
		got := Rouge(tt.summary, tt.reference)
		if !near(got.R1, tt.want.R1) || !near(got.R2, tt.want.R2) || !near(got.RL, tt.want.RL) || !near(got.RLsum, tt.want.RLsum) {
			t.Errorf("%s: Rouge = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestRougeClipsRepeats(t *testing.T) {
	// Saying "the" five times earns it no more than the reference holds.
	got := Rouge([]string{"the the the the the"}, "the cat")
	if want := 2 * (1.0 / 5) * (1.0 / 2) / (1.0/5 + 1.0/2); math.Abs(got.R1-want) > 1e-9 {
		t.Errorf("R1 = %v, want %v", got.R1, want)
	}
}

func TestUnsupported(t *testing.T) {
	articles := map[string]*news.Article{
		"a": {ID: "a", Text: "The dam collapsed on Sunday, officials said.\n\nRescuers worked all night."},
		"b": {ID: "b", Text: "Schools stay closed."},
	}
	tests := []struct {
		text    string
		sources []string
		ok      bool
	}{
		{"The dam collapsed on Sunday.", []string{"a"}, true},
		{"the dam collapsed on sunday, officials said", []string{"b", "a"}, true},
		{"The dam collapsed on Monday.", []string{"a"}, false},
		{"The dam collapsed on Sunday.", []string{"b"}, false},
		{"He dam collapsed on Sunday.", []string{"a"}, false},
		{"Rescuers worked all night.", nil, false},
		{"The dam collapsed on Sunday, rescuers worked all night.", []string{"a"}, false},
		{"...", []string{"a"}, false},
		{"Rescuers worked.", []string{"missing"}, false},
	}
	for _, tt := range tests {
		bad := Unsupported([]news.Sentence{{Text: tt.text, Sources: tt.sources}}, articles)
		if ok := len(bad) == 0; ok != tt.ok {
			t.Errorf("Unsupported(%q citing %v): supported = %v, want %v", tt.text, tt.sources, ok, tt.ok)
		}
	}
}

func TestLead(t *testing.T) {
	articles := []*news.Article{
		{Text: "One two three four. Five six seven eight."},
		{Text: "Alpha beta gamma. Delta epsilon."},
	}
	tests := []struct {
		words int
		want  string
	}{
		{1, "One two three four."},
		{7, "One two three four.|Alpha beta gamma."},
		{12, "One two three four.|Alpha beta gamma.|Five six seven eight."},
		{100, "One two three four.|Alpha beta gamma.|Five six seven eight.|Delta epsilon."},
	}
	for _, tt := range tests {
		if got := strings.Join(Lead(articles, tt.words), "|"); got != tt.want {
			t.Errorf("Lead(%d) = %q, want %q", tt.words, got, tt.want)
		}
	}
}

// TestLoadSummaries reads the public summarisation sets where they are
// present beside the checkout.
func TestLoadSummaries(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("public data sets not found at %s", data)
	}
	tests := []struct {
		name, path string
		stories    int
		titles     bool
	}{
		{"multinews", "multinews-validation", 250, false},
		{"allsides", "neus-allsides-dev", 307, true},
	}
	for _, tt := range tests {
		cases, err := LoadSummaries(tt.name, filepath.Join(data, tt.path))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(cases) != tt.stories {
			t.Errorf("%s: %d stories, want %d", tt.name, len(cases), tt.stories)
		}
		for _, c := range cases {
			if len(c.Articles) == 0 || strings.TrimSpace(c.Reference) == "" || (c.ReferenceTitle != "") != tt.titles {
				t.Errorf("%s story %s: %d articles, reference %q, title %q", tt.name, c.Story, len(c.Articles), c.Reference, c.ReferenceTitle)
				break
			}
			if strings.HasPrefix(c.Reference, "–") || strings.Contains(c.Reference, "ARTICLE=>") {
				t.Errorf("%s story %s: reference keeps its markup: %.40q", tt.name, c.Story, c.Reference)
				break
			}
		}
	}
	if _, err := LoadSummaries("nosuchset", data); err == nil {
		t.Error("LoadSummaries accepted an unknown set")
	}
}
