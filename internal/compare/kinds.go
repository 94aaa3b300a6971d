package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// What kind of party a cited name is when nothing in the citing phrase
// says so: "Blinken said" and "Tesla said" read alike. The story tells
// them apart elsewhere, in how English writes of people ("Smith, 54,",
// "Smith, who", "…, he added") and of organisations ("Tesla, which",
// "shares of Tesla", "a Tesla spokesman", "Tesla said in a statement").

// groupNouns name the people of an institution who speak for it as one:
// "Jefferies analysts said" cites Jefferies through its analysts. Not
// aides, lawyers or supporters, whom a person has too ("Trump aides").
var groupNouns = setOf(`analyst analysts economist economists strategist strategists researcher researchers
scientist scientists engineers executives experts traders bankers`)

// groupJoins put a group in an institution: "analysts at Jefferies".
var groupJoins = setOf(`at from with of`)

// splitGroup finds an institution cited through a group of its people,
// in the phrase [start, end): "Jefferies analysts", "Goldman Sachs
// economists", "analysts at Jefferies". It returns the institution's span
// and the group's words.
func splitGroup(tokens []text.Token, start, end int) (int, int, string, bool) {
	last := &tokens[end-1]
	if end-start >= 2 && groupNouns.has(last.Lower) && !last.Capitalized() {
		// "Goldman Sachs economists": capitalised words, then the group.
		for _, t := range tokens[start : end-1] {
			if t.Kind != text.Word || !t.Capitalized() {
				return 0, 0, "", false
			}
		}
		if placeAdjective(tokens[end-2]) {
			return 0, 0, "", false // "Japanese researchers", "U.S. researchers": where, not whose
		}
		return start, end - 1, last.Lower, true
	}
	// "analysts at Jefferies", "economists at the Bank of England".
	if end-start < 3 || !groupNouns.has(tokens[start].Lower) || !groupJoins.has(tokens[start+1].Lower) {
		return 0, 0, "", false
	}
	org := start + 2
	if determiners.has(tokens[org].Lower) {
		org++
	}
	if org >= end || !tokens[org].Capitalized() || !tokens[end-1].Capitalized() {
		return 0, 0, "", false
	}
	return org, end, tokens[start].Lower, true
}

// placeAdjective reports whether a capitalised word before a group says
// where the group is from, not what employs it: a word of nationality by
// its ending ("Japanese", "Canadian", "British", "European") or a place
// written in initials ("U.S.").
func placeAdjective(t text.Token) bool {
	if t.Kind != text.Word || strings.Contains(t.Text, ".") {
		return true // "U.S."
	}
	for _, end := range []string{"ese", "ian", "ish", "ean"} {
		if strings.HasSuffix(t.Lower, end) {
			return true
		}
	}
	return false
}

// sideOf weighs what the story writes around a lone capitalised word
// against each other: the cues that it names a person and those that it
// names an organisation, each worth a cue, or half of one when weak.
type sideOf struct {
	person, organization int
}

// Cues weigh whole or half: a person says things in statements too.
const (
	cue     = 2
	weakCue = 1
)

// loneKind says whether a lone capitalised word cited as a party names a
// person or an organisation, from every place the story writes it. With
// no cue, or as many each way, it stays an organisation, as before.
func (ix *Index) loneKind(word string) string {
	key := strings.ToLower(text.WithoutPossessive(word))
	if k, ok := ix.loneKinds[key]; ok {
		return k
	}
	var side sideOf
	for _, at := range ix.capitalsOf(key) {
		ix.weighCues(at.ref, ix.sentence(at.ref).Tokens, int(at.token), &side)
	}
	if ix.firstNameOnly(key) {
		side.person += cue // "Paula said", where the story names Paula Blades
	}
	kind := "organization"
	if side.person > side.organization && !initialism(word) && !ix.pluralName(key) {
		kind = "person" // "FBI said he was armed" names no person, nor "Republicans say he will"
	}
	if ix.loneKinds == nil {
		ix.loneKinds = map[string]string{}
	}
	ix.loneKinds[key] = kind
	return kind
}

