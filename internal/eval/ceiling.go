package eval

import "strconv"

// Ceiling is the best a clusterer can score when some items cannot be
// told apart: items with the same key (the same text after cleaning) are
// one story to any method that reads only their text, whatever their gold
// labels say. Everything else is placed as gold has it, and each group of
// alike items that spans several labels goes where it costs least: a story
// of its own, or the story of one of its labels. Items the clusterer
// dropped (key "") stay stories of their own, as Score counts them.
//
// The groups are placed one after the other, each against the placement of
// those before it, so with groups that share labels this is the best of
// those choices rather than of every partition; groups that share no label
// are independent, and then it is exact.
func Ceiling(gold, keys []string, dropped []bool) Scores {
	pred := make([]string, len(gold))
	groups := map[string][]int{}
	var order []string
	for i, g := range gold {
		switch {
		case dropped[i]:
			pred[i] = "\x00dropped\x00" + strconv.Itoa(i)
		default:
			pred[i] = g
			if keys[i] == "" {
				continue
			}
			if _, ok := groups[keys[i]]; !ok {
				order = append(order, keys[i])
			}
			groups[keys[i]] = append(groups[keys[i]], i)
		}
	}
	for _, k := range order {
		members := groups[k]
		options := []string{"\x00alike\x00" + k}
		seen := map[string]bool{}
		for _, i := range members {
			if !seen[gold[i]] {
				seen[gold[i]] = true
				options = append(options, gold[i])
			}
		}
		if len(options) == 2 {
			continue // one label: gold already keeps the group together
		}
		best, bestF1 := "", -1.0
		for _, o := range options {
			for _, i := range members {
				pred[i] = o
			}
			if f1 := Score(gold, pred).BCubedF1; f1 > bestF1 {
				best, bestF1 = o, f1
			}
		}
		for _, i := range members {
			pred[i] = best
		}
	}
	return Score(gold, pred)
}
