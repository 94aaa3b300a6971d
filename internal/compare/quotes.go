package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// Quotes shorter than this are scare quotes ("secret talks") unless a
// speaker is named; minQuoteWords is the floor for any quote.
const (
	minQuoteWords      = 3
	minUnspokenWords   = 8
	sameQuoteOverlap   = 0.6
	sameQuoteMinShared = 3
)

// quote is one quotation found in one article.
type quote struct {
	source   int
	sentence int // where it ends
	text     string
	speaker  string
	role     string
	stems    []uint64 // hashed content stems, sorted, each once
	print    uint64   // FingerprintHash of text: wordings that differ only in case or punctuation are one
}

func quotes(ix *Index) []news.Quote {
	var found []quote
	for p := range ix.Sources {
		found = ix.appendQuotes(found, p)
	}
	for i := range found {
		found[i].print = text.FingerprintHash(found[i].text)
	}
	return groupQuotes(ix, found)
}

// span is a quotation inside a paragraph: byte offsets of the text between
// the marks, and the sentences where it opens and closes.
type span struct {
	from, to   int // sentence indexes in the document
	fromByte   int // offset of the opening mark in sentence from
	toByte     int // offset just past the closing mark in sentence to; -1 if unclosed
	text       string
	continuing bool // the paragraph before left this quote open
}

// appendQuotes appends the quotations of source p to out.
func (ix *Index) appendQuotes(out []quote, p int) []quote {
	doc := ix.Sources[p].Doc
	first := len(out)
	lastSpeaker, lastRole, lastPara := "", "", -2
	for _, sp := range ix.spansOf(p) {
		q := quote{source: p, sentence: sp.to, text: sp.text}
		q.speaker, q.role = ix.speakerOf(p, sp)
		if n := len(out); n > first && q.speaker == "" && out[n-1].sentence == sp.from && startsLower(sp.text) {
			// `"A," says Plant, "where B"`: one quotation around its tag.
			out[n-1].text += " " + sp.text
			out[n-1].sentence = sp.to
			out[n-1].stems = spanStems(out[n-1].stems, doc, sp)
			continue
		}
		if titleLike(sp.text) {
			continue // "Whole Lotta Love", "Make America Great Again": a title or slogan
		}
		para := doc.Sentences[sp.from].Para
		if q.speaker == "" && (sp.continuing || para == lastPara+1 || para == lastPara) && sp.fromByte == 0 {
			// A quote that fills its own paragraph right after one with a
			// speaker continues that speaker's words.
			q.speaker, q.role = lastSpeaker, lastRole
		}
		words := countFields(q.text)
		if words < minQuoteWords || (q.speaker == "" && words < minUnspokenWords) {
			continue
		}
		if q.speaker != "" {
			lastSpeaker, lastRole, lastPara = q.speaker, q.role, doc.Sentences[sp.to].Para
		}
		q.stems = spanStems(nil, doc, sp)
		out = append(out, q)
	}
	return out
}

// spansOf returns the quotations of source p, found once.
func (ix *Index) spansOf(p int) []span {
	if ix.quoted == nil {
		ix.quoted = make([][]span, len(ix.Sources))
	}
	if ix.quoted[p] == nil {
		ix.quoted[p] = quoteSpans(ix.Sources[p].Doc)
		if ix.quoted[p] == nil {
			ix.quoted[p] = []span{} // none: asked once all the same
		}
	}
	return ix.quoted[p]
}

// quotedAt reports whether byte b of sentence sent of source p lies
// between the marks of one of its quotations. A quotation left open is
// not counted: a stray mark would take the rest of its paragraph.
func (ix *Index) quotedAt(p, sent, b int) bool {
	for _, sp := range ix.spansOf(p) {
		if sp.from > sent {
			break
		}
		if sp.to < sent || sp.toByte < 0 {
			continue
		}
		after := sp.from < sent || b > sp.fromByte
		before := sp.to > sent || b < sp.toByte-1
		if after && before {
			return true
		}
	}
	return false
}

// countFields counts what strings.Fields would return, without building it.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// titleLike reports whether a short quotation is written as a title: every
// word capitalised or a number, bar small joining words.
func titleLike(s string) bool {
	words, capitals := 0, 0
	for w := range strings.FieldsSeq(strings.Trim(s, ".,!?")) {
		if words++; words > 5 {
			return false // a quotation of any length: no need to split it all
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case unicode.IsDigit(r), !unicode.IsLetter(r):
		case w == "of" || w == "the" || w == "a" || w == "and" || w == "to" || w == "in" || w == "on" || w == "for":
		default:
			return false
		}
	}
	return capitals > 0
}

