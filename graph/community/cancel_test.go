package community

import (
	"context"
	"errors"
	"testing"

	"coauthor/graph/internal/parallel"
	"coauthor/graph/internal/testnet"
)

// Find returns the context's error, and no partition, once it has ended;
// mid-run, the optimizer's loops stop at their next look (every 256
// nodes).
func TestFindCanceled(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, method := range []string{"leiden", "louvain"} {
		if labels, err := Find(ctx, g, method, Options{Starts: 4}); !errors.Is(err, context.Canceled) || labels != nil {
			t.Errorf("%s: %v, %d labels", method, err, len(labels))
		}
	}
	// The optimizer itself stops: a pass over a canceled context moves
	// no node.
	o := &optimizer{gamma: 1, leiden: true, iterations: 2, ctx: ctx, rand: parallel.NewRand(1)}
	base := newWorkGraph(g)
	o.init(base)
	part := identityLabels(g.N())
	if o.moveNodes(base, part) {
		t.Error("moveNodes moved nodes after the context ended")
	}
}
