// Package shared finds the project's shared data set: the real exports
// and classic networks kept at ../shared/data beside the repository's root
// (SOURCES.md there says where each came from), which a clone of the
// repository does not include. Tests that read it skip with a clear
// message when it is absent; core tests use fixtures inside the repository.
package shared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names the folder of the shared data set when it is not at
// ../shared/data beside the repository (a git worktree elsewhere, CI).
const EnvVar = "COAUTHOR_SHARED_DATA"

// Dir returns the folder of the shared data set: $COAUTHOR_SHARED_DATA
// when set, else shared/data in the working directory or the nearest
// folder above it that has one.
func Dir() (string, error) {
	if dir := os.Getenv(EnvVar); dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return "", fmt.Errorf("$%s is %s, which is not a folder", EnvVar, dir)
		}
		return dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		path := filepath.Join(dir, "shared", "data")
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return path, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no shared/data folder in the working directory or above it, and $" + EnvVar + " is not set")
		}
		dir = up
	}
}

// File returns the path of rel (such as "wos/x.txt", or a folder) in
// the shared data set, and skips the test with a message saying where the
// set is expected when it, or rel in it, is absent.
func File(t testing.TB, rel string) string {
	t.Helper()
	dir, err := Dir()
	if err != nil {
		t.Skipf("skipping: the shared data set is absent (%v); it is expected at ../shared/data beside the repository's root (a clone does not include it) or in $%s", err, EnvVar)
	}
	path := filepath.Join(dir, rel)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipping: %s is not in the shared data set at %s (%v)", rel, dir, err)
	}
	return path
}
