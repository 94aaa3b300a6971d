package eval

import (
	"strings"

	"github.com/corroborate/corroborate/internal/text"
	"github.com/kljensen/snowball/english"
)

// ROUGE is the overlap of a summary with a reference summary (Lin, 2004):
// F1 of unigrams (R1), bigrams (R2), the longest common subsequence of the
// two texts taken whole (RL, as PRIMERA reports it) and the summary-level
// one (RLsum), each between 0 and 1.
//
// The variant follows Google's rouge-score package, which most recent papers
// report: text is lower-cased, every run of characters other than a–z and
// 0–9 separates tokens, tokens longer than three letters are stemmed
// (Snowball English, "Porter2", where rouge-score uses NLTK's Porter), stop
// words are kept, and n-gram matches are clipped by their count in the
// reference. Summary-level ROUGE-L takes, for each reference sentence, the
// union of its longest common subsequences with every summary sentence,
// clipped so that no token matches more often than it occurs.
type ROUGE struct {
	R1, R2, RL, RLsum float64
}

// Rouge scores a summary, given as its sentences, against a reference
// text, which is split into sentences here.
func Rouge(summary []string, reference string) ROUGE {
	var refSents [][]string
	for _, para := range text.Paragraphs(strings.ReplaceAll(reference, "\n", "\n\n")) {
		for _, s := range text.SplitSentences(para) {
			if toks := rougeTokens(s); len(toks) > 0 {
				refSents = append(refSents, toks)
			}
		}
	}
	var sumSents [][]string
	for _, s := range summary {
		if toks := rougeTokens(s); len(toks) > 0 {
			sumSents = append(sumSents, toks)
		}
	}
	sum, ref := concat(sumSents), concat(refSents)
	return ROUGE{
		R1:    ngramF1(sum, ref, 1),
		R2:    ngramF1(sum, ref, 2),
		RL:    f1(len(lcsPositions(sum, ref)), len(sum), len(ref)),
		RLsum: lcsSumF1(sumSents, refSents),
	}
}

// rougeTokens lower-cases, splits on anything but ASCII letters and digits,
// and stems tokens longer than three characters.
func rougeTokens(s string) []string {
	s = strings.ToLower(s)
	fields := strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	for i, f := range fields {
		if len(f) > 3 {
			fields[i] = english.Stem(f, false)
		}
	}
	return fields
}

func concat(sents [][]string) []string {
	var out []string
	for _, s := range sents {
		out = append(out, s...)
	}
	return out
}

// ngramF1 is the clipped n-gram overlap F1 of two token sequences.
func ngramF1(sum, ref []string, n int) float64 {
	s, sTotal := ngrams(sum, n)
	r, rTotal := ngrams(ref, n)
	hits := 0
	for g, c := range s {
		hits += min(c, r[g])
	}
	return f1(hits, sTotal, rTotal)
}

// ngrams counts the n-grams of a token sequence, and returns their total.
func ngrams(toks []string, n int) (map[string]int, int) {
	m := map[string]int{}
	total := 0
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
		total++
	}
	return m, total
}

// f1 is the harmonic mean of precision hits/predicted and recall hits/gold.
func f1(hits, predicted, gold int) float64 {
	if hits == 0 || predicted == 0 || gold == 0 {
		return 0
	}
	return harmonic(float64(hits)/float64(predicted), float64(hits)/float64(gold))
}

// lcsSumF1 is summary-level ROUGE-L: for each reference sentence, the union
// of the tokens it shares in a longest common subsequence with any summary
// sentence, each token hit clipped by what is left of it in both texts.
func lcsSumF1(sum, ref [][]string) float64 {
	sumLeft, sTotal := ngrams(concat(sum), 1)
	refLeft, rTotal := ngrams(concat(ref), 1)
	hits := 0
	for _, r := range ref {
		union := make([]bool, len(r))
		for _, s := range sum {
			for _, i := range lcsPositions(r, s) {
				union[i] = true
			}
		}
		for i, in := range union {
			if in && sumLeft[r[i]] > 0 && refLeft[r[i]] > 0 {
				hits++
				sumLeft[r[i]]--
				refLeft[r[i]]--
			}
		}
	}
	return f1(hits, sTotal, rTotal)
}

// lcsPositions returns the positions in a of one longest common subsequence
// of a and b.
func lcsPositions(a, b []string) []int {
	rows, cols := len(a)+1, len(b)+1
	table := make([]int, rows*cols)
	for i := 1; i < rows; i++ {
		for j := 1; j < cols; j++ {
			switch {
			case a[i-1] == b[j-1]:
				table[i*cols+j] = table[(i-1)*cols+j-1] + 1
			case table[(i-1)*cols+j] >= table[i*cols+j-1]:
				table[i*cols+j] = table[(i-1)*cols+j]
			default:
				table[i*cols+j] = table[i*cols+j-1]
			}
		}
	}
	var out []int
	for i, j := len(a), len(b); i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			out = append(out, i-1)
			i--
			j--
		case table[(i-1)*cols+j] >= table[i*cols+j-1]:
			i--
		default:
			j--
		}
	}
	return out
}
