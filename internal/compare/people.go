package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corroborate/corroborate/internal/text"
)

// mention is a person named in a sentence, spanning tokens [start, end).
type mention struct {
	sentence, start, end int
	roleStart            int    // where the role written before the name starts; start without one
	name                 string // as written, possessive removed
	role                 string
	titled               bool // a title came with it: "President Trump"
}

// people tracks the persons an article names, in reading order.
type people struct {
	mentions []mention
	// full maps a surname to the full name the story gives it, and opens
	// says whether that name opens its sentence; shared holds the surnames
	// the article gives two persons.
	full   map[string]string
	opens  map[string]bool
	shared map[string]bool
}

// findPeople finds the persons named in a document. A name is a person when
// what remains after its titles ("White House Press Secretary") has two or
// more words and names no organisation or place, or one word after a title
// ("President Trump"); single surnames are linked to full names later.
func findPeople(doc *text.Doc, names func(sentence int) []text.Span) *people {
	spans := 0
	for i := range doc.Sentences {
		spans += len(names(i))
	}
	p := &people{full: map[string]string{}, opens: map[string]bool{}, shared: map[string]bool{}, mentions: make([]mention, 0, spans)}
	for i, s := range doc.Sentences {
		for _, span := range names(i) {
			m, ok := personIn(s, span)
			if !ok {
				continue
			}
			m.sentence = i
			p.mentions = append(p.mentions, m)
			if countFields(m.name) >= 2 {
				p.addFull(m, text.SentenceInitial(s.Tokens, m.start))
			}
		}
	}
	return p
}

// addFull notes the full name of a person the article names. A name
// that opens its sentence may have taken the sentence's first word for a
// first name ("Unlike Samsung", "Let Trump"): another name with the surname
// replaces it, and it makes no surname shared.
func (p *people) addFull(m mention, opens bool) {
	sn := surname(m.name)
	other, ok := p.full[sn]
	switch {
	case !ok, p.opens[sn] && !opens:
		p.full[sn], p.opens[sn] = m.name, opens
	case sameNamed(m.name, other) || opens:
		if len(m.name) > len(other) && opens == p.opens[sn] {
			p.full[sn] = m.name
		}
	case !p.opens[sn]:
		p.shared[sn] = true
	}
}

func personIn(s text.Sentence, span text.Span) (mention, bool) {
	tokens := s.Tokens
	core := span.End
	for core > span.Start {
		lw := tokens[core-1].Lower
		if titleWords.has(lw) || orgWords.has(strings.TrimSuffix(lw, "'s")) || len(tokens[core-1].Text) < 2 && !tokens[core-1].Hyphen && !initialAt(tokens, core-1) {
			break
		}
		core--
	}
	if core == span.End {
		if core = surnameAfterTitle(tokens, span); core == span.End {
			return mention{}, false
		}
	}
	if tokens[core].Lower == "of" || tokens[core].Lower == "for" {
		return mention{}, false // "Bank of England", "Center for Disease Control": an institution's head, then what it is of
	}
	if span.Start > 0 && tokens[span.Start-1].Lower == "the" && core == span.Start {
		return mention{}, false // "the Red Crescent": people do not take "the"
	}
	if quotedTitle(tokens, span) {
		return mention{}, false // "Whole Lotta Love": a title in quotes
	}
	words := span.End - core
	// A title right before the core marks a person; a word of an
	// organisation or a place does not ("South Korea", "the Korea Herald
	// Samsung").
	titled := core > span.Start && titleWords.has(tokens[core-1].Lower) || core == span.Start && titleBefore(tokens, span.Start)
	name := text.WithoutPossessive(s.Slice(text.Span{Start: core, End: span.End}))
	if words == 1 && !titled {
		// A lone capitalised word: kept as a candidate surname, linked to a
		// full name only if the story has one.
		return mention{start: core, end: span.End, roleStart: core, name: name}, true
	}
	if strings.ToUpper(tokens[core].Text) == tokens[core].Text && len(tokens[core].Text) > 1 {
		return mention{}, false // an initialism: "US", "IDF"
	}
	role, roleStart := roleBefore(s, core)
	if honorifics.has(strings.ToLower(strings.TrimSuffix(role, "."))) {
		role = "" // "Mr", "Ms": an honorific says nothing of a post
	}
	return mention{start: core, end: span.End, roleStart: roleStart, name: name, role: role, titled: titled}, true
}