// quoteSpans finds the quotations of a document, pairing quote marks within
// each paragraph: double marks, or single ones in a paragraph without
// double marks, as British style writes. A quotation left open at the end
// of a paragraph runs on when the next paragraph opens with a quote mark,
// as news style writes quotes over several paragraphs.
func quoteSpans(doc *text.Doc) []span {
	marks := paragraphMarks(doc)
	var out []span
	open := false
	var cur span
	var buf strings.Builder
	prevPara := -1
	for i, s := range doc.Sentences {
		mark := marks[s.Para]
		if s.Para != prevPara {
			if open {
				// The quote ran to the end of the last paragraph.
				cur.text = strings.TrimSpace(buf.String())
				cur.toByte = -1
				out = append(out, cur)
				open = false
				continuing := len(s.Text) > 0 && s.Text[0] == mark
				cur = span{continuing: continuing}
			}
			prevPara = s.Para
		}
		start := 0
		for j := 0; j < len(s.Text); j++ {
			if s.Text[j] != mark {
				continue
			}
			if !open {
				if !opens(s.Text, j) {
					continue
				}
				open = true
				cont := cur.continuing && j == 0
				cur = span{from: i, fromByte: j, continuing: cont}
				buf.Reset()
				start = j + 1
				continue
			}
			if mark == '\'' && !closesSingle(s.Text, j) {
				continue // an apostrophe: "don't", "Hamas' side" mid-quote
			}
			buf.WriteString(s.Text[start:j])
			cur.to, cur.toByte = i, j+1
			cur.text = strings.TrimSpace(strings.TrimRight(buf.String(), " ,"))
			out = append(out, cur)
			open = false
			cur = span{}
		}
		if open {
			buf.WriteString(s.Text[start:])
			buf.WriteByte(' ')
			cur.to = i
		}
	}
	if open {
		cur.text = strings.TrimSpace(buf.String())
		cur.toByte = -1
		out = append(out, cur)
	}
	return out
}

// paragraphMarks picks each paragraph's quote mark: the double mark, or the
// single one where no double mark appears.
func paragraphMarks(doc *text.Doc) map[int]byte {
	double := map[int]bool{}
	for _, s := range doc.Sentences {
		if strings.IndexByte(s.Text, '"') >= 0 {
			double[s.Para] = true
		}
	}
	marks := map[int]byte{}
	for _, s := range doc.Sentences {
		if double[s.Para] {
			marks[s.Para] = '"'
		} else {
			marks[s.Para] = '\''
		}
	}
	return marks
}

// closesSingle reports whether a single mark at i closes a quotation: it
// follows a word or a stop and is not inside a word.
func closesSingle(s string, i int) bool {
	if i == 0 {
		return false
	}
	prev := s[i-1]
	if prev == ' ' {
		return false
	}
	if i+1 < len(s) {
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		if unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

// opens reports whether the straight quote at i opens a quotation: at the
// start, or after a space or an opening bracket, and before a non-space.
func opens(s string, i int) bool {
	if i+1 >= len(s) || s[i+1] == ' ' {
		return false
	}
	return i == 0 || strings.IndexByte(" ([—-:", s[i-1]) >= 0
}

// spanStems adds the hashed content stems of a quotation to stems, read
// from the tokens of the sentences it spans rather than by tokenizing its
// text again, and returns the set sorted.
func spanStems(stems []uint64, doc *text.Doc, sp span) []uint64 {
	for k := sp.from; k <= sp.to; k++ {
		s := doc.Sentences[k]
		lo, hi := 0, len(s.Text)
		if k == sp.from {
			lo = sp.fromByte + 1
		}
		if k == sp.to && sp.toByte >= 0 {
			hi = sp.toByte - 1
		}
		for j := range s.Tokens {
			t := &s.Tokens[j]
			if t.Start >= lo && t.End <= hi && t.Content() {
				stems = append(stems, text.Hash(t.Stem))
			}
		}
	}
	slices.Sort(stems)
	return slices.Compact(stems)
}

// containment is the share of the smaller sorted set found in the larger.
func containment(a, b []uint64) (float64, int) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0, 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a)), shared
}

// sameQuote reports whether two quotations are one, reworded or cut. Two
// different named speakers keep quotes apart unless the words are all but
// the same, which happens when outlets disagree on who said them.
func sameQuote(a, b *quote) bool {
	c, shared := containment(a.stems, b.stems)
	if a.speaker != "" && b.speaker != "" && a.speaker != b.speaker && c < 0.9 {
		return false
	}
	need := sameQuoteMinShared
	if m := min(len(a.stems), len(b.stems)); m < need {
		need = m
	}
	return c >= sameQuoteOverlap && shared >= need
}

