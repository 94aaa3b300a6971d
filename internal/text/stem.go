package text

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// stemCache memoises stems: news vocabulary is Zipfian, so a bounded cache
// answers almost every lookup.
var stemCache sync.Map

const stemCacheLimit = 1 << 18

var stemCacheSize int64
var stemCacheMu sync.Mutex

// Stem returns the Porter2 stem of a lower-case English word.
func Stem(lower string) string {
	if len(lower) <= 3 {
		return lower
	}
	if s, ok := stemCache.Load(lower); ok {
		return s.(string)
	}
	s := english.Stem(americanSpelling(lower), false)
	stemCacheMu.Lock()
	if stemCacheSize < stemCacheLimit {
		stemCacheSize++
		// Clone so the cache does not pin the whole article the key was cut from.
		stemCache.Store(strings.Clone(lower), s)
	}
	stemCacheMu.Unlock()
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
