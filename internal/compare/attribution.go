package compare

import (
	"slices"
	"sort"
	"strings"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// citation is one party cited in one sentence.
type citation struct {
	ref   Ref
	cited string
	kind  string
	as    string // the group of the party that speaks for it: "analysts"
	first bool
}

// attributions lists who the story's articles cite, one entry per cited
// party, most cited first.
func attributions(ix *Index) []news.Attribution {
	// Citations come in story order, so a source already noted is the
	// last one noted: sources are lists, not sets.
	type statement struct {
		ref     Ref
		sources []int
	}
	type entry struct {
		news.Attribution
		sources    []int
		statements []*statement
		byGroup    map[int]*statement
		order      int
	}
	byKey := map[string]*entry{}
	var entries []*entry
	for _, r := range ix.Refs {
		for _, c := range ix.citationsIn(r) {
			key := text.Fingerprint(c.cited)
			e, ok := byKey[key]
			if !ok {
				e = &entry{Attribution: news.Attribution{Cited: c.cited, Kind: c.kind}, byGroup: map[int]*statement{}, order: len(entries)}
				byKey[key] = e
				entries = append(entries, e)
			}
			e.sources = addSource(e.sources, r.Source)
			e.FirstReported = e.FirstReported || c.first
			if c.as != "" && !slices.Contains(e.As, c.as) {
				e.As = append(e.As, c.as)
			}
			g := ix.groupOf[ix.position(r)]
			st, ok := e.byGroup[g]
			if !ok {
				st = &statement{ref: r}
				e.byGroup[g] = st
				e.statements = append(e.statements, st)
			}
			st.sources = addSource(st.sources, r.Source)
			if c.first && !strings.Contains(e.Text, "first") {
				e.Text = ix.sentence(r).Text
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if len(entries[i].sources) != len(entries[j].sources) {
			return len(entries[i].sources) > len(entries[j].sources)
		}
		return entries[i].order < entries[j].order
	})
	out := make([]news.Attribution, 0, len(entries))
	for _, e := range entries {
		e.Sources = ix.idsAt(e.sources)
		for _, st := range e.statements {
			e.Statements = append(e.Statements, news.Statement{Text: ix.sentence(st.ref).Text, Sources: ix.idsAt(st.sources)})
		}
		if e.Text == "" {
			e.Text = e.Statements[0].Text
		}
		out = append(out, e.Attribution)
	}
	return out
}

// addSource adds source position p to positions, which are in story order
// and end with any p added before.
func addSource(positions []int, p int) []int {
	if n := len(positions); n > 0 && positions[n-1] == p {
		return positions
	}
	return append(positions, p)
}

// citationsIn finds the parties a sentence cites: "according to X",
// "X reported", "first reported by X", "told X", "cited by X", "citing X",
// and "X said" or "X believes" with a subject that is not a pronoun.
func (ix *Index) citationsIn(r Ref) []citation {
	if !ix.marksOf(r).cites {
		return nil // no cue word: most sentences, and walking them costs
	}
	tokens := ix.sentence(r).Tokens
	var out []citation
	add := func(start, end int, viaOutlet, first bool) {
		for start < end && determiners.has(tokens[start].Lower) {
			start++
		}
		if start >= end || !hasNoun(tokens[start:end]) || personPronouns.has(tokens[start].Lower) || groupPronouns.has(tokens[start].Lower) {
			return
		}
		if ix.quotedAt(r.Source, r.Sentence, tokens[start].Start) {
			return // "…, saying "that's not a place I think …"": quoted words, no party
		}
		cited, kind, as := ix.classify(r, start, end, viaOutlet)
		if cited != "" {
			out = append(out, citation{ref: r, cited: cited, kind: kind, as: as, first: first})
		}
	}
	for i := 0; i < len(tokens); i++ {
		if tokens[i].Kind != text.Word {
			continue // every cue below is a word
		}
		w := tokens[i].Lower
		first := i > 0 && tokens[i-1].Lower == "first"
		switch {
		case w == "according" && i+1 < len(tokens) && tokens[i+1].Lower == "to":
			add(i+2, phraseEnd(tokens, i+2), false, false)
		case w == "reported" || w == "reports":
			if by := byAfter(tokens, i); by > 0 {
				add(by+1, phraseEnd(tokens, by+1), true, first)
				continue
			}
			if passive(tokens, i) {
				continue // "no deaths have been reported": what was reported, not who
			}
			subjectEnd := i
			if first {
				subjectEnd = i - 1
			}
			if start, end, ok := subjectBefore(tokens, subjectEnd); ok {
				add(start, end, true, first)
				for _, c := range ix.conjunctsBefore(r, start, end) {
					add(c[0], c[1], true, first)
				}
			}
		case (w == "told" || w == "cited") && i+1 < len(tokens):
			next := i + 1
			if w == "cited" && tokens[next].Lower == "by" {
				next++
			}
			if next >= len(tokens) {
				continue
			}
			end := toldEnd(tokens, next)
			if tokens[next].Capitalized() || theName(tokens, next) && ix.outletNamed(tokens, next+1, end) {
				add(next, end, true, false) // "told Reuters", "told the Star"; not "told the FBI"
			}
		case w == "citing":
			add(i+1, phraseEnd(tokens, i+1), false, false)
		case isVerb(tokens, i, reportingVerbs) && w != "according" && !strings.HasSuffix(w, "ing") && !passive(tokens, i):
			if start, end, ok := subjectBefore(tokens, i); ok {
				if !speakerPhrase(tokens, start, end) {
					continue // "Police don't", "Historians had long": no name
				}
				add(start, end, false, false)
				for _, c := range ix.conjunctsBefore(r, start, end) {
					add(c[0], c[1], false, false)
				}
			} else if start, end, ok := subjectAfter(tokens, i); ok {
				add(start, end, false, false)
			}
		}
	}
	return out
}

// byAfter finds "by" within a few tokens after a verb: "first reported
// earlier Wednesday by the news site Axios".
func byAfter(tokens []text.Token, verb int) int {
	for j := verb + 1; j < len(tokens) && j-verb <= 4; j++ {
		if tokens[j].Lower == "by" {
			return j
		}
		if tokens[j].Kind == text.Punct {
			return 0
		}
	}
	return 0
}

// subjectBefore returns the subject of the verb at i, [start, end): back
// over auxiliaries ("have confirmed") to the start of the clause, and only if
// it is short enough to be a name. A preposition does not end the subject
// but joins what follows to the noun before it ("a source close to Trump",
// "officials in Washington"), and a date after one is left out ("police
// on Sunday said").
func subjectBefore(tokens []text.Token, i int) (int, int, bool) {
	end := skipAppositive(tokens, i)
	start := end
	limit := maxNameWords
	for start > 0 && end-start < limit {
		t := &tokens[start-1]
		if start < end && governing.has(t.Lower) && timeOnly(tokens, start-1, end) {
			end = start - 1 // "police on Sunday said"
			start = end
			continue
		}
		if start < end && start > 1 && joinsSubject.has(t.Lower) && nounBefore(tokens, start-1) && !infinitive(tokens, start-1) {
			limit = maxSpeakerWords // "officials in Washington said"
			start--
			continue
		}
		if start < end && nameAnd(tokens, start-1) {
			limit = maxSpeakerWords // "the Department of Health and Human Services said"
			start--
			continue
		}
		if t.Kind == text.Punct && t.Text != "'" && !namePeriod(tokens, start-1) || clauseWords.has(t.Lower) || phraseBreaks.has(t.Lower) || speechVerbs.has(t.Lower) || auxiliaries.has(t.Lower) {
			break
		}
		if t.Kind == text.Punct {
			limit++ // an initial's period is no word of the name
		}
		start--
	}
	if start >= end || (start > 0 && end-start >= limit) {
		return 0, 0, false
	}
	return start, end, true
}

// subjectAfter returns the subject of a verb that comes first, right
// after a comma or a closing quote: `…," said Jonas Arvid, the head of the
// union`, `…, said the ministry`, `…," said fire chief Roberto Alvarez`.
// The phrase must end the clause, as a name does; one that runs on is what
// was said ("…, said Monday the bill is dead").
func subjectAfter(tokens []text.Token, i int) (int, int, bool) {
	if i == 0 || i+1 >= len(tokens) || (tokens[i-1].Text != "," && tokens[i-1].Text != `"`) || tokens[i].Lower == "called" {
		return 0, 0, false // ", called THAAD,": a name given, not a source
	}
	start := i + 1
	end := namePhraseEnd(tokens, start)
	if end == start || tokens[start].Kind != text.Word || startsWithDate(tokens, start, end) {
		return 0, 0, false
	}
	if end < len(tokens) && !strings.Contains(",.;:(", tokens[end].Text) {
		return 0, 0, false
	}
	if first := &tokens[start]; determiners.has(first.Lower) || titleWords.has(first.Lower) {
		return start, end, true
	}
	if tokens[start].Capitalized() {
		return start, end, tokens[end-1].Capitalized() // a name, not "Iran can deliver another"
	}
	// "said fire chief Roberto Alvarez": a description in lower case, then
	// the name.
	for _, t := range tokens[start:end] {
		if text.IsStop(t.Lower) {
			return 0, 0, false
		}
	}
	return start, end, tokens[end-1].Capitalized()
}

// abbreviation reports whether a word written before a period inside a
// sentence is a short capitalised one, a title or an initial the period
// does not end: "Sen.", "Adm.", "Det.", "J.".
func abbreviation(t text.Token) bool {
	return t.Kind == text.Word && t.Capitalized() && len(t.Text) <= 4
}

// startsWithDate reports whether the phrase [start, end) opens with a
// date: when something was said, not who said it.
func startsWithDate(tokens []text.Token, start, end int) bool {
	for _, m := range text.Dates(tokens[start-1 : end]) {
		if m.Start == 1 {
			return true
		}
	}
	return false
}

// nameAnd reports whether "and" at k joins two capitalised words inside
// one institution's name, one that says what it is of or for: "Department
// of Health and Human Services", "Centers for Disease Control and
// Prevention". Two parties named side by side are not joined: "Reuters and
// the BBC", "the Bank of England and the Treasury".
func nameAnd(tokens []text.Token, k int) bool {
	if tokens[k].Lower != "and" || k+1 >= len(tokens) || k < 3 || !tokens[k+1].Capitalized() || determiners.has(tokens[k+1].Lower) {
		return false
	}
	for j := k - 1; j > 0 && k-j <= maxNameWords; j-- {
		t := &tokens[j]
		if (t.Lower == "of" || t.Lower == "for") && j+1 < k && tokens[j-1].Capitalized() {
			return true
		}
		if t.Kind != text.Word || !t.Capitalized() {
			return false
		}
	}
	return false
}

// maxNameWords bounds a subject read as the name of who speaks.
const maxNameWords = 6

// joinsSubject are the prepositions that would end a phrase but join what
// follows to a subject: all of phraseBreaks' but "by" and "from", which
// name where the words come from ("a statement from the prime minister's
// office said"), the party to cite.
var joinsSubject = setOf(`in on at to with about into`)

// nounBefore reports whether the token before preposition k can be the
// noun it modifies: a word, not a verb, a clause word or another
// preposition.
func nounBefore(tokens []text.Token, k int) bool {
	t := &tokens[k-1]
	return t.Kind == text.Word && !clauseWords.has(t.Lower) && !phraseBreaks.has(t.Lower) && !governing.has(t.Lower) &&
		!speechVerbs.has(t.Lower) && !auxiliaries.has(t.Lower) && !text.IsStop(t.Lower)
}

// infinitive reports whether "to" at k marks a verb, not a noun phrase:
// "a search to find the gunman", "excited to introduce new shows". After
// it, a noun phrase opens with a capital or a determiner ("close to
// Holt", "close to the talks").
func infinitive(tokens []text.Token, k int) bool {
	if tokens[k].Lower != "to" || k+1 >= len(tokens) {
		return false
	}
	next := &tokens[k+1]
	return next.Kind == text.Word && !next.Capitalized() && !determiners.has(next.Lower)
}

// timeOnly reports whether preposition k and the tokens after it up to end
// say when, and nothing else: "on Sunday", "in March".
func timeOnly(tokens []text.Token, k, end int) bool {
	for _, m := range text.Dates(tokens[k:end]) {
		if m.Start == 1 && m.End == end-k {
			return true
		}
	}
	return false
}

// theName reports whether token k is "the" before a capitalised word:
// "the Star", "the BBC".
func theName(tokens []text.Token, k int) bool {
	return tokens[k].Lower == "the" && k+1 < len(tokens) && tokens[k+1].Kind == text.Word && tokens[k+1].Capitalized()
}

// classify names a cited party, says what kind it is and, for an
// institution cited through a group of its people ("Jefferies analysts
// said"), what group.
func (ix *Index) classify(r Ref, start, end int, viaOutlet bool) (cited, kind, as string) {
	if from, to, group, ok := splitGroup(ix.sentence(r).Tokens, start, end); ok {
		cited, kind = ix.classifyParty(r, from, to, viaOutlet)
		if cited == "" {
			return "", "", ""
		}
		if kind == "person" {
			kind = "organization" // a person has no analysts: "Goldman Sachs economists"
		}
		return cited, kind, group
	}
	cited, kind = ix.classifyParty(r, start, end, viaOutlet)
	return cited, kind, ""
}

// classifyParty names a cited party and says what kind it is.
func (ix *Index) classifyParty(r Ref, start, end int, viaOutlet bool) (string, string) {
	s := ix.sentence(r)
	tokens := s.Tokens
	if m, ok := ix.people[r.Source].subject(tokens, r.Sentence, start, end); ok && !possessed(tokens, m, end) {
		return m.name, "person"
	}
	if name, ok := ix.surnamed(tokens, start, end); ok {
		return name, "person"
	}
	has := func(cues *wordSet) bool {
		for _, t := range tokens[start:end] {
			if cues.has(t.Lower) {
				return true
			}
		}
		return false
	}
	name := text.WithoutPossessive(s.Slice(text.Span{Start: start, End: end}))
	if end-start == 1 && !tokens[start].Capitalized() {
		// "the official": the last official this article described.
		if described := ix.lastDescribed(r.Source, r.Sentence, tokens[start].Lower); described != "" {
			name = described
		}
	}
	proper := properTail(tokens, start, end)
	switch {
	case has(anonymousCues):
		return name, "anonymous"
	case has(outletCues) && proper != "", has(wireAgencies):
		// "the news site Axios" is Axios.
		return firstNonEmpty(proper, name), "outlet"
	case has(officialCues) || officialCues.has(strings.ToLower(lastField(name))):
		return name, "official"
	case ix.commonOpening(r, start, end) && !ix.sourceWord(tokens[start].Lower):
		// "Researchers said": an unnamed group, as "researchers said" is.
		return "", ""
	case viaOutlet && proper != "":
		return proper, "outlet"
	}
	if !tokens[start].Capitalized() {
		// "said the report", "believes the group": not a party worth naming.
		return "", ""
	}
	switch {
	case ix.storyOutlet(name):
		return name, "outlet"
	case end-start == 1:
		return name, ix.loneKind(name) // "Blinken said", "Tesla said"
	}
	return name, "organization"
}

// properTail returns the capitalised words of a phrase, dropping the common
// nouns that describe it.
func properTail(tokens []text.Token, start, end int) string {
	var words []string
	for _, t := range tokens[start:end] {
		if t.Capitalized() && !determiners.has(t.Lower) {
			words = append(words, text.WithoutPossessive(t.Text))
		} else if len(words) > 0 {
			break
		}
	}
	return strings.Join(words, " ")
}