// titleBefore reports whether a title comes right before token k: a word
// ("President Trump") or an abbreviation with its period ("Mr. Smith",
// "Sen. Warren"), which the names found stop at. A title marks a person
// and is no part of the name.
func titleBefore(tokens []text.Token, k int) bool {
	if k > 0 && titleWords.has(tokens[k-1].Lower) {
		return true
	}
	return k > 0 && titlePeriod(tokens, k-1)
}

// titlePeriod reports whether token k is the period of an abbreviated
// title: "Mr.", "Sen.".
func titlePeriod(tokens []text.Token, k int) bool {
	return tokens[k].Text == "." && k > 0 && tokens[k].Start == tokens[k-1].End && text.TitleAbbreviation(tokens[k-1].Lower)
}

// joinInitials joins the names a middle initial split in two: "David L"
// and "Evans" are "David L. Evans". The spans are returned as they are
// when there is nothing to join.
func joinInitials(tokens []text.Token, spans []text.Span) []text.Span {
	var out []text.Span
	for i, s := range spans {
		// The initial is in the name before ("David L"), or between the
		// two when the names found left it out ("Mark A. Milley": "A" is
		// also a word).
		if i > 0 && (s.Start == spans[i-1].End+1 || s.Start == spans[i-1].End+2 && initialAt(tokens, s.Start-2)) && initialAt(tokens, s.Start-1) {
			if out == nil {
				out = append(make([]text.Span, 0, len(spans)), spans[:i]...)
			}
			out[len(out)-1].End = s.End
			continue
		}
		if out != nil {
			out = append(out, s)
		}
	}
	if out == nil {
		return spans
	}
	return out
}

// initialAt reports whether token k is part of an initial inside a name:
// a capital letter written alone with its period, or that period ("L"
// and "." in "David L. Evans").
func initialAt(tokens []text.Token, k int) bool {
	letter := func(j int) bool {
		t := &tokens[j]
		return t.Kind == text.Word && len(t.Text) == 1 && t.Capitalized()
	}
	period := func(j int) bool {
		return j > 0 && j+1 < len(tokens) && tokens[j].Text == "." && tokens[j].Start == tokens[j-1].End && letter(j-1) && tokens[j+1].Capitalized()
	}
	return period(k) || letter(k) && period(k+1)
}

// namePeriod reports whether token k is a period inside a name: an
// initial's ("David L. Evans") or an abbreviated title's ("Mr. Smith",
// "Sen. Warren").
func namePeriod(tokens []text.Token, k int) bool {
	return initialAt(tokens, k) || titlePeriod(tokens, k) && k+1 < len(tokens) && tokens[k+1].Capitalized()
}

// surnameAfterTitle returns where a name starts that ends in a word that
// also ends places ("Park", "West", "Church") but follows a title only a
// person takes: "Governor Helen Park", "President Park", "Sen. Frank
// Church". It returns span.End when there is none.
func surnameAfterTitle(tokens []text.Token, span text.Span) int {
	k := span.Start
	for k < span.End && (titleWords.has(tokens[k].Lower) || tokens[k].Text == ".") {
		k++
	}
	title := k - 1 // inside the span or just before it, past an abbreviation's period
	if title >= 0 && tokens[title].Text == "." {
		title--
	}
	if title < 0 || !personTitles.has(tokens[title].Lower) || span.End-k > 2 || span.End == k || !surnameLike.has(tokens[span.End-1].Lower) {
		return span.End
	}
	for _, t := range tokens[k:span.End] {
		if !t.Capitalized() || t.Kind != text.Word {
			return span.End
		}
	}
	if span.End-k == 2 && orgWords.has(tokens[k].Lower) {
		return span.End // "President Obama Foundation" is not; "Governor North South" neither
	}
	return k
}

// personTitles come only before people: not "General" (Electric),
// "Justice" (Department) or "Queen" (Elizabeth Park).
var personTitles = setOf(`mr mrs ms miss mx dr prof professor sir gov governor mayor president senator sen
rep representative congressman congresswoman judge minister chancellor premier ceo spokesman spokeswoman
spokesperson ambassador coach`)

// surnameLike are the words that end places and organisations and are
// also common surnames.
var surnameLike = setOf(`park west east north south church bank street`)

