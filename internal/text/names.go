package text

import "strings"

// Span is a run of tokens [Start, End) in a sentence.
type Span struct {
	Start, End int
}

// nameJoiners may sit inside a name ("Bank of England", "Sheikh bin Zayed").
var nameJoiners = setOf(`of for de del la le van von bin al da di`)

// properWords returns the lower-case words the document only ever writes
// with a capital away from the start of a sentence: its proper nouns.
func properWords(sentences []Sentence) map[string]bool {
	proper := make(map[string]bool)
	for _, s := range sentences {
		first := true
		for _, t := range s.Tokens {
			if t.Kind != Word {
				if t.Kind == Punct && strings.ContainsAny(t.Text, `"“:`) {
					first = true
				}
				continue
			}
			if !first && t.Capitalized() {
				proper[t.Lower] = true
			}
			first = false
		}
	}
	if len(proper) == 0 {
		return proper
	}
	// Drop the words also written in lower case: looked up in the few
	// capitalised ones rather than every lower-case word set aside.
	for _, s := range sentences {
		for _, t := range s.Tokens {
			if t.Kind == Word && !t.Capitalized() {
				delete(proper, t.Lower)
			}
		}
	}
	return proper
}

// Names returns the proper names in sentence i: runs of capitalised words,
// where a capital at the start of the sentence counts only if the document
// writes that word with a capital elsewhere too.
func (d *Doc) Names(i int) []Span {
	return d.names[i]
}

func (d *Doc) findNames(i int) []Span {
	tokens := d.Sentences[i].Tokens
	var spans []Span
	for j := 0; j < len(tokens); {
		if !d.nameWord(tokens, j) {
			j++
			continue
		}
		end := j + 1
		for end < len(tokens) {
			if d.nameWord(tokens, end) && !tokens[end].isBoundary(tokens[end-1]) {
				end++
				continue
			}
			if _, ok := nameJoiners[tokens[end].Lower]; ok && end+1 < len(tokens) && d.nameWord(tokens, end+1) && !tokens[end].Capitalized() {
				end += 2
				continue
			}
			break
		}
		spans = append(spans, Span{j, end})
		j = end
	}
	return spans
}

// isBoundary reports whether punctuation separates t from prev, so they
// cannot belong to one name.
func (t Token) isBoundary(prev Token) bool {
	return t.Start > prev.End+1 && !t.Hyphen
}

func (d *Doc) nameWord(tokens []Token, j int) bool {
	t := tokens[j]
	if t.Kind != Word || !t.Capitalized() {
		return false
	}
	if _, ok := monthNames[t.Lower]; ok {
		return false
	}
	if _, ok := weekdays[t.Lower]; ok {
		return false
	}
	if t.stop {
		// "US", "IT": an initialism is a name even where its letters spell a
		// common word.
		return len(t.Text) >= 2 && strings.ToUpper(t.Text) == t.Text
	}
	if SentenceInitial(tokens, j) {
		// At the start of a sentence a capital proves nothing: the word is a
		// name if the text capitalises it elsewhere, or if a name follows it
		// ("White House").
		if d.proper[t.Lower] {
			return true
		}
		next := j + 1
		return next < len(tokens) && tokens[next].Kind == Word && tokens[next].Capitalized() && !tokens[next].stop && !tokens[next].isBoundary(t)
	}
	return true
}

// WithoutPossessive drops the possessive "'s" (or "’s") a name ends in:
// "Trump's" is Trump.
func WithoutPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// NameKey normalises a name for comparison: lower case, possessives off.
func NameKey(tokens []Token, s Span) string {
	var b strings.Builder
	for k := s.Start; k < s.End; k++ {
		w := WithoutPossessive(tokens[k].Lower)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
