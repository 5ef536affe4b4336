package shared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDir(t *testing.T) {
	tmp := t.TempDir()
	data := filepath.Join(tmp, "shared", "data")
	if err := os.MkdirAll(filepath.Join(data, "wos"), 0o755); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(tmp, "repo", "parse", "wos")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(deep)
	t.Setenv(EnvVar, "")
	if got, err := Dir(); err != nil || got != data {
		t.Errorf("Dir() from %s = %q, %v; want %q (two folders up)", deep, got, err, data)
	}
	if got := File(t, "wos"); got != filepath.Join(data, "wos") {
		t.Errorf("File(wos) = %q", got)
	}
	t.Setenv(EnvVar, filepath.Join(tmp, "nowhere"))
	if _, err := Dir(); err == nil {
		t.Error("Dir() with $COAUTHOR_SHARED_DATA naming no folder: no error")
	}
	t.Setenv(EnvVar, data)
	if got, err := Dir(); err != nil || got != data {
		t.Errorf("Dir() with $%s = %q, %v", EnvVar, got, err)
	}
}
