package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// -o that is an input is refused (exit 2) and the input kept, whether
// named as is, through a link, or as one of a two-file format's files.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	orig, _ := os.ReadFile("testdata/karate.txt")
	in := filepath.Join(dir, "same.graphml")
	os.WriteFile(in, orig, 0o644)
	csvDir := filepath.Join(dir, "net")
	os.Mkdir(csvDir, 0o755)
	nodes := filepath.Join(csvDir, "nodes.csv")
	os.WriteFile(nodes, orig, 0o644)
	os.Symlink(in, filepath.Join(dir, "alias.graphml"))
	for _, args := range [][]string{
		{"export", "-format", "edgelist", "-o", in, in},
		{"export", "-format", "edgelist", "-o", filepath.Join(dir, "alias.graphml"), in},
		{"export", "-format", "edgelist", "-to", "csv", "-o", csvDir, nodes},
		{"render", "-format", "edgelist", "-to", "dot", "-o", in, in},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, "is the input") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and \"is the input\"", args, code, errOut)
		}
	}
	for _, p := range []string{in, nodes} {
		if b, _ := os.ReadFile(p); string(b) != string(orig) {
			t.Errorf("%s was overwritten", p)
		}
	}
}

// -o is checked before the work: a missing directory, a two-file format
// given a file name, a one-file format given a directory.
func TestOutputCheckedFirst(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-o", filepath.Join(dir, "missing/dir/x.graphml")}, "no directory"},
		{[]string{"render", "-o", filepath.Join(dir, "missing/x.svg")}, "no directory"},
		{[]string{"gen", "-papers", "10", "-o", filepath.Join(dir, "missing/x.xml")}, "no directory"},
		{[]string{"export", "-to", "vosviewer", "-o", filepath.Join(dir, "x.txt")}, "directory path without an extension"},
		{[]string{"export", "-to", "csv", "-o", filepath.Join(dir, "net.csv")}, "directory path without an extension"},
		{[]string{"export", "-o", filepath.Join(dir, "net.csv")}, "two files into a directory"},
		{[]string{"export", "-to", "graphml", "-o", dir}, "is a directory"},
	} {
		start := time.Now()
		// A missing input file shows the check comes before any reading.
		args := append(tt.args, filepath.Join(dir, "no-such-input.bib"))
		if tt.args[0] == "gen" {
			args = tt.args
		}
		_, errOut, code := runCLI(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
		// Refused before any work: the missing input was never opened.
		if strings.Contains(errOut, "no-such-input") {
			t.Errorf("%v: the input was read before the output was checked: %q", tt.args, errOut)
		}
		t.Logf("%v: refused after %v", tt.args, time.Since(start))
	}
	if _, err := os.Stat(filepath.Join(dir, "x.txt")); err == nil {
		t.Error("a directory x.txt was made")
	}
	// A device is written to, not replaced: one made in a temporary
	// directory, never the system's /dev/null, which a regression would
	// destroy.
	null := filepath.Join(dir, "null")
	if err := mknodNull(null); err != nil {
		t.Logf("no device node test: %v", err)
	} else if _, errOut, code := runCLI(t, "", "export", "-o", null, "-to", "json", "-measures", "degree"); code != 0 {
		t.Errorf("export -o a device: exit %d: %s", code, errOut)
	} else if fi, _ := os.Lstat(null); fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced by a %v", fi.Mode())
	}
}

// buildCLI builds the command into a temporary directory.
func buildCLI(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command; not with -short")
	}
	bin := filepath.Join(t.TempDir(), "coauthor")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// -o /dev/stdout writes to standard output whatever it is: here a file
