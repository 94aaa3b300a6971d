package text

import (
	"hash/maphash"
	"math/bits"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
)

// Language is the language a document's function words say it is written
// in. News comes in many; the words that carry no meaning differ between
// them, and the same spelling can be a function word in one and news in
// another (German "war" is "was").
type Language uint8

// The languages whose function words the kit knows. English is the zero
// value: text with too few function words to tell is read as English, as
// it was before other languages were known.
const (
	English Language = iota
	German
	French
	Spanish
	Portuguese
	Italian
	Dutch
	Polish
	Russian
	Chinese
	Japanese
	languageCount
)

var languageCodes = [languageCount]string{"en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "zh", "ja"}

// Code is the language's ISO 639-1 code.
func (l Language) Code() string { return languageCodes[l] }

// LanguageOf is the Language of an ISO 639-1 code, if the kit knows it.
func LanguageOf(code string) (Language, bool) {
	for l, c := range languageCodes {
		if c == code {
			return Language(l), true
		}
	}
	return English, false
}

// foreignStopWords are the function words of the other languages the kit
// knows: articles, pronouns, prepositions, conjunctions, auxiliaries and
// the commonest adverbs, and the verbs of saying that reporting repeats,
// as the English list has "said".
var foreignStopWords = [languageCount]string{
	German: `der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn
weil dass daß wenn als ob wie wo was wer wem wen wessen ich du er sie es wir ihr mich dich sich uns euch
ihm ihn ihnen mein meine dein deine sein seine seiner seinen seinem ihre ihrer ihren ihrem unser unsere
euer eure dieser diese dieses diesen diesem jener jene jenes welche welcher welches man in im ins an am
auf aus bei beim mit nach von vom vor zu zum zur über unter durch für gegen ohne um bis seit während
wegen zwischen neben hinter ist sind war waren bin bist sein gewesen wird werden wurde wurden worden hat
haben hatte hatten habe kann können konnte konnten muss müssen musste soll sollen sollte will wollen
wollte darf dürfen möchte nicht nichts kein keine keinen keiner auch noch schon nur sehr so dann da
hier dort jetzt immer mehr viel viele alle allem allen aller alles etwa sowie bereits dabei damit daher
dazu davon darauf darum denen deren dessen sagte sagt sagten laut ab nun etwas also sehr`,
	French: `le la les un une des du de d l à au aux et ou mais donc car ni que qu qui quoi dont où
ce cet cette ces ceci cela ça je tu il elle on nous vous ils elles me te se lui leur leurs eux moi toi
mon ma mes ton ta tes son sa ses notre nos votre vos en dans sur sous par pour avec sans chez entre vers
contre depuis pendant avant après selon est sont était étaient été être avoir a ont avait avaient eu
sera seront serait fait faire peut peuvent pouvait doit doivent ne pas plus moins très aussi bien tout
tous toute toutes comme si y déjà encore ainsi alors dont même autre autres quand dit déclaré selon lors`,
	Spanish: `el la los las lo un una unos unas de del al a y e o u pero sino ni que qué quien quién
cual cuál cuando donde como este esta estos estas ese esa esos esas aquel aquella yo tú él ella ello
nosotros vosotros ellos ellas me te se nos os le les mi mis tu tus su sus nuestro nuestra en con por
para sin sobre entre hasta desde hacia según durante contra tras es son era eran fue fueron ser sido
siendo está están estaba estar ha han había habían haber hay ser será serán sería puede pueden debe
deben no más menos muy también ya todo todos toda todas otro otra otros otras mismo misma así si sí
porque pues aunque cuando dijo afirmó aseguró eso cada después antes`,
	Portuguese: `o a os as um uma uns umas de do da dos das no na nos nas ao aos à às em por pelo pela
pelos pelas para com sem sobre entre até desde contra após e ou mas nem que quem qual quais quando onde
como este esta estes estas esse essa esses essas isto isso aquele aquela eu tu ele ela nós vós eles
elas me te se lhe lhes nos meu minha meus minhas seu sua seus suas nosso nossa é são era eram foi foram
ser sido estar está estão estava tem têm tinha ter há havia pode podem deve devem não mais menos muito
também já todo toda todos todas outro outra outros outras mesmo mesma assim se porque pois embora
disse afirmou segundo você num numa dele dela`,
	Italian: `il lo la i gli le un uno una di del dello della dei degli delle a al allo alla ai agli
alle da dal dallo dalla dai dagli dalle in nel nello nella nei negli nelle su sul sullo sulla sui sugli
sulle con per tra fra e ed o ma né che chi cui quale quali quando dove come questo questa questi queste
quello quella quelli quelle io tu lui lei noi voi loro mi ti si ci vi gli ne mio mia miei mie tuo tua
suo sua suoi sue nostro nostra è sono era erano fu furono essere stato stata stati essere ha hanno
aveva avevano avere può possono deve devono non più meno molto anche già tutto tutti tutta tutte altro
altra altri altre stesso così se perché però mentre detto ha detto secondo`,
	Dutch: `de het een en of maar want dus dat die dit deze te wie wat waar wanneer hoe ik jij je hij zij
ze wij we jullie u mij me hem haar ons hun zich mijn jouw zijn onze uw in op aan bij met van voor
door naar uit om over onder tegen tot sinds tussen na zonder is was waren ben bent wordt worden werd
werden geweest heeft hebben had hadden kan kunnen kon moet moeten moest zal zullen zou zouden wil
willen niet geen ook nog al wel zo dan toen hier daar nu er meer veel alle alles ander andere als
omdat zei volgens men iets toch`,
	Polish: `i w we z ze na do od po za przez dla przy pod nad przed między bez o u a ale lub albo oraz
czy że żeby aby bo jak jako gdy kiedy gdzie co kto który która które którego której którym których się
nie to ten ta te tego tej tym tych temu jest są był była było były być będzie będą został została
zostało zostały ma mają miał miała może mogą można jego jej ich jemu im on ona ono oni one my wy ja ty
mnie nas was już także też tylko jeszcze bardzo tak więc jednak nawet który powiedział według by sobie jeśli`,
	Russian: `и в во на не что как а но да или ли же бы с со к ко у о об от до из за по под над при
для без через про между перед после он она оно они мы вы я ты его её ее их ему ей им него неё нее них
себя свой своя своё свои этот эта это эти того этого этой тем том тот та те то все всё весь вся всех
был была было были быть будет будут есть который которая которое которые которых также тоже только
уже ещё еще очень так там тут где когда если чтобы чем даже может можно нет ни сказал заявил по словам`,
	// Chinese and Japanese are tokenized a character at a time: these are
	// the characters that are grammar rather than meaning.
	Chinese:  `的 了 是 在 和 与 及 或 而 也 都 就 又 还 着 过 把 被 给 让 向 从 到 对 于 以 为 之 其 这 那 些 个 我 你 他 她 它 们 此 该 将 已 但 并 则 即 所 说 称`,
	Japanese: `の は が を に で と も や へ か な だ た て し い る れ う す さ ま ん こ そ あ ど よ ね り っ た`,
}

// stopLanguages maps each function word to the languages it is one in,
// a bit per Language.
var stopLanguages = func() map[string]uint16 {
	m := make(map[string]uint16)
	for w := range stopWords {
		m[w] |= 1 << English
	}
	for l, words := range foreignStopWords {
		for w := range setOf(words) {
			m[w] |= 1 << l
		}
	}
	return m
}()

// minLanguageEvidence is how many function words of another language a
// text needs before it is read as that language rather than English: a
// title or a snippet with one "de" or "die" stays English.
const minLanguageEvidence = 3

// functionWordShare: at least one word in this many of a text in a
// language is one of its function words. Running text has one in two to
// one in three in the European languages; about one character in six of
// Chinese, more of Japanese, is a grammar character.
func functionWordShare(l Language) int {
	if l == Chinese || l == Japanese {
		return 8
	}
	return 5
}

// enoughLanguageEvidence is how many function words settle a document's
// language: a long article need not be read to the end for it.
const enoughLanguageEvidence = 200

// detectLanguage reads a document's language off its function words:
// the language with the most of them, when it has half as many again as
// English and enough to go on. Function words make up a third or more of running text
// in all these languages, so the counts separate them after a sentence or
// two; words shared by several languages count for each.
//
// sure says whether the text had enough function words to tell at all:
// a headline or a snippet may have none.
func detectLanguage(sentences []Sentence) (l Language, sure bool) {
	var hits [languageCount]int
	seen, words := 0, 0
	for _, s := range sentences {
		if seen >= enoughLanguageEvidence {
			break
		}
		for _, t := range s.Tokens {
			if t.Kind != Word {
				continue
			}
			if words++; t.stops == 0 {
				continue
			}
			seen++
			for b := t.stops; b != 0; b &= b - 1 {
				hits[bits.TrailingZeros16(b)]++
			}
		}
	}
	best := German
	for l := French; l < languageCount; l++ {
		if hits[l] > hits[best] {
			best = l
		}
	}
	// Short words are shared ("a", "on", "in", "die"): another language must
	// lead English clearly, so that a line of English with a few of them
	// stays English; and its function words must be as common as running
	// text has them, so that English with its own stripped, as some data
	// sets give it, is not read as Dutch for "men" or Spanish for "Los
	// Angeles".
	if hits[best] < minLanguageEvidence || 2*hits[best] <= 3*hits[English] || hits[best]*functionWordShare(best) < words {
		return English, hits[English] >= minLanguageEvidence
	}
	return best, true
}

// inLanguage marks which tokens are function words of language l. In
// French and Italian an elided article or preposition is written onto
// the next word ("l'accord", "dell'Unione"); the word is read without it,
// so that "l'accord" and "accord" are one term.
func inLanguage(tokens []Token, l Language) {
	for i := range tokens {
		t := &tokens[i]
		if t.Kind != Word {
			continue
		}
		word := t.Lower
		if l == French || l == Italian {
			if apostrophe := strings.IndexAny(word, "'’"); apostrophe > 0 {
				if _, ok := elisions[word[:apostrophe]]; ok {
					_, size := utf8.DecodeRuneInString(word[apostrophe:])
					if rest := word[apostrophe+size:]; rest != "" {
						word, t.stops = rest, lookupWord(rest).stops
					}
				}
			}
		}
		t.Stem = stemIn(word, l)
		t.stop = t.stops&(1<<l) != 0
	}
}

// stemmers are the Snowball stemmers of the languages that have one here;
// a Polish word is compared as written.
var stemmers = [languageCount]func(*snowballstem.Env) bool{
	German: german.Stem, French: french.Stem, Spanish: spanish.Stem, Portuguese: portuguese.Stem,
	Italian: italian.Stem, Dutch: dutch.Stem, Russian: russian.Stem,
}

// foreignStems memoises stems in the languages other than English, as
// wordCache does for English: one slot a word and language, the last
// word stemmed there kept.
var foreignStems [foreignStemSlots]atomic.Pointer[foreignStem]

const foreignStemSlots = 1 << 16

type foreignStem struct {
	lang        Language
	lower, stem string
}

// stemIn returns the stem of a lower-case word of language l.
func stemIn(lower string, l Language) string {
	if l == English {
		return lookupWord(lower).stem
	}
	stem := stemmers[l]
	if stem == nil {
		return lower
	}
	slot := &foreignStems[(maphash.String(wordSeed, lower)+uint64(l))%foreignStemSlots]
	if e := slot.Load(); e != nil && e.lang == l && e.lower == lower {
		return e.stem
	}
	env := snowballstem.NewEnv(lower)
	stem(env)
	e := &foreignStem{lang: l, lower: strings.Clone(lower), stem: env.Current()}
	slot.Store(e)
	return e.stem
}

// elisions are the French and Italian words written onto the next one
// with an apostrophe.
var elisions = setOf(`l d j m n s t c qu jusqu lorsqu puisqu quoiqu dell all dall nell sull coll
un quell quest tutt`)

// Tokenize splits a sentence into tokens, reading function words as the
// document's language: for a title or a quote that goes with the text.
func (d *Doc) Tokenize(s string) []Token {
	tokens := Tokenize(s)
	if d.Language != English {
		inLanguage(tokens, d.Language)
	}
	return tokens
}
