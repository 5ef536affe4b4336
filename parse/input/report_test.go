package input

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A step that ends after the run is cancelled says it stopped; one that
// ends normally says it is done.
func TestReporterClosingLine(t *testing.T) {
	for _, c := range []struct {
		cancel bool
		want   string
	}{{false, ", done in "}, {true, ", stopped after "}} {
		ctx, cancel := context.WithCancel(context.Background())
		var buf bytes.Buffer
		r := &Reporter{W: &buf, Always: true, Ctx: ctx}
		step := r.Start("reading x.bib", 0, "records")
		step.Add(3, 10)
		if c.cancel {
			cancel()
		}
		step.Done()
		cancel()
		line := buf.String()
		if !strings.HasPrefix(line, "coauthor: reading x.bib: 3 records") || !strings.Contains(line, c.want) {
			t.Errorf("cancelled=%v: closing line %q, want it to contain %q", c.cancel, line, c.want)
		}
		if c.cancel && strings.Contains(line, "done in") {
			t.Errorf("cancelled step says done: %q", line)
		}
	}
}
