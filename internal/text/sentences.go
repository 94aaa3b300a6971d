package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = setOf(`mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj rev st jr sr
hon pres supt det insp gov govt dept univ corp inc ltd co bros vs no nos fig figs approx est jan feb
mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd`)

// sentenceStarters are words that, capitalised after an initialism such as
// "U.S.", show that a new sentence began.
var sentenceStarters = setOf(`the he she it they we i but and in on at a an this that these those there
his her its their our after before when while if as however meanwhile yet so`)

// SplitSentences splits one paragraph into sentences. Line breaks always end
// a sentence.
func SplitSentences(para string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, line := range strings.Split(para, "\n") {
		start := 0
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			if r == '。' || r == '！' || r == '？' {
				// Chinese and Japanese end a sentence with no space after.
				end := skipClosers(line, i)
				add(line[start:end])
				start, i = end, end
				continue
			}
			if r != '.' && r != '!' && r != '?' && r != '…' {
				continue
			}
			end := skipClosers(line, i)
			if end >= len(line) || !isSpaceByte(line[end]) {
				continue
			}
			next := skipSpaces(line, end)
			if next >= len(line) || !startsSentence(line[next:]) {
				continue
			}
			if r == '.' && !periodEnds(line[start:i-size], line[next:]) {
				continue
			}
			add(line[start:end])
			start, i = next, next
		}
		add(line[start:])
	}
	return out
}

// skipClosers moves past closing quotes and brackets after a full stop.
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(`"'”’»)]」』）】`, r) {
			break
		}
		i += size
	}
	return i
}

func skipSpaces(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

// startsSentence reports whether text can open a sentence: a capital, a
// digit, or an opening quote or bracket.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«([`, r)
}

// periodEnds decides whether a period after before ends the sentence, given
// the text after it.
func periodEnds(before, after string) bool {
	word := lastWord(before)
	lower := strings.ToLower(word)
	if _, ok := abbreviations[lower]; ok {
		return false
	}
	// A lone capital is an initial ("Donald J. Trump").
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return false
	}
	// After an initialism ("U.S.", "a.m.") only a typical opener starts a new
	// sentence.
	if strings.Contains(word, ".") {
		return isStarter(after)
	}
	return true
}

func isStarter(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	_, ok := sentenceStarters[strings.ToLower(s[:end])]
	return ok
}

// lastWord returns the run of letters and periods that ends s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return s[i:]
}
