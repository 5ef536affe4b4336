package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		in     string
		code   int
		stdout string
		stderr string
	}{
		{"no engine", nil, "", 2, "", "usage: coauthor-graphviz ENGINE"},
		{"unknown engine", []string{"spring"}, "", 2, "", "ENGINE is one of sfdp, neato"},
		{"two engines", []string{"neato", "sfdp"}, "", 2, "", "usage"},
		{"bad DOT", []string{"neato"}, "graph { a -- }", 1, "", "coauthor-graphviz neato: graphviz rejected the DOT"},
		{"neato", []string{"neato"}, `graph { a -- b; "c" }`, 0, "pos=", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tc.args, strings.NewReader(tc.in), &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
			}
		})
	}
}

// TestOnlyHelperLinksGraphviz: go-graphviz (and wazero, which runs its
// WebAssembly) is linked into this program only, so that coauthor and
// every library package start with no WebAssembly to compile.
func TestOnlyHelperLinksGraphviz(t *testing.T) {
	goTool := goTool(t)
	cmd := exec.Command(goTool, "list", "-f", `{{.ImportPath}}: {{join .Deps " "}}`, "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	linked := map[string]bool{}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for _, line := range lines {
		pkg, deps, _ := strings.Cut(line, ": ")
		linked[pkg] = strings.Contains(deps, "github.com/goccy/go-graphviz") || strings.Contains(deps, "github.com/tetratelabs/wazero")
	}
	if !linked["coauthor/cmd/coauthor-graphviz"] {
		t.Errorf("go list says coauthor/cmd/coauthor-graphviz does not link go-graphviz: the check is broken")
	}
	if _, ok := linked["coauthor/cmd/coauthor"]; !ok {
		t.Fatalf("go list did not list coauthor/cmd/coauthor")
	}
	for pkg, l := range linked {
		if l && pkg != "coauthor/cmd/coauthor-graphviz" {
			t.Errorf("%s links go-graphviz or wazero: every run of it would compile Graphviz's WebAssembly", pkg)
		}
	}
	t.Logf("%d packages, only the helper links go-graphviz", len(lines))
}

var (
	buildOnce sync.Once
	binRoot   string
	buildErr  error
)

// binaries builds coauthor and this helper once: bin holds both side by
// side, solo coauthor alone, helper the helper alone.
func binaries(t *testing.T) (bin, solo, helper string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the tests of the built programs run shell scripts and send signals")
	}
	goTool := goTool(t)
	buildOnce.Do(func() {
		binRoot, buildErr = os.MkdirTemp("", "coauthor-graphviz-test")
		if buildErr != nil {
			return
		}
		for _, b := range []struct{ out, pkg string }{
			{"bin/coauthor", "coauthor/cmd/coauthor"},
			{"bin/coauthor-graphviz", "coauthor/cmd/coauthor-graphviz"},
		} {
			out, err := exec.Command(goTool, "build", "-o", filepath.Join(binRoot, b.out), b.pkg).CombinedOutput()
			if err != nil {
				buildErr = errors.New("go build " + b.pkg + ": " + err.Error() + ": " + string(out))
				return
			}
		}
		for _, l := range []struct{ file, dir string }{{"coauthor", "solo"}, {"coauthor-graphviz", "helper"}} {
			if buildErr = os.MkdirAll(filepath.Join(binRoot, l.dir), 0o755); buildErr != nil {
				return
			}
			if buildErr = os.Link(filepath.Join(binRoot, "bin", l.file), filepath.Join(binRoot, l.dir, l.file)); buildErr != nil {
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return filepath.Join(binRoot, "bin"), filepath.Join(binRoot, "solo"), filepath.Join(binRoot, "helper")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binRoot != "" {
		os.RemoveAll(binRoot)
	}
	os.Exit(code)
}

func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with:", err)
	}
	return p
}

// coauthor runs the coauthor in dir with PATH set to path alone.
func coauthor(t *testing.T, dir, path string, args ...string) (stderr string, code int) {
	t.Helper()
	cmd := exec.Command(filepath.Join(dir, "coauthor"), args...)
	cmd.Env = append(os.Environ(), "PATH="+path)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return errb.String(), cmd.ProcessState.ExitCode()
}

type svgDoc struct {
	Groups []struct {
		Class  string `xml:"class,attr"`
		Circle []struct {
			X float64 `xml:"cx,attr"`
			Y float64 `xml:"cy,attr"`
		} `xml:"circle"`
	} `xml:"g>g"`
}

// centres reads the node centres of a picture.
func centres(t *testing.T, svg []byte) [][2]float64 {
	t.Helper()
	var doc svgDoc
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("SVG is not XML: %v", err)
	}
	var c [][2]float64
	for _, g := range doc.Groups {
		if g.Class == "node" && len(g.Circle) > 0 {
			c = append(c, [2]float64{g.Circle[0].X, g.Circle[0].Y})
		}
	}
	return c
}

