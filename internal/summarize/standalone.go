package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/text"
)

const (
	minWords = 8  // shorter sentences are headings, captions or fragments
	maxWords = 55 // longer sentences read badly out of their article
)

// clause is the part of a sentence a summary can print: tokens [from, to)
// and their text, with a leading connective or a trailing attribution that
// would need the article around it trimmed away.
type clause struct {
	text     string
	from, to int
	words    int
}

// danglers open sentences that lean on the one before them: pronouns and
// demonstratives whose referent is out of view.
var danglers = setOf(`he she they it this that these those his her their its him them both such here
then thus it's that's he's she's they're they've they'd he'd she'd it'll he'll she'll they'll`)

// connectives open sentences by linking them to the one before; the rest
// of the sentence usually stands alone without them. The ones in
// needComma are connectives only when a comma follows ("Still, …" but not
// "Still photographs …").
var (
	connectives = setOf(`but and yet or nor however meanwhile moreover furthermore additionally
also still instead indeed nonetheless nevertheless besides likewise similarly consequently`)
	needComma = setOf(`however meanwhile moreover furthermore additionally also still instead indeed
nonetheless nevertheless besides likewise similarly consequently`)
	connectivePhrases = [][]string{{"in", "addition"}, {"at", "the", "same", "time"}, {"in", "fact"}, {"on", "the", "other", "hand"}, {"as", "a", "result"}}
)

// pointsBack reports whether a sentence opens on a phrase whose object is
// a word pointing back, set off by a comma: "Since then,", "After that,",
// "Despite this," lean on the sentence before as "It" does.
func pointsBack(toks []text.Token) bool {
	return len(toks) > 2 && toks[0].Kind == text.Word && toks[0].Lower != toks[0].Text &&
		danglers[toks[1].Lower] && toks[2].Text == "," && !danglers[toks[0].Lower]
}

// speechVerbs report speech; a pronoun before one names a speaker only the
// previous sentences identify.
var speechVerbs = setOf(`said says added adds told tells explained explains noted notes wrote writes
claimed claims argued argues insisted insists stated states continued continues recalled recalls
warned warns acknowledged acknowledges admitted admits asserted asserts suggested suggests`)

// pronouns that stand for a speaker named earlier.
var pronouns = setOf(`he she they it we i`)

// standalone returns the part of s a summary can print on its own, or false
// when no part can: questions, fragments, running quotations, sentences
// that open on a pronoun or "the official", and quotations whose only
// speaker is a pronoun.
func standalone(s *text.Sentence) (clause, bool) {
	toks := s.Tokens
	if len(toks) == 0 || !prose(s.Text) || !balancedQuotes(s.Text) || fragment(toks) || caption(toks) {
		return clause{}, false
	}
	quoted := hasQuote(s.Text)
	if quoted && unattributed(s.Text) {
		return clause{}, false
	}
	from, to := skipConnective(toks), len(toks)
	if !quoted {
		to = trimTailAttribution(toks, from, to)
	} else if pronounSpeaker(toks) {
		return clause{}, false
	}
	first := firstWord(toks[from:to])
	if first < 0 || danglers[toks[from+first].Lower] || definiteSpeaker(toks[from+first:to]) || pointsBack(toks[from+first:to]) {
		return clause{}, false
	}
	c := clause{from: from, to: to, text: cut(s, from, to)}
	c.words = text.Words(c.text)
	if c.words < minWords || c.words > maxWords || strings.HasPrefix(c.text, "(") {
		return clause{}, false
	}
	return c, true
}

// followOn returns a sentence as printed right after the sentence before
// it in its article, which gives its pronouns and quotations their speaker:
// whole, with only the checks for a complete statement of fair length.
func followOn(s *text.Sentence) (clause, bool) {
	if len(s.Tokens) == 0 || !prose(s.Text) || !balancedQuotes(s.Text) || fragment(s.Tokens) || caption(s.Tokens) {
		return clause{}, false
	}
	c := clause{from: 0, to: len(s.Tokens), text: strings.TrimSpace(s.Text)}
	c.words = text.Words(c.text)
	return c, c.words >= minWords && c.words <= maxWords
}

// cut returns the text of tokens [from, to) of s, starting with a capital
// and ending with a full stop where trimming removed the sentence's own.
func cut(s *text.Sentence, from, to int) string {
	if from == 0 && to == len(s.Tokens) {
		return strings.TrimSpace(s.Text)
	}
	end := len(s.Text)
	if to < len(s.Tokens) {
		end = s.Tokens[to-1].End
	}
	out := strings.TrimSpace(s.Text[s.Tokens[from].Start:end])
	if to < len(s.Tokens) {
		out = strings.TrimRight(out, ",;") + "."
	}
	return capitalize(out)
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// skipConnective returns the index of the first token after a leading
// connective ("But", "However,", "In addition,"), or 0.
func skipConnective(toks []text.Token) int {
	comma := func(i int) int {
		if i < len(toks) && toks[i].Text == "," {
			return i + 1
		}
		return -1
	}
	for _, phrase := range connectivePhrases {
		if startsWith(toks, phrase) {
			if next := comma(len(phrase)); next > 0 {
				return next
			}
		}
	}
	if len(toks) < 2 || !connectives[toks[0].Lower] || toks[1].Start == toks[0].End && toks[1].Text != "," {
		return 0 // not a connective, or not a word of its own ("But2")
	}
	if next := comma(1); next > 0 {
		return next
	}
	if needComma[toks[0].Lower] {
		return 0
	}
	return 1
}

func startsWith(toks []text.Token, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].Lower != w {
			return false
		}
	}
	return true
}

