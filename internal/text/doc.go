// Package text is the small natural-language kit the rest of the pipeline
// shares: sentences, tokens, stems, stop words, numbers, names and dates. It
// knows English news prose; it takes strings and returns values.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is an article's cleaned text split into paragraphs and sentences.
type Doc struct {
	Sentences []Sentence
	// Language is what the text's function words say it is written in;
	// its tokens' Content follows that language's function words.
	Language Language
	// LanguageShown says the text had function words enough to show its
	// language, rather than Language being its source's word or English
	// for want of evidence.
	LanguageShown bool

	proper map[string]bool // words the text writes only with a capital
	names  [][]Span        // per sentence, found once: clustering and comparing both read them
}

// Sentence is one sentence with its tokens. Para is the paragraph it sits in
// and Index its position in the document.
type Sentence struct {
	Text   string
	Para   int
	Index  int
	Tokens []Token
}

// Analyze splits cleaned text (paragraphs separated by blank lines) into
// sentences and tokenizes each.
func Analyze(cleaned string) *Doc { return AnalyzeIn(cleaned, "") }

// AnalyzeIn is Analyze for a text its source says is in the language of
// an ISO 639-1 code. The text's own function words decide when it has
// enough of them, since pages often declare the wrong one; a headline or
// a snippet with too few is read as declared.
func AnalyzeIn(cleaned, declared string) *Doc {
	doc := &Doc{}
	words := &docWords{doc: cleaned}
	for p, para := range Paragraphs(cleaned) {
		for _, s := range splitSentences(para, words) {
			doc.Sentences = append(doc.Sentences, Sentence{
				Text:   s,
				Para:   p,
				Index:  len(doc.Sentences),
				Tokens: Tokenize(s),
			})
		}
	}
	detected, sure := detectLanguage(doc.Sentences)
	doc.Language, doc.LanguageShown = detected, sure
	if l, known := LanguageOf(declared); known && !sure {
		doc.Language = l
	}
	if doc.Language != English {
		for i := range doc.Sentences {
			inLanguage(doc.Sentences[i].Tokens, doc.Language)
		}
	}
	doc.proper = properWords(doc.Sentences)
	doc.names = make([][]Span, len(doc.Sentences))
	for i := range doc.Sentences {
		doc.names[i] = doc.findNames(i)
	}
	return doc
}

// Slice returns the text of tokens [span.Start, span.End) of sentence s.
func (s Sentence) Slice(span Span) string {
	if span.Start >= span.End {
		return ""
	}
	return s.Text[s.Tokens[span.Start].Start:s.Tokens[span.End-1].End]
}

// Paragraphs splits text at blank lines, dropping empty paragraphs.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Words counts the words and numbers of a text as Tokenize would, without
// building tokens: runs of letters or digits, where an apostrophe between
// letters does not break a word, and each Chinese character or kana,
// which no space parts from the next word.
func Words(s string) int {
	n := 0
	in := false
	prev := rune(0)
	for i, r := range s {
		if ideograph(r) {
			n++
			in, prev = false, r
			continue
		}
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if !word && (r == '\'' || r == '’') && unicode.IsLetter(prev) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			word = unicode.IsLetter(next)
		}
		if word && !in {
			n++
		}
		in, prev = word, r
	}
	return n
}

// Fingerprint reduces text to its lower-case letters and digits, so that
// copies differing only in spacing, case or punctuation compare equal.
func Fingerprint(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// FingerprintHash hashes Fingerprint(s) without building it: for telling
// repeated sentences apart by the million.
func FingerprintHash(s string) uint64 {
	h := uint64(14695981039346656037)
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			// ASCII, most of what is hashed: no rune tables needed.
			i++
			switch {
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
			case 'a' <= b && b <= 'z', '0' <= b && b <= '9':
			default:
				continue
			}
			h ^= uint64(b)
			h *= 1099511628211
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= 1099511628211
		}
	}
	return h
}

// Hash is 64-bit FNV-1a: a fast, stable hash for terms and shingles, written
// out to avoid an allocation per call.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