// opened for appending, which must keep what it held. The test names it
// /proc/self/fd/1, the same file (/dev/stdout links there), so that a
// regression cannot replace the system's /dev/stdout.
func TestOutputDevStdout(t *testing.T) {
	bin := buildCLI(t)
	log := filepath.Join(t.TempDir(), "log.txt")
	os.WriteFile(log, []byte("kept\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "export", "-o", "/proc/self/fd/1", "-to", "json", "-measures", "degree")
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = f, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	f.Close()
	b, _ := os.ReadFile(log)
	if !strings.HasPrefix(string(b), "kept\n{") || !strings.Contains(string(b), `"links"`) {
		t.Errorf("log.txt holds %.100q", b)
	}
}

// SIGINT and SIGTERM stop a long command within a second with exit 130,
// leaving no output file, whole or partial.
func TestSignalStops(t *testing.T) {
	bin := buildCLI(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "g.xml")
	if out, err := exec.Command(bin, "gen", "-papers", "30000", "-o", corpus).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		args []string
	}{
		{syscall.SIGINT, []string{"stats", corpus}},
		{syscall.SIGTERM, []string{"export", "-samples", "30000", "-o", filepath.Join(dir, "out.graphml"), corpus}},
		{syscall.SIGINT, []string{"clusters", "-starts", "1000", corpus}},
		{syscall.SIGTERM, []string{"render", "-o", filepath.Join(dir, "out.svg"), corpus}},
	} {
		// Signal once the graph is built, in the middle of the work.
		cmd := exec.Command(bin, append(tt.args, "--progress")...)
		pipe, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		built, read := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(read)
			sc := bufio.NewScanner(pipe)
			for sc.Scan() {
				stderr.WriteString(sc.Text() + "\n")
				if strings.Contains(sc.Text(), "building the graph: ") && strings.Contains(sc.Text(), " done in ") {
					close(built)
				}
			}
		}()
		select {
		case <-built:
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			t.Fatalf("%v: the graph was not built within a minute", tt.args)
		}
		time.Sleep(200 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(tt.sig)
		done := make(chan error, 1)
		go func() { <-read; done <- cmd.Wait() }() // Wait after the last read
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v: still running 5 s after %v", tt.args, tt.sig)
		}
		took := time.Since(sent)
		if code := cmd.ProcessState.ExitCode(); code != exitSignal {
			t.Errorf("%v: exit %d after %v, want %d; stderr:\n%s", tt.args, code, tt.sig, exitSignal, stderr.String())
		}
		// Stopping within a second is measured, not asserted (no timed
		// assertions: CI machines are shared); the 5 s bound above only
		// keeps a command that ignores the signal from hanging the test.
		t.Logf("%v: stopped %v after %v", tt.args, took, tt.sig)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "g.xml" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// Names from the input cannot run as formulas in rank's CSV nor drive the
// terminal from a table; rank's JSON and CSV carry each author's source id.
func TestNamesIntoOutputs(t *testing.T) {
	out, errOut, code := runCLI(t, "", "rank", "--csv", "testdata/awkward-names.xml")
	if code != 0 || !strings.Contains(out, `"'=HYPERLINK(""http://x"",""y"")"`) || !strings.Contains(out, "rank,name,source_id,") ||
		!strings.Contains(out, "dblp:Wei Wang 0002") {
		t.Errorf("rank --csv: exit %d, stderr %q:\n%s", code, errOut, out)
	}
	out, _, _ = runCLI(t, "", "rank", "--json", "--top", "1", "testdata/awkward-names.xml")
	if !strings.Contains(out, `"source_id": "dblp:Wei Wang 0001"`) {
		t.Errorf("rank --json has no source_id:\n%s", out)
	}
	for _, args := range [][]string{{"rank"}, {"clusters"}} {
		out, _, code = runCLI(t, "\x1b]0;owned\x07Eve\x1b[2J Bob\nBob Carol\n", append(args, "--format", "edgelist", "-")...)
		if code != 0 || strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%v sent control characters to the terminal (exit %d): %q", args, code, out)
		}
	}
}

// Bad weights in a graph file are refused with the file and line, not
// turned into a modularity of 2.
func TestGraphFileWeights(t *testing.T) {
	for _, w := range []string{"NaN", "-1", "Inf"} {
		_, errOut, code := runCLI(t, "a b 1\nb c "+w+"\n", "clusters", "--format", "edgelist", "-")
		if code != exitInput || !strings.Contains(errOut, ":2: ") || !strings.Contains(errOut, "edge weight must be") {
			t.Errorf("weight %s: exit %d, stderr %q", w, code, errOut)
		}
	}
}

// Estimated measures say so: a note on stderr, and their standard errors
// beside them in rank's JSON and CSV and in exports.
func TestEstimatesReported(t *testing.T) {
	out, errOut, code := runCLI(t, "", "rank", "--json", "--samples", "10", "--measures", "betweenness,closeness,degree", "testdata/karate.txt")
	if code != 0 || !strings.Contains(out, `"betweenness_stderr": `) || !strings.Contains(out, `"closeness_stderr": `) ||
		strings.Contains(out, "degree_stderr") || !strings.Contains(errOut, "betweenness estimated from 10 of 34 source authors") {
		t.Errorf("rank --json --samples: exit %d, stderr %q:\n%.400s", code, errOut, out)
	}
	out, _, _ = runCLI(t, "", "export", "-o", "-", "-to", "json", "--samples", "10", "--measures", "betweenness", "testdata/karate.txt")
	if !strings.Contains(out, `"betweenness_stderr": `) {
		t.Errorf("export has no standard errors:\n%.400s", out)
	}
	out, _, _ = runCLI(t, "", "rank", "--json", "--measures", "betweenness", "testdata/karate.txt")
	if strings.Contains(out, "_stderr") {
		t.Errorf("exact figures carry standard errors:\n%.400s", out)
	}
}
