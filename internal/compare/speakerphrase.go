package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// speakerPhrase reports whether tokens [start, end) of a sentence can name
// who speaks: a name or a noun phrase ("Leavitt", "a Hamas official"),
// not a verb phrase read back from the verb ("would be willing to", "The
// statement goes on to"), a dateline in capitals ("WEST PALM BEACH"), a
// time ("Monday", "last year") or a phrase that opens with a preposition
// ("in a statement on Sunday"). A wrong speaker is worse than none.
func speakerPhrase(tokens []text.Token, start, end int) bool {
	if start >= end {
		return false
	}
	if first := &tokens[start]; governing.has(first.Lower) || openers.has(first.Lower) || verbAlone(tokens, start, end) {
		return false // "in a statement", "posing with his dog"
	}
	if dateline(tokens, start, end) || datedOnly(tokens, start, end) {
		return false
	}
	if tokens[end-1].Lower == "to" {
		return false // "likes to", "is going to": a verb comes next
	}
	for k := start; k < end; k++ {
		t := &tokens[k]
		if t.Kind != text.Word {
			continue
		}
		if verbForms.has(t.Lower) && !t.Capitalized() || isVerb(tokens, k, tagVerbs) || strings.HasSuffix(t.Lower, "'re") || strings.HasSuffix(t.Lower, "n't") {
			return false // "Historians had long", "Pink said her daughter recently"
		}
		if k > start && clauseVerb(tokens, k) {
			return false // "person walking out of the store", "the envelope held by Beatty"
		}
	}
	return true
}

// verbForms are the forms of "be", "have" and the modals: a phrase that
// holds one holds a verb, and is no name.
var verbForms = setOf(`have has had is are was were be been being will would could should may might must shall
can does did do`)

// openers start a sentence before its subject: an adverb or a time, never
// a speaker.
var openers = setOf(`during after before since until following despite like unlike amid moments when while if
though although ` + openingAdverbs)

// adverbOpeners are the openers that govern nothing: before a capital
// with no comma ("Later Holt said") the subject comes next.
var adverbOpeners = setOf(openingAdverbs)

// afterAdverb returns where a phrase's subject starts after an adverb
// opening it with no comma: "Later Holt said" starts at "Holt". Any other
// phrase starts at from.
func afterAdverb(tokens []text.Token, from, to int) int {
	if from+1 < to && adverbOpeners.has(tokens[from].Lower) && tokens[from+1].Kind == text.Word && tokens[from+1].Capitalized() {
		return from + 1
	}
	return from
}

const openingAdverbs = `meanwhile however nevertheless moreover instead then now yet still later earlier well`

// clauseVerb reports whether lower-case word k, inside a phrase, is a verb
// that opens a clause of its own: a participle or a past form not right
// after a determiner or a possessive ("a leading expert", "the elected
// mayor" are nouns with their adjective), followed by what a verb takes:
// a break, a preposition, a determiner or a particle ("walking out of").
func clauseVerb(tokens []text.Token, k int) bool {
	t := &tokens[k]
	if t.Capitalized() || t.Hyphen || k > 0 && (determiners.has(tokens[k-1].Lower) || strings.HasSuffix(tokens[k-1].Lower, "'s")) {
		return false
	}
	w := t.Lower
	if k+1 >= len(tokens) {
		return false
	}
	next := tokens[k+1].Lower
	if !phraseBreaks.has(next) && !governing.has(next) && !determiners.has(next) && !particles.has(next) {
		return false // "acting FBI Director", "a police source"
	}
	return len(w) > 5 && strings.HasSuffix(w, "ing") || len(w) > 4 && strings.HasSuffix(w, "ed") || text.IrregularPast(w)
}

// particles follow a verb to make a phrasal one: "walking out", "held up".
var particles = setOf(`out up down off through away back`)

// dateline reports whether a phrase opens its sentence in capitals before
// a comma, as the place of a dateline does: "WEST PALM BEACH, Fla.", not
// "ITAR TASS said".
func dateline(tokens []text.Token, start, end int) bool {
	return start == 0 && end < len(tokens) && tokens[end].Text == "," && datelineWords(tokens, start, end)
}

// datelineWords reports whether a phrase is written all in capitals, as
// the place of a dateline is ("WEST PALM BEACH, Fla. —"): two words or
// more, each of two letters or more.
func datelineWords(tokens []text.Token, start, end int) bool {
	words := 0
	for _, t := range tokens[start:end] {
		if t.Kind != text.Word {
			continue
		}
		if len(t.Text) < 2 || strings.ToUpper(t.Text) != t.Text || strings.ToLower(t.Text) == t.Text {
			return false
		}
		words++
	}
	return words >= 2
}

