package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleAbbreviations come before a name, so their period never ends a
// sentence: "Mr. Smith", "Sen. Warren", "Lt. Col. Ann Smith"; "vs." joins
// two names.
var titleAbbreviations = setOf(`mr mrs ms mx dr prof sen rep gov gen lt col sgt capt cmdr adm maj rev hon
pres supt det insp vs`)

// abbreviations end with a period that ends a sentence only when a
// sentence opener follows: "St. Louis", "Jan. 5", "Apple Inc. The company".
var abbreviations = setOf(`st jr sr govt dept univ corp inc ltd co bros approx est jan
feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd`)

// numberAbbreviations stand before a number ("No. 1", "Fig. 3"), so their
// period ends a sentence whenever no figure follows: "He said no. Smith
// left."
var numberAbbreviations = setOf(`no nos fig figs`)

// TitleAbbreviation reports whether a lower-case word, written with a
// period, is a title that comes before a person's name: "mr", "sen".
func TitleAbbreviation(lower string) bool {
	_, ok := titleAbbreviations[lower]
	return ok && lower != "vs"
}

// SplitSentences splits one paragraph into sentences. Line breaks always end
// a sentence.
func SplitSentences(para string) []string { return splitSentences(para, &docWords{doc: para}) }

// splitSentences splits a paragraph of doc, which tells how the text
// writes the words that follow an abbreviation.
func splitSentences(para string, doc *docWords) []string {
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
			if r == '.' && !periodEnds(line[start:i-size], line[next:], doc) {
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
// the text after it and the document both sit in. After a title it never
// does. After another abbreviation ("Inc.", "Jan."), an initial ("Donald
// J. Trump", "Team B.") or an initialism ("U.S.", "a.m.") a capitalised
// word is as likely to go on a name ("U.S. Navy", "St. Louis") as to open
// a sentence, so only a word that cannot go on a name ends it: a function
// word ("The", "But", "He") or a common noun ("Analysts").
func periodEnds(before, after string, doc *docWords) bool {
	word := lastWord(before)
	lower := strings.ToLower(word)
	if _, ok := titleAbbreviations[lower]; ok {
		return false
	}
	if _, ok := numberAbbreviations[lower]; ok {
		r, _ := utf8.DecodeRuneInString(after)
		return !unicode.IsDigit(r)
	}
	_, abbreviated := abbreviations[lower]
	r, size := utf8.DecodeRuneInString(word)
	initial := size == len(word) && unicode.IsUpper(r)
	if abbreviated || initial || strings.Contains(word, ".") {
		// After an ellipsis ("I know ... I look") a lone letter goes on the
		// sentence as before.
		if strings.Trim(word, ".") != "" && articleOrPronoun(after) {
			return true
		}
		return opensSentence(after, doc)
	}
	return true
}

// opensSentence reports whether the word s starts with cannot go on a name
// before it: a function word other than a lone letter (an initial, "A.")
// or "May" (a month), or a plural common noun with its verb after it.
func opensSentence(s string, doc *docWords) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		end = len(s)
	}
	word := s[:end]
	lower := strings.ToLower(word)
	if _, ok := stopWords[lower]; ok {
		return utf8.RuneCountInString(lower) > 1 && lower != "may"
	}
	return verbFollows(s[end:]) && commonPlural(word, lower, doc)
}

// articleOrPronoun reports whether s opens with "A" or "I" and a word in
// lower case: the article or the pronoun ("in the U.S. A spokesman said",
// "at 7:15 p.m. A man"), where an initial has its period ("Samuel L. A.
// Jackson").
func articleOrPronoun(s string) bool {
	rest, ok := strings.CutPrefix(s, "A ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "I ")
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsLower(r)
}

// verbFollows reports whether the text after a word opens with a word in
// lower case, as a subject's verb does ("Analysts said"), and not with
// "and", "of" or "for", which go on a name ("U.S. Customs and Border
// Protection", "U.S. Centers for Disease Control"). A name that ends a
// phrase has punctuation after it ("the L.A. Times, Beatty said"), and one
// that goes on a capitalised word ("U.S. Stocks Fall", a headline).
func verbFollows(s string) bool {
	s = strings.TrimLeft(s, " ")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch s[:end] {
	case "and", "of", "for":
		return false
	}
	return unicode.IsLower(r)
}

// commonPlural reports whether word, capitalised, is a plural the document
// also writes in lower case and nowhere else with a capital after a word
// or a comma: "Analysts" where the text says "analysts" too. Institutions
// that follow an initialism are often written in lower case as well ("the
// U.S. Embassy", "the embassy") but are singular; the plurals that go on
// names are surnames ("Samuel L. Jackson", "John Q. Adams"), which the
// text does not write in lower case.
func commonPlural(word, lower string, doc *docWords) bool {
	if lower == word || strings.ToUpper(word) == word || !regularPlural(lower) || strings.ContainsAny(word, "'’") {
		return false
	}
	return doc.uses(lower)&wordSeen != 0 && doc.uses(word)&wordInside == 0
}

// docWords tells how a document writes its words. It reads the document
// once, when a period first needs it, rather than searching it at every
// such period: a long text of initials ("Q. Bobs went") took seconds.
type docWords struct {
	doc   string
	words map[string]uint8 // each run of letters: wordSeen, wordInside
}

const (
	wordSeen   = 1 << iota // the word is written
	wordInside             // after a word in lower case or a comma and a space
)

func (d *docWords) uses(w string) uint8 {
	if d.words == nil {
		d.words = map[string]uint8{}
		for i := 0; i < len(d.doc); {
			r, size := utf8.DecodeRuneInString(d.doc[i:])
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			end := i + strings.IndexFunc(d.doc[i:], func(r rune) bool { return !unicode.IsLetter(r) })
			if end < i {
				end = len(d.doc)
			}
			flags := d.words[d.doc[i:end]] | wordSeen
			if insideSentence(d.doc[:i]) {
				flags |= wordInside
			}
			d.words[d.doc[i:end]] = flags
			i = end
		}
	}
	return d.words[w]
}

// insideSentence reports whether the text before a word ends in a word in
// lower case or a comma and a space, so that the word's capital is its own,
// not the sentence's.
func insideSentence(before string) bool {
	trimmed := strings.TrimSuffix(before, " ")
	if len(trimmed) == len(before) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(trimmed)
	return unicode.IsLower(r) || r == ','
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
