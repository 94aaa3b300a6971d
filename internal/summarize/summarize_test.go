package summarize

import (
	"slices"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// flood is a fictional story told by three outlets.
var flood = []string{
	"The Hollin Dam collapsed on Sunday and flooded the town of Marrowby, killing 12 people. Rescuers searched the lower town through the night. She said the town would rebuild. The dam was built in 1968 and last inspected in 2024.",
	"At least 14 people died when the Hollin Dam collapsed on Sunday and flooded Marrowby, emergency services said. More than 300 people spent the night in a school gymnasium on higher ground. But the mayor said more help was needed in the lower town.",
	"The Hollin Dam above Marrowby collapsed early on Sunday after days of rain swelled the Tessel river. The regional governor promised an independent inquiry into the upkeep of the dam.",
}

// article describes one source of a test story: versionOf, when set, is
// the ID of its outlet's first version of it.
type article struct {
	text, title, voice, versionOf string
}

func analyze(articles []article) *compare.Result {
	sources := make([]compare.Source, len(articles))
	for i, a := range articles {
		art := &news.Article{ID: string(rune('a' + i)), Outlet: a.voice, Title: a.title, Text: a.text}
		if a.voice == "" {
			art.Outlet = string(rune('A' + i))
		}
		if a.versionOf != "" {
			art.VersionOf = &a.versionOf
		}
		sources[i] = compare.Source{Article: art, Doc: text.Analyze(a.text), Voice: art.Outlet}
	}
	return compare.Analyze(sources)
}

func texts(ts ...string) []article {
	out := make([]article, len(ts))
	for i, t := range ts {
		out[i] = article{text: t}
	}
	return out
}

func TestStory(t *testing.T) {
	articles := texts(flood...)
	for _, budget := range []int{20, 40, 60, 100, 400} {
		summary := Story(analyze(articles), Options{Words: budget})
		if len(summary) == 0 {
			t.Fatalf("budget %d: empty summary", budget)
		}
		words := 0
		for _, s := range summary {
			words += text.Words(s.Text)
			if len(s.Sources) == 0 {
				t.Errorf("budget %d: sentence cites nothing: %q", budget, s.Text)
			}
			if !inCited(s, articles) {
				t.Errorf("budget %d: %q is in none of the articles it cites %v", budget, s.Text, s.Sources)
			}
			if first := strings.ToLower(strings.Fields(s.Text)[0]); danglers[first] {
				t.Errorf("budget %d: sentence leans on the one before it: %q", budget, s.Text)
			}
		}
		if words > budget && len(summary) > 1 {
			t.Errorf("budget %d: summary has %d words: %+v", budget, words, summary)
		}
		if !strings.Contains(summary[0].Text, "Hollin Dam") {
			t.Errorf("budget %d: summary does not lead with the event: %q", budget, summary[0].Text)
		}
	}
}

// inCited reports whether a summary sentence is, case and edge punctuation
// aside, a run of the words of an article it cites.
func inCited(s news.Sentence, articles []article) bool {
	want := strings.ToLower(strings.Join(strings.Fields(strings.Trim(s.Text, ".")), " "))
	for _, id := range s.Sources {
		if strings.Contains(strings.ToLower(articles[id[0]-'a'].text), want) {
			return true
		}
	}
	return false
}

// TestSaysItOnce checks that a statement several outlets carry, one in other
// words, is printed once and cites all of them.
func TestSaysItOnce(t *testing.T) {
	articles := texts(
		"Engineers said the Hollin Dam spillway was too small for the rain that fell over the weekend. The town council met on Monday evening to plan the clean-up of the flooded streets.",
		"Engineers said the Hollin Dam spillway was too small for the heavy rain that fell over the weekend. A fundraiser for the families raised more than 40,000 euros in its first day.",
		"The Hollin Dam spillway was too small for the rain that fell over the weekend, engineers said on Monday. Schools in Marrowby will stay closed until the end of the month, officials said.",
	)
	summary := Story(analyze(articles), Options{Words: 100})
	count := 0
	for _, s := range summary {
		if strings.Contains(s.Text, "spillway") {
			count++
			if len(s.Sources) != 3 {
				t.Errorf("%q cites %v, want all three articles", s.Text, s.Sources)
			}
		}
	}
	if count != 1 {
		t.Errorf("the spillway finding is printed %d times, want once: %+v", count, summary)
	}
}

// TestVoicesNotArticles checks that three copies of one outlet's text count
// as one voice: two independent outlets agreeing outweigh them.
func TestVoicesNotArticles(t *testing.T) {
	wire := "Heavy rain closed the coastal road between Alder and Brume for six hours on Tuesday. Drivers were told to use the inland route through Corran instead of the coast."
	articles := []article{
		{text: wire, voice: "Wire"}, {text: wire, voice: "Wire"}, {text: wire, voice: "Wire"},
		{text: "The Brume ferry was cancelled on Tuesday because of high winds on the estuary, the harbour master said. Heavy rain also closed the coastal road for part of the day."},
		{text: "High winds on the estuary forced the Brume ferry to be cancelled on Tuesday, the harbour master said. Local shops closed early as the storm arrived in the afternoon."},
	}
	summary := Story(analyze(articles), Options{Words: 20})
	if len(summary) != 1 || !strings.Contains(summary[0].Text, "ferry") {
		t.Errorf("summary = %+v, want the ferry cancellation two voices report", summary)
	}
}

// TestOrder checks that the lead comes first and that one article's
// sentences keep their order.
func TestOrder(t *testing.T) {
	articles := texts(
		"The Marrowby council approved a plan to rebuild the Hollin Dam on Thursday evening. The new dam will have a spillway twice as large as the old one. Work on the foundations is due to begin in the spring of next year. The cost of the project will be shared by the region and the state.",
		"Councillors in Marrowby voted on Thursday to rebuild the Hollin Dam with a larger spillway. The vote followed three weeks of public meetings in the town hall. The cost of the project will be shared by the region and the state.",
	)
	summary := Story(analyze(articles), Options{Words: 400})
	pos := func(s string) int {
		for i, sent := range summary {
			if strings.Contains(sent.Text, s) {
				return i
			}
		}
		return -1
	}
	if pos("approved a plan") != 0 && pos("voted on Thursday") != 0 {
		t.Errorf("summary does not open with the lead: %+v", summary)
	}
	if a, b := pos("twice as large"), pos("foundations"); a < 0 || b < 0 || a > b {
		t.Errorf("one article's sentences out of order (%d, %d): %+v", a, b, summary)
	}
}

// TestNothingStandsAlone checks that a story with no usable sentence gets
// an empty summary rather than a fragment.
func TestNothingStandsAlone(t *testing.T) {
	articles := texts("Share this story. Read more. He said it was fine.")
	if summary := Story(analyze(articles), Options{}); len(summary) != 0 {
		t.Errorf("summary = %+v, want none", summary)
	}
}

// TestDisputeShownWhole checks that a summary stating a figure the sources
// dispute also states the figure it conflicts with, at any budget.
func TestDisputeShownWhole(t *testing.T) {
	articles := texts(
		"Floodwaters tore through the riverside town of Marrowby on Sunday after the Hollin Dam gave way, killing 12 people, officials said. The dam was built in 1968 and last inspected in 2024.",
		"At least 14 people died when the Hollin Dam collapsed on Sunday and flooded the town of Marrowby, emergency services said. More than 300 people spent the night in a school gymnasium on higher ground.",
	)
	res := analyze(articles)
	disputed := false
	for _, f := range res.Facts {
		disputed = disputed || f.Conflict
	}
	if !disputed {
		t.Fatalf("the tolls of 12 and at least 14 are not in conflict: %+v", res.Facts)
	}
	for _, budget := range []int{25, 50, 100} {
		summary := Story(res, Options{Words: budget})
		var twelve, fourteen bool
		for _, s := range summary {
			twelve = twelve || strings.Contains(s.Text, "12 people")
			fourteen = fourteen || strings.Contains(s.Text, "14 people")
		}
		if twelve != fourteen {
			t.Errorf("budget %d: one side of the dispute only: %+v", budget, summary)
		}
	}
}

// TestRevisedFigureNotSummarised: an outlet's update replaces the toll
// its first version gave; the summary tells the current toll, and the old
// one neither appears nor is set against it as a dispute.
func TestRevisedFigureNotSummarised(t *testing.T) {
	articles := []article{
		{voice: "Courier", text: "A ferry sank off the coast of Ostrava on Tuesday, killing 12 people, officials said. Rescuers searched the water through the night."},
		{voice: "Courier", versionOf: "a", text: "A ferry sank off the coast of Ostrava on Tuesday, killing 17 people, officials said. Rescuers searched the water through the night."},
		{voice: "Post", text: "The ferry went down in heavy seas off Ostrava on Tuesday, the coastguard said. Rescuers searched the water through the night."},
	}
	for _, budget := range []int{25, 100} {
		summary := Story(analyze(articles), Options{Words: budget})
		var twelve, seventeen bool
		for _, s := range summary {
			twelve = twelve || strings.Contains(s.Text, "12 people")
			seventeen = seventeen || strings.Contains(s.Text, "17 people")
		}
		if twelve || !seventeen {
			t.Errorf("budget %d: want the updated toll alone: %+v", budget, summary)
		}
	}
}

func TestTable(t *testing.T) {
	tab := newTable(2) // grows many times
	for k := concept(0); k < 1000; k++ {
		if id, added := tab.put(k*7919 + 3); !added || id != int32(k) {
			t.Fatalf("put(%d) = %d, %v; want %d, added", k*7919+3, id, added, k)
		}
	}
	for k := concept(0); k < 1000; k++ {
		if id, ok := tab.get(k*7919 + 3); !ok || id != int32(k) {
			t.Fatalf("get(%d) = %d, %v; want %d", k*7919+3, id, ok, k)
		}
	}
	if id, added := tab.put(7919 + 3); added || id != 1 {
		t.Errorf("second put = %d, %v; want 1, not added", id, added)
	}
	if _, ok := tab.get(5); ok {
		t.Error("get found a key never put")
	}
}

// TestQuotedSentenceCitesItsWords: a summary sentence that quotes someone
// cites the articles that print those words (contractions aside), not one
// that quotes the same person in other words.
func TestQuotedSentenceCitesItsWords(t *testing.T) {
	articles := []article{
		{voice: "Post", text: `The Hollin Dam collapsed on Sunday and flooded Marrowby. Mayor Ilse Varga said: "We're doing everything humanly possible to reach every family that's still cut off."`},
		{voice: "Courier", text: `The Hollin Dam collapsed on Sunday and flooded Marrowby. "We are doing everything humanly possible to reach every family that is still cut off," Mayor Ilse Varga said.`},
		{voice: "Northwind", text: `The Hollin Dam collapsed on Sunday and flooded Marrowby. "We are doing everything we can to reach every family still cut off by the water," Mayor Ilse Varga told Northwind.`},
	}
	res := analyze(articles)
	found := false
	for _, s := range Story(res, Options{}) {
		if !strings.Contains(s.Text, "every family") {
			continue
		}
		found = true
		want := []string{"a", "b"}
		if strings.Contains(s.Text, "by the water") {
			want = []string{"c"}
		}
		if !slices.Equal(s.Sources, want) {
			t.Errorf("%q cites %v, want %v", s.Text, s.Sources, want)
		}
	}
	if !found {
		t.Fatal("no summary sentence quotes the mayor")
	}
}

// TestFiguresCiteTheirSources: a summary sentence that gives figures cites
// only the articles whose sentence gives them, however alike the rest:
// an update that changed the toll, or an outlet with another count, is
// not a source for the first figure.
func TestFiguresCiteTheirSources(t *testing.T) {
	tests := []struct {
		name     string
		articles []article
		sentence string // a summary sentence holds this
		want     []string
	}{
		{"another count", []article{
			{voice: "Post", text: "A ferry sank off the coast of Ostrava on Tuesday, killing 12 people, officials said."},
			{voice: "Courier", text: "A ferry sank off the coast of Ostrava on Tuesday, killing 15 people, officials said."},
		}, "killing 12 people", []string{"a"}},
		{"the same count in words", []article{
			{voice: "Post", text: "A ferry sank off the coast of Ostrava on Tuesday, killing 12 people, officials said."},
			{voice: "Courier", text: "A ferry sank off the coast of Ostrava on Tuesday, killing twelve people, officials said."},
		}, "people, officials said", []string{"a", "b"}},
		{"a figure left out: a paraphrase, cited", []article{
			{voice: "Post", text: "The storm cut power to 20,000 homes in Marrowby on Monday and closed 14 schools, officials said."},
			{voice: "Courier", text: "The storm cut power to 20,000 homes in Marrowby on Monday and closed schools, officials said."},
		}, "20,000 homes", []string{"a", "b"}},
		{"another age", []article{
			{voice: "Post", text: "Twenty-eight-year-old Geraldine Alcorn was arraigned in Ostrava on Wednesday on charges of child luring, police said."},
			{voice: "Courier", text: "Twenty-nine-year-old Geraldine Alcorn was arraigned in Ostrava on Wednesday on charges of child luring, police said."},
		}, "-year-old Geraldine Alcorn", nil},
		{"no figures", []article{
			{voice: "Post", text: "The storm cut power to homes across Marrowby on Monday and closed the schools, officials said."},
			{voice: "Courier", text: "The storm cut power to homes across Marrowby on Monday and closed the schools, officials said."},
		}, "cut power", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, s := range Story(analyze(tt.articles), Options{}) {
				if !strings.Contains(s.Text, tt.sentence) {
					continue
				}
				found = true
				want := tt.want
				if want == nil { // whichever is printed cites itself alone
					want = []string{"a"}
					if s.Text != tt.articles[0].text {
						want = []string{"b"}
					}
				}
				if !slices.Equal(s.Sources, want) {
					t.Errorf("%q cites %v, want %v", s.Text, s.Sources, want)
				}
			}
			if !found {
				t.Fatalf("no summary sentence holds %q", tt.sentence)
			}
		})
	}
}

func TestQuotedSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`Mayor Ilse Varga said: "We're doing everything we can."`, []string{" we are doing everything we can "}},
		{`"It won't happen," he said, "not this year."`, []string{" it will not happen ", " not this year "}},
		{"\u201cWe can\u2019t wait,\u201d she said.", []string{" we can not wait "}},
		{`She said "the dam held`, []string{" the dam held "}},
		{"No quotation here.", nil},
	}
	for _, tt := range tests {
		if got := quotedSpans(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("quotedSpans(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStatesFigure(t *testing.T) {
	tests := []struct {
		text, figure string
		want         bool
	}{
		{"The blast killed 12 people on Monday.", "12 people", true},
		{"The blast killed 12.", "12", true},
		{"At least 12, police said.", "12", true},
		{"The blast killed 120 people.", "12", false},
		{"The law passed in 2012.", "12", false},
		{"Shares rose 1.12 points.", "12", false},
		{"Some 12,000 fled.", "12", false},
		{"It was 12.5 degrees.", "12", false},
		{"A 12-year-old was hurt.", "12", true},
		{"The fund lost US$5m.", "$5m", true},
		{"The fund lost $5m.", "$5m", true},
		{"The fund lost $5mn.", "$5m", false},
		{"No figure here.", "12", false},
		{"Twelve people, then 12 more.", "12", true},
	}
	for _, tt := range tests {
		if got := statesFigure(tt.text, tt.figure); got != tt.want {
			t.Errorf("statesFigure(%q, %q) = %v, want %v", tt.text, tt.figure, got, tt.want)
		}
	}
}
