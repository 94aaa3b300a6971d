package eval

// bestMatching returns the largest total overlap of a one-to-one matching
// between gold and predicted clusters (the Hungarian algorithm on the
// contingency table), which clustering accuracy divides by the item count.
func bestMatching(joint map[[2]int]int, gk, pk int) int {
	size := max(gk, pk)
	// Cost matrix: maximise overlap = minimise (max - overlap).
	most := 0
	for _, c := range joint {
		most = max(most, c)
	}
	cost := make([][]int, size)
	for i := range cost {
		cost[i] = make([]int, size)
		for j := range cost[i] {
			cost[i][j] = most
		}
	}
	for cell, c := range joint {
		cost[cell[0]][cell[1]] = most - c
	}
	assign := hungarian(cost)
	total := 0
	for i, j := range assign {
		total += joint[[2]int{i, j}]
	}
	return total
}

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
