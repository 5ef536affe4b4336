//go:build unix

package formats

import (
	"os"
	"syscall"
)

// chown gives f the owner and group of old, where the system allows it;
// errors are ignored (only root may give a file to another user).
func chown(f *os.File, old os.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(st.Uid), int(st.Gid))
	}
}

// links is the number of hard links of the file old describes.
func links(old os.FileInfo) uint64 {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
