package summarize

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

var stories = [][]string{
	{
		"The Hollin Dam collapsed on Sunday and flooded the town of Marrowby, killing 12 people. Rescuers searched the lower town through the night. She said the town would rebuild. The dam was built in 1968 and last inspected in 2024.",
		"At least 14 people died when the Hollin Dam collapsed on Sunday and flooded Marrowby, emergency services said. More than 300 people spent the night in a school gymnasium on higher ground. But the mayor said more help was needed.",
		"The Hollin Dam above Marrowby collapsed early on Sunday after days of rain swelled the Tessel river. The regional governor promised an independent inquiry into the upkeep of the dam.",
	},
}

func sourcesOf(texts []string) []compare.Source {
	out := make([]compare.Source, len(texts))
	for i, t := range texts {
		a := &news.Article{ID: string(rune('a' + i)), Outlet: string(rune('A' + i)), Text: t}
		out[i] = compare.Source{Article: a, Doc: text.Analyze(t), Voice: a.Outlet}
	}
	return out
}

func TestStory(t *testing.T) {
	for _, texts := range stories {
		sources := sourcesOf(texts)
		res := compare.Analyze(sources)
		summary := Story(res, Options{Words: 60})
		if len(summary) < minSentences || len(summary) > maxSentences {
			t.Fatalf("summary has %d sentences, want %d–%d: %+v", len(summary), minSentences, maxSentences, summary)
		}
		for _, s := range summary {
			if len(s.Sources) == 0 {
				t.Errorf("sentence cites nothing: %q", s.Text)
			}
			// Faithful: the sentence is in every article it cites.
			for _, id := range s.Sources {
				if !strings.Contains(texts[id[0]-'a'], s.Text) && len(s.Sources) == 1 {
					t.Errorf("%q is not in the article %s it cites", s.Text, id)
				}
			}
			first := strings.ToLower(strings.Fields(s.Text)[0])
			if danglers[first] {
				t.Errorf("sentence leans on one before it: %q", s.Text)
			}
		}
		if !strings.Contains(summary[0].Text, "Hollin Dam") {
			t.Errorf("summary does not lead with the event: %q", summary[0].Text)
		}
		if h := Headline(res, summary); h == "" || len(strings.Fields(h)) > maxHeadlineWords+1 {
			t.Errorf("headline %q", h)
		}
	}
}

func TestHeadlinePrefersTitles(t *testing.T) {
	sources := sourcesOf(stories[0])
	sources[1].Article.Title = "Marrowby dam collapse kills at least 14"
	sources[2].Article.Title = "Chess club wins title"
	res := compare.Analyze(sources)
	if got := Headline(res, Story(res, Options{})); got != "Marrowby dam collapse kills at least 14" {
		t.Errorf("Headline = %q, want the title closest to the story", got)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US officials have held secret talks with Hamas, the White House has admitted.", "US officials have held secret talks with Hamas"},
		{"Short one.", "Short one"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in); got != tt.want {
			t.Errorf("shorten(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