// drawLayouts draws the twelve authors of the most papers in the
// built-in example with sfdp, neato and circo and checks the pictures:
// twelve nodes each, three layouts different from each other and from
// coauthor's own, and circo's nodes on one circle (the twelve are nearly
// a clique: one biconnected component).
func drawLayouts(t *testing.T, dir, path string) {
	t.Helper()
	out := t.TempDir()
	seen := map[string]string{}
	for _, layout := range []string{"force", "sfdp", "neato", "circo"} {
		file := filepath.Join(out, layout+".svg")
		start := time.Now()
		if stderr, code := coauthor(t, dir, path, "render", "--top", "12", "--layout", layout, "-o", file); code != 0 {
			t.Fatalf("render --layout %s: exit %d: %s", layout, code, stderr)
		}
		t.Logf("render --top 12 --layout %s: %v", layout, time.Since(start))
		svg, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c := centres(t, svg)
		if len(c) != 12 {
			t.Errorf("%s: %d nodes, want 12", layout, len(c))
		}
		key := string(svg[bytes.Index(svg, []byte(`<g class="node"`)):])
		if other, ok := seen[key]; ok {
			t.Errorf("%s draws the nodes where %s does", layout, other)
		}
		seen[key] = layout
		if layout != "circo" || len(c) == 0 {
			continue
		}
		var mid [2]float64
		for _, p := range c {
			mid[0] += p[0] / float64(len(c))
			mid[1] += p[1] / float64(len(c))
		}
		r0 := math.Hypot(c[0][0]-mid[0], c[0][1]-mid[1])
		for i, p := range c {
			if r := math.Hypot(p[0]-mid[0], p[1]-mid[1]); r < 50 || math.Abs(r-r0) > 0.01*r0 {
				t.Errorf("circo: node %d at %v is %.2f from the centre %v, node 0 %.2f: not on one circle", i, p, r, mid, r0)
			}
		}
	}
}

// TestHelperOnly: no native Graphviz, the helper on the PATH, and then
// beside coauthor with nothing on the PATH.
func TestHelperOnly(t *testing.T) {
	bin, solo, helper := binaries(t)
	t.Run("on the PATH", func(t *testing.T) { drawLayouts(t, solo, helper) })
	t.Run("beside coauthor", func(t *testing.T) { drawLayouts(t, bin, t.TempDir()) })
}

// TestNative: native Graphviz on the PATH and no helper.
func TestNative(t *testing.T) {
	_, solo, _ := binaries(t)
	var dirs []string
	for _, e := range []string{"sfdp", "neato", "circo"} {
		p, err := exec.LookPath(e)
		if err != nil {
			t.Skipf("no native Graphviz (%v): apt-get install graphviz to run this test", err)
		}
		dirs = append(dirs, filepath.Dir(p))
	}
	drawLayouts(t, solo, strings.Join(dirs, string(os.PathListSeparator)))
}

func TestNoGraphviz(t *testing.T) {
	_, solo, _ := binaries(t)
	file := filepath.Join(t.TempDir(), "out.svg")
	stderr, code := coauthor(t, solo, t.TempDir(), "render", "--layout", "sfdp", "-o", file)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"layout sfdp", "no Graphviz found", "go install ./cmd/...", "apt-get install graphviz", "--layout force"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message %q lacks %q", stderr, want)
		}
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", file, err)
	}
}

