// Package group lists items by key with a counting sort.
package group

// ByKey groups the items 0..len(key)-1 by key[i] in [0, k): the items of
// key c are members[off[c]:off[c+1]], ascending. It is a counting sort,
// O(len(key) + k).
func ByKey(key []int32, k int) (off []int, members []int32) {
	off = make([]int, k+1)
	for _, c := range key {
		off[c+1]++
	}
	for c := 0; c < k; c++ {
		off[c+1] += off[c]
	}
	members = make([]int32, len(key))
	next := make([]int, k)
	copy(next, off[:k])
	for i, c := range key {
		members[next[c]] = int32(i)
		next[c]++
	}
	return off, members
}
