package eval

import "slices"

// bestMatching returns the largest total overlap of a one-to-one matching
// between gold and predicted clusters (the Hungarian algorithm on the
// contingency table), which clustering accuracy divides by the item count.
//
// The table is sparse: a gold story overlaps a few predicted ones. A pair
// that shares no item adds nothing to a matching, so the best matching is
// the union of the best matchings of the table's connected parts, each
// solved alone. One square table over all stories would cost O(n³) time
// and O(n²) memory: minutes and gigabytes for a set of ten thousand
// stories.
func bestMatching(joint map[[2]int]int, gk, pk int) int {
	parts := newUnion(gk + pk) // gold stories, then predicted ones
	for cell := range joint {
		parts.join(cell[0], gk+cell[1])
	}
	byPart := map[int][][2]int{}
	for cell := range joint {
		root := parts.find(cell[0])
		byPart[root] = append(byPart[root], cell)
	}
	total := 0
	for _, cells := range byPart {
		total += matchPart(joint, cells)
	}
	return total
}

// matchPart solves one connected part of the contingency table.
func matchPart(joint map[[2]int]int, cells [][2]int) int {
	if len(cells) == 1 {
		return joint[cells[0]]
	}
	rows, cols := numbered(cells, 0), numbered(cells, 1)
	size := max(len(rows), len(cols))
	most := 0
	for _, cell := range cells {
		most = max(most, joint[cell])
	}
	// Cost matrix: maximise overlap = minimise (most - overlap).
	cost := make([][]int, size)
	overlap := make([][]int, size)
	for i := range cost {
		cost[i], overlap[i] = make([]int, size), make([]int, size)
		for j := range cost[i] {
			cost[i][j] = most
		}
	}
	for _, cell := range cells {
		i, j := rows[cell[0]], cols[cell[1]]
		cost[i][j], overlap[i][j] = most-joint[cell], joint[cell]
	}
	total := 0
	for i, j := range hungarian(cost) {
		total += overlap[i][j]
	}
	return total
}

// numbered numbers the part's gold (side 0) or predicted (side 1) stories
// in the order of their IDs, so that ties break the same way on every run.
func numbered(cells [][2]int, side int) map[int]int {
	ids := make([]int, 0, len(cells))
	for _, cell := range cells {
		ids = append(ids, cell[side])
	}
	slices.Sort(ids)
	out := make(map[int]int, len(ids))
	for _, id := range slices.Compact(ids) {
		out[id] = len(out)
	}
	return out
}

// union is a union-find over 0..n-1.
type union []int

func newUnion(n int) union {
	u := make(union, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u union) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u union) join(a, b int) { u[u.find(a)] = u.find(b) }

// hungarian solves the square assignment problem in O(n³) and returns, for
// each row, its column.
func hungarian(cost [][]int) []int {
	n := len(cost)
	const inf = int(^uint(0) >> 2)
	u, v := make([]int, n+1), make([]int, n+1)
	p, way := make([]int, n+1), make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	assign := make([]int, n)
	for j := 1; j <= n; j++ {
		if p[j] > 0 {
			assign[p[j]-1] = j - 1
		}
	}
	return assign
}
