// Package dedupe finds versions of one article and copies of it under other
// outlets, in time linear in the number of articles: shingles are sketched
// with one-permutation MinHash and candidates come from locality-sensitive
// hashing, never from comparing every pair.
package dedupe

import (
	"github.com/corroborate/corroborate/internal/text"
)

// Bins is the length of a signature.
const Bins = 128

// shingleWords is the number of words in a shingle: long enough that shared
// shingles mean shared wording, short enough to survive light edits.
const shingleWords = 4

// Signature is a MinHash sketch of a text's shingles. The fraction of equal
// bins between two signatures estimates the Jaccard similarity of their
// shingle sets. Each bin keeps the low 16 bits of its minimum (b-bit
// MinHash): two different minima agree by chance once in 65,536, which
// moves the estimate by less than its sampling error, at half the memory.
type Signature [Bins]uint16

const emptyBin = ^uint32(0)

// Sketch builds the signature of a tokenized text, and reports how many
// shingles it had (zero for texts too short to sketch).
func Sketch(sentences []text.Sentence) (Signature, int) {
	words := make([]uint64, 0, 512)
	for _, s := range sentences {
		for _, t := range s.Tokens {
			if t.Kind == text.Word || t.Kind == text.Number {
				words = append(words, text.Hash(t.Lower))
			}
		}
	}
	var mins [Bins]uint32
	for i := range mins {
		mins[i] = emptyBin
	}
	n := 0
	for i := 0; i+shingleWords <= len(words); i++ {
		h := uint64(0)
		for _, w := range words[i : i+shingleWords] {
			h = mix(h ^ w)
		}
		bin, value := h>>57, uint32(h)
		if value < mins[bin] {
			mins[bin] = value
		}
		n++
	}
	var sig Signature
	if n == 0 {
		return sig, 0
	}
	densify(&mins)
	for i, m := range mins {
		sig[i] = uint16(m)
	}
	return sig, n
}

// densify fills each empty bin from the next filled one, rehashed by the
// distance, so that short texts still compare fairly (Shrivastava, 2017).
func densify(sig *[Bins]uint32) {
	orig := *sig
	for i := range sig {
		if orig[i] != emptyBin {
			continue
		}
		for d := 1; d < Bins; d++ {
			if v := orig[(i+d)%Bins]; v != emptyBin {
				sig[i] = uint32(mix(uint64(v) + uint64(d)*0x9E3779B97F4A7C15))
				break
			}
		}
	}
}

// Similarity estimates the Jaccard similarity of the texts behind a and b.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Bins
}

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