// slowNeato makes a directory holding a fake native neato that starts a
// child (sleep 30), writes both pids into dir/pids and waits.
func slowNeato(t *testing.T) string {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep program:", err)
	}
	dir := t.TempDir()
	script := "#!/bin/sh\n" + sleep + " 30 &\necho $$ $! >" + dir + "/pids\nwait\n"
	if err := os.WriteFile(filepath.Join(dir, "neato"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func neatoPids(dir string) []int {
	data, _ := os.ReadFile(filepath.Join(dir, "pids"))
	var pids []int
	for _, f := range strings.Fields(string(data)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// alive reports whether process pid exists and is not a zombie.
func alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// checkGone waits up to 5 s for the fake neato and its child to end.
func checkGone(t *testing.T, dir string) {
	t.Helper()
	pids := neatoPids(dir)
	if len(pids) != 2 {
		t.Fatalf("the fake neato did not start (pids %v)", pids)
	}
	if runtime.GOOS != "linux" {
		return
	}
	start := time.Now()
	for _, pid := range pids {
		for alive(pid) && time.Since(start) < 5*time.Second {
			time.Sleep(10 * time.Millisecond)
		}
		if alive(pid) {
			t.Errorf("process %d of the fake neato still runs %v after coauthor ended", pid, time.Since(start))
		}
	}
	t.Logf("the fake neato's processes %v ended within %v after coauthor", pids, time.Since(start))
}

func TestTimeLimit(t *testing.T) {
	_, solo, _ := binaries(t)
	neato := slowNeato(t)
	file := filepath.Join(t.TempDir(), "out.svg")
	start := time.Now()
	stderr, code := coauthor(t, solo, neato, "render", "--layout", "neato", "--layout-timeout", "2s", "-o", file)
	t.Logf("coauthor ended after %v: %s", time.Since(start), stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"layout neato of 86 nodes", "time limit of 2s", "--layout force", "--top N", "--layout-timeout"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message %q lacks %q", stderr, want)
		}
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", file, err)
	}
	checkGone(t, neato)
}

// TestSIGTERM: SIGTERM while Graphviz lays out ends coauthor with exit
// 130, no output file, and Graphviz killed with the process it started.
func TestSIGTERM(t *testing.T) {
	_, solo, _ := binaries(t)
	neato := slowNeato(t)
	file := filepath.Join(t.TempDir(), "out.svg")
	cmd := exec.Command(filepath.Join(solo, "coauthor"), "render", "--layout", "neato", "-o", file)
	cmd.Env = append(os.Environ(), "PATH="+neato)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); len(neatoPids(neato)) != 2; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 60*time.Second {
			cmd.Process.Kill()
			t.Fatalf("the fake neato did not start in 60 s: %s", stderr.String())
		}
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	took := time.Since(sent)
	t.Logf("coauthor ended %v after SIGTERM: %s", took, stderr.String())
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	if took > 5*time.Second {
		t.Errorf("coauthor took %v to end after SIGTERM, want about a second at most", took)
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", file, err)
	}
	checkGone(t, neato)
}

// children returns the pids of pid's child processes named name (Linux:
// from /proc; the kernel cuts a name to 15 bytes).
func children(pid int, name string) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var kids []int
	for _, path := range stats {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		s := string(data)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open {
			continue
		}
		f := strings.Fields(s[end+1:]) // state, ppid, ...
		if len(f) < 2 || f[1] != strconv.Itoa(pid) || s[open+1:end] != name[:min(len(name), 15)] {
			continue
		}
		if kid, err := strconv.Atoi(strings.TrimSpace(s[:open])); err == nil {
			kids = append(kids, kid)
		}
	}
	return kids
}

// TestSIGTERMHelper: SIGTERM while the helper lays out the built-in
// example with circo (over a minute: go-graphviz does not stop for a
// context) ends coauthor with exit 130 and kills the helper.
func TestSIGTERMHelper(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the helper's process in /proc")
	}
	_, solo, helper := binaries(t)
	file := filepath.Join(t.TempDir(), "out.svg")
	cmd := exec.Command(filepath.Join(solo, "coauthor"), "render", "--layout", "circo", "-o", file)
	cmd.Env = append(os.Environ(), "PATH="+helper)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var kids []int
	for start := time.Now(); len(kids) == 0; kids = children(cmd.Process.Pid, "coauthor-graphviz") {
		if time.Since(start) > 60*time.Second {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no coauthor-graphviz started in 60 s: %s", stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // into the layout
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	took := time.Since(sent)
	t.Logf("coauthor ended %v after SIGTERM: %s", took, stderr.String())
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	if took > 5*time.Second {
		t.Errorf("coauthor took %v to end after SIGTERM, want about a second at most", took)
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", file, err)
	}
	start := time.Now()
	for alive(kids[0]) && time.Since(start) < 5*time.Second {
		time.Sleep(10 * time.Millisecond)
	}
	if alive(kids[0]) {
		t.Errorf("coauthor-graphviz (pid %d) still runs %v after coauthor ended", kids[0], time.Since(start))
	}
	t.Logf("coauthor-graphviz (pid %d) ended within %v after coauthor", kids[0], time.Since(start))
}

// TestHelperSIGTERM: the helper itself ends on SIGTERM midway through a
// layout (Graphviz in WebAssembly does not stop for a context, so the
// helper must not catch the signal).
func TestHelperSIGTERM(t *testing.T) {
	bin, _, _ := binaries(t)
	dot, err := exec.Command(filepath.Join(bin, "coauthor"), "render", "--layout", "circo", "-to", "dot", "-o", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(bin, "coauthor-graphviz"), "circo")
	cmd.Stdin = bytes.NewReader(dot)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // into the layout, which takes over a minute
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatal("coauthor-graphviz still runs 5 s after SIGTERM")
	}
	t.Logf("coauthor-graphviz ended %v after SIGTERM: %v", time.Since(sent), err)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("coauthor-graphviz ended with %v, want killed by SIGTERM", err)
	}
}

