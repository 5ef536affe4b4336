package input

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// sharedData holds the 20 real exports TestSharedExports reads: the
// project's shared data set, a folder beside the repository
// (../shared/data from its root), which a clone of the repository alone
// does not have.
var sharedData = filepath.Join("..", "..", "..", "shared", "data")

// sharedMissing says what is missing and how to get it.
func sharedMissing(err error) string {
	abs, _ := filepath.Abs(sharedData)
	return fmt.Sprintf("skipping the 20 real exports of TestSharedExports: %v; they are the project's shared data set, expected at %s (../shared/data beside the repository's root), which a clone of the repository does not include: put the data set there to run them", err, abs)
}

// TestMain says in one line, even without -v, when the real exports are
// skipped, so that a green run in a clone is not taken for one that read
// them.
func TestMain(m *testing.M) {
	if _, err := os.Stat(sharedData); err != nil {
		fmt.Fprintf(os.Stderr, "note: %s\n", sharedMissing(err))
	}
	os.Exit(m.Run())
}
