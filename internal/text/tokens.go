package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells what a token is.
type Kind uint8

const (
	Word   Kind = iota // letters, with inner apostrophes ("what's")
	Number             // digits, with inner separators ("2,000", "1.5")
	Punct              // one punctuation mark
	Symbol             // currency and other signs ("$", "%")
)

// Token is one word, number or mark of a sentence. Start and End are byte
// offsets into the sentence; Hyphen says the token was joined to the one
// before it by a hyphen ("Fifty-nine", "21-year-old").
type Token struct {
	Text   string
	Lower  string
	Stem   string
	Start  int
	End    int
	Kind   Kind
	Hyphen bool
	// stop says the word is a function word of the document's language
	// (English unless the document is read as another), found once when
	// the token is made: every stage asks whether a token carries content.
	stop bool
	// stops has a bit for each Language the word is a function word of.
	stops uint16
}

// SentenceInitial reports whether token k opens its sentence or what a
// quotation mark, a colon or a bracket opens, where a capital says nothing
// of the word.
func SentenceInitial(tokens []Token, k int) bool {
	return k == 0 || tokens[k-1].Kind == Punct && strings.ContainsAny(tokens[k-1].Text, `"“:(`)
}

// Capitalized reports whether the token starts with an upper-case letter.
func (t Token) Capitalized() bool {
	if t.Text == "" {
		return false
	}
	if c := t.Text[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// Content reports whether the token is a word that carries meaning: not a
// stop word, not punctuation.
func (t Token) Content() bool {
	return (t.Kind == Word && !t.stop && len(t.Lower) > 1) || t.Kind == Number
}

// Tokenize splits a sentence into tokens.
func Tokenize(s string) []Token {
	tokens := make([]Token, 0, len(s)/5+1)
	hyphen := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case ideograph(r):
			// Chinese and Japanese write words without spaces between them:
			// each character is a token, and features pair neighbours.
			tokens = append(tokens, wordToken(s[i:i+size], i, hyphen))
			i, hyphen = i+size, false
		case unicode.IsLetter(r) || unicode.IsMark(r):
			end := scanWord(s, i)
			tokens = append(tokens, wordToken(s[i:end], i, hyphen))
			i, hyphen = end, false
		case unicode.IsDigit(r):
			end := scanNumber(s, i)
			text := s[i:end]
			tokens = append(tokens, Token{Text: text, Lower: text, Stem: text, Start: i, End: end, Kind: Number, Hyphen: hyphen})
			i, hyphen = end, false
		case unicode.IsSpace(r):
			i, hyphen = i+size, false
		default:
			if isHyphen(r) && len(tokens) > 0 && tokens[len(tokens)-1].End == i && i+size < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+size:])
				if unicode.IsLetter(next) || unicode.IsDigit(next) {
					i, hyphen = i+size, true
					continue
				}
			}
			kind := Punct
			if unicode.IsSymbol(r) || r == '%' {
				kind = Symbol
			}
			text := s[i : i+size]
			tokens = append(tokens, Token{Text: text, Lower: text, Start: i, End: i + size, Kind: kind})
			i, hyphen = i+size, false
		}
	}
	return tokens
}

// ideograph reports whether r is a character of a script written without
// spaces between words: Chinese characters, and Japanese kana.
func ideograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// Ideographic reports whether a token is one character of such a script,
// which says little alone: features pair it with its neighbour.
func (t Token) Ideographic() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == Word && ideograph(r)
}

func wordToken(text string, start int, hyphen bool) Token {
	w := lookupWord(text)
	return Token{Text: text, Lower: w.lower, Stem: w.stem, Start: start, End: start + len(text), Kind: Word, Hyphen: hyphen, stop: w.stop, stops: w.stops}
}

// scanWord reads letters with inner apostrophes and periods of initialisms
// ("U.S.", "don't").
func scanWord(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (unicode.IsLetter(r) || unicode.IsMark(r)) && !ideograph(r) {
			i += size
			continue
		}
		if r == '\'' || r == '’' {
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); i+size < len(s) && unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		if r == '.' && isInitialism(s, i) {
			i += size
			continue
		}
		break
	}
	return i
}

// isInitialism reports whether the period at i belongs to a dotted
// initialism such as "U.S." or "a.m.": single letters between periods.
func isInitialism(s string, i int) bool {
	// The letter before the period must stand alone (start or after a period).
	if i < 1 || (i >= 2 && s[i-2] != '.' && !isSpaceByte(s[i-2]) && s[i-2] != '(') {
		return false
	}
	if i+1 < len(s) {
		next, size := utf8.DecodeRuneInString(s[i+1:])
		if unicode.IsLetter(next) && (i+1+size >= len(s) || s[i+1+size] == '.') {
			return true
		}
	}
	// The final period of "U.S." belongs to the word when a letter-period pair
	// precedes it.
	return i >= 3 && s[i-2] == '.'
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' }

// scanNumber reads digits (of any script) with inner thousands separators
// and decimals. It always consumes the digit at i.
func scanNumber(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsDigit(r) {
			i += size
			continue
		}
		if (r == ',' || r == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
