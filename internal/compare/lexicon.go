package compare

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
)

// Word lists about how English news is written. They name kinds of words
// (titles, speech verbs, organisations), never the events of any one story.

// wordSet is a set of lower-case words. Most words looked up are not in
// it, so a bit filter on a word's length and end letters turns those away
// before the word is hashed: the sets are asked about every token.
type wordSet struct {
	words  map[string]bool
	filter text.WordFilter
}

func setOf(words string) *wordSet {
	return newWordSet(strings.Fields(words))
}

func newWordSet(words []string) *wordSet {
	set := &wordSet{words: make(map[string]bool, len(words))}
	for _, w := range words {
		set.words[w] = true
		set.filter.Add(w)
	}
	return set
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	return s.filter.MayHave(w) && s.words[w]
}

// titleWords come before a name to say what the person is.
var titleWords = setOf(`president vice prime minister secretary press spokesman spokeswoman spokesperson
envoy senator sen rep representative congressman congresswoman gov governor mayor judge justice chief
general gen col lt sgt capt officer dr mr mrs ms miss mx prof professor king queen prince princess pope
sheikh emir ambassador director chairman chairwoman chair ceo founder commissioner coach captain deputy
foreign defense defence interior finance health attorney special presidential leader speaker chancellor
premier lord lady sir dame rabbi imam bishop cardinal father rev assistant associate executive national
security adviser advisor counsel inspector detective sheriff commander admiral marshal superintendent
head manager analyst economist spokesmen official officials lawyer minister-president secretary-general
trustee ruler crown state senior former acting interim opposition party lawmaker mp mep candidate
nominee co-founder owner chairperson president-elect striker midfielder defender goalkeeper forward
star singer actor actress rapper author writer host anchor correspondent editor reporter columnist
researcher scientist doctor physician nurse`)

// newsNameWords end the names of newspapers and broadcasters ("the
// Financial Times", "Sky News"): organisations, never people.
var newsNameWords = setOf(`times post news journal press guardian tribune herald gazette telegraph
mail express independent chronicle daily weekly magazine radio tv television broadcasting`)

// orgWords end names of organisations and places, not people.
var orgWords = union(newsNameWords, setOf(`house department ministry office party forces force army navy council court
agency administration organization organisation union nations states kingdom republic strip bank street
city county university college school institute center centre company corp corporation inc ltd group
network service services committee commission authority police airlines
airways club fc assembly senate congress parliament government hospital airport station foundation fund
association federation league capitol square park island islands river mountains valley sea ocean gulf
east west north south middle church mosque temple media fed
reserve exchange market markets stock index treaty accord act games cup championship olympics
guard coast brigade brigades movement front hamas hezbollah taliban isis`))

// speechVerbs introduce what someone said.
var speechVerbs = setOf(`said says say told tells tell added adds stated explained explains noted wrote
writes asked asks declared declares insisted insists argued argues claimed warned warns continued recalled
recalls replied replies responded responds remarked tweeted posted announced announces acknowledged
acknowledges admitted admits conceded concedes confirmed confirms emphasized emphasised emphasizes
emphasises stressed stresses urged urges read saying telling adding stating noting writing asking
declaring insisting arguing warning announcing confirming emphasising emphasizing stressing urging
according called calling vowed vows promised promises answered answers reiterated countered cautioned
complained boasted revealed agreed observed predicted recalled`)

// quoteTags introduce quoted words but say nothing of attribution
// elsewhere: `"…," he began`, `"…," she laughs`.
var quoteTags = setOf(`began begins laughed laughs joked jokes quipped quips shouted exclaimed wondered
sighed smiled`)

// adjacentTags tag a quote only next to it: they say how words came, not
// what they were.
var adjacentTags = setOf(`began begins laughed laughs sighed smiled`)

// tagsQuote reports whether token i can tag a quotation with its speaker.
func tagsQuote(tokens []text.Token, i int) bool {
	return isVerb(tokens, i, tagVerbs)
}

// tagVerbs are the verbs that can tag a quotation: one set, one lookup.
var tagVerbs = union(speechVerbs, quoteTags)

// beliefVerbs attribute a figure or claim without quoting it.
var beliefVerbs = setOf(`believe believes believed estimate estimates estimated think thinks thought
reported reports say says said confirmed confirms added adds announced announces told indicated indicates
showed shows suggested suggests found finds concluded`)

// reportingVerbs attribute what a sentence says: speech or belief.
var reportingVerbs = union(speechVerbs, beliefVerbs)

// citationCues are the words citationsIn starts from: a sentence without
// one cites no one.
var citationCues = union(reportingVerbs, setOf(`according reported reports told cited citing`))

func union(sets ...*wordSet) *wordSet {
	var words []string
	for _, set := range sets {
		for w := range set.words {
			words = append(words, w)
		}
	}
	return newWordSet(words)
}

// auxiliaries sit between a subject and its verb: "officials have confirmed".
var auxiliaries = setOf(`have has had is are was were be been will would could should may might must
also still later earlier previously already reportedly first`)

