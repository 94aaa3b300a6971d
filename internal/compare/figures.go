package compare

import (
	"math"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// figure is one number in one sentence, with what it counts.
type figure struct {
	ref        Ref
	value      float64
	low, high  float64 // high is +Inf when open
	qualifier  string
	kind       text.QuantityKind
	key        string // state|modifiers|head stem: what is counted
	subject    string // the same, as a reader reads it
	phrase     string
	attributed string
}

// figuresIn reads the figures of one sentence. prevHead carries the last
// counted noun from the sentence before, for "… only 22 are still alive";
// carried is the last party the article attributed something to, for "They
// added that …".
func (ix *Index) figuresIn(r Ref, prevHead *nounPhrase, carried string) []figure {
	s := ix.sentence(r)
	tokens := s.Tokens
	inDate := make([]bool, len(tokens))
	for _, m := range text.Dates(tokens) {
		for i := m.Start; i < m.End; i++ {
			inDate[i] = true
		}
	}
	var out []figure
	for _, q := range text.Quantities(tokens) {
		if q.Kind == text.Year || inDate[q.Start] || skipNumber(tokens, q) {
			continue
		}
		qual, qualStart := qualifierBefore(tokens, q.Start)
		np, end, ok := countedNoun(tokens, q, prevHead)
		if !ok {
			if np, ok = tollBefore(tokens, qualStart); !ok {
				continue
			}
			end = q.End
		}
		np.state = firstNonEmpty(np.state, stateBefore(tokens, qualStart), statePredicate(tokens, end))
		if np.subset && np.state == "" {
			continue // "one of whom": a part of a count, not the count
		}
		f := figure{ref: r, value: q.Value, qualifier: qual, kind: q.Kind}
		f.low, f.high = bounds(q, qual)
		f.key, f.subject = np.key(q.Kind), np.display(q.Kind)
		f.phrase = s.Slice(text.Span{Start: qualStart, End: max(end, q.End)})
		name, pronoun := ix.attributorOf(r, q.Start)
		if pronoun {
			name = carried
		}
		f.attributed = name
		out = append(out, f)
		head := np
		head.state, head.subset = "", false
		*prevHead = head
	}
	return out
}

// skipNumber drops numbers that count nothing: ordinals ("21st"), times,
// durations and ages without a name.
func skipNumber(tokens []text.Token, q text.Quantity) bool {
	if q.End < len(tokens) {
		next := tokens[q.End]
		if next.Start == tokens[q.End-1].End && (next.Lower == "st" || next.Lower == "nd" || next.Lower == "rd" || next.Lower == "th") {
			return true
		}
		if timeUnits[next.Lower] && !next.Hyphen {
			return true
		}
		if next.Text == ":" || next.Text == "/" {
			return true
		}
	}
	if q.Start > 0 && (tokens[q.Start-1].Text == ":" || tokens[q.Start-1].Text == "/" || tokens[q.Start-1].Text == "#" || tokens[q.Start-1].Lower == "no") {
		return true
	}
	return false
}

// qualifierBefore reads "about", "at least", "more than" … before token i.
func qualifierBefore(tokens []text.Token, i int) (string, int) {
	for _, q := range qualifiers {
		n := len(q.words)
		if i < n {
			continue
		}
		match := true
		for k, w := range q.words {
			if tokens[i-n+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			return q.kind, i - n
		}
	}
	return "", i
}

// bounds is the range a figure allows. Round numbers are read as rounded,
// so "2,000" and "2,050" do not conflict.
func bounds(q text.Quantity, qual string) (float64, float64) {
	v := q.Value
	low, high := q.Low, q.High
	if low == high {
		switch {
		case v >= 1000 && math.Mod(v, 1000) == 0, v >= 100 && math.Mod(v, 100) == 0:
			low, high = v*0.95, v*1.05
		}
	}
	inf := math.Inf(1)
	switch qual {
	case "about":
		margin := math.Max(v*0.05, 1)
		return math.Min(low, v-margin), math.Max(high, v+margin)
	case "nearly":
		return v * 0.9, v
	case "more than":
		return v, inf
	case "at least":
		return v, inf
	case "fewer than", "up to", "at most":
		return 0, v
	case "exactly":
		return v, v
	}
	return low, high
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// nounPhrase is what a figure counts.
type nounPhrase struct {
	head      string // as written
	stem      string
	modifiers []string // capitalised modifiers: "Palestinian"
	state     string
	subset    bool
}

func (np nounPhrase) key(kind text.QuantityKind) string {
	prefix := ""
	switch kind {
	case text.Percent:
		prefix = "percent "
	case text.Money:
		prefix = "money "
	case text.Fraction:
		prefix = "share "
	}
	stem := np.stem
	if s, ok := synonyms[stem]; ok {
		stem = s
	}
	return prefix + np.state + "|" + strings.ToLower(strings.Join(np.modifiers, " ")) + "|" + stem
}

func (np nounPhrase) display(kind text.QuantityKind) string {
	words := []string{}
	if np.state != "" {
		words = append(words, np.state)
	}
	words = append(words, np.modifiers...)
	words = append(words, np.head)
	s := strings.Join(words, " ")
	switch kind {
	case text.Percent:
		return "% of " + s
	case text.Fraction:
		return "share of " + s
	}
	return s
}
