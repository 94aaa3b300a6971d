package text

import "strings"

// stopWords are English function words: they say nothing about what a
// sentence is about.
var stopWords = setOf(`a about above after again against all almost also although always am among an and
another any anyone anything are aren't around as at be became because become been before being below
between both but by can cannot can't could couldn't did didn't do does doesn't doing done don't down during
each either else even ever every few for from further get gets got had hadn't has hasn't have haven't
having he he'd he'll her here here's hers herself he's him himself his how how's however i i'd if i'll
i'm in into is isn't it its it's itself i've just last least less let's like many may me might more
most much must mustn't my myself neither never no nor not now of off often on once one only or other
others otherwise our ours ourselves out over own per perhaps quite rather really said same say says
saying see seen several shall shan't she she'd she'll she's should shouldn't since so some something
still such than that that's the their theirs them themselves then there therefore there's these they
they'd they'll they're they've this those though through thus to too toward towards under until up upon
us very via was wasn't we we'd we'll were we're weren't we've what whatever what's when whenever when's
where whereas where's whether which while who whoever whole whom who's whose why why's will with within
without won't would wouldn't yes yet you you'd you'll your you're yours yourself yourselves you've
told tell according`)

// IsStop reports whether a lower-case word is a stop word.
func IsStop(lower string) bool {
	_, ok := stopWords[lower]
	return ok
}

func setOf(words string) map[string]struct{} {
	set := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		set[w] = struct{}{}
	}
	return set
}

// WordFilter turns away most words that are not in a set before the set
// is asked: a bit per length and end letters. Word sets are asked about
// every token, and most tokens are in none of them.
type WordFilter [16]uint64

func filterOf[V any](m map[string]V) *WordFilter {
	var f WordFilter
	for w := range m {
		f.Add(w)
	}
	return &f
}

// Add lets w through the filter.
func (f *WordFilter) Add(w string) {
	b := filterBit(w)
	f[b/64] |= 1 << (b % 64)
}

func filterBit(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(w[0])*131 + uint(w[len(w)-1])*31 + uint(len(w))*7) % 1024
}

// MayHave reports false only for words never added.
func (f *WordFilter) MayHave(w string) bool {
	b := filterBit(w)
	return f[b/64]&(1<<(b%64)) != 0
}