// roleBefore reads the title in front of a name: "White House press
// secretary" in "White House press secretary Karoline Leavitt", and the
// token it starts at (core when there is none).
func roleBefore(s text.Sentence, core int) (string, int) {
	start := core
	for start > 0 {
		t := &s.Tokens[start-1]
		if t.Kind != text.Word || determiners.has(t.Lower) {
			break
		}
		if !titleWords.has(t.Lower) && !t.Capitalized() && !(t.Lower == "for" || t.Lower == "of") {
			break
		}
		start--
	}
	for start < core && !s.Tokens[start].Capitalized() && !titleWords.has(s.Tokens[start].Lower) {
		start++
	}
	if start >= core {
		return "", core
	}
	return s.Text[s.Tokens[start].Start:s.Tokens[core-1].End], start
}

// quotedTitle reports whether a name is all that stands between two quote
// marks, as the title of a song, a book or a show does.
func quotedTitle(tokens []text.Token, span text.Span) bool {
	if span.Start == 0 || tokens[span.Start-1].Text != `"` {
		return false
	}
	for k := span.End; k < len(tokens) && k <= span.End+1; k++ {
		if tokens[k].Text == `"` {
			return true
		}
	}
	return false
}

func surname(name string) string {
	return strings.ToLower(lastField(name))
}

// lastField is the last of strings.Fields(s), or "", without building them.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// linkSurnames gives every article the full names any article of the story
// uses, so "Leavitt" in one resolves to "Karoline Leavitt" from another, and
// drops lone words that name no known person. It returns the surnames of
// the story's persons, each to its full name, and those that several full
// names share ("Donald Trump", "Ivanka Trump"; or "Unlike Samsung", a
// name the sentence's opening word made). A surname written after a title
// ("Mr. Molins", "President Trump") names a person even without a full
// name, or with several: it maps to itself.
func linkSurnames(all []*people) (surnames map[string]string, shared map[string]bool) {
	story := make(map[string]string)
	ambiguous := make(map[string]bool)
	roles := make(map[string]map[string]bool) // full name → title words any article gives it
	named := make(map[string]bool)            // surnames of a full name inside a sentence
	for _, p := range all {
		for sn := range p.shared {
			ambiguous[sn] = true
		}
		for sn, full := range p.full {
			named[sn] = named[sn] || !p.opens[sn]
			if other, ok := story[sn]; ok && !sameNamed(full, other) {
				ambiguous[sn] = true
			}
			if len(full) > len(story[sn]) {
				story[sn] = full
			}
		}
		for _, m := range p.mentions {
			if strings.Contains(m.name, " ") {
				addTitles(roles, m.name, m.role)
			}
		}
	}
	titled := make(map[string]bool) // surnames written after a title
	for _, p := range all {
		for _, m := range p.mentions {
			if m.titled {
				titled[surname(m.name)] = true
			}
		}
	}
	for _, p := range all {
		kept := p.mentions[:0]
		for _, m := range p.mentions {
			if !strings.Contains(m.name, " ") {
				key := strings.ToLower(m.name)
				full, ok := story[key]
				switch {
				case ok && !ambiguous[key] && compatible(titleSet(m.role), roles[full]):
					m.name = full
				case !m.titled && !titled[key]:
					continue
				}
			} else if full, ok := story[surname(m.name)]; ok && !ambiguous[surname(m.name)] {
				m.name = full
			}
			kept = append(kept, m)
		}
		p.mentions = kept
	}
	for sn := range story {
		if ambiguous[sn] || !named[sn] {
			delete(story, sn) // "Unlike Samsung" alone names no one
		}
	}
	for _, p := range all {
		for _, m := range p.mentions {
			if sn := surname(m.name); titled[sn] {
				if _, ok := story[sn]; !ok {
					story[sn] = lastField(m.name)
				}
			}
		}
	}
	return story, ambiguous
}

// sameNamed reports whether two full names with one surname name one
// person: one ends the other ("Roy Moore", "Republican Roy Moore"), initials
// aside ("Roy S. Moore"), or they share the first name and only a middle
// name is left out ("Donald John Trump").
func sameNamed(a, b string) bool {
	a, b = withoutInitials(a), withoutInitials(b)
	return strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || firstField(a) == firstField(b)
}