// trimTailAttribution drops a closing ", he said" or ", she told
// reporters": an attribution to someone only the article names. A
// described speaker (", the union said") is kept: it tells the reader whose
// word the statement is.
func trimTailAttribution(toks []text.Token, from, to int) int {
	comma := -1
	for i := to - 1; i > from; i-- {
		if toks[i].Text == "," {
			comma = i
			break
		}
	}
	if comma < 0 || to-comma > 8 {
		return to
	}
	tail := toks[comma+1 : to]
	words := 0
	for _, t := range tail {
		if t.Kind == text.Word {
			words++
		}
	}
	switch {
	case len(tail) >= 2 && pronouns[tail[0].Lower] && speechVerbs[tail[1].Lower],
		len(tail) >= 2 && speechVerbs[tail[0].Lower] && pronouns[tail[1].Lower] && words <= 3:
		return comma
	}
	return to
}

// definiteSpeaker reports whether tokens open with a person described, not
// named, as the speaker: "the official said", "the spokeswoman added". An
// institution ("the union says") is named enough.
func definiteSpeaker(toks []text.Token) bool {
	return len(toks) >= 3 && toks[0].Lower == "the" && describedPeople[toks[1].Lower] &&
		(speechVerbs[toks[2].Lower] || toks[2].Lower == "was" && len(toks) > 3 && toks[3].Lower == "quoted")
}

// describedPeople are the roles news uses for a person named elsewhere in
// the article.
var describedPeople = setOf(`official spokesman spokeswoman spokesperson source man woman officer aide
adviser advisor lawyer attorney suspect victim minister senator lawmaker witness resident doctor
researcher expert analyst person boy girl teenager mother father mayor governor judge prosecutor
director chief commander`)

// pronounSpeaker reports whether a quoting sentence gives its speaker only
// as a pronoun: `"…," he said` or `she said: "…"`.
func pronounSpeaker(toks []text.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		inverted := speechVerbs[toks[i].Lower] && pronouns[toks[i+1].Lower] && (i+2 == len(toks) || toks[i+2].Kind == text.Punct)
		if pronouns[toks[i].Lower] && speechVerbs[toks[i+1].Lower] || inverted {
			return true
		}
	}
	return false
}

func firstWord(toks []text.Token) int {
	for i, t := range toks {
		if t.Kind == text.Word || t.Kind == text.Number {
			return i
		}
	}
	return -1
}

// prose reports whether a sentence ends as a statement does: with a full
// stop or an exclamation mark, perhaps inside a closing quotation mark or
// bracket. Headings, captions, share bars and embedded posts do not, nor do
// questions and sentences cut off with an ellipsis.
func prose(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), `"”’')]`)
	if strings.HasSuffix(s, "..") || strings.HasSuffix(s, "…") || strings.Contains(s, "@") || strings.Contains(s, "://") || strings.Contains(s, "---") {
		return false
	}
	// "。" and "！" end Chinese and Japanese sentences, "।" Hindi ones.
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "。") ||
		strings.HasSuffix(s, "！") || strings.HasSuffix(s, "।")
}

// fragment reports whether a sentence starts on a word in lower case: the
// tail of a sentence the splitter cut in two. ("iPhone" is a name; a
// word of a script without case, Chinese or Arabic, is neither.)
func fragment(toks []text.Token) bool {
	i := firstWord(toks)
	if i < 0 || toks[i].Kind != text.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i].Text)
	return unicode.IsLower(r) && toks[i].Lower == toks[i].Text
}

// caption reports whether a sentence reads as a photo caption: it says
// what is pictured or shown in a photo, or ends on the date the picture was
// taken (", December 27, 2013.").
func caption(toks []text.Token) bool {
	for i, t := range toks {
		switch t.Lower {
		case "pictured":
			return true
		case "photo", "photograph", "picture", "image":
			if i >= 1 && toks[i-1].Lower == "this" || i >= 2 && toks[i-2].Lower == "this" {
				return true // "in this photo", "in this file photo"
			}
		}
	}
	n := len(toks)
	if n >= 6 && toks[n-1].Text == "." && toks[n-2].Kind == text.Number && len(toks[n-2].Text) == 4 && toks[n-3].Text == "," &&
		toks[n-4].Kind == text.Number && toks[n-6].Text == "," {
		_, month := text.MonthNumber(toks[n-5].Lower)
		return month
	}
	return false
}

// unattributed reports whether a sentence is one quotation and nothing
// else: the speaker is in another sentence.
func unattributed(s string) bool {
	s = strings.TrimSpace(s)
	open, close := strings.IndexAny(s, `"“`), strings.LastIndexAny(s, `"”`)
	if open != 0 {
		return false
	}
	rest := strings.TrimLeft(s[close:], `"”.!?)’' `)
	return rest == ""
}

// balancedQuotes reports whether every quotation the sentence opens it also
// closes: a quotation running on into the next sentence cannot be cut.
func balancedQuotes(s string) bool {
	return strings.Count(s, `"`)%2 == 0 && strings.Count(s, "“") == strings.Count(s, "”")
}

func hasQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "”")
}

func setOf(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
