package render

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeGraphviz writes an executable shell script named name into dir.
func fakeGraphviz(t *testing.T, dir, name, script string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake Graphviz is a shell script")
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestGraphvizCommand: native Graphviz on the PATH first, then the
// helper (beside the executable, which is the test binary here, then on
// the PATH), then an error saying how to get one.
func TestGraphvizCommand(t *testing.T) {
	both, helperOnly, none := t.TempDir(), t.TempDir(), t.TempDir()
	fakeGraphviz(t, both, "neato", "exit 0\n")
	fakeGraphviz(t, both, Helper, "exit 0\n")
	fakeGraphviz(t, helperOnly, Helper, "exit 0\n")
	for _, tc := range []struct {
		path, engine, want string
		args               []string
	}{
		{both, "neato", filepath.Join(both, "neato"), []string{"-Tdot"}},
		{both, "circo", filepath.Join(both, Helper), []string{"circo"}},
		{helperOnly, "neato", filepath.Join(helperOnly, Helper), []string{"neato"}},
	} {
		t.Setenv("PATH", tc.path)
		path, args, err := graphvizCommand(tc.engine)
		if err != nil || path != tc.want || strings.Join(args, " ") != strings.Join(tc.args, " ") {
			t.Errorf("PATH=%s %s: %s %q, %v; want %s %q", tc.path, tc.engine, path, args, err, tc.want, tc.args)
		}
	}
	t.Setenv("PATH", none)
	_, _, err := graphvizCommand("sfdp")
	if !errors.Is(err, ErrNoGraphviz) {
		t.Fatalf("no Graphviz: error %v, want ErrNoGraphviz", err)
	}
	for _, want := range []string{"layout sfdp", "go install ./cmd/...", "apt-get install graphviz"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// slowGraphviz puts on a new PATH a fake neato that starts a child
// (sleep 30), writes its own pid and the child's into dir/pids, and
// waits.
func slowGraphviz(t *testing.T) (dir string) {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep program:", err)
	}
	dir = t.TempDir()
	fakeGraphviz(t, dir, "neato", sleep+" 30 &\necho $$ $! >"+dir+"/pids\nwait\n")
	t.Setenv("PATH", dir)
	return dir
}

// started reports whether the fake Graphviz has written its pids.
func started(dir string) bool {
	data, _ := os.ReadFile(filepath.Join(dir, "pids"))
	return len(strings.Fields(string(data))) == 2
}

// alive reports whether process pid exists and is not a zombie.
func alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// pid (comm) state ...: comm may hold spaces and parentheses.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// checkKilled waits up to 5 s for the fake's processes to be gone.
func checkKilled(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, "pids"))
	if err != nil {
		t.Fatalf("the fake Graphviz did not start: %v", err)
	}
	pids := strings.Fields(string(data))
	if len(pids) != 2 {
		t.Fatalf("pids %q, want the script's and its child's", pids)
	}
	start := time.Now()
	for _, p := range pids {
		pid, _ := strconv.Atoi(p)
		for alive(pid) && time.Since(start) < 5*time.Second {
			time.Sleep(10 * time.Millisecond)
		}
		if alive(pid) {
			t.Errorf("process %d still runs %v after the layout returned", pid, time.Since(start))
		}
	}
	t.Logf("processes %v gone %v after the layout returned", pids, time.Since(start))
}

func TestLayoutTimeout(t *testing.T) {
	dir := slowGraphviz(t)
	r := &Renderer{LayoutTimeout: time.Second}
	opt := smallOptions()
	opt.Layout = "neato"
	start := time.Now()
	err := r.Draw(context.Background(), new(bytes.Buffer), small(), opt, "svg")
	t.Logf("the layout returned after %v: %v", time.Since(start), err)
	if !errors.Is(err, ErrLayoutTimeout) {
		t.Fatalf("error %v, want ErrLayoutTimeout", err)
	}
	for _, want := range []string{"layout neato of 7 nodes", "time limit of 1s", "stopped"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	checkKilled(t, dir)
}

func TestLayoutCancel(t *testing.T) {
	dir := slowGraphviz(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for !started(dir) {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	opt := smallOptions()
	opt.Layout = "neato"
	var r Renderer
	start := time.Now()
	err := r.Draw(ctx, new(bytes.Buffer), small(), opt, "svg")
	t.Logf("the layout returned %v after the start: %v", time.Since(start), err)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	checkKilled(t, dir)
}

func TestLayoutFails(t *testing.T) {
	dir := t.TempDir()
	fakeGraphviz(t, dir, "neato", "echo 'Warning: node n0 size too small for label' >&2\necho 'Error: <stdin>: syntax error in line 1' >&2\necho 'Warning: more' >&2\nexit 1\n")
	t.Setenv("PATH", dir)
	opt := smallOptions()
	opt.Layout = "neato"
	var r Renderer
	err := r.Draw(context.Background(), new(bytes.Buffer), small(), opt, "svg")
	if err == nil || !strings.Contains(err.Error(), "layout neato") || !strings.HasSuffix(err.Error(), ": Error: <stdin>: syntax error in line 1") {
		t.Errorf("error %v, want one naming the layout and Graphviz's message", err)
	}
	r.LayoutTimeout = -time.Second
	if err := r.Draw(context.Background(), new(bytes.Buffer), small(), opt, "svg"); err == nil || !strings.Contains(err.Error(), "negative") {
		t.Errorf("negative time limit: error %v", err)
	}
}
