package text

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// wordCache memoises what a word is, as written: its lower case, stem
// and whether it is a stop word. News vocabulary is Zipfian, so a cache
// answers almost every lookup, and a capitalised word ("The", "Senate")
// is lower-cased once instead of at every use. A word may sit in one of
// two neighbouring slots, and a new word takes an empty one or replaces
// the entry in the second, so the cache stays bounded without counting
// and a lookup is a hash and two atomic loads, with no lock for the
// goroutines preparing articles side by side.
var wordCache [wordCacheSlots]atomic.Pointer[wordEntry]

const wordCacheSlots = 1 << 18

var wordSeed = maphash.MakeSeed()

type wordEntry struct {
	word, lower, stem string
	stop              bool
	stops             uint16 // the languages it is a function word of
}

// Stem returns the Porter2 stem of a lower-case English word.
func Stem(lower string) string {
	if len(lower) <= 3 {
		return lower
	}
	return lookupWord(lower).stem
}

// lookupWord returns the cache's entry for a word as written, making it
// on a miss.
func lookupWord(word string) *wordEntry {
	i := maphash.String(wordSeed, word) % wordCacheSlots
	first, second := &wordCache[i], &wordCache[i^1]
	e1 := first.Load()
	if e1 != nil && e1.word == word {
		return e1
	}
	if e := second.Load(); e != nil && e.word == word {
		return e
	}
	// Clone so the cache does not pin the whole article the word was cut
	// from; ToLower already copies a word it changes.
	e := &wordEntry{word: strings.Clone(word)}
	if e.lower = strings.ToLower(word); e.lower == word {
		e.lower = e.word
	}
	e.stem = e.lower
	if len(e.lower) > 3 {
		e.stem = english.Stem(americanSpelling(e.lower), false)
	}
	e.stop = IsStop(e.lower)
	e.stops = stopLanguages[e.lower]
	if e1 == nil {
		first.Store(e)
	} else {
		second.Store(e)
	}
	return e
}

// americanSpelling maps British -ise/-isation spellings to -ize/-ization so
// that "organisation" and "organization" share a stem. Words where "-ise" is
// not that suffix ("promise", "exercise") are left alone.
func americanSpelling(w string) string {
	for _, suffix := range []string{"isation", "isations", "ise", "ised", "ises", "ising"} {
		if !strings.HasSuffix(w, suffix) || len(w) < len(suffix)+4 {
			continue
		}
		stem := w[:len(w)-len(suffix)]
		if _, keep := notIze[stem+"ise"]; keep {
			return w
		}
		if last := stem[len(stem)-1]; strings.IndexByte("aeiouy", last) >= 0 && suffix != "isation" && suffix != "isations" {
			return w // "raise", "cruise", "noise"
		}
		return stem + "iz" + suffix[2:]
	}
	return w
}

// notIze are words whose "-ise" is not the British form of "-ize".
var notIze = setOf(`advertise advise apprise arise chastise circumcise comprise compromise concise
demise despise devise disguise enfranchise enterprise excise exercise expertise franchise improvise
incise merchandise otherwise precise premise promise reprise revise supervise surmise surprise televise
treatise likewise clockwise paradise expertise`)

// Plural guesses whether a lower-case noun is plural: "2m people" and "5m
// barrels" are counts, where a length takes the singular ("a 30m wall").
func Plural(w string) bool {
	switch w {
	case "people", "men", "women", "children", "police", "cattle", "mice", "teeth", "feet", "geese":
		return true
	}
	return regularPlural(w)
}

// regularPlural guesses from its ending whether a noun is plural: "cases",
// not "boss", "virus" or "crisis".
func regularPlural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}
