package summarize

import (
	"slices"
	"strings"
	"unicode"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/news"
)

// citedFor returns the members of a unit's group its printed sentence
// cites. A sentence that quotes cites only the articles whose sentence
// has the quoted words: another outlet's paraphrase, or its own wording of
// the quote, may say the same, but the words between quotation marks are
// what a source printed, and a reader checks them there. (With or without
// the marks: a title or a scare quote, "La La Land", is the same words.)
// Nor does it cite an article whose sentence gives another figure for
// what it counts (see contradicts).
func citedFor(res *compare.Result, u *unit) []compare.Ref {
	if len(u.group.Members) == 1 {
		return u.group.Members
	}
	ix := res.Index
	want := quotedSpans(u.clause.text)
	figures := figuresIn(res, u.ref)
	if len(want) == 0 && len(figures) == 0 {
		return u.group.Members
	}
	out := make([]compare.Ref, 0, len(u.group.Members))
	for _, m := range u.group.Members {
		if m == u.ref || holdsAll(quoteWords(ix.Sentence(m).Text), want) && !contradicts(res, m, figures) {
			out = append(out, m)
		}
	}
	return out
}

// figureIn is a figure a sentence gives: a fact and its value there.
type figureIn struct {
	fact  int
	value news.FactValue
}

// figuresIn lists the figures of the story's facts that the sentence at r
// gives, as unitsStating finds them: a value read from r's article, whose
// words the sentence holds.
func figuresIn(res *compare.Result, r compare.Ref) []figureIn {
	id, sentence := res.Index.Sources[r.Source].Article.ID, res.Index.Sentence(r).Text
	var out []figureIn
	for i, f := range res.Facts {
		for _, v := range f.Values {
			if v.Text != "" && slices.Contains(v.Sources, id) && statesFigure(sentence, v.Text) {
				out = append(out, figureIn{i, v})
			}
		}
	}
	return out
}

// contradicts reports whether the sentence at m gives, for a fact of
// figures, only values that the figure's range cannot hold: an update
// that raised "killing 12 people" to 15 groups with the first wording, as
// the two say the same but for the toll, and cited for 12 it would be
// misquoted. A member that leaves the figure out is a paraphrase and is
// cited.
func contradicts(res *compare.Result, m compare.Ref, figures []figureIn) bool {
	if len(figures) == 0 {
		return false
	}
	gives := figuresIn(res, m)
	for _, f := range figures {
		other, same := false, false
		for _, g := range gives {
			if g.fact != f.fact {
				continue
			}
			if compare.ValuesOverlap(g.value, f.value) {
				same = true
			} else {
				other = true
			}
		}
		if other && !same {
			return true
		}
	}
	return false
}

// holdsAll reports whether every span of want is within words.
func holdsAll(words string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(words, w) {
			return false
		}
	}
	return true
}

// quotedSpans returns the words of each quotation in s, lower-cased,
// contractions written out ("we're" is "we are") and punctuation dropped,
// each with a space on both sides so that containment keeps to whole
// words. An unclosed quotation runs to the end.
func quotedSpans(s string) []string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'").Replace(s)
	parts := strings.Split(s, `"`)
	var out []string
	for i := 1; i < len(parts); i += 2 {
		if words := quoteWords(parts[i]); words != " " {
			out = append(out, words)
		}
	}
	return out
}

// contractions are written out before quotations are compared, so that
// "We're doing" and "We are doing" are the same words.
var contractions = strings.NewReplacer("won't", "will not", "can't", "can not", "cannot", "can not",
	"n't", " not", "'re", " are", "'ll", " will", "'ve", " have", "'m", " am", "'d", " would", "'s", " is")

func quoteWords(q string) string {
	q = contractions.Replace(strings.ToLower(q))
	var b strings.Builder
	b.WriteByte(' ')
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}
