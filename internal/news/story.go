package news

// Story is a set of articles about one event, with what their sources say.
type Story struct {
	ID       string   `json:"id"`
	Headline string   `json:"headline"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
	// Voices counts independent sources: versions and copies count once.
	Voices int `json:"voices"`

	Summary      []Sentence    `json:"summary"`
	Facts        []Fact        `json:"facts"`
	Quotes       []Quote       `json:"quotes"`
	Attributions []Attribution `json:"attributions"`
	Claims       []Claim       `json:"claims"`
	Timeline     []Event       `json:"timeline"`
}

// Sentence is one summary sentence and the articles it comes from.
type Sentence struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Fact is a quantity the sources report about one subject ("living
// hostages"), with every value given for it.
type Fact struct {
	Subject string `json:"subject"`
	// Conflict is set when two voices give values whose ranges do not
	// overlap: each outlet's current figures, those of its latest version.
	Conflict bool `json:"conflict"`
	// Voices counts the independent sources giving any value.
	Voices int         `json:"voices"`
	Values []FactValue `json:"values"`
}

// FactValue is one figure for a subject, as written by its sources.
type FactValue struct {
	Value float64 `json:"value"`
	// Low and High bound what the qualifier allows: "about 24" is 22.8..25.2,
	// "at least 35" is 35 and no upper bound (High is null).
	Low  float64  `json:"low"`
	High *float64 `json:"high"`
	// Range holds the two ends of a range the source wrote ("30-35
	// people", "between 30 and 35"), whose midpoint is Value; nil for a
	// single figure.
	Range []float64 `json:"range,omitempty"`
	// Unit is the unit of a measure's value, low and high as the source
	// wrote them ("mph", "km/h"): a fact's values may come in several.
	Unit      string `json:"unit,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
	Text      string `json:"text"`
	// Sentence is the sentence the figure was read from, in the first source.
	Sentence     string   `json:"sentence"`
	Sources      []string `json:"sources"`
	Outlets      []string `json:"outlets"`
	AttributedTo string   `json:"attributed_to"`
	// SupersededBy is set on a figure only earlier versions of an article
	// give, when a later version by the same outlet gives the subject
	// another figure: it names those later versions. Such a value is the
	// outlet's revision history, not its current report, and never makes
	// a conflict. Values that stand come first.
	SupersededBy []string `json:"superseded_by,omitempty"`
	// UpdatedFrom, on a value that stands, lists as written the figures it
	// replaced in earlier versions by the same outlet, oldest first.
	UpdatedFrom []string `json:"updated_from,omitempty"`
}

// Quote is what one speaker said, with each wording the outlets printed.
type Quote struct {
	Speaker  string         `json:"speaker"`
	Role     string         `json:"role,omitempty"`
	Variants []QuoteVariant `json:"variants"`
}

// QuoteVariant is one wording of a quote and the articles that print it.
// Diff, on every variant but the first, says word by word how it differs
// from the first: the wording most outlets carry.
type QuoteVariant struct {
	Text    string     `json:"text"`
	Sources []string   `json:"sources"`
	Diff    []DiffPart `json:"diff,omitempty"`
}

// DiffPart is a run of words a variant shares with the first wording
// (Op "="), adds to it ("+") or leaves out ("-").
type DiffPart struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Attribution is a party cited as the source of statements. Text is the
// first statement; Statements lists each with the articles that cite the
// party for it.
type Attribution struct {
	Cited string `json:"cited"`
	// Kind is "outlet", "official", "anonymous", "person" or "organization".
	Kind          string `json:"kind"`
	FirstReported bool   `json:"first_reported"`
	// As names the groups of an institution it was cited through:
	// "analysts" for "Jefferies analysts said". Empty when cited itself.
	As         []string    `json:"as,omitempty"`
	Sources    []string    `json:"sources"`
	Text       string      `json:"text"`
	Statements []Statement `json:"statements"`
}

// Statement is one sentence that cites a party, and the articles carrying
// it or one saying the same.
type Statement struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Claim is a statement and the articles that make it. Exclusive claims come
// from one voice only; the others are made by at least two.
type Claim struct {
	Text      string   `json:"text"`
	Sources   []string `json:"sources"`
	Outlets   []string `json:"outlets"`
	Voices    int      `json:"voices"`
	Exclusive bool     `json:"exclusive"`
	// Voice names the one source of an exclusive claim: its outlet, or
	// "article ID" when the outlet is unknown.
	Voice string `json:"voice,omitempty"`
}

// Event is a dated statement on the story's timeline. Date is ISO 8601 as
// precise as the text allows: "1997", "2025-01", "2023-10-07".
type Event struct {
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Revisions returns the values of f that outlets have since revised into
// v, in the order f lists them: the revision history of v ("updated from
// 12"), found through the later versions each names in SupersededBy.
func (f Fact) Revisions(v FactValue) []FactValue {
	var out []FactValue
	for _, r := range f.Values {
		if len(r.SupersededBy) > 0 && sharesAny(r.SupersededBy, v.Sources) {
			out = append(out, r)
		}
	}
	return out
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
