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