// firstField is the first of strings.Fields(s), or "".
func firstField(s string) string {
	for f := range strings.FieldsSeq(s) {
		return f
	}
	return ""
}

// withoutInitials drops the initials from a name, so that "Donald J.
// Trump" and "Donald Trump" are one person.
func withoutInitials(name string) string {
	var kept []string
	for w := range strings.FieldsSeq(name) {
		if letters := strings.TrimRight(w, "."); utf8.RuneCountInString(letters) == 1 || len(letters) == 3 && letters[1] == '.' {
			continue // "J.", "J", "J.T."
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// compatible reports whether a surname's title can belong to a full name:
// "President Biden" is not "first lady Jill Biden". A mention without a
// title, or a name with no known title, fits.
func compatible(title, known map[string]bool) bool {
	if len(title) == 0 || len(known) == 0 {
		return true
	}
	for w := range title {
		if known[w] {
			return true
		}
	}
	return false
}

// addTitles notes the title words of role against name; a person the
// story gives no title has no entry, which reads as an empty set.
func addTitles(roles map[string]map[string]bool, name, role string) {
	for w := range titleSet(role) {
		if roles[name] == nil {
			roles[name] = map[string]bool{}
		}
		roles[name][w] = true
	}
}

// titleSet is the set of title words in a role: "White House press
// secretary" gives press and secretary. Honorifics (Mr, Ms, Dr) say
// nothing of a post and are left out.
func titleSet(role string) map[string]bool {
	if role == "" {
		return nil
	}
	set := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,")
		if titleWords.has(w) && !honorifics.has(w) {
			set[w] = true
		}
	}
	return set
}

var honorifics = setOf(`mr mrs ms miss mx dr`)

// articles before a capitalised word make it a thing, not a person: "the
// Pentagon", "a Reuters report".
var articles = setOf(`the a an`)

// lastBefore returns the person most recently named before token tok of
// sentence sent.
func (p *people) lastBefore(sent, tok int) (mention, bool) {
	for i := len(p.mentions) - 1; i >= 0; i-- {
		m := p.mentions[i]
		if m.sentence < sent || (m.sentence == sent && m.end <= tok) {
			return m, true
		}
	}
	return mention{}, false
}

// subject returns the person a phrase, tokens [start, end) of a sentence,
// names as its head: not one a preposition governs, as in "a source close
// to Trump", "lawyers for Varga" or "officials in Washington", who is
// spoken about, not speaking. A preposition inside the person's title
// ("Secretary of State Marco Rubio", "chief of staff Mark Meadows") is
// part of the name.
func (p *people) subject(tokens []text.Token, sent, start, end int) (mention, bool) {
	m, ok := p.in(sent, start, end)
	if !ok {
		return mention{}, false
	}
	for k := m.roleStart - 1; k >= start; k-- {
		t := &tokens[k]
		if governing.has(t.Lower) {
			return mention{}, false
		}
		if !t.Capitalized() && !determiners.has(t.Lower) && !titleWords.has(t.Lower) {
			break // "chief of staff Mark Meadows": the preposition is in the title
		}
	}
	return m, true
}

// governing are the prepositions that open a phrase modifying the noun
// before them.
var governing = setOf(`to for of in at with from near on by about against behind around among inside
outside within between into over under without across`)

// in returns the person named within tokens [start, end) of a sentence.
func (p *people) in(sent, start, end int) (mention, bool) {
	for _, m := range p.mentions {
		if m.sentence == sent && m.start >= start && m.end <= end {
			return m, true
		}
	}
	return mention{}, false
}

// surnamed returns the person of the story a phrase of one capitalised
// word names by surname: "McConnell" in "McConnell said" where the story
// names Mitch McConnell, "Trump" where it names two Trumps and writes
// "President Trump". It finds what the names of the sentence missed: a
// surname that opens the sentence and that its article writes nowhere
// else.
func (ix *Index) surnamed(tokens []text.Token, start, end int) (string, bool) {
	t := &tokens[start]
	if end-start != 1 || t.Kind != text.Word || !t.Capitalized() || start > 0 && articles.has(tokens[start-1].Lower) {
		return "", false
	}
	word := text.WithoutPossessive(t.Text)
	full := ix.surnames[strings.ToLower(word)]
	return full, full != ""
}