// groupQuotes gathers the same quotation across articles, longest wording
// first, and keeps every distinct wording as a variant. Groups are found
// through the stems they hold, so the cost grows with the quotes, not their
// square.
func groupQuotes(ix *Index, found []quote) []news.Quote {
	order := make([]int, len(found))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return len(found[order[i]].stems) > len(found[order[j]].stems) })
	var groups [][]int
	byStem := map[uint64][]int{} // stem → groups whose first quote holds it
	byText := map[uint64]int{}   // fingerprint → group
	shared := []int{}            // per group: stems it shares with the quote at hand
	var touched []int            // groups with a stem shared, to reset
	for _, i := range order {
		key := found[i].print
		if g, ok := byText[key]; ok && sameSpeaker(&found[i], &found[groups[g][0]]) {
			groups[g] = append(groups[g], i)
			continue
		}
		touched = touched[:0]
		for _, stem := range found[i].stems {
			for _, g := range byStem[stem] {
				if shared[g] == 0 {
					touched = append(touched, g)
				}
				shared[g]++
			}
		}
		best := -1
		for _, g := range touched {
			if (best < 0 || g < best) && shared[g] >= min(sameQuoteMinShared, len(found[i].stems)) && sameQuote(&found[i], &found[groups[g][0]]) && !ownOtherQuote(&found[i], &found[groups[g][0]]) {
				best = g
			}
		}
		for _, g := range touched {
			shared[g] = 0
		}
		if best >= 0 {
			groups[best] = append(groups[best], i)
			continue
		}
		g := len(groups)
		groups = append(groups, []int{i})
		shared = append(shared, 0)
		byText[key] = g
		for _, stem := range found[i].stems {
			byStem[stem] = append(byStem[stem], g)
		}
	}
	out := make([]news.Quote, 0, len(groups))
	for _, members := range groups {
		out = append(out, ix.quoteOf(found, members))
	}
	sort.SliceStable(out, func(i, j int) bool {
		return len(sourcesOf(out[i].Variants)) > len(sourcesOf(out[j].Variants))
	})
	return out
}

// ownOtherQuote reports whether b is another quotation of a's article: an
// article does not reword what it quotes, so two of its quotations are one
// only when one holds every word of the other (a fragment, then the whole).
func ownOtherQuote(a, b *quote) bool {
	if a.source != b.source {
		return false
	}
	c, _ := containment(a.stems, b.stems)
	return c < 1
}

func sameSpeaker(a, b *quote) bool {
	return a.speaker == "" || b.speaker == "" || a.speaker == b.speaker
}

func (ix *Index) quoteOf(found []quote, members []int) news.Quote {
	votes := map[string]int{}
	roles := map[string]string{}
	var variants []news.QuoteVariant
	var stems [][]uint64 // per variant
	byKey := map[uint64]int{}
	sort.Ints(members) // story order
	for _, m := range members {
		q := found[m]
		if q.speaker != "" {
			votes[q.speaker] += 1 + strings.Count(q.speaker, " ")
			if q.role != "" && roles[q.speaker] == "" {
				roles[q.speaker] = q.role
			}
		}
		key := q.print
		id := ix.Sources[q.source].Article.ID
		if at, ok := byKey[key]; ok {
			if !slices.Contains(variants[at].Sources, id) {
				variants[at].Sources = append(variants[at].Sources, id)
			}
			continue
		}
		byKey[key] = len(variants)
		variants = append(variants, news.QuoteVariant{Text: q.text, Sources: []string{id}})
		stems = append(stems, q.stems)
	}
	variants = withoutOwnFragments(variants, stems)
	speaker := ""
	for s, v := range votes {
		if speaker == "" || v > votes[speaker] || v == votes[speaker] && s < speaker {
			speaker = s
		}
	}
	// The wording most articles carry comes first; the others say how they
	// differ from it.
	sort.SliceStable(variants, func(i, j int) bool { return len(variants[i].Sources) > len(variants[j].Sources) })
	for i := 1; i < len(variants); i++ {
		variants[i].Diff = wordDiff(variants[0].Text, variants[i].Text)
	}
	return news.Quote{Speaker: speaker, Role: roles[speaker], Variants: variants}
}

// withoutOwnFragments takes an article off a wording whose words all recur
// in a longer wording the same article gives (longer in words, or in
// letters when the words are the same): an article that quotes a few
// words of a sentence and later the whole of it ("tear down the system"
// and "The average American doesn't think we have to completely tear down
// the system") quotes it once. A wording no article is left on goes.
func withoutOwnFragments(variants []news.QuoteVariant, stems [][]uint64) []news.QuoteVariant {
	if len(variants) < 2 {
		return variants
	}
	for i := range variants {
		variants[i].Sources = slices.DeleteFunc(variants[i].Sources, func(id string) bool {
			for j := range variants {
				longer := len(stems[j]) > len(stems[i]) || len(stems[j]) == len(stems[i]) && len(variants[j].Text) > len(variants[i].Text)
				if j != i && longer && slices.Contains(variants[j].Sources, id) {
					if c, _ := containment(stems[i], stems[j]); c == 1 {
						return true
					}
				}
			}
			return false
		})
	}
	return slices.DeleteFunc(variants, func(v news.QuoteVariant) bool { return len(v.Sources) == 0 })
}

func sourcesOf(variants []news.QuoteVariant) map[string]bool {
	set := map[string]bool{}
	for _, v := range variants {
		for _, s := range v.Sources {
			set[s] = true
		}
	}
	return set
}