// firstNameOnly reports whether a word opens the full name of a person
// the story names, and is written before no other name: features call
// people by their first names ("Paula said" after "Paula Blades"), while
// "Samsung" opens "Samsung Galaxy" and "Samsung Electronics", and
// "Paula" of two persons ("Paula Blades", "Paula Moss") is either.
func (ix *Index) firstNameOnly(lower string) bool {
	if ix.firstNames == nil {
		ix.firstNames = map[string]string{}
		for _, p := range ix.people {
			for _, m := range p.mentions {
				if first, _, ok := strings.Cut(m.name, " "); ok {
					ix.firstNames[strings.ToLower(first)] = surname(m.name)
				}
			}
		}
	}
	last := ix.firstNames[lower]
	if last == "" || ix.caseOf(lower).lower > 0 {
		return false // "Critics said": a common word, whatever name it opened
	}
	for _, at := range ix.capitalsOf(lower) {
		tokens := ix.sentence(at.ref).Tokens
		if k := int(at.token) + 1; k < len(tokens) && tokens[k].Kind == text.Word && tokens[k].Capitalized() && !strings.HasPrefix(tokens[k].Lower, last) && !initialAt(tokens, k) {
			return false // "Paula Smith" too, or "Samsung Electronics"
		}
	}
	return true
}

// tokenRef points at one token of the story.
type tokenRef struct {
	ref   Ref
	token int32
}

// capitalsOf returns where the story writes a word with a capital, its
// possessive too: "Tesla" and "Tesla's" for tesla. The places of every
// such word are found in one pass, on the first call: a story cites
// many lone names, and reading it once for each grows with their product.
func (ix *Index) capitalsOf(lower string) []tokenRef {
	if ix.capitals == nil {
		ix.capitals = map[string][]tokenRef{}
		for _, r := range ix.Refs {
			tokens := ix.sentence(r).Tokens
			for k := range tokens {
				if t := &tokens[k]; t.Kind == text.Word && t.Capitalized() {
					key := text.WithoutPossessive(t.Lower)
					ix.capitals[key] = append(ix.capitals[key], tokenRef{r, int32(k)})
				}
			}
		}
	}
	return ix.capitals[lower]
}

// weighCues adds the cues around token k, the word loneKind weighs.
func (ix *Index) weighCues(r Ref, tokens []text.Token, k int, side *sideOf) {
	at := func(j int) string {
		if j < 0 || j >= len(tokens) {
			return ""
		}
		return tokens[j].Lower
	}
	possessive := possessiveWord(tokens[k].Lower)
	switch {
	case at(k+1) == "," && at(k+2) == "who":
		side.person += cue // "Smith, who"
	case at(k+1) == "," && k+2 < len(tokens) && tokens[k+2].Kind == text.Number && at(k+3) == ",", at(k+1) == "," && yearsOld(tokens, k+2):
		side.person += cue // "Smith, 54,", "Smith, a 23-year-old student"
	case k > 0 && personTitles.has(at(k-1)) && !possessive:
		side.person += cue // "spokesman Smith"
	case at(k+1) == "," && at(k+2) == "which":
		side.organization += cue // "Tesla, which"
	case (possessive || k > 0 && articles.has(at(k-1))) && spokesWords.has(at(k+1)):
		side.organization += cue // "Tesla's spokesperson", "a Tesla spokesman"
	case at(k-1) == "of" && (at(k-2) == "shares" || at(k-2) == "stock"), !possessive && corpSuffixes.has(at(k+1)), at(k+1) == "shares":
		side.organization += cue // "shares of Tesla", "Tesla Inc", "Tesla shares"
	}
	if k+1 >= len(tokens) || !isVerb(tokens, k+1, speechVerbs) {
		return // the cues below follow the word as it speaks
	}
	after := k + 2
	if at(after) == "in" && statementWords.has(at(after+2)) {
		side.organization += weakCue // "Tesla said in a statement"
	}
	switch {
	case at(after) == "its":
		side.organization += cue // "Tesla said its deliveries rose"
	case personPronouns.has(at(after)), ix.pronounAnswers(r, tokens, k):
		side.person += cue // "Smith said her daughter", "Smith said …, he added"
	}
}

// possessiveWord reports whether a word ends in a possessive "'s" or
// "’s": "Tesla's".
func possessiveWord(w string) bool {
	return text.WithoutPossessive(w) != w
}

// yearsOld reports whether an appositive from token k gives an age: "a
// 23-year-old student".
func yearsOld(tokens []text.Token, k int) bool {
	for j := k; j < len(tokens) && j-k < 5 && tokens[j].Text != ","; j++ {
		if tokens[j].Lower == "old" && tokens[j].Hyphen && tokens[j-1].Lower == "year" {
			return true
		}
	}
	return false
}

// pluralName reports whether a word is the plural of a name the story
// writes too: "Republicans" of "Republican", a group and no person.
func (ix *Index) pluralName(lower string) bool {
	singular, ok := strings.CutSuffix(lower, "s")
	return ok && len(singular) > 1 && ix.caseOf(singular).capital > 0
}

