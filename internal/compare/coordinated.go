package compare

import "github.com/corroborate/corroborate/internal/text"

// conjunctsBefore finds the parties coordinated with the subject
// [start, end) of a reporting verb in the sentence at r: "Reuters and the
// BBC said", "Reuters, AFP and the BBC reported". Each is cited as the
// subject is. The list must open its clause (so that "officials from the
// United States, Canada and …" or "artworks by Picasso and …" give none),
// each item must read as a party (see party), and an "and" inside one
// institution's name ("the Food and Drug Administration") joins nothing.
func (ix *Index) conjunctsBefore(r Ref, start, end int) [][2]int {
	tokens := ix.sentence(r).Tokens
	and := start - 1
	if start < 2 || tokens[and].Lower != "and" || nameAnd(tokens, and) || tokens[and].Hyphen || tokens[start].Hyphen || oneInstitution(tokens, start, end) {
		return nil
	}
	var out [][2]int
	cut := and // the "and" or comma before the last item found
	for {
		s, e, ok := subjectBefore(tokens, cut)
		if !ok || e != cut || !ix.party(tokens, s, e) {
			return nil
		}
		out = append(out, [2]int{s, e})
		if s < 2 || tokens[s-1].Text != "," {
			break
		}
		cut = s - 1
	}
	if !opensClause(tokens, out[len(out)-1][0]) {
		return nil
	}
	return out
}

// oneInstitution reports whether a subject that follows "and" finishes
// one institution's name rather than naming a second party: no
// determiner, capitalised, and ending in what an institution is ("Drug
// Administration", "Industrial Safety Agency", "Research Office").
func oneInstitution(tokens []text.Token, start, end int) bool {
	return !determiners.has(tokens[start].Lower) && tokens[start].Capitalized() && officialCues.has(tokens[end-1].Lower)
}

// party reports whether tokens [start, end) can name a party of a list:
// capitalised words but for determiners and a name's joiners ("the Bank
// of England"), where a final official's or source's noun may be in lower
// case ("Israeli officials"); not a date; not a title alone, which is the
// first half of one person's titles ("Transport Minister and Deputy Prime
// Minister Warren Truss"); and, opening the sentence, a word the story
// capitalises elsewhere too, since a capital there proves nothing
// ("Meanwhile, …", "Aides and advisers").
func (ix *Index) party(tokens []text.Token, start, end int) bool {
	if len(text.Dates(tokens[start:end])) > 0 {
		return false
	}
	for k, t := range tokens[start:end] {
		lowerOK := determiners.has(t.Lower) || t.Lower == "of" || t.Lower == "for" ||
			start+k == end-1 && (officialCues.has(t.Lower) || anonymousCues.has(t.Lower))
		if t.Kind == text.Word && !t.Capitalized() && !lowerOK {
			return false
		}
	}
	if !determiners.has(tokens[start].Lower) && titleWords.has(tokens[end-1].Lower) {
		return false
	}
	if text.SentenceInitial(tokens, start) && end-start == 1 {
		w := tokens[start].Lower
		return wireAgencies.has(w) || officialCues.has(w) || ix.caseOf(w).capital > 0
	}
	return true
}

// opensClause reports whether the phrase at start opens a clause: the
// sentence's start, or after a quotation mark, a colon or a clause word
// other than "and" and "or", which may join it to a list before it
// ("artworks by Picasso and Renoir and a yacht").
func opensClause(tokens []text.Token, start int) bool {
	if start == 0 {
		return true
	}
	prev := tokens[start-1]
	return prev.Kind == text.Punct && prev.Text != "," || clauseWords.has(prev.Lower) && prev.Lower != "and" && prev.Lower != "or"
}
