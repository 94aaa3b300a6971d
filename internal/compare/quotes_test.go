package compare

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
	}{
		{"speaker after", `"We are doing everything we can to help," Mayor Ilse Varga said.`, "We are doing everything we can to help", "Ilse Varga"},
		{"verb first", `"Several communications took place between the two sides," said a Hamas official.`, "Several communications took place between the two sides", "Hamas official"},
		{"speaker before with colon", `Mayor Ilse Varga said: "We are doing everything we can to help."`, "We are doing everything we can to help.", "Ilse Varga"},
		{"pronoun", "Mayor Ilse Varga visited the town.\n\n\"We are doing everything we can to help,\" she said.", "We are doing everything we can to help", "Ilse Varga"},
		{"surname from full name", "Mayor Ilse Varga visited the town. \"We are doing everything we can to help,\" Varga told reporters.", "We are doing everything we can to help", "Ilse Varga"},
		{"appositive", `Ilse Varga, the mayor of Marrowby, said officials had held "ongoing talks and discussions" with the dam operator.`, "ongoing talks and discussions", "Ilse Varga"},
		{"participle", `But she declined to give details. Varga, the mayor, spoke briefly, saying: "We will know more tomorrow morning."`, "We will know more tomorrow morning.", ""},
		{"definite official", "Talks stalled, according to a union official.\n\nThe official said \"the step itself is promising\" for both sides.", "the step itself is promising", "union official"},
		{"office, not the person", `Prime Minister Anna Holt's office issued a statement saying, "The government has made its position clear to the operator."`, "The government has made its position clear to the operator.", "Prime Minister Anna Holt's office"},
		{"multi-paragraph", "\"The water came so fast,\" said resident Pia Lund. \"We had no time to take anything.\n\n\"Our whole street is gone.\"", "Our whole street is gone.", "Pia Lund"},
		{"role", "President Anna Holt spoke at noon. Later, \"We will rebuild every house,\" the president said.", "We will rebuild every house", "Anna Holt"},
		{"possessive role", "Vice President Tom Reyes arrived. Anna Holt's vice president said \"the budget will pass this week\" at the briefing.", "the budget will pass this week", "Tom Reyes"},
		{"colon", "For Robert Plant, the session was different, and he wished he had done less: \"My enthusiasm got in the way of finesse.\"", "My enthusiasm got in the way of finesse.", "Robert Plant"},
		{"split by its tag", "\"It was a prolific time,\" says singer Robert Plant, \"where we were learning about each other.\"", "It was a prolific time where we were learning about each other.", "Robert Plant"},
		{"pronoun subject before called", "Joe Biden spoke after the country passed what he called the \"truly grim, heartbreaking milestone.\"", "truly grim, heartbreaking milestone.", "Joe Biden"},
		{"not the person a source is close to", "President Anna Holt met the envoy. \"The meeting went very badly for everyone,\" a source close to Holt said.", "The meeting went very badly for everyone", "source close to Holt"},
		{"description before the name", "\"We had minutes, not hours,\" fire chief Roberto Alvarez said.", "We had minutes, not hours", "Roberto Alvarez"},
		{"description before the name, then more", "\"This is a great day for cyclists,\" council member Ana Ruiz said after the vote.", "This is a great day for cyclists", "Ana Ruiz"},
		{"description before the name, told", "\"We are doing all we can,\" police spokesman John Hart told reporters.", "We are doing all we can", "John Hart"},
		{"not a description: the sentence goes on", "Smith called the plan \"a gift to the rich and nobody else\" in the report Jones said was leaked.", "a gift to the rich and nobody else", "Smith"},
		{"a middle initial", "\"We are grateful to everyone who wrote,\" Michael J. Fox said.", "We are grateful to everyone who wrote", "Michael J. Fox"},
		{"a middle initial, the verb first", "\"This is a huge deal,\" said David L. Evans, the director of the association.", "This is a huge deal", "David L. Evans"},
		{"an abbreviated title after the verb", "\"We are ready for a long fight,\" said Dr. Anthony Fauci, the top infectious disease expert.", "We are ready for a long fight", "Anthony Fauci"},
		{"an abbreviated title and the initial A after the verb", "\"The war is far from over for us,\" said Gen. Mark A. Milley.", "The war is far from over for us", "Mark A. Milley"},
		{"a surname of a full name with the initial A", "Gen. Mark A. Milley spoke to reporters on Monday. \"The war is far from over for us,\" Milley said.", "The war is far from over for us", "Mark A. Milley"},
		{"two abbreviated titles after the verb", "\"We are ready for a long fight,\" said Lt. Col. Ann Smith.", "We are ready for a long fight", "Ann Smith"},
		{"an abbreviated title after the verb, the quote running on", "\"We can stop\" the virus, said Sen. Mazie Hirono.", "We can stop", "Mazie Hirono"},
		{"speaker after the verb", "\"We can stop\" the virus, said Kathrin Jansen, head of research.", "We can stop", "Kathrin Jansen"},
		{"an honorific before a surname of a full name", "Ann Price runs the firm. \"We will grow faster than anyone expected,\" Ms. Price said.", "We will grow faster than anyone expected", "Ann Price"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", text: tt.text})
			for _, q := range res.Quotes {
				for _, v := range q.Variants {
					if v.Text == tt.quote {
						if tt.speaker != "" && q.Speaker != tt.speaker {
							t.Errorf("speaker of %q = %q, want %q", tt.quote, q.Speaker, tt.speaker)
						}
						return
					}
				}
			}
			t.Errorf("quote %q not found in %+v", tt.quote, res.Quotes)
		})
	}
}

