package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// teamJSONL writes JSON Lines of papers, each by the given number of
// authors taken in turn from a pool of pool names, and returns the file.
func teamJSONL(t *testing.T, dir, name string, papers, authors, pool int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	next := 0
	for i := range papers {
		names := make([]string, authors)
		for j := range names {
			names[j] = fmt.Sprintf("Author%05d Surname%05d", next%pool, next%pool)
			next++
		}
		b, _ := json.Marshal(map[string]any{"title": fmt.Sprintf("A paper of a large team, number %d", i), "year": 2000 + i%20, "authors": names})
		w.Write(append(b, '\n'))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// SIGTERM during each long computation ends the command with exit 130,
// leaving no output file: the loops themselves look at the context (no
// goroutine is left running while the command returns). Each command is
// given an input on which the step would take 10 s or more, and is
// signalled once its progress line says it has been inside the step for
// a second. The stop latency is logged (the goal is under 1 s); the 5 s
// bound only keeps a command that ignores the signal from hanging the
// test, as timed assertions flake on shared machines.
func TestSignalStopsEachStep(t *testing.T) {
	bin := buildCLI(t)
	dir := t.TempDir()
	// 60,000 papers: 28,768 authors, 1.34 million edges. Closeness from
	// every author is 7.8·10^10 edge visits (about 2 minutes of one core
	// at 1.5 ns), betweenness sampled from 13,400 sources about as long,
	// Leiden's thousand starts and the layout of every author longer.
	corpus := filepath.Join(dir, "g.xml")
	if out, err := exec.Command(bin, "gen", "-papers", "60000", "-o", corpus).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	// A clique of 2,400 authors: counting its triangles exactly (9·10^9
	// steps, within graph.TriangleBudget) takes 15 s or more.
	clique := teamJSONL(t, dir, "clique.jsonl", 1, 2400, 2400)
	// 1,000 papers of the same 500 authors: 125 million pairs, spilled
	// to disk under -mem, merged into 124,750 edges.
	teams := teamJSONL(t, dir, "teams.jsonl", 1000, 500, 500)
	out := filepath.Join(dir, "out")
	for _, tt := range []struct {
		step string // the progress step to signal in
		args []string
	}{
		{"computing betweenness", []string{"rank", "--by", "betweenness", corpus}},
		{"computing closeness", []string{"rank", "--by", "closeness", corpus}},
		{"leiden", []string{"clusters", "--starts", "1000", corpus}},
		{"drawing", []string{"render", "--top", "0", "-o", out + ".svg", corpus}},
		{"triangles", []string{"stats", clique}},
		{"building the graph", []string{"export", "-mem", "64MB", "-o", out + ".graphml", teams}},
	} {
		t.Run(tt.step, func(t *testing.T) {
			cmd := exec.Command(bin, append(tt.args, "--progress")...)
			pipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			inside, read := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(read)
				sc := bufio.NewScanner(pipe)
				once := false
				for sc.Scan() {
					stderr.WriteString(sc.Text() + "\n")
					if !once && strings.HasPrefix(sc.Text(), "coauthor: "+tt.step+": running for") {
						once = true
						close(inside)
					}
				}
			}()
			done := make(chan error, 1)
			go func() { <-read; done <- cmd.Wait() }() // Wait after the last read
			select {
			case <-inside:
			case <-done:
				t.Fatalf("%v ended before a second in %q (exit %d); stderr:\n%s", tt.args, tt.step, cmd.ProcessState.ExitCode(), stderr.String())
			case <-time.After(3 * time.Minute):
				cmd.Process.Kill()
				<-done
				t.Fatalf("%v: not %q within 3 minutes; stderr:\n%s", tt.args, tt.step, stderr.String())
			}
			sent := time.Now()
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("%v: still running 5 s after SIGTERM in %q; stderr:\n%s", tt.args, tt.step, stderr.String())
			}
			took := time.Since(sent)
			if code := cmd.ProcessState.ExitCode(); code != exitSignal {
				t.Errorf("%v: exit %d after SIGTERM, want %d; stderr:\n%s", tt.args, code, exitSignal, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("%v: no word of the interruption; stderr:\n%s", tt.args, stderr.String())
			}
			t.Logf("%s: stopped %v after SIGTERM", tt.step, took.Round(time.Millisecond))
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); name != "g.xml" && name != "clique.jsonl" && name != "teams.jsonl" {
			t.Errorf("left behind: %s", name)
		}
	}
}
