package eval

import (
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

func TestScoreStory(t *testing.T) {
	labels := StoryLabels{Dataset: "d", Story: "1", Complete: []string{"quotes", "figures", "claims"},
		Quotes: []LabelQuote{
			{Article: "a", Contains: "we will rebuild", Speaker: "Ilse Varga"},
			{Article: "b", Contains: "no time to take anything", Speaker: "Pia Lund"},
		},
		Figures:   []LabelFigure{{Article: "a", Value: 12}, {Article: "b", Value: 14}},
		Exclusive: []LabelSentence{{Article: "b", Contains: "inquiry was promised"}},
		Shared:    []LabelSentence{{Article: "a", Contains: "dam failed on Sunday"}},
	}
	story := &news.Story{
		Quotes: []news.Quote{
			{Speaker: "Mayor Ilse Varga", Variants: []news.QuoteVariant{{Text: "We will rebuild, every street of it", Sources: []string{"a"}}}},
			{Speaker: "Ilse Varga", Variants: []news.QuoteVariant{{Text: "We had no time to take anything", Sources: []string{"b"}}}},
			{Speaker: "", Variants: []news.QuoteVariant{{Text: "a quote nobody labelled as such here", Sources: []string{"a"}}}},
		},
		Facts: []news.Fact{{Subject: "dead people", Values: []news.FactValue{{Value: 12, Sources: []string{"a"}}, {Value: 14, Sources: []string{"b"}}, {Value: 3, Sources: []string{"b"}}}}},
		Claims: []news.Claim{
			{Text: "An inquiry was promised.", Sources: []string{"b"}, Exclusive: true},
			{Text: "The dam failed on Sunday.", Sources: []string{"a"}, Exclusive: true},
			{Text: "Unlabelled sentence.", Sources: []string{"a"}, Exclusive: true},
		},
	}
	var s CompareScores
	s.ScoreStory(labels, story)
	check := func(name string, c Count, correct, output, found, labelled int) {
		t.Helper()
		if c.Correct != correct || c.Output != output || c.Found != found || c.Labelled != labelled {
			t.Errorf("%s = %+v, want %d/%d right, %d/%d found", name, c, correct, output, found, labelled)
		}
	}
	check("quotes", s.Quotes, 2, 3, 2, 2)
	check("speakers", s.Speakers, 1, 2, 1, 2)
	check("figures", s.Figures, 2, 3, 2, 2)
	check("exclusive", s.Exclusive, 1, 2, 1, 1)
}

// TestRangeStatesItsEnds: a range found ("10% to 15%") states both the
// figures it was written with, and is right when a label gives either.
func TestRangeStatesItsEnds(t *testing.T) {
	labels := StoryLabels{Dataset: "d", Story: "1", Complete: []string{"figures"},
		Figures: []LabelFigure{{Article: "a", Value: 10}, {Article: "a", Value: 15}}}
	story := &news.Story{Facts: []news.Fact{{Subject: "% of total", Values: []news.FactValue{
		{Value: 12.5, Low: 10, Range: []float64{10, 15}, Sources: []string{"a"}},
		{Value: 12.5, Low: 10, Sources: []string{"a"}}, // no range: 12.5 is not written
	}}}}
	var s CompareScores
	s.ScoreStory(labels, story)
	if c := s.Figures; c.Correct != 1 || c.Output != 2 || c.Found != 2 || c.Labelled != 2 {
		t.Errorf("figures = %+v, want 1/2 right, 2/2 found", c)
	}
}

func TestScoreConflicts(t *testing.T) {
	real := []LabelConflict{{Dataset: "d", Story: "1", Values: []float64{12, 14}}}
	story := &news.Story{Facts: []news.Fact{
		{Subject: "dead people", Conflict: true, Values: []news.FactValue{{Value: 12}, {Value: 14}}},
		{Subject: "students", Conflict: true, Values: []news.FactValue{{Value: 3}, {Value: 5}}},
	}}
	var s CompareScores
	s.ScoreConflicts("d", "1", real, story)
	s.ScoreConflicts("d", "2", real, &news.Story{})
	if s.Conflicts.Correct != 1 || s.Conflicts.Output != 2 || s.Conflicts.Found != 1 || s.Conflicts.Labelled != 1 {
		t.Errorf("conflicts = %+v", s.Conflicts)
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		want, got string
		same      bool
	}{
		{"Kevin Cramer", "Senator Kevin Cramer", true},
		{"woman", "the young woman", true},
		{"Joe Biden", "Biden", true},
		{"Joe Biden", "Jill Biden", false},
		{"Robert Plant", "", false},
	}
	for _, tt := range tests {
		if got := sameSpeaker(tt.want, tt.got); got != tt.same {
			t.Errorf("sameSpeaker(%q, %q) = %v", tt.want, tt.got, got)
		}
	}
}

func TestLabelFilesParse(t *testing.T) {
	stories, err := LoadStoryLabels(filepath.Join("testdata", "compare-labels.jsonl"))
	if err != nil || len(stories) == 0 {
		t.Fatalf("story labels: %d, %v", len(stories), err)
	}
	conflicts, err := LoadConflicts(filepath.Join("testdata", "compare-conflicts.jsonl"))
	if err != nil || len(conflicts) == 0 {
		t.Fatalf("conflicts: %d, %v", len(conflicts), err)
	}
	for _, c := range conflicts {
		if len(c.Values) != 2 || c.About == "" {
			t.Errorf("conflict %+v: want two values and what they are about", c)
		}
	}
}
