package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// StoryLabels is one hand-labelled story: which of its quotes, figures,
// conflicts and exclusive claims a careful editor finds. Complete names the
// kinds labelled exhaustively, for which precision can be measured; the
// others count for recall only. Fragments ("contains") are short pieces of
// the cleaned article text that identify a quote or sentence.
type StoryLabels struct {
	Dataset   string          `json:"dataset"`
	Story     string          `json:"story"`
	Complete  []string        `json:"complete"`
	Quotes    []LabelQuote    `json:"quotes"`
	Figures   []LabelFigure   `json:"figures"`
	Exclusive []LabelSentence `json:"exclusive"`
	Shared    []LabelSentence `json:"shared"`
}

// LabelQuote is a quotation in an article and who spoke it.
type LabelQuote struct {
	Article  string `json:"article"`
	Contains string `json:"contains"`
	Speaker  string `json:"speaker"`
}

// LabelFigure is a figure an article gives.
type LabelFigure struct {
	Article  string  `json:"article"`
	Value    float64 `json:"value"`
	Contains string  `json:"contains"`
}

// LabelConflict is two values outlets give for one thing that cannot both
// be right, in a story of a dataset.
type LabelConflict struct {
	Dataset string    `json:"dataset"`
	Story   string    `json:"story"`
	Values  []float64 `json:"values"`
	About   string    `json:"about"`
}

// LoadConflicts reads the real conflicts of a sweep: every conflict a
// reader confirmed in the listed datasets. Any other conflict the system
// flags in them is false.
func LoadConflicts(path string) ([]LabelConflict, error) {
	return readJSONLines[LabelConflict](path)
}

// ScoreConflicts judges the conflicts flagged in one story of a sweep
// against the confirmed ones, adding to s.Conflicts.
func (s *CompareScores) ScoreConflicts(dataset, story string, real []LabelConflict, flagged *news.Story) {
	for _, f := range flagged.Facts {
		if !f.Conflict {
			continue
		}
		s.Conflicts.Output++
		ok := false
		for _, c := range real {
			if c.Dataset == dataset && c.Story == story && hasValues(f, c.Values) {
				ok = true
			}
		}
		if ok {
			s.Conflicts.Correct++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s %s: false conflict on %q: %v", dataset, story, f.Subject, values(f)))
		}
	}
	for _, c := range real {
		if c.Dataset != dataset || c.Story != story {
			continue
		}
		s.Conflicts.Labelled++
		found := false
		for _, f := range flagged.Facts {
			found = found || f.Conflict && hasValues(f, c.Values)
		}
		if found {
			s.Conflicts.Found++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s %s: conflict not found: %v (%s)", dataset, story, c.Values, c.About))
		}
	}
}

// LabelSentence is a sentence of an article, identified by a fragment.
type LabelSentence struct {
	Article  string `json:"article"`
	Contains string `json:"contains"`
}

func (l StoryLabels) complete(kind string) bool {
	for _, k := range l.Complete {
		if k == kind {
			return true
		}
	}
	return false
}

// LoadStoryLabels reads labelled stories, one JSON object per line.
func LoadStoryLabels(path string) ([]StoryLabels, error) {
	return readJSONLines[StoryLabels](path)
}

