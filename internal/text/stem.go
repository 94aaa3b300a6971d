package text

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// stemCache memoises stems: news vocabulary is Zipfian, so a cache
// answers almost every lookup. A word may sit in one of two neighbouring
// slots, and a new word takes an empty one or replaces the entry in the
// second, so the cache stays bounded without counting and a lookup is a
// hash and two atomic loads, with no lock for the goroutines preparing
// articles side by side.
var stemCache [stemCacheSlots]atomic.Pointer[stemEntry]

const stemCacheSlots = 1 << 18

var stemSeed = maphash.MakeSeed()

type stemEntry struct{ word, stem string }

// Stem returns the Porter2 stem of a lower-case English word.
func Stem(lower string) string {
	if len(lower) <= 3 {
		return lower
	}
	i := maphash.String(stemSeed, lower) % stemCacheSlots
	first, second := &stemCache[i], &stemCache[i^1]
	e1 := first.Load()
	if e1 != nil && e1.word == lower {
		return e1.stem
	}
	if e := second.Load(); e != nil && e.word == lower {
		return e.stem
	}
	s := english.Stem(americanSpelling(lower), false)
	// Clone so the cache does not pin the whole article the key was cut from.
	e := &stemEntry{word: strings.Clone(lower), stem: s}
	if e1 == nil {
		first.Store(e)
	} else {
		second.Store(e)
	}
	return s
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