// initialism reports whether a word is written in capitals, as the names
// of institutions are ("FBI", "NYPD") and those of people are not.
func initialism(word string) bool {
	word = text.WithoutPossessive(word)
	return len(word) > 1 && strings.ToUpper(word) == word
}

// spokesWords speak for an institution: "Tesla's spokesperson".
var spokesWords = setOf(`spokesman spokeswoman spokesperson spokespeople representative board shareholders`)

// corpSuffixes end the names of companies: "Tesla Inc".
var corpSuffixes = setOf(`inc corp corporation ltd llc plc co holdings group ag sa nv gmbh`)

// statementWords are what an institution says things in: "said in a
// statement", "in a filing".
var statementWords = setOf(`statement filing release`)

// pronounAnswers reports whether a personal pronoun goes on speaking for
// the word at k, the subject of a speech verb: later in its sentence
// (", she told reporters") or opening the next sentence of its article
// ("He added"), with no other person named in between.
func (ix *Index) pronounAnswers(r Ref, tokens []text.Token, k int) bool {
	others := false
	for _, m := range ix.people[r.Source].mentions {
		if m.sentence == r.Sentence && (m.start > k || m.end <= k) {
			others = true
		}
	}
	if others {
		return false
	}
	if pronounSpeaks(tokens, k+2) {
		return true
	}
	doc := ix.Sources[r.Source].Doc
	return r.Sentence+1 < len(doc.Sentences) && pronounSpeaks(doc.Sentences[r.Sentence+1].Tokens, 0)
}

// pronounSpeaks reports whether "he" or "she" is the subject of a speech
// verb from token from on, opening the sentence or a clause after a comma
// or a quotation: "He added", `"…," she said`.
func pronounSpeaks(tokens []text.Token, from int) bool {
	for j := from; j+1 < len(tokens); j++ {
		opens := j == 0 || tokens[j-1].Text == "," || tokens[j-1].Text == `"`
		if opens && heShe.has(tokens[j].Lower) && isVerb(tokens, j+1, speechVerbs) {
			return true
		}
	}
	return false
}

// heShe are the pronouns only a person takes.
var heShe = setOf(`he she`)

// storyOutlet reports whether a name is the outlet of one of the story's
// articles: "Axios said", where an article comes from Axios.
func (ix *Index) storyOutlet(name string) bool {
	key := outletKey(name)
	if key == "" {
		return false
	}
	for _, s := range ix.Sources {
		if outletKey(s.Article.Outlet) == key {
			return true
		}
	}
	return false
}

// outletKey is a name as outlets are compared: letters and digits in
// lower case, without a leading "The" or a domain's ending ("axios.com"
// is Axios).
func outletKey(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, '.'); i > 0 && !strings.Contains(name, " ") {
		name = name[:i]
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "The "), "the ")
	return text.Fingerprint(name)
}

// mastheadWords end the names of newspapers, magazines and broadcasters:
// "the Financial Times", "the Logansport Pharos-Tribune", "the Star".
var mastheadWords = union(newsNameWords, setOf(`review observer star sun standard courier register inquirer
examiner record bulletin dispatch insider monitor`))

// journalistWords follow an outlet's possessive: "the BBC's correspondent".
var journalistWords = setOf(`correspondent correspondents reporter reporters editor editors journalist
journalists columnist anchor host`)

// toldEnd returns where the party told something ends, from token i after
// "told": at an outlet's possessive ("told the BBC's Colin Paterson" told
// the BBC) or at the word that ends its masthead, when the phrase runs on
// into what was said ("told the Korea Herald Samsung would exit").
func toldEnd(tokens []text.Token, i int) int {
	end := phraseEnd(tokens, i)
	for k := i; k < end; k++ {
		lower := tokens[k].Lower
		if possessiveWord(lower) {
			return k + 1
		}
		if k > i && !tokens[k].Capitalized() {
			break // the possessive of a name, not "The Associated the Navy secretary's"
		}
	}
	for k := end - 1; k > i; k-- {
		if tokens[k].Capitalized() && mastheadWords.has(tokens[k].Lower) && !mastheadOpeners.has(tokens[k].Lower) {
			if k+1 < end && orgWords.has(tokens[k+1].Lower) {
				break // "the Australian Broadcasting Corporation": the name goes on
			}
			if nounAfterCapitals(tokens, k+1, end) == end-1 {
				break // "the Standard Chartered board": the capitals are whose board
			}
			return k + 1
		}
	}
	return end
}