// readJSONLines reads one JSON value per line, skipping blank lines.
func readJSONLines[T any](path string) ([]T, error) {
	var out []T
	err := eachLine(path, func(n int, line []byte) error {
		if len(strings.TrimSpace(string(line))) == 0 {
			return nil
		}
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// Count is how many of something were labelled or output, and matched.
type Count struct {
	Labelled, Found int // recall: labelled items the system found
	Output, Correct int // precision: system items judged, and right
}

// Recall is Found over Labelled.
func (c Count) Recall() float64 { return fraction(c.Found, c.Labelled) }

// Precision is Correct over Output.
func (c Count) Precision() float64 { return fraction(c.Correct, c.Output) }

// fraction is a/b, or NaN when nothing was counted, which the report
// prints as "n/a" rather than a misleading zero.
func fraction(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// CompareScores sums the comparison of system stories with labels.
type CompareScores struct {
	Stories int
	// Quotes: recall of labelled quotes; precision of the system's quotes
	// in exhaustively labelled stories.
	Quotes Count
	// Speakers: among labelled quotes found, how many have the right speaker.
	Speakers Count
	Figures  Count
	// Conflicts: precision is the share of flagged conflicts that are real.
	Conflicts Count
	// Exclusive: precision over system exclusive claims whose sentence was
	// labelled (as exclusive or shared).
	Exclusive Count
	Misses    []string // what went wrong, for a reader tuning the rules
}

// ScoreStory compares one system story with its labels and adds to s.
func (s *CompareScores) ScoreStory(l StoryLabels, story *news.Story) {
	s.Stories++
	s.scoreQuotes(l, story)
	s.scoreFigures(l, story)
	s.scoreClaims(l, story)
}

func (s *CompareScores) miss(l StoryLabels, format string, args ...any) {
	s.Misses = append(s.Misses, fmt.Sprintf("%s %s: ", l.Dataset, l.Story)+fmt.Sprintf(format, args...))
}

// contains reports whether text holds the fragment, ignoring case, spacing
// and punctuation.
func contains(text, fragment string) bool {
	return strings.Contains(textKey(text), textKey(fragment))
}

func textKey(s string) string { return text.Fingerprint(s) }

func (s *CompareScores) scoreQuotes(l StoryLabels, story *news.Story) {
	for _, lq := range l.Quotes {
		s.Quotes.Labelled++
		speaker, found := "", false
		for _, q := range story.Quotes {
			for _, v := range q.Variants {
				if hasSource(v.Sources, lq.Article) && contains(v.Text, lq.Contains) {
					found, speaker = true, q.Speaker
				}
			}
		}
		if !found {
			s.miss(l, "quote not found: %q (%s)", lq.Contains, lq.Article)
			continue
		}
		s.Quotes.Found++
		s.Speakers.Labelled++
		s.Speakers.Output++
		if sameSpeaker(lq.Speaker, speaker) {
			s.Speakers.Found++
			s.Speakers.Correct++
		} else {
			s.miss(l, "quote %q: speaker %q, want %q", lq.Contains, speaker, lq.Speaker)
		}
	}
	if !l.complete("quotes") {
		return
	}
	for _, q := range story.Quotes {
		for _, v := range q.Variants {
			for _, article := range v.Sources {
				s.Quotes.Output++
				matched := false
				for _, lq := range l.Quotes {
					if lq.Article == article && contains(v.Text, lq.Contains) {
						matched = true
					}
				}
				if matched {
					s.Quotes.Correct++
				} else {
					s.miss(l, "quote not in the labels: %q (%s)", v.Text, article)
				}
			}
		}
	}
}

// sameSpeaker accepts a system speaker whose words hold the labelled ones,
// or the other way round: "Senator Kevin Cramer" for "Kevin Cramer",
// "young woman" for "woman".
func sameSpeaker(want, got string) bool {
	w, g := speakerWords(want), speakerWords(got)
	if len(w) == 0 || len(g) == 0 {
		return false
	}
	return subset(w, g) || subset(g, w)
}

func speakerWords(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = text.WithoutPossessive(w)
		if w == "a" || w == "an" || w == "the" || w == "one" {
			continue
		}
		set[text.Fingerprint(w)] = true
	}
	return set
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

func hasSource(sources []string, id string) bool {
	for _, s := range sources {
		if s == id {
			return true
		}
	}
	return false
}

// givesValue reports whether a value found states x: as its value, or as
// an end of the range it was written as ("10% to 15%" states 10 and 15).
func givesValue(v news.FactValue, x float64) bool {
	return sameValue(v.Value, x) || slices.ContainsFunc(v.Range, func(end float64) bool { return sameValue(end, x) })
}

func sameValue(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func (s *CompareScores) scoreFigures(l StoryLabels, story *news.Story) {
	for _, lf := range l.Figures {
		s.Figures.Labelled++
		found := false
		for _, f := range story.Facts {
			for _, v := range f.Values {
				if hasSource(v.Sources, lf.Article) && givesValue(v, lf.Value) {
					found = true
				}
			}
		}
		if found {
			s.Figures.Found++
		} else {
			s.miss(l, "figure not found: %g %q (%s)", lf.Value, lf.Contains, lf.Article)
		}
	}
	if !l.complete("figures") {
		return
	}
	for _, f := range story.Facts {
		for _, v := range f.Values {
			for _, article := range v.Sources {
				s.Figures.Output++
				matched := false
				for _, lf := range l.Figures {
					if lf.Article == article && givesValue(v, lf.Value) {
						matched = true
					}
				}
				if matched {
					s.Figures.Correct++
				} else {
					s.miss(l, "figure not in the labels: %g %q (%s)", v.Value, v.Text, article)
				}
			}
		}
	}
}

func hasValues(f news.Fact, want []float64) bool {
	for _, w := range want {
		found := false
		for _, v := range f.Values {
			found = found || sameValue(v.Value, w)
		}
		if !found {
			return false
		}
	}
	return true
}

func values(f news.Fact) []float64 {
	var out []float64
	for _, v := range f.Values {
		out = append(out, v.Value)
	}
	return out
}

func (s *CompareScores) scoreClaims(l StoryLabels, story *news.Story) {
	labelOf := func(c news.Claim) (exclusive, judged bool) {
		for _, e := range l.Exclusive {
			if hasSource(c.Sources, e.Article) && contains(c.Text, e.Contains) {
				return true, true
			}
		}
		for _, sh := range l.Shared {
			if hasSource(c.Sources, sh.Article) && contains(c.Text, sh.Contains) {
				return false, true
			}
		}
		return false, false
	}
	for _, e := range l.Exclusive {
		s.Exclusive.Labelled++
		found := false
		for _, c := range story.Claims {
			if c.Exclusive && hasSource(c.Sources, e.Article) && contains(c.Text, e.Contains) {
				found = true
			}
		}
		if found {
			s.Exclusive.Found++
		} else {
			s.miss(l, "exclusive claim not found: %q (%s)", e.Contains, e.Article)
		}
	}
	if !l.complete("claims") {
		return
	}
	for _, c := range story.Claims {
		if !c.Exclusive {
			continue
		}
		exclusive, judged := labelOf(c)
		if !judged {
			continue
		}
		s.Exclusive.Output++
		if exclusive {
			s.Exclusive.Correct++
		} else {
			s.miss(l, "claim called exclusive but shared: %q", c.Text)
		}
	}
}

// DefaultLabels returns the path of a labelled file in testdata, from the
// repository root or from this package's folder (as tests run).
func DefaultLabels(name string) string {
	if path := "internal/eval/testdata/" + name; fileExists(path) {
		return path
	}
	return "testdata/" + name
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