func TestLayoutTimeoutFlag(t *testing.T) {
	_, solo, _ := binaries(t)
	for _, v := range []string{"0", "-1s"} {
		stderr, code := coauthor(t, solo, t.TempDir(), "render", "--layout", "sfdp", "--layout-timeout", v, "-o", filepath.Join(t.TempDir(), "out.svg"))
		if code != 2 || !strings.Contains(stderr, "-layout-timeout must be positive") {
			t.Errorf("--layout-timeout %s: exit %d, %q; want 2 and a usage message", v, code, stderr)
		}
	}
}

// running returns the live processes running the program at path
// (Linux: from /proc).
func running(path string) []int {
	exes, _ := filepath.Glob("/proc/[0-9]*/exe")
	var pids []int
	for _, exe := range exes {
		if target, err := os.Readlink(exe); err == nil && target == path {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(exe)))
			if alive(pid) {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

// TestTimeLimitHelper: circo on the built-in example takes the helper
// over a minute; a 1 s limit stops it with the message, and no helper
// runs on.
func TestTimeLimitHelper(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("looks for the helper's process in /proc")
	}
	_, solo, helper := binaries(t)
	file := filepath.Join(t.TempDir(), "out.svg")
	start := time.Now()
	stderr, code := coauthor(t, solo, helper, "render", "--layout", "circo", "--layout-timeout", "1s", "-o", file)
	t.Logf("coauthor ended after %v: %s", time.Since(start), stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"layout circo of 86 nodes", "time limit of 1s", "coauthor-graphviz", "--layout force", "--top N"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message %q lacks %q", stderr, want)
		}
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", file, err)
	}
	if pids := running(filepath.Join(helper, "coauthor-graphviz")); len(pids) > 0 {
		t.Errorf("coauthor-graphviz still runs (pids %v) after coauthor ended", pids)
	}
}
