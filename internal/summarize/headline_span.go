package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/compare"
	"github.com/corroborate/corroborate/internal/text"
)

// supportedSpan returns the best headline cut from the titles: a run of one
// title's words, no whole title, whose content words the other voices also
// use in their titles or leads. A word only its own outlet uses costs as
// much as a word every other voice uses gains, so framing falls away. It
// returns "" when fewer than two voices have titles or nothing is borne out.
func supportedSpan(cs *concepts, titles map[string][]string, support map[string]map[string]bool, disputed []string) string {
	if len(titles) < 2 {
		return ""
	}
	best, bestScore := "", 0
	voicesOf := map[string]int{} // stem → how many voices use it, counted once asked
	for voice, ts := range titles {
		for _, t := range ts {
			toks := cs.tokens(t)
			for _, seg := range segments(toks) {
				for i := seg[0]; i < seg[1]; i++ {
					if !spanStart(toks, i, seg[0]) {
						continue
					}
					for j := i + 1; j <= seg[1]; j++ {
						if !spanEnd(toks, j, seg[1]) {
							continue
						}
						n := words(toks[i:j])
						if n < minHeadlineWords || n > maxHeadlineWords {
							continue
						}
						span := strings.TrimSpace(t[toks[i].Start:toks[j-1].End])
						if text.Fingerprint(span) == text.Fingerprint(t) || !balancedQuotes(span) || wholeQuote(span) || states(span, disputed) {
							continue
						}
						score := spanScore(toks[i:j], voice, support, voicesOf)
						shorter := len(span) < len(best) || len(span) == len(best) && span < best
						if score > bestScore || score == bestScore && best != "" && shorter {
							best, bestScore = span, score
						}
					}
				}
			}
		}
	}
	return capitalize(best)
}

// wholeQuote reports whether a span is one quotation and nothing else,
// as "'We had minutes, not hours'" cut from "Fire chief: 'We had minutes,
// not hours'": someone's words, without who said them or what happened.
func wholeQuote(span string) bool {
	first, _ := utf8.DecodeRuneInString(span)
	last, _ := utf8.DecodeLastRuneInString(span)
	open, ok := quotePairs[first]
	if !ok || last != open || len(span) < 3 {
		return false
	}
	inner := span[utf8.RuneLen(first) : len(span)-utf8.RuneLen(last)]
	return !strings.ContainsRune(inner, first) && !strings.ContainsRune(inner, last)
}

// quotePairs maps an opening quotation mark to the one that closes it.
var quotePairs = map[rune]rune{'"': '"', '\'': '\'', '“': '”', '‘': '’', '«': '»'}

// leadStems maps each voice to the content stems of its articles' leads.
func leadStems(ix *compare.Index) map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for _, s := range ix.Sources {
		set := out[s.Voice]
		if set == nil {
			set = make(map[string]bool)
			out[s.Voice] = set
		}
		for i := 0; i < len(s.Doc.Sentences) && i < leadSentences; i++ {
			addContentStems(set, s.Doc.Sentences[i].Tokens)
		}
	}
	return out
}

// spanScore sums, over the content words of a span, the share of other
// voices that use the word, less one for each word none of them uses; in
// units of one voice's share, so that the sum is exact: summed as floats
// in map order, spans that tie came out a rounding apart, and which won
// changed from run to run. voicesOf counts the voices using each stem;
// spanScore fills it as asked, since the spans of all titles share a few
// hundred stems.
func spanScore(toks []text.Token, voice string, support map[string]map[string]bool, voicesOf map[string]int) int {
	others := len(support) - 1
	score := 0
	for w := range contentStems(toks) {
		all, ok := voicesOf[w]
		if !ok {
			for _, set := range support {
				if set[w] {
					all++
				}
			}
			voicesOf[w] = all
		}
		n := all // the other voices using w
		if support[voice][w] {
			n--
		}
		if n == 0 {
			score -= others
		} else {
			score += n
		}
	}
	return score
}

