package compare

import (
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// maxSpeakerWords bounds the noun phrase read as a speaker.
const maxSpeakerWords = 10

// speakerOf finds who speaks a quotation: after it (`"…," Leavitt said`,
// `"…," said a Hamas official`) or before it (`Leavitt told reporters: "…"`,
// `…, saying: "…"`).
func (ix *Index) speakerOf(p int, sp span) (string, string) {
	doc := ix.Sources[p].Doc
	if sp.toByte >= 0 {
		s := doc.Sentences[sp.to]
		if start, end, ok := speakerAfter(s.Tokens, tokenAt(s.Tokens, sp.toByte)); ok {
			if name, role := ix.speakerIn(p, sp.to, start, end); name != "" {
				return name, role
			}
		}
	}
	s := doc.Sentences[sp.from]
	if start, end, ok := speakerBefore(s.Tokens, tokenAt(s.Tokens, sp.fromByte)); ok {
		return ix.speakerIn(p, sp.from, start, end)
	}
	// `… he rather wishes he had done differently: "…"`: a colon brings in
	// the words of the person the sentence is about.
	if q := tokenAt(s.Tokens, sp.fromByte); q > 0 && s.Tokens[q-1].Text == ":" {
		if name, role := ix.lastPersonIn(p, sp.from, q); name != "" {
			return name, role
		}
	}
	// "Leavitt said:" may end the sentence before.
	if sp.from > 0 && sp.fromByte == 0 {
		prev := doc.Sentences[sp.from-1]
		if prev.Para == s.Para && strings.HasSuffix(prev.Text, ":") {
			if start, end, ok := speakerBefore(prev.Tokens, len(prev.Tokens)); ok {
				return ix.speakerIn(p, sp.from-1, start, end)
			}
		}
	}
	return "", ""
}

// speakerIn resolves the speaker phrase tokens [start, end) of a sentence
// if it can name one: an adverb or an auxiliary between the speaker and
// the verb is left out ("the president proudly stated", "Holt will say",
// "McConnell is expected to say"), and so is an adverb opening the
// sentence ("Later Holt said"); a phrase that is no name, or
// that lies inside quotation marks (words quoted, not who quotes them),
// names no one.
func (ix *Index) speakerIn(p, sent, start, end int) (string, string) {
	tokens := ix.Sources[p].Doc.Sentences[sent].Tokens
	for end > start+1 && mannerAdverb(tokens, end-1) {
		end--
	}
	end = expectedSpeaker(tokens, start, end)
	start = afterAdverb(tokens, start, end)
	// "Gary Kohlman, the attorney representing the players,": the name
	// before the comma is the speaker; what follows describes them.
	head := start
	for head < end && tokens[head].Text != "," {
		head++
	}
	if !speakerPhrase(tokens, start, head) || ix.quotedAt(p, sent, tokens[start].Start) {
		return "", ""
	}
	return ix.resolve(p, sent, start, end)
}

// mannerAdverb reports whether word k is an adverb in -ly after a noun:
// "proudly" in "the president proudly stated", not the noun in "the Holt
// family said" or "the state assembly said".
func mannerAdverb(tokens []text.Token, k int) bool {
	t := &tokens[k]
	return k > 0 && t.Kind == text.Word && !t.Capitalized() && len(t.Lower) > 5 && strings.HasSuffix(t.Lower, "ly") &&
		!determiners.has(tokens[k-1].Lower) && !lyNouns.has(t.Lower)
}

// lyNouns are nouns in -ly that can end a speaker's phrase: English, not
// drawn from any test set.
var lyNouns = setOf(`family assembly supply monopoly anomaly homily butterfly`)

// tokenAt returns the index of the first token starting at or after byte b.
func tokenAt(tokens []text.Token, b int) int {
	for i, t := range tokens {
		if t.Start >= b {
			return i
		}
	}
	return len(tokens)
}

// speakerAfter reads the speaker after a closing quote at token i.
func speakerAfter(tokens []text.Token, i int) (int, int, bool) {
	for i < len(tokens) && tokens[i].Kind == text.Punct && tokens[i].Text != `"` {
		i++
	}
	if i >= len(tokens) {
		return 0, 0, false
	}
	if tagsQuote(tokens, i) && tokens[i].Lower != "according" {
		// `…," said a Hamas official`
		end := namePhraseEnd(tokens, i+1)
		return i + 1, end, end > i+1
	}
	// `…" the virus, said Kathrin Jansen`: the quote's sentence runs on
	// past the closing mark; the speaker follows the verb.
	for j := i; j < len(tokens) && j-i <= maxSpeakerWords; j++ {
		if tokens[j].Text == "," && j+1 < len(tokens) && isVerb(tokens, j+1, speechVerbs) && tokens[j+1].Lower != "according" {
			if end := namePhraseEnd(tokens, j+2); end > j+2 && hasNoun(tokens[j+2:end]) && tokens[j+2].Capitalized() {
				return j + 2, end, true
			}
		}
	}
	if tokens[i].Lower == "according" && i+1 < len(tokens) && tokens[i+1].Lower == "to" {
		end := phraseEnd(tokens, i+2)
		return i + 2, end, end > i+2
	}
	// `…," Leavitt said` or `…," the spokesman, John Smith, said`: a noun
	// phrase, then a speech verb. A phrase that opens with a preposition or
	// runs into a new clause is the sentence going on, not a speaker.
	if first := tokens[i]; first.Kind != text.Word || !(first.Capitalized() || determiners.has(first.Lower) || personPronouns.has(first.Lower) || groupPronouns.has(first.Lower) || titleWords.has(first.Lower) || nameParticles.has(first.Lower)) {
		return describedName(tokens, i)
	}
	for j := i; j < len(tokens) && j-i <= maxSpeakerWords; j++ {
		if tokens[j].Kind == text.Punct && tokens[j].Text != "'" && tokens[j].Text != "," && !namePeriod(tokens, j) || clauseWords.has(tokens[j].Lower) {
			return 0, 0, false
		}
		if tagsQuote(tokens, j) && j > i {
			end := j
			for end > i && tokens[end-1].Text == "," {
				end--
			}
			return i, end, end > i
		}
	}
	return 0, 0, false
}

// describedName reads, after a closing quote at token i, a name with a
// description in lower case before it and a speech verb after it:
// `…," fire chief Roberto Alvarez said`, `…," council member Ana Ruiz
// said`. Only words may stand between, none of them a preposition or a
// clause word, so the sentence going on (`…" in the report, Smith said`)
// is not read as one.
func describedName(tokens []text.Token, i int) (int, int, bool) {
	for j := i; j < len(tokens) && j-i <= maxSpeakerWords; j++ {
		t := &tokens[j]
		if tagsQuote(tokens, j) && j > i {
			return i, j, tokens[j-1].Capitalized()
		}
		if t.Kind != text.Word || clauseWords.has(t.Lower) || phraseBreaks.has(t.Lower) || governing.has(t.Lower) || text.IsStop(t.Lower) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// speakerBefore reads the speaker of a quote opening at token q: the
// subject of the speech verb before it, as in `Leavitt said: "…"` or in
// reported speech with a partial quote, `Leavitt told reporters that the
// envoy "does have the authority"`.
func speakerBefore(tokens []text.Token, q int) (int, int, bool) {
	verb := -1
	for j := q - 1; j >= 0; j-- {
		// "laughed", "began" tag a quote only right before it: "an
		// inquiry began in 2015, but "…"" is no one beginning to speak.
		if tagsQuote(tokens, j) && (!adjacentTags.has(tokens[j].Lower) || q-j <= 2) {
			verb = j
			break
		}
	}
	if verb < 0 {
		return 0, 0, false
	}
	if strings.HasSuffix(tokens[verb].Lower, "ing") {
		// `…, saying: "…"`: the subject of the main clause speaks.
		return subjectOf(tokens, 0, verb)
	}
	if tokens[verb].Lower == "according" {
		end := phraseEnd(tokens, verb+2)
		return verb + 2, end, end > verb+2
	}
	end := skipAppositive(tokens, verb)
	if end > 0 && (personPronouns.has(tokens[end-1].Lower) || groupPronouns.has(tokens[end-1].Lower)) {
		return end - 1, end, true // "what he called": the pronoun is the subject
	}
	start := end
	for start > 0 && end-start < maxSpeakerWords {
		t := &tokens[start-1]
		if t.Kind == text.Punct && t.Text != "'" && !namePeriod(tokens, start-1) || clauseWords.has(t.Lower) {
			break
		}
		start--
	}
	if start == end && start > 0 && clauseWords.has(tokens[start-1].Lower) {
		// "…, but noted that …": the subject of the sentence speaks.
		return subjectOf(tokens, 0, start-1)
	}
	return start, end, start < end
}

// subjectOf returns the first noun phrase of tokens [from, to): the subject
// of a sentence, skipping an opening conjunction.
func subjectOf(tokens []text.Token, from, to int) (int, int, bool) {
	from = skipDateline(tokens, from, to)
	for from < to && (clauseWords.has(tokens[from].Lower) || tokens[from].Kind == text.Punct) {
		from++
	}
	if from = afterAdverb(tokens, from, to); from < to && (governing.has(tokens[from].Lower) || openers.has(tokens[from].Lower) || openingParticiple(tokens, from)) {
		// "In a Fox News interview, Heather Sue recalled", "Meanwhile,
		// James said", "Asked if …, Walden said": the subject follows the
		// opening phrase's comma.
		comma := commaAfter(tokens, from, to)
		if comma < 0 {
			return 0, 0, false
		}
		from = comma + 1
		// More of the opening may follow, between commas: a place ("in
		// Rochester, N.H., Biden …"), a name in apposition ("with his
		// fiancee, Rhonda Rouer, he …"), a time or a relative clause
		// ("…, video of which was posted, the host …").
		for comma = commaAfter(tokens, from, to); comma > from && openingMore(tokens, from, comma); comma = commaAfter(tokens, from, to) {
			from = comma + 1
		}
	}
	end := from
	for end < to && end-from < maxSpeakerWords {
		t := &tokens[end]
		afterPossessive := end > from && strings.HasSuffix(tokens[end-1].Lower, "'s")
		if t.Kind == text.Punct && !namePeriod(tokens, end) || t.Kind != text.Punct && (!t.Capitalized() && !determiners.has(t.Lower) && !titleWords.has(t.Lower) && !personPronouns.has(t.Lower) && !groupPronouns.has(t.Lower) && !afterPossessive && end > from) {
			break
		}
		end++
	}
	return from, end, end > from
}

// relatives open a relative clause.
var relatives = setOf(`which who whom whose where`)

// commaAfter returns the first comma in tokens [from, to) within a
// speaker phrase's reach, or -1.
func commaAfter(tokens []text.Token, from, to int) int {
	for k := from; k < to && k-from <= maxSpeakerWords; k++ {
		if tokens[k].Text == "," {
			return k
		}
	}
	return -1
}

// openingMore reports whether tokens [from, comma) go on with a sentence's
// opening rather than start its clause: all capitalised (a place or a
// name in apposition), opening with a preposition or an adverb, or
// holding a relative clause.
func openingMore(tokens []text.Token, from, comma int) bool {
	if governing.has(tokens[from].Lower) || openers.has(tokens[from].Lower) {
		return true
	}
	capitals := true
	for k := from; k < comma; k++ {
		t := &tokens[k]
		if t.Kind == text.Word && relatives.has(t.Lower) {
			return true
		}
		if t.Kind == text.Word && !t.Capitalized() {
			capitals = false
		}
	}
	return capitals
}

// clauseWords start a clause; a speaker phrase never runs across them.
var clauseWords = setOf(`and but or so while as when after before because although though if that
which who whom whose what where then also yet`)

// namePhraseEnd is phraseEnd for a phrase that can name who speaks: an
// abbreviated title's period does not end it ("said Sen. Mitch
// McConnell", "said LAPD Det. Chris Barling", "said Lt. Col. Ann Smith").
func namePhraseEnd(tokens []text.Token, i int) int {
	end := phraseEnd(tokens, i)
	for end+1 < len(tokens) && tokens[end].Text == "." && end > i && abbreviation(tokens[end-1]) && tokens[end+1].Capitalized() {
		end = phraseEnd(tokens, end+1)
	}
	return end
}

// phraseEnd returns where a noun phrase starting at i ends: at punctuation,
// a clause word or a preposition that starts a new phrase.
func phraseEnd(tokens []text.Token, i int) int {
	end := i
	for end < len(tokens) && end-i < maxSpeakerWords {
		t := &tokens[end]
		if t.Kind == text.Punct && t.Text != "'" && !namePeriod(tokens, end) || clauseWords.has(t.Lower) && !nameAnd(tokens, end) || phraseBreaks.has(t.Lower) || (isVerb(tokens, end, speechVerbs) && end > i) ||
			participleBy(tokens, end) && end > i {
			break
		}
		end++
	}
	return end
}

// participleBy reports whether token i is a past participle that opens
// a clause with its agent: "a U.S. official cited by Axios", "a diplomat
// quoted by Reuters", where the party ends before it.
func participleBy(tokens []text.Token, i int) bool {
	t := &tokens[i]
	if t.Kind != text.Word || t.Text != t.Lower || i+1 >= len(tokens) || tokens[i+1].Lower != "by" {
		return false
	}
	return strings.HasSuffix(t.Lower, "ed") || text.IrregularPast(t.Lower)
}

var phraseBreaks = setOf(`in on at during on told to with without about since until from by via into
adding saying noting who`)

// resolve names the speaker in tokens [start, end) of a sentence: a person
// (pronouns resolved to the last person named), or the noun phrase itself
// ("Hamas official"), with "the official" resolved to the last official
// described.
func (ix *Index) resolve(p, sent, start, end int) (string, string) {
	doc := ix.Sources[p].Doc
	tokens := doc.Sentences[sent].Tokens
	people := ix.people[p]
	if m, ok := people.subject(tokens, sent, start, end); ok && !possessed(tokens, m, end) {
		return m.name, ix.roleOf(m)
	}
	if name, ok := ix.surnamed(tokens, start, end); ok {
		return name, ix.roleOf(mention{name: name})
	}
	if end-start == 1 && personPronouns.has(tokens[start].Lower) {
		if m, ok := ix.referent(p, sent, start); ok {
			return m.name, ix.roleOf(m)
		}
		return "", ""
	}
	for start < end && determiners.has(tokens[start].Lower) && tokens[start].Lower != "one" {
		start++
	}
	if start >= end || groupPronouns.has(tokens[start].Lower) || personPronouns.has(tokens[start].Lower) {
		return "", ""
	}
	phrase := doc.Sentences[sent].Slice(text.Span{Start: start, End: end})
	phrase = text.WithoutPossessive(phrase)
	if m, ok := ix.byRole(p, sent, tokens[start:end]); ok {
		return m.name, ix.roleOf(m)
	}
	if end-start == 1 && tokens[start].Kind == text.Word && !tokens[start].Capitalized() {
		// "the official": the last official this article described.
		if described := ix.lastDescribed(p, sent, tokens[start].Lower); described != "" {
			return described, ""
		}
	}
	if !hasNoun(tokens[start:end]) {
		return "", ""
	}
	return phrase, ""
}

// roleOf returns the fullest role any article gives a person. A surname
// two persons of the story share ("Mrs. Obama", "President Obama") keeps
// the role it was written with.
func (ix *Index) roleOf(m mention) string {
	if ix.sharedSurnames[strings.ToLower(m.name)] {
		return m.role
	}
	if role := ix.roles[m.name]; len(role) > len(m.role) {
		return role
	}
	return m.role
}

// storyRoles finds, for each person, the fullest role the story gives
// them and every title word any article uses.
func storyRoles(all []*people) (map[string]string, map[string]map[string]bool) {
	roles := map[string]string{}
	titles := map[string]map[string]bool{}
	for _, p := range all {
		for _, m := range p.mentions {
			if len(m.role) > len(roles[m.name]) {
				roles[m.name] = m.role
			}
			addTitles(titles, m.name, m.role)
		}
	}
	return roles, titles
}

// lastDescribed finds, in the sentences before sent, the last phrase that
// ends in head and has a qualifier before it: "a Hamas official", "a union
// official".
func (ix *Index) lastDescribed(p, sent int, head string) string {
	doc := ix.Sources[p].Doc
	for i := sent; i >= 0 && sent-i <= 6; i-- {
		tokens := doc.Sentences[i].Tokens
		for j := len(tokens) - 1; j > 0; j-- {
			if tokens[j].Lower != head {
				continue
			}
			start := j
			for start > 0 && j-start < 3 && tokens[start-1].Kind == text.Word && !text.IsStop(tokens[start-1].Lower) {
				start--
			}
			if start == j || (i == sent && start == 0) {
				continue
			}
			return doc.Sentences[i].Slice(text.Span{Start: start, End: j + 1})
		}
	}
	return ""
}

// hasNoun reports whether a phrase has a word that can name a speaker: a
// capitalised word or a content word.
func hasNoun(tokens []text.Token) bool {
	for j := range tokens {
		t := &tokens[j]
		if t.Kind == text.Word && !text.IsStop(t.Lower) {
			return true
		}
	}
	return false
}

// possessed reports whether a person's name is a possessive followed by
// more of the phrase: "Netanyahu's office" speaks for Netanyahu, it is not
// him.
func possessed(tokens []text.Token, m mention, end int) bool {
	last := tokens[m.end-1].Lower
	return m.end < end && (strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s"))
}

// skipAppositive moves back from a verb over auxiliaries and over an
// appositive between commas ("Karoline Leavitt, the White House press
// secretary, said"), to where the subject ends.
func skipAppositive(tokens []text.Token, verb int) int {
	end := verb
	for end > 0 && auxiliaries.has(tokens[end-1].Lower) {
		end--
	}
	if end < 2 || tokens[end-1].Text != "," {
		return end
	}
	for j := end - 2; j > 0 && end-j <= 2*maxSpeakerWords; j-- {
		if tokens[j].Text == "," {
			next := &tokens[j+1]
			// "X, the mayor, said", "X, who …, said", "X, 45, said"
			if determiners.has(next.Lower) || titleWords.has(next.Lower) || next.Lower == "who" || next.Kind == text.Number {
				return j
			}
			break
		}
	}
	return end
}

// byRole resolves a description by title ("the president", "the former
// vice president", "Donald Trump's vice president", "the GOP leader") to
// the person the story gives that title: the one this article named last,
// or the only one in the story.
func (ix *Index) byRole(p, sent int, phrase []text.Token) (mention, bool) {
	tail := map[string]bool{}
	for k := len(phrase) - 1; k >= 0 && titleWords.has(phrase[k].Lower); k-- {
		tail[phrase[k].Lower] = true
	}
	if len(tail) == 0 {
		return mention{}, false
	}
	fits := func(m mention) bool {
		known := ix.titles[m.name]
		for w := range tail {
			if !known[w] {
				return false
			}
		}
		return true
	}
	mentions := ix.people[p].mentions
	for i := len(mentions) - 1; i >= 0; i-- {
		if m := mentions[i]; m.sentence <= sent && fits(m) {
			return m, true
		}
	}
	found := ix.soleTitled(tail, fits)
	return mention{name: found, role: ix.roles[found]}, found != ""
}

// soleTitled returns the one person of the story whose titles hold all of
// tail, or "" when none or several do. The answer is kept per set of
// title words: a story asks for the same few titles again and again.
func (ix *Index) soleTitled(tail map[string]bool, fits func(mention) bool) string {
	words := make([]string, 0, len(tail))
	for w := range tail {
		words = append(words, w)
	}
	slices.Sort(words)
	key := strings.Join(words, " ")
	if found, ok := ix.titledBy[key]; ok {
		return found
	}
	found := ""
	for name := range ix.titles {
		if fits(mention{name: name}) {
			if found != "" {
				found = "" // two people fit: say nothing
				break
			}
			found = name
		}
	}
	if ix.titledBy == nil {
		ix.titledBy = make(map[string]string)
	}
	ix.titledBy[key] = found
	return found
}

// lastPersonIn returns the last person named, or referred to by a
// pronoun, in tokens [0, q) of a sentence.
func (ix *Index) lastPersonIn(p, sent, q int) (string, string) {
	tokens := ix.Sources[p].Doc.Sentences[sent].Tokens
	people := ix.people[p]
	for k := q - 1; k >= 0; k-- {
		if m, ok := people.in(sent, k, q); ok {
			return m.name, ix.roleOf(m)
		}
		if personPronouns.has(tokens[k].Lower) {
			if m, ok := ix.referent(p, sent, k); ok {
				return m.name, ix.roleOf(m)
			}
			return "", ""
		}
	}
	return "", ""
}

// nameParticles open surnames in lower case: "de Blasio", "van Gogh".
var nameParticles = setOf(`de van von bin al da di la le du del ter ten`)

// referent returns the person a pronoun at token tok of a sentence stands
// for: the last one named before it, passing over a person named inside
// another phrase, who is not the one the sentence goes on about: "after
// doing her best Joe Namath imitation. "…," she told", "with his fiancee,
// Rhonda Rouer, he added", "on Rachel Maddow's program. "…," he said".
func (ix *Index) referent(p, sent, tok int) (mention, bool) {
	doc := ix.Sources[p].Doc
	mentions := ix.people[p].mentions
	for i := len(mentions) - 1; i >= 0; i-- {
		m := mentions[i]
		if m.sentence > sent || m.sentence == sent && m.end > tok {
			continue
		}
		if insidePhrase(doc.Sentences[m.sentence].Tokens, m) {
			continue
		}
		return m, true
	}
	return mention{}, false
}

// insidePhrase reports whether a person is named inside a phrase that a
// preposition governs or a possessive pronoun owns, a few words before
// the name or before the noun it stands in apposition to: "a letter to
// Smith", "her best Joe Namath imitation", "his fiancee, Rhonda Rouer,".
// A phrase that opens its clause is the clause's subject: "Her
// co-presenter Bardem laughs".
func insidePhrase(tokens []text.Token, m mention) bool {
	k := m.roleStart - 1
	if k >= 0 && tokens[k].Text == "," {
		if m.end < len(tokens) && tokens[m.end].Text != "," {
			return false // "at his home, Rudy Demoski said": an opening phrase ends there
		}
		k--
	}
	common := false // a noun in lower case stands between: "dean of students Mary Spellman"
	for n := 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		t := &tokens[k]
		if t.Kind != text.Word || clauseWords.has(t.Lower) || verbForms.has(t.Lower) || tagVerbs.has(t.Lower) {
			return false
		}
		if governing.has(t.Lower) {
			// "on Anthony Weiner's campaign … he decided": the owner of
			// what is spoken of is still the one spoken about.
			return !common && !possessed(tokens, m, m.end+1)
		}
		common = common || !t.Capitalized() && !determiners.has(t.Lower) && !titleWords.has(t.Lower)
		if possessives.has(t.Lower) {
			return k > 0 && tokens[k-1].Kind == text.Word && !clauseWords.has(tokens[k-1].Lower)
		}
	}
	return false
}

// possessives are the pronouns that own the noun phrase they open.
var possessives = setOf(`his her their its`)