// datedOnly reports whether a phrase holds a date and dates cover every
// word of it but determiners and "last": "Monday", "last year", "New
// Year's Day" say when, not who.
func datedOnly(tokens []text.Token, start, end int) bool {
	dates := text.Dates(tokens[start:end])
	if dates == nil {
		return false
	}
	covered := make([]bool, end-start)
	for _, m := range dates {
		for k := m.Start; k < m.End && k < len(covered); k++ {
			covered[k] = true
		}
	}
	for k, c := range covered {
		if !c && tokens[start+k].Kind == text.Word && !determiners.has(tokens[start+k].Lower) && tokens[start+k].Lower != "last" {
			return false
		}
	}
	return true
}

// skipDateline returns where a sentence's words start after a dateline:
// "WEST PALM BEACH, Fla.—President Trump called" starts at "President".
// A sentence without one starts at from.
func skipDateline(tokens []text.Token, from, to int) int {
	if from >= to || !datelineWords(tokens, from, min(from+2, to)) && !(tokens[from].Kind == text.Word && len(tokens[from].Text) > 2 && strings.ToUpper(tokens[from].Text) == tokens[from].Text && strings.ToLower(tokens[from].Text) != tokens[from].Text) {
		return from
	}
	for k := from + 1; k < to && k-from <= maxSpeakerWords; k++ {
		if tokens[k].Text == "—" || tokens[k].Text == "–" || tokens[k].Text == "-" && k+1 < to && tokens[k+1].Text == "-" {
			for k < to && tokens[k].Kind == text.Punct {
				k++
			}
			return k
		}
	}
	return from
}

// expectedSpeaker returns where a name ends that is followed by what it
// is expected to say, will say or goes on to say: "McConnell is expected
// to", "Holt will" and "Celli went on to" before "say" name McConnell,
// Holt and Celli. Any other phrase keeps its end.
func expectedSpeaker(tokens []text.Token, start, end int) int {
	if end-start >= 2 && verbForms.has(tokens[end-1].Lower) && !tokens[end-1].Capitalized() && tokens[end-2].Capitalized() {
		return end - 1 // "Holt will say", "Holt would add"
	}
	if end-start >= 4 && tokens[end-1].Lower == "to" && tokens[end-2].Lower == "on" && goesOn.has(tokens[end-3].Lower) {
		return end - 3 // "Celli went on to say", "The statement goes on to say"
	}
	if end-start < 4 || tokens[end-1].Lower != "to" || !expectations.has(tokens[end-2].Lower) {
		return end
	}
	k := end - 2
	for k > start && verbForms.has(tokens[k-1].Lower) && !tokens[k-1].Capitalized() {
		k--
	}
	if k == end-2 || !tokens[k-1].Capitalized() {
		return end // "people are going to": no name
	}
	return k
}

// goesOn are the forms of "go" in "went on to say".
var goesOn = setOf(`go goes went going`)

// expectations come between a speaker and a speech verb yet to come.
var expectations = setOf(`expected going set due scheduled likely poised about`)

// verbAlone reports whether a phrase opens with a participle or is a
// past form alone: "posing", "led", not "the elected mayor".
func verbAlone(tokens []text.Token, start, end int) bool {
	t := &tokens[start]
	if t.Kind != text.Word || t.Capitalized() {
		return false
	}
	if len(t.Lower) > 5 && strings.HasSuffix(t.Lower, "ing") && (end-start == 1 || clauseVerb(tokens, start)) {
		return true // not "incoming chief of staff", "managing director"
	}
	return end-start == 1 && (len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ed") || text.IrregularPast(t.Lower))
}

// openingParticiple reports whether word k reads as a participle opening a
// sentence: "Asked", "Speaking". A word in -ed or -ing before a verb in
// the past is a name, its subject: "Manning told", "Mohammed called".
func openingParticiple(tokens []text.Token, k int) bool {
	w := tokens[k].Lower
	if tagVerbs.has(w) {
		return true
	}
	if len(w) <= 5 || !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") {
		return false
	}
	if k+1 < len(tokens) && tokens[k+1].Kind == text.Word && !tokens[k+1].Capitalized() {
		next := tokens[k+1].Lower
		return !(tagVerbs.has(next) || text.IrregularPast(next) || len(next) > 3 && strings.HasSuffix(next, "ed"))
	}
	return true
}
