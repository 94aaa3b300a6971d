package clean

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden cleans each testdata/*.txt and compares the result with the
// .txt-result file beside it. Run with -update to rewrite them, then review
// the diff.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a := Article(news.Article{ID: "x", Text: string(raw)})
			got, err := json.MarshalIndent(struct {
				Title, Outlet, Author string
				Published             news.Timestamp
				Text                  string
			}{a.Title, a.Outlet, a.Author, a.Published, a.Text}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := in + "-result"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("cleaned %s differs from %s:\n--- got\n%s\n--- want\n%s", in, golden, got, want)
			}
		})
	}
}

func TestLineNoise(t *testing.T) {
	tests := []struct {
		line  string
		noise bool
	}{
		{"Also read | 'Release all hostages or else...': Trump's final warning", true},
		{"READ MORE: Port traffic falls", true},
		{"Related: Port traffic falls to a ten-year low", true},
		{"Advertisement", true},
		{"Story continues below advertisement", true},
		{"Share this article", true},
		{"Follow us on Twitter and Facebook for live updates", true},
		{"Sarah Tew/CNET", true},
		{"Photograph: Kevin Winter/Getty Images", true},
		{"Reporting by Anna Kels; editing by Piet Moor", true},
		{"The Associated Press contributed to this report.", true},
		{"___", true},
		{"— Jane Doe (@janedoe) March 5, 2025", true},
		{"Related to the dispute, the union filed a complaint on Monday against the operator.", false},
		{"The court will share its ruling next week, a spokesman said.", false},
		{"Officials said 12 people died.", false},
		{"share tweet pin email", true},
		{"Image copyright Getty Images Image caption The band broke up in 1980 following the death of drummer John Bonham", true},
		{"Media playback is unsupported on your device Media caption Listen to an excerpt", true},
		{"Share your thoughts with the mayor at the town meeting on Monday.", false},
		// A label on the article's own lead is not a teaser; one on a headline is.
		{"Breaking: The dam above Marrowby failed on Sunday, officials said.", false},
		{"EXCLUSIVE - Ministers plan to cut the rail budget by a fifth, documents show.", false},
		{"Breaking news: Dam fails above Marrowby", true},
		{"Watch: Rescuers reach the last families cut off by the flood.", true},
	}
	for _, tt := range tests {
		if got := lineNoise(tt.line); got != tt.noise {
			t.Errorf("lineNoise(%q) = %v, want %v", tt.line, got, tt.noise)
		}
	}
}

func TestSentenceNoise(t *testing.T) {
	tests := []struct {
		s     string
		noise bool
	}{
		{"Your support helps us to tell the story.", true},
		{"We believe quality journalism should be available to everyone.", true},
		{"You can add location information to your Tweets, such as your city.", true},
		{"Subscribe now.", true},
		{"The union said its members would support the deal.", false},
		{`"Your support means everything," the candidate told voters.`, false},
	}
	for _, tt := range tests {
		if got := sentenceNoise(tt.s); got != tt.noise {
			t.Errorf("sentenceNoise(%q) = %v, want %v", tt.s, got, tt.noise)
		}
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		line   string
		header bool
	}{
		{"Hamas confirms talks", true},
		{"Israel's Involvement", true},
		{"Why Is This Important?", true},
		{"ALSO:", true},
		{"What was your reaction to the early anthem?", false},
		{"The vote passed 7-2.", false},
	}
	for _, tt := range tests {
		if got := header(tt.line); got != tt.header {
			t.Errorf("header(%q) = %v, want %v", tt.line, got, tt.header)
		}
	}
}

func TestLeadDate(t *testing.T) {
	tests := []struct {
		line, date, rest string
		ok               bool
	}{
		{" date 2025-03-05 Your support helps", "2025-03-05", "Your support helps", true},
		{"Published: March 3, 2030 10:15 GMT", "2030-03-03", "", true},
		{"Wed 5 Mar 2025 18.43 GMT", "2025-03-05", "", true},
		{"Updated 12 January 2024", "2024-01-12", "", true},
		{"March 5, 2025 was the day the talks began in earnest.", "", "March 5, 2025 was the day the talks began in earnest.", false},
		{"On Wednesday officials met.", "", "On Wednesday officials met.", false},
	}
	for _, tt := range tests {
		d, rest, ok := leadDate(tt.line)
		if ok != tt.ok || d.String() != tt.date || rest != tt.rest {
			t.Errorf("leadDate(%q) = %q, %q, %v; want %q, %q, %v", tt.line, d, rest, ok, tt.date, tt.rest, tt.ok)
		}
	}
}

func TestOutletFromNoise(t *testing.T) {
	tests := []struct {
		noise []string
		want  string
	}{
		{[]string{"From climate to Big Tech, The Independent is on the ground. The Independent is trusted by Americans across the spectrum."}, "The Independent"},
		{[]string{"Support The Guardian today. Support The Guardian."}, "The Guardian"},
		{[]string{"© 2031 Harbor Daily. All rights reserved."}, "Harbor Daily"},
		{[]string{"Sign up for our newsletter."}, ""},
	}
	for _, tt := range tests {
		if got := outletFromNoise(tt.noise); got != tt.want {
			t.Errorf("outletFromNoise(%q) = %q, want %q", tt.noise, got, tt.want)
		}
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, rest, agency string }{
		{"WASHINGTON (Reuters) — The talks began.", "The talks began.", "Reuters"},
		{"GAZA CITY, Gaza — Rescuers dug.", "Rescuers dug.", ""},
		{"Washington: The White House confirmed it.", "The White House confirmed it.", ""},
		{"The White House confirmed it.", "The White House confirmed it.", ""},
	}
	for _, tt := range tests {
		rest, agency := stripDateline(tt.in)
		if rest != tt.rest || agency != tt.agency {
			t.Errorf("stripDateline(%q) = %q, %q; want %q, %q", tt.in, rest, agency, tt.rest, tt.agency)
		}
	}
}

func TestStripCredits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Talks began in Doha. Boehler met officials in recent weeks.(Reuters file)", "Talks began in Doha."},
		{"The bridge opened on Sunday. (Photo: City Hall handout)", "The bridge opened on Sunday."},
		{"The bridge opened (AP Photo/Jane Doe) on Sunday.", "The bridge opened on Sunday."},
		{"The ministry (which declined to comment) said so.", "The ministry (which declined to comment) said so."},
	}
	for _, tt := range tests {
		if got := stripCredits(tt.in); got != tt.want {
			t.Errorf("stripCredits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“We won’t stop,”\u00a0she said.&nbsp;\r\nNext\u200b line\t here", "\"We won't stop,\" she said.\nNext line here"},
		// A page break or vertical tab inside a sentence is a space: the
		// sentence goes on on the next page.
		{"The ferry\f operator said", "The ferry operator said"},
		{"The ferry\foperator said", "The ferry operator said"},
		{"The ferry\voperator said", "The ferry operator said"},
		// After a sentence's end it ends the paragraph.
		{"The ferry sank.\fThe operator said", "The ferry sank.\nThe operator said"},
		{"\"It sank.\"\vThe operator said", "\"It sank.\"\nThe operator said"},
		{"The ferry sank.\n\fThe operator said", "The ferry sank.\n The operator said"},
		// Other control characters keep the words either side apart.
		{"ferry\x1coperator\x00said\x7fon\u0090Monday", "ferry operator said on Monday"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestControlCharactersLoseNoText: text copied from a PDF or Word keeps
// every word through the cleaner, whatever control character sits in a
// sentence ("The ferry\f operator said…" was stored as "operator said…").
func TestControlCharactersLoseNoText(t *testing.T) {
	const sentence = "The ferry operator said the crossing would resume on Monday after repairs to the ramp."
	for _, control := range []string{"\f", "\f ", " \f", "\v", "\x1c", "\x0b\x0c"} {
		in := strings.Replace(sentence, " operator", control+"operator", 1)
		for _, title := range []string{"", "Ferry crossing to resume"} {
			a := Article(news.Article{ID: "x", Title: title, Text: in})
			if a.Text != sentence {
				t.Errorf("Article(%q, title %q).Text = %q, want %q", in, title, a.Text, sentence)
			}
		}
	}
	for title, want := range map[string]string{
		"Ferry\fcrossing to resume":    "Ferry crossing to resume",
		"Ferry sank.\fCrossing closed": "Ferry sank. Crossing closed", // a title is one line
	} {
		if a := Article(news.Article{ID: "x", Title: title, Text: sentence}); a.Title != want {
			t.Errorf("title %q cleaned to %q, want %q", title, a.Title, want)
		}
	}
}

// TestHyphenatedLabelWordIsProse: a paragraph that opens with a compound
// of a label or teaser word ("Latest-generation", "Video-game") is prose,
// kept whole: not a label to take off, nor a teaser to drop.
func TestHyphenatedLabelWordIsProse(t *testing.T) {
	for _, para := range []string{
		"Latest-generation phones sold out within hours in most of the country, retailers said.",
		"Exclusive-rights deals for the league's games have become more common in recent years.",
		"Video-game sales rose by a tenth last year across the region, the trade body said.",
		"Breaking-news alerts reached most phones in the county within a minute of the failure.",
	} {
		a := Article(news.Article{ID: "x", Text: "Phones sell fast\n\n" + para + "\n\nShops opened early on Saturday for the launch of the new model."})
		if !strings.Contains(a.Text, para) {
			t.Errorf("%q is not kept whole: %q", para, a.Text)
		}
	}
}

// TestTitleLine: a text's first line is its title when it reads as one, in
// scripts written without spaces as in others: a Chinese title, one
// "field" long, stayed in the body and the story had no title.
func TestTitleLine(t *testing.T) {
	tests := []struct {
		text, title string
	}{
		{"Bridge closes after crack found\n\nThe city closed the bridge on Tuesday after inspectors found a crack.", "Bridge closes after crack found"},
		{"The city closed the bridge.\n\nInspectors found a crack on Tuesday, officials said.", ""},
		{"榆树街大桥因裂缝关闭\n\n市政府周二关闭了榆树街大桥，此前检查人员发现了一条裂缝。", "榆树街大桥因裂缝关闭"},
		{"市政府关闭了大桥。\n\n此前检查人员发现了一条裂缝。", ""},
		{"東京の橋が亀裂で閉鎖\n\n東京都は火曜日、検査で亀裂が見つかった橋を閉鎖した。", "東京の橋が亀裂で閉鎖"},
		{"大桥\n\n市政府周二关闭了榆树街大桥，此前检查人员发现了一条裂缝。", ""},
	}
	for _, tt := range tests {
		if got := Article(news.Article{Text: tt.text}).Title; got != tt.title {
			t.Errorf("title of %.30q = %q, want %q", tt.text, got, tt.title)
		}
	}
}