// passiveMarks before a verb make it passive: "are believed to" names no
// one who believes.
var passiveMarks = setOf(`is are was were be been being`)

// passive reports whether the verb at i is in the passive voice.
func passive(tokens []text.Token, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if passiveMarks.has(tokens[j].Lower) {
			return true
		}
		if !auxiliaries.has(tokens[j].Lower) {
			return false
		}
	}
	return false
}

// isVerb reports whether token i is one of verbs: a capitalised word
// inside a sentence is a name ("the United States"), not a verb.
func isVerb(tokens []text.Token, i int, verbs *wordSet) bool {
	return tokens[i].Kind == text.Word && verbs.has(tokens[i].Lower) && (i == 0 || !tokens[i].Capitalized())
}

// pronouns stand for a person already named.
var personPronouns = setOf(`he she him her his hers`)

var groupPronouns = setOf(`they them their`)

// determiners open a noun phrase and are dropped from speaker names.
var determiners = setOf(`a an the this that these those another one its their his her our`)

// outletCues say that a cited party is a news organisation.
var outletCues = setOf(`news newspaper outlet site website broadcaster network magazine channel daily
wire tv television radio publication paper tabloid`)

// officialCues say that a cited party speaks for an institution.
var officialCues = setOf(`official officials spokesman spokeswoman spokesperson ministry minister office
police military army government department agency authorities authority statement forces intelligence
administration council commission court prosecutor prosecutors embassy president secretary
investigators regulators`)

// anonymousCues mark sources that are not named.
var anonymousCues = setOf(`source sources anonymous anonymity familiar insider insiders unnamed`)

// wireAgencies are the international news agencies, which are cited far
// more often than they are described.
var wireAgencies = setOf(`reuters afp ap bloomberg xinhua tass efe ansa dpa kyodo yonhap pti ani
anadolu`)

// states change what a count counts: living and dead hostages are
// different figures. Keys are lower-case words; values name the state.
var states = map[string]string{
	"alive": "living", "living": "living", "surviving": "living", "survived": "living",
	"dead": "dead", "deceased": "dead", "killed": "dead", "died": "dead", "bodies": "dead", "body": "dead",
	"slain":   "dead",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
	"hospitalised": "hospitalized", "hospitalized": "hospitalized", "hospital": "hospitalized",
	"released": "released", "freed": "released", "freeing": "released", "release": "released",
	"releasing": "released", "free": "released", "returned": "released",
	"missing": "missing", "unaccounted": "missing",
	"arrested": "arrested", "detained": "arrested",
	"displaced": "displaced", "evacuated": "displaced",
}

// synonyms fold count nouns that news uses interchangeably.
var synonyms = map[string]string{
	"captiv": "hostag", "person": "peopl", "individu": "peopl", "citizen": "peopl", "kid": "child",
	"children": "child", "fatal": "death", "casualti": "casualti", "troop": "soldier",
}

// qualifiers widen a figure into the range it allows.
var qualifiers = []struct {
	words []string
	kind  string
}{
	{[]string{"at", "least"}, "at least"}, {[]string{"at", "most"}, "at most"},
	{[]string{"more", "than"}, "more than"}, {[]string{"fewer", "than"}, "fewer than"},
	{[]string{"less", "than"}, "fewer than"}, {[]string{"up", "to"}, "up to"},
	{[]string{"as", "many", "as"}, "up to"}, {[]string{"no", "more", "than"}, "up to"},
	{[]string{"close", "to"}, "nearly"}, {[]string{"upwards", "of"}, "more than"},
	{[]string{"in", "excess", "of"}, "more than"}, {[]string{"just", "over"}, "more than"},
	{[]string{"just", "under"}, "nearly"}, {[]string{"an", "estimated"}, "about"},
	{[]string{"about"}, "about"}, {[]string{"around"}, "about"}, {[]string{"approximately"}, "about"},
	{[]string{"roughly"}, "about"}, {[]string{"some"}, "about"}, {[]string{"estimated"}, "about"},
	{[]string{"nearly"}, "nearly"}, {[]string{"almost"}, "nearly"}, {[]string{"over"}, "more than"},
	{[]string{"above"}, "more than"}, {[]string{"under"}, "fewer than"}, {[]string{"below"}, "fewer than"},
	{[]string{"only"}, "exactly"}, {[]string{"just"}, "exactly"}, {[]string{"exactly"}, "exactly"},
}

// timeUnits follow a number that measures time, which is not a count.
var timeUnits = setOf(`second seconds minute minutes hour hours day days week weeks month months year
years decade decades century centuries am pm a.m. p.m. o'clock times`)

// linkVerbs join a number to what it counts: "five are Americans".
var linkVerbs = setOf(`are were is was remain remained remains be been being`)

// subsetWords refer back to a noun already counted: "35 of them", "35 others".
var subsetWords = setOf(`them those these whom which others more`)
