//go:build !(linux || darwin || freebsd)

package graph

// freeDisk returns -1: the free space is not known on this system.
func freeDisk(string) int64 { return -1 }
