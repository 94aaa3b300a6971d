// Package eval scores corroborate against labelled data: story clustering
// (B-cubed, NMI, ARI, accuracy), summaries against human ones (ROUGE) and
// against the articles they cite (faithfulness), and loads the public
// evaluation sets into articles with gold labels and reference summaries.
package eval

import (
	"math"
)

// Scores compares a predicted clustering with gold labels.
type Scores struct {
	Items          int
	GoldStories    int
	Stories        int
	BCubedP        float64
	BCubedR        float64
	BCubedF1       float64
	NMI            float64
	ARI            float64
	Accuracy       float64 // best one-to-one matching of stories to gold labels
	SingletonShare float64 // share of predicted stories with one item
}

// Score compares predicted labels with gold labels, item by item.
func Score(gold, pred []string) Scores {
	n := len(gold)
	s := Scores{Items: n}
	if n == 0 {
		return s
	}
	g, gk := index(gold)
	p, pk := index(pred)
	s.GoldStories, s.Stories = gk, pk
	joint := make(map[[2]int]int)
	gSize, pSize := make([]int, gk), make([]int, pk)
	for i := range gold {
		joint[[2]int{g[i], p[i]}]++
		gSize[g[i]]++
		pSize[p[i]]++
	}
	// B-cubed: per item, the share of its predicted story that shares its
	// gold label (precision) and of its gold story that shares its
	// prediction (recall).
	for cell, c := range joint {
		s.BCubedP += float64(c) * float64(c) / float64(pSize[cell[1]])
		s.BCubedR += float64(c) * float64(c) / float64(gSize[cell[0]])
	}
	s.BCubedP /= float64(n)
	s.BCubedR /= float64(n)
	s.BCubedF1 = harmonic(s.BCubedP, s.BCubedR)
	s.NMI = nmi(joint, gSize, pSize, n)
	s.ARI = ari(joint, gSize, pSize, n)
	s.Accuracy = float64(bestMatching(joint, gk, pk)) / float64(n)
	singles := 0
	for _, size := range pSize {
		if size == 1 {
			singles++
		}
	}
	s.SingletonShare = float64(singles) / float64(pk)
	return s
}

func index(labels []string) ([]int, int) {
	ids := map[string]int{}
	out := make([]int, len(labels))
	for i, l := range labels {
		id, ok := ids[l]
		if !ok {
			id = len(ids)
			ids[l] = id
		}
		out[i] = id
	}
	return out, len(ids)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// nmi is normalised mutual information with the arithmetic mean of the
// entropies, as scikit-learn computes it by default.
func nmi(joint map[[2]int]int, gSize, pSize []int, n int) float64 {
	N := float64(n)
	var mi float64
	for cell, c := range joint {
		pxy := float64(c) / N
		mi += pxy * math.Log(pxy/(float64(gSize[cell[0]])/N*float64(pSize[cell[1]])/N))
	}
	hg, hp := entropy(gSize, N), entropy(pSize, N)
	if hg+hp == 0 {
		return 1
	}
	return mi / ((hg + hp) / 2)
}

func entropy(sizes []int, n float64) float64 {
	var h float64
	for _, s := range sizes {
		if s > 0 {
			p := float64(s) / n
			h -= p * math.Log(p)
		}
	}
	return h
}

func ari(joint map[[2]int]int, gSize, pSize []int, n int) float64 {
	comb := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var index, a, b float64
	for _, c := range joint {
		index += comb(c)
	}
	for _, s := range gSize {
		a += comb(s)
	}
	for _, s := range pSize {
		b += comb(s)
	}
	expected := a * b / comb(n)
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}