func TestQuotesGroupedAcrossOutlets(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "Courier", text: `"We are doing everything humanly possible to reach every family that is still cut off," Mayor Ilse Varga said.`},
		art{id: "b", outlet: "Northwind", text: `"We are doing everything we can to reach every family still cut off by the water," Mayor Ilse Varga told Northwind.`},
		art{id: "c", outlet: "Post", text: `Mayor Ilse Varga said: "We're doing everything humanly possible to reach every family that's still cut off."`},
		art{id: "d", outlet: "Gazette", text: `Ilse Varga called the response "a scandal" and said "nobody at the ministry has picked up the phone since Sunday."`},
	)
	var group *struct{ n int }
	for _, q := range res.Quotes {
		if strings.Contains(q.Variants[0].Text, "every family") {
			if q.Speaker != "Ilse Varga" || len(q.Variants) != 3 {
				t.Errorf("grouped quote: speaker %q, %d variants: %+v", q.Speaker, len(q.Variants), q.Variants)
			}
			group = &struct{ n int }{len(q.Variants)}
		}
		if strings.Contains(q.Variants[0].Text, "scandal") {
			t.Errorf("a two-word scare quote was kept: %+v", q)
		}
	}
	if group == nil {
		t.Fatalf("the reworded quote was not found: %+v", res.Quotes)
	}
}

func TestWordDiff(t *testing.T) {
	got := wordDiff("Look, dialogue and talking to people is good", "Dialogue and talking to all people is good.")
	want := []struct{ op, text string }{{"-", "Look,"}, {"=", "Dialogue and talking to"}, {"+", "all"}, {"=", "people is good."}}
	if len(got) != len(want) {
		t.Fatalf("wordDiff = %+v", got)
	}
	for i, w := range want {
		if got[i].Op != w.op || got[i].Text != w.text {
			t.Errorf("part %d = %+v, want %s %q", i, got[i], w.op, w.text)
		}
	}
}

func TestTitlesAreNotQuotes(t *testing.T) {
	res := analyze(t, art{id: "a", text: `The band released "Whole Lotta Love" and the rally signs read "Make America Great Again" while he told "Fox & Friends" that "the tour is finally over for good".`})
	for _, q := range res.Quotes {
		if v := q.Variants[0].Text; v != "the tour is finally over for good" {
			t.Errorf("a title or slogan kept as a quote: %q", v)
		}
	}
}

func TestSurnameNeedsCompatibleTitle(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", text: "First lady Jill Biden lit a candle."},
		art{id: "b", outlet: "B", text: "President Biden spoke at the White House. \"We mark a grim milestone today,\" he said."},
	)
	for _, q := range res.Quotes {
		if q.Speaker == "Jill Biden" {
			t.Errorf("President Biden's words given to Jill Biden: %+v", q)
		}
	}
}

// TestArticleQuotesOnce: an article's own quotations are one quote only
// when one holds every word of the other (it quoted a fragment, then the
// whole), and then the article stands on the whole wording alone; two
// quotations of one article on one subject stay two quotes.
func TestArticleQuotesOnce(t *testing.T) {
	tests := []struct {
		name string
		arts []art
		// want lists, for each quote with a wording holding word, the
		// sources of those wordings.
		word string
		want [][]string
	}{
		{
			name: "a fragment, then the whole",
			arts: []art{
				{id: "a", outlet: "Courier", text: `Obama warned against plans to "tear down the system." Later he added: "The average American doesn't think we have to completely tear down the system and remake it," Obama said.`},
			},
			word: "tear",
			want: [][]string{{"a"}},
		},
		{
			name: "the same words, shorter",
			arts: []art{
				{id: "a", outlet: "Courier", text: `The owl is "likely to become an endangered species in the foreseeable future," the Wildlife Service said. It is a bird "which is likely to become an endangered species in the foreseeable future," the agency said.`},
			},
			word: "endangered",
			want: [][]string{{"a"}},
		},
		{
			name: "another outlet keeps the fragment",
			arts: []art{
				{id: "a", outlet: "Courier", text: `Obama warned against plans to "tear down the system." Later he added: "The average American doesn't think we have to completely tear down the system and remake it," Obama said.`},
				{id: "b", outlet: "Post", text: `Obama cautioned Democrats against moves to "tear down the system," he said in Washington.`},
			},
			word: "tear",
			want: [][]string{{"a", "b"}},
		},
		{
			name: "two quotes of one article on one subject",
			arts: []art{
				{id: "a", outlet: "Courier", text: `"It's an emotional issue and a challenging time for the league," Commissioner Jeff Plush said. Later Plush said: "The issue is a real issue for the league, a challenging time for everyone involved, and we need to work through it."`},
			},
			word: "issue",
			want: [][]string{{"a"}, {"a"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, tt.arts...)
			var got [][]string
			for _, q := range res.Quotes {
				var sources []string
				for _, v := range q.Variants {
					if strings.Contains(v.Text, tt.word) {
						sources = append(sources, v.Sources...)
					}
				}
				if sources != nil {
					slices.Sort(sources)
					got = append(got, sources)
				}
			}
			slices.SortFunc(got, slices.Compare)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("variants' sources %v, want %v; quotes %+v", got, tt.want, res.Quotes)
			}
		})
	}
}
