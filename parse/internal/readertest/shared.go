package readertest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedData returns the path of rel (such as "wos/x.txt") in the
// project's shared data set, ../shared/data beside the repository's root
// (looked for in each directory above the test's, so that a git worktree
// beside the repository finds it too), and skips the test with a clear
// message when it is absent: a clone of the repository alone has no
// shared data.
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("skipping: the shared data set (../shared/data beside the repository) cannot be looked for: %v", err)
	}
	for {
		path := filepath.Join(dir, "shared", "data", rel)
		if _, err := os.Stat(path); err == nil {
			return path
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skipf("skipping: %s is not in the shared data set, expected at ../shared/data beside the repository's root (a clone of the repository does not include it)", rel)
		}
		dir = up
	}
}
