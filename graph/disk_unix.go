//go:build linux || darwin || freebsd

package graph

import (
	"os"
	"syscall"
)

// freeDisk returns the bytes free to this user in the file system of dir
// (the system's temporary directory when ""), or -1 when unknown.
func freeDisk(dir string) int64 {
	if dir == "" {
		dir = os.TempDir()
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}
