package graph

import "slices"

// Components returns the connected components of g, largest first (ties:
// the one holding the smallest node id first), each as ascending node ids.
// An author without co-authors is a component of one.
func Components(g *Graph) [][]int32 {
	n := g.N()
	seen := make([]bool, n)
	var comps [][]int32
	var queue []int32
	for s := 0; s < n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			nb, _ := g.Neighbors(queue[i])
			for _, u := range nb {
				if !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		c := slices.Clone(queue)
		slices.Sort(c)
		comps = append(comps, c)
	}
	slices.SortStableFunc(comps, func(a, b []int32) int { return len(b) - len(a) })
	return comps
}
