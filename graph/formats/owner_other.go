//go:build !unix

package formats

import "os"

// chown does nothing where files have no Unix owner.
func chown(*os.File, os.FileInfo) {}

// links is 1 where the file system's link count is not at hand.
func links(os.FileInfo) uint64 { return 1 }