// segments splits a title's tokens at the marks that join separate
// statements in headlines: colons, semicolons, dashes, bars, question
// marks.
func segments(toks []text.Token) [][2]int {
	var out [][2]int
	start := 0
	for i, t := range toks {
		if t.Kind == text.Punct && strings.Contains(":;—–|?", t.Text) || t.Text == "-" && !t.Hyphen && i+1 < len(toks) && toks[i+1].Start > t.End {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// spanStart reports whether a headline may begin at token i: at its
// segment's start or after a comma, on a word.
func spanStart(toks []text.Token, i, segStart int) bool {
	if toks[i].Kind != text.Word && toks[i].Kind != text.Number && !strings.ContainsAny(toks[i].Text, `"“'‘`) {
		return false
	}
	return i == segStart || toks[i-1].Text == ","
}

// spanEnd reports whether a headline may end before token j: at its
// segment's end, before a comma, or before a word that opens a phrase it
// can do without, and never on a function word.
func spanEnd(toks []text.Token, j, segEnd int) bool {
	last := &toks[j-1]
	if last.Kind == text.Punct && !strings.ContainsAny(last.Text, `"”'’)`) {
		return false
	}
	if last.Kind == text.Word && text.IsStop(last.Lower) || hangs[last.Lower] {
		return false
	}
	return j == segEnd || toks[j].Text == "," || cutWords[toks[j].Lower]
}

// cutWords are the words before which a headline may end: the start of a
// prepositional phrase or a clause.
var cutWords = setOf(`after as while when despite amid following because since that which who with
on in at for from by over during under against ahead to`)

// hangs are words a headline cannot end on: they need what follows.
var hangs = setOf(`aimed designed intended meant set going able due expected likely plans plan
wants want seeks seek vows vow says say said offers offer agrees agree threatens threaten promises
promise tries try moves move aims aim hopes hope refuses refuse decides decide fails fail needs need
pledges pledge asks ask urges urge calls call votes vote`)

// clauseBreaks open what a headline can do without: a subordinate or
// relative clause, an attribution, an aside.
var clauseBreaks = setOf(`which who whom whose where when while after as amid despite according following
including saying although though because since but before until even unless`)

// headlineFrom shortens a summary sentence to a headline: its main clause,
// without a leading time or place phrase, a trailing attribution or an
// aside, within the word bound. It is still a run of the sentence's words.
func headlineFrom(s string) string {
	toks := text.Tokenize(s)
	if len(toks) == 0 {
		return ""
	}
	from, to := 0, len(toks)
	// "On Monday, …", "In a statement, …": a lead-in before an early comma.
	for i := 1; i < len(toks) && i < 6; i++ {
		if toks[i].Text == "," && cutWords[toks[0].Lower] {
			from = i + 1
			break
		}
	}
	// "— The girls walk …": a dash or bullet left from a dateline.
	for from < to-1 && toks[from].Kind == text.Punct && !strings.ContainsAny(toks[from].Text, `"“'‘(`) {
		from++
	}
	for i := from + minHeadlineWords; i < to; i++ {
		t := &toks[i]
		aside := t.Kind == text.Punct && strings.Contains(";:—–(", t.Text)
		comma := t.Text == "," && i+1 < to && (clauseBreaks[toks[i+1].Lower] || tailAttribution(toks[i+1:to]))
		if aside || comma {
			to = i
			break
		}
	}
	if words(toks[from:to]) > maxHeadlineWords {
		for j := to - 1; j > from; j-- {
			if words(toks[from:j]) <= maxHeadlineWords && words(toks[from:j]) >= minHeadlineWords+2 && spanEnd(toks, j, to) {
				to = j
				break
			}
		}
	}
	ellipsis := ""
	if words(toks[from:to]) > maxHeadlineWords {
		for n := 0; to > from; to-- {
			if n = words(toks[from:to]); n <= maxHeadlineWords {
				break
			}
		}
		ellipsis = "…"
	}
	for to > from+1 && toks[to-1].Kind == text.Punct && !strings.ContainsAny(toks[to-1].Text, `"”’)`) {
		to--
	}
	h := capitalize(strings.TrimSpace(s[toks[from].Start:toks[to-1].End])) + ellipsis
	if strings.Count(h, `"`)%2 == 1 {
		h += `"` // cut inside a quotation: it is closed where the cut is
	}
	return h
}

// tailAttribution reports whether tokens are a closing attribution: a
// speech verb within a few words, and little after it.
func tailAttribution(toks []text.Token) bool {
	for i, t := range toks {
		if i > 6 {
			return false
		}
		if speechVerbs[t.Lower] {
			return words(toks[i+1:]) <= 4
		}
	}
	return false
}

func words(toks []text.Token) int {
	n := 0
	for j := range toks {
		t := &toks[j]
		if t.Kind == text.Word || t.Kind == text.Number {
			n++
		}
	}
	return n
}