// nounAfterCapitals returns where the capitalised words from token k run
// into lower-case words that end the phrase [k, end), or -1: "Chartered
// board" after "the Standard", "White House press corps". One word is a
// noun the capitals modify; several may be what was said ("the Korea
// Herald Samsung would leave the market").
func nounAfterCapitals(tokens []text.Token, k, end int) int {
	j := k
	for j < end && tokens[j].Capitalized() {
		j++
	}
	if j == k || j == end {
		return -1
	}
	for _, t := range tokens[j:end] {
		if t.Kind != text.Word || t.Capitalized() {
			return -1
		}
	}
	return j
}

// mastheadOpeners open the names of outlets rather than end them: "The
// Daily Beast".
var mastheadOpeners = setOf(`daily weekly`)

// outletNamed reports whether the capitalised words [start, end) name an
// outlet: by a word of its masthead ("the Financial Times"), as a news
// agency, as the outlet of one of the story's articles, or as a word the
// story writes as an outlet elsewhere ("BBC News", "the BBC's
// correspondent"). A party told something that is not an outlet ("told
// the FBI") is not what the article cites.
func (ix *Index) outletNamed(tokens []text.Token, start, end int) bool {
	if j := nounAfterCapitals(tokens, start, end); j >= 0 && !outletCues.has(tokens[j].Lower) {
		return false // "the Post Office inquiry", "the White House press corps"; not "the Economist magazine"
	}
	var words []string
	for k := start; k < end; k++ {
		t := &tokens[k]
		if mastheadWords.has(t.Lower) || outletCues.has(t.Lower) || wireAgencies.has(strings.ToLower(text.WithoutPossessive(t.Text))) {
			return true
		}
		words = append(words, text.WithoutPossessive(t.Text))
	}
	if len(words) == 0 {
		return false
	}
	ix.readSourceWords()
	return ix.storyOutlet(strings.Join(words, " ")) || ix.outletWords[strings.ToLower(text.WithoutPossessive(tokens[start].Text))]
}

// sourceWord reports whether the story writes a word with a capital, away
// from the start of a sentence, where only a cited party stands: after
// "told", "citing", "according to" or "by" ("told People", "according to
// the Star"), or beside a word for an outlet ("Time magazine"). Such a
// word names an outlet even where the story also writes it in lower case
// ("people", "time").
func (ix *Index) sourceWord(lower string) bool {
	ix.readSourceWords()
	return ix.sourceWords[lower]
}

// readSourceWords finds, once, the words sourceWord and outletNamed ask
// about.
func (ix *Index) readSourceWords() {
	if ix.sourceWords != nil {
		return
	}
	ix.sourceWords, ix.outletWords = map[string]bool{}, map[string]bool{}
	for _, r := range ix.Refs {
		tokens := ix.sentence(r).Tokens
		for k := range tokens {
			t := &tokens[k]
			if t.Kind != text.Word || !t.Capitalized() {
				continue
			}
			word := strings.ToLower(text.WithoutPossessive(t.Text))
			if !text.SentenceInitial(tokens, k) && citedPosition(tokens, k) {
				ix.sourceWords[word] = true
			}
			if outletWord(tokens, k) {
				ix.outletWords[word] = true
			}
		}
	}
}

// outletWord reports whether the capitalised word at k is written as an
// outlet's: before a word of a masthead ("BBC News", "BBC Radio") or, as a
// possessive, before a journalist ("the BBC's correspondent").
func outletWord(tokens []text.Token, k int) bool {
	if k+1 >= len(tokens) {
		return false
	}
	next := &tokens[k+1]
	possessive := possessiveWord(tokens[k].Lower)
	return !possessive && next.Capitalized() && mastheadWords.has(next.Lower) || possessive && journalistWords.has(next.Lower)
}

// citedPosition reports whether the capitalised word at k stands where a
// cited party does.
func citedPosition(tokens []text.Token, k int) bool {
	before := k - 1
	if before > 0 && tokens[before].Lower == "the" {
		before--
	}
	switch {
	case before < 0:
		return false
	case k+1 < len(tokens) && outletCues.has(tokens[k+1].Lower) && !tokens[k+1].Capitalized():
		return true // "Time magazine"
	case outletCues.has(tokens[k-1].Lower) && !tokens[k-1].Capitalized():
		return true // "the magazine Time"
	}
	switch tokens[before].Lower {
	case "told", "citing":
		return true
	case "by": // "first reported by the Star", not "killed by Hamas"
		return before > 0 && (tokens[before-1].Lower == "reported" || tokens[before-1].Lower == "published")
	case "to":
		return before > 0 && tokens[before-1].Lower == "according"
	}
	return false
}
