package layout

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/spatial/r2"

	"coauthor/graph"
)

// multilevelAbove is the number of nodes above which Layout coarsens the
// graph, lays out the coarsest and refines level by level (multilevel);
// up to it, the single-level ForceAtlas2 of Layout runs unchanged.
const multilevelAbove = 5000

// Multilevel sizes and step counts, fixed before the layout starts: the
// coarsening stops at coarsest nodes (or when a level shrinks by less than
// a fifth: many small components, each already one node); the coarsest
// level takes coarsestSteps steps (fewer when it is large, down to
// minSteps), each finer level levelWork units of work, a unit being a
// node or four adjacency entries (so levelWork/(n+entries/4) steps,
// between minSteps and maxSteps). A group holds at most maxGroup nodes
// of the finer level.
const (
	coarsest      = 300
	coarsestSteps = 300
	levelWork     = 2_000_000
	minSteps      = 15
	maxSteps      = 50
	maxGroup      = 6
	// Measured on ca-GrQc and a generated graph of 9,308 authors and
	// 169,570 edges (gen_coauthor.py 10000 30000), the share of nodes
	// whose nearest node is in their Leiden cluster: 0.62 with a jitter
	// of 0.005 to 0.01, 0.51 with 0.05, 0.31 with 0.1, 0.08 with 0.0001
	// (the children start nearly together, and fly apart); 0.89 on
	// ca-GrQc throughout. The temperature from 0.05 to 0.5 changed
	// little.
	prolongJitter     = 0.01
	refineTemperature = 0.2
	blockSize         = 1024 // nodes per parallel block; the stop flag is read once a block
	leafSize          = 8    // points per leaf of the Barnes–Hut tree
)

// mlLevel is one level of the hierarchy: a weighted graph in compressed
// sparse row form whose nodes are groups of the finer level's nodes.
type mlLevel struct {
	off     []int     // neighbours of v: adj[off[v]:off[v+1]]
	adj     []int32   // neighbour ids
	pull    []float64 // edge pull of each adjacency entry (√weight, summed over merged edges)
	mass    []float64 // degree+1 of the finest level, summed over merged nodes
	cluster []int32   // cluster of each node; nil without cluster pull
	parent  []int32   // node of the next coarser level each node is in; nil on the coarsest
}

func (l *mlLevel) n() int { return len(l.mass) }

// steps is the number of steps that work units buy on l: work over l's
// nodes plus a quarter of its adjacency entries.
func (l *mlLevel) steps(work int) int { return work / (l.n() + len(l.adj)/4) }

// mlRun counts the work of one multilevel layout, for tests: the force
// steps done and the parallel blocks of nodes done.
type mlRun struct {
	steps  atomic.Int64
	blocks atomic.Int64
	// afterStep, when set, is called after each step, with the number of
	// steps done so far.
	afterStep func(steps int64)
}

// multilevel returns positions of g's nodes (not yet scaled to the node
// sizes) by the multilevel scheme (Walshaw 2003; Hu 2005, as in
// Graphviz's sfdp): nodes are merged into groups along heavy edges
// (within a cluster when there is cluster pull) level by level down to a
// few hundred, the coarsest level is laid out with the force model of
// Layout, and each finer level starts with every node beside its group's
// position and is refined by a number of Barnes–Hut steps fixed by its
// size. The forces are Layout's: LinLog edge pull, repulsion in
// proportion to the product of masses (degree+1, summed over a group)
// over distance, gravity and cluster pull. Each step computes the forces
// on blocks of nodes in parallel, each node's from the previous step's
// positions only, so the result does not depend on the number of cores
// or their timing.
func multilevel(ctx context.Context, g *graph.Graph, opt Options, run *mlRun) ([]r2.Vec, error) {
	var stopped atomic.Bool
	stop := context.AfterFunc(ctx, func() { stopped.Store(true) })
	defer stop()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if run == nil {
		run = &mlRun{}
	}
	cluster := opt.Cluster
	strength := ClusterPull(Modularity(g, cluster))
	if strength == 0 {
		cluster = nil
	}
	levels := []*mlLevel{finest(g, cluster, strength)}
	within := cluster != nil
	for {
		l := levels[len(levels)-1]
		if l.n() <= coarsest {
			break
		}
		c := coarsen(l, within, &stopped)
		if c != nil && within && c.n() > l.n()*4/5 {
			// Each cluster is (nearly) one node: group clusters, without
			// their pull on the coarser levels.
			within = false
			c = coarsen(l, false, &stopped)
		}
		if c == nil || ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if c.n() > l.n()*4/5 {
			l.parent = nil
			break
		}
		levels = append(levels, c)
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x6d6c6179))
	top := levels[len(levels)-1]
	radius := math.Sqrt(float64(top.n())) * 10
	pos := make([]r2.Vec, top.n())
	for v := range pos {
		pos[v] = r2.Vec{X: (r.Float64()*2 - 1) * radius, Y: (r.Float64()*2 - 1) * radius}
	}
	// Each level's steps, fixed by its size before any is taken.
	levelSteps := func(i int) int {
		if i == len(levels)-1 {
			return max(minSteps, min(coarsestSteps, levels[i].steps(levelWork)))
		}
		if i == 0 && opt.Iterations > 0 {
			return opt.Iterations
		}
		return max(minSteps, min(maxSteps, levels[i].steps(levelWork)))
	}
	f := newForces(strength)
	if opt.Progress != nil {
		total := 0
		for i := range levels {
			total += levelSteps(i)
		}
		start := run.steps.Load()
		f.progress = func(done int64) { opt.Progress(int(done-start), total) }
	}
	steps := levelSteps(len(levels) - 1)
	if err := f.run(ctx, top, pos, steps, radius/10, &stopped, run); err != nil {
		return nil, ctx.Err()
	}
	for i := len(levels) - 2; i >= 0; i-- {
		l, coarse := levels[i], levels[i+1]
		// Each node starts at its group's position, moved by up to
		// prolongJitter times the coarse level's median edge length in a random
		// direction; the steps then move it by up to refineTemperature times
		// that length, falling to 0.
		span := edgeLength(coarse, pos)
		fine := make([]r2.Vec, l.n())
		for v, p := range l.parent {
			a := r.Float64() * 2 * math.Pi
			d := span * prolongJitter * r.Float64()
			fine[v] = r2.Vec{X: pos[p].X + d*math.Cos(a), Y: pos[p].Y + d*math.Sin(a)}
		}
		pos = fine
		if err := f.run(ctx, l, pos, levelSteps(i), span*refineTemperature, &stopped, run); err != nil {
			return nil, ctx.Err()
		}
	}
	return pos, nil
}

// finest is the level of g's own nodes.
func finest(g *graph.Graph, cluster []int32, strength float64) *mlLevel {
	n := g.N()
	off, adj, w := g.Adjacency()
	l := &mlLevel{off: off, adj: adj, pull: make([]float64, len(adj)), mass: make([]float64, n), cluster: cluster}
	for v := range n {
		l.mass[v] = float64(g.Degree(int32(v)) + 1)
		for i := off[v]; i < off[v+1]; i++ {
			l.pull[i] = math.Sqrt(w[i])
			if cluster != nil && cluster[v] != cluster[adj[i]] {
				l.pull[i] *= 1 - 0.75*strength
			}
		}
	}
	return l
}

// coarsen merges l's nodes into groups and returns the level of the
// groups, setting l.parent. Nodes are visited lightest first (ties by id);
// an ungrouped node joins the neighbour (in its cluster, when within) it pulls
// hardest per unit of the neighbour's group mass, forming a pair with an
// ungrouped neighbour or joining a group of fewer than maxGroup nodes; a
// node with no such neighbour stays alone, unless it has no edges (and
// not within): then it joins the last node without edges met (up to
// maxGroup), so that
// many isolated nodes or small components do not stop the coarsening.
// It returns nil soon after stopped is set (read every 65,536 nodes).
func coarsen(l *mlLevel, within bool, stopped *atomic.Bool) *mlLevel {
	n := l.n()
	order := make([]int32, n)
	for v := range order {
		order[v] = int32(v)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		switch {
		case l.mass[a] < l.mass[b]:
			return -1
		case l.mass[a] > l.mass[b]:
			return 1
		}
		return 0
	})
	group := make([]int32, n)
	for v := range group {
		group[v] = -1
	}
	var size []int32
	var gmass []float64
	lone := int32(-1)
	for i, v := range order {
		if i%65536 == 65535 && stopped.Load() {
			return nil
		}
		if group[v] >= 0 {
			continue
		}
		best, score := int32(-1), 0.0
		for i := l.off[v]; i < l.off[v+1]; i++ {
			u := l.adj[i]
			if u == v || within && l.cluster[u] != l.cluster[v] {
				continue
			}
			m := l.mass[u]
			if k := group[u]; k >= 0 {
				if size[k] >= maxGroup {
					continue
				}
				m = gmass[k]
			}
			if s := l.pull[i] / m; s > score {
				best, score = u, s
			}
		}
		switch {
		case best < 0 && !within && l.off[v] == l.off[v+1] && lone >= 0 && size[lone] < maxGroup:
			// Without edges: with the last such node (components apart
			// are packed by Layout whatever their positions).
			group[v] = lone
			size[lone]++
			gmass[lone] += l.mass[v]
		case best < 0:
			if l.off[v] == l.off[v+1] {
				lone = int32(len(size))
			}
			group[v] = int32(len(size))
			size = append(size, 1)
			gmass = append(gmass, l.mass[v])
		case group[best] >= 0:
			k := group[best]
			group[v] = k
			size[k]++
			gmass[k] += l.mass[v]
		default:
			k := int32(len(size))
			group[v], group[best] = k, k
			size = append(size, 2)
			gmass = append(gmass, l.mass[v]+l.mass[best])
		}
	}
	k := len(size)
	// Members of each group, in node order.
	moff := make([]int, k+1)
	for _, c := range group {
		moff[c+1]++
	}
	for c := range k {
		moff[c+1] += moff[c]
	}
	members := make([]int32, n)
	fill := slices.Clone(moff[:k])
	for v, c := range group {
		members[fill[c]] = int32(v)
		fill[c]++
	}
	c := &mlLevel{off: make([]int, k+1), mass: gmass}
	if within {
		c.cluster = make([]int32, k)
		for v, g := range group {
			c.cluster[g] = l.cluster[v]
		}
	}
	// Edges between groups, their pulls summed, neighbours in the order
	// first met.
	slot := make([]int32, k)
	for i := range slot {
		slot[i] = -1
	}
	for g := range int32(k) {
		if g%65536 == 65535 && stopped.Load() {
			return nil
		}
		start := len(c.adj)
		for _, v := range members[moff[g]:moff[g+1]] {
			for i := l.off[v]; i < l.off[v+1]; i++ {
				h := group[l.adj[i]]
				if h == g {
					continue
				}
				if s := slot[h]; s >= 0 {
					c.pull[s] += l.pull[i]
					continue
				}
				slot[h] = int32(len(c.adj))
				c.adj = append(c.adj, h)
				c.pull = append(c.pull, l.pull[i])
			}
		}
		for _, h := range c.adj[start:] {
			slot[h] = -1
		}
		c.off[g+1] = len(c.adj)
	}
	l.parent = group
	return c
}

// edgeLength is the median length of l's edges at pos (1 without edges,
// or when it is 0); of at most 100,000 adjacency entries, evenly spaced.
func edgeLength(l *mlLevel, pos []r2.Vec) float64 {
	stride := max(1, len(l.adj)/100_000)
	var lengths []float64
	for v := range l.n() {
		for i := l.off[v]; i < l.off[v+1]; i++ {
			if i%stride == 0 {
				u := l.adj[i]
				lengths = append(lengths, math.Hypot(pos[u].X-pos[v].X, pos[u].Y-pos[v].Y))
			}
		}
	}
	if len(lengths) == 0 {
		return 1
	}
	slices.Sort(lengths)
	if m := lengths[len(lengths)/2]; m > 0 {
		return m
	}
	return 1
}

// forces holds the force model and the buffers of the steps.
type forces struct {
	strength float64 // cluster pull
	force    []r2.Vec
	tree     quadTree
	progress func(done int64) // told of each step, when set (Options.Progress)
}

func newForces(strength float64) *forces { return &forces{strength: strength} }

// run moves pos by steps steps of the force model on l, each by at most a
// temperature falling linearly from temperature to 0. It returns
// errStopped, positions unfinished, soon after ctx ends: ctx is checked
// before each step, and stopped (set when ctx ends) before each block of
// nodes.
func (f *forces) run(ctx context.Context, l *mlLevel, pos []r2.Vec, steps int, temperature float64, stopped *atomic.Bool, run *mlRun) error {
	n := l.n()
	f.force = slices.Grow(f.force[:0], n)[:n]
	const repulsion, gravity, theta, toCentre, linlog = 2.0, 0.1, 1.0, 0.6, 8.0
	var centre []r2.Vec
	var clusterSize []float64
	if l.cluster != nil {
		k := 0
		for _, c := range l.cluster {
			k = max(k, int(c)+1)
		}
		centre = make([]r2.Vec, k)
		clusterSize = make([]float64, k)
		for v, c := range l.cluster {
			clusterSize[c] += l.mass[v]
		}
	}
	blocks := (n + blockSize - 1) / blockSize
	workers := min(runtime.GOMAXPROCS(0), blocks)
	for it := range steps {
		if ctx.Err() != nil {
			return errStopped
		}
		f.tree.build(pos, l.mass)
		if centre != nil {
			// Mass-weighted centres.
			clear(centre)
			for v, c := range l.cluster {
				centre[c] = r2.Add(centre[c], r2.Scale(l.mass[v], pos[v]))
			}
			for c := range centre {
				if clusterSize[c] > 0 {
					centre[c] = r2.Scale(1/clusterSize[c], centre[c])
				}
			}
		}
		block := func(b int) {
			// Nodes in the tree's order: those of a block are near each
			// other and visit the same cells.
			for _, v := range f.tree.idx[b*blockSize : min(n, (b+1)*blockSize)] {
				p, m := pos[v], l.mass[v]
				fr := f.tree.forceOn(p, theta)
				fx, fy := repulsion*m*fr.X, repulsion*m*fr.Y
				for i := l.off[v]; i < l.off[v+1]; i++ {
					q := pos[l.adj[i]]
					dx, dy := q.X-p.X, q.Y-p.Y
					d := math.Sqrt(dx*dx + dy*dy)
					if d == 0 {
						continue
					}
					s := linlog * l.pull[i] * logOnePlus(d) / d
					fx += s * dx
					fy += s * dy
				}
				fx -= gravity * m * p.X
				fy -= gravity * m * p.Y
				if centre != nil {
					c := centre[l.cluster[v]]
					s := f.strength * toCentre * m
					fx += s * (c.X - p.X)
					fy += s * (c.Y - p.Y)
				}
				f.force[v] = r2.Vec{X: fx, Y: fy}
			}
			run.blocks.Add(1)
		}
		if workers <= 1 {
			for b := range blocks {
				if stopped.Load() {
					return errStopped
				}
				block(b)
			}
		} else {
			var next atomic.Int64
			var wg sync.WaitGroup
			for range workers {
				wg.Go(func() {
					for {
						b := int(next.Add(1)) - 1
						if b >= blocks || stopped.Load() {
							return
						}
						block(b)
					}
				})
			}
			wg.Wait()
			if stopped.Load() {
				return errStopped
			}
		}
		step := temperature * (1 - float64(it)/float64(steps))
		for v := range pos {
			fx := f.force[v].X * stepFactor / l.mass[v]
			fy := f.force[v].Y * stepFactor / l.mass[v]
			if d := math.Sqrt(fx*fx + fy*fy); d > step {
				fx, fy = fx*step/d, fy*step/d
			}
			pos[v].X += fx
			pos[v].Y += fy
		}
		done := run.steps.Add(1)
		if run.afterStep != nil {
			run.afterStep(done)
		}
		if f.progress != nil {
			f.progress(done)
		}
	}
	return nil
}

// errStopped is what forces.run returns when stopped: the caller returns
// the context's error.
var errStopped = errorString("layout: stopped")

type errorString string

func (e errorString) Error() string { return string(e) }

// quadTree is a Barnes–Hut tree (Barnes & Hut 1986) over points with
// masses: each cell holds its points' total mass and centre of mass; a
// cell seen from a point at distance d under an angle width/d below theta
// acts as one point.
type quadTree struct {
	cells []cell
	idx   []int32 // points, by cell: a leaf's are idx[lo:hi]
	pts   []point // the points of idx, in its order: a leaf's read in one sweep
	quad  []uint8 // scratch: each point's quadrant
	tmp   []int32 // scratch for the partition
	tasks []splitTask
	sub   [][]cell // the cells of each task
}

// point is a point's position and mass, as the tree holds them.
type point struct{ x, y, m float64 }

type cell struct {
	x, y, m float64 // centre of mass and mass
	w       float64 // width
	child   int32   // first of four children; 0: a leaf
	lo, hi  int32
}

// build makes the tree of the points at pos with masses mass. Above
// parallelBuild points, the cells parallelDepth levels down are split on
// every core, each into cells of its own, then joined: the same tree as
// on one core (cells in another order).
func (t *quadTree) build(pos []r2.Vec, mass []float64) {
	n := len(pos)
	t.cells = t.cells[:0]
	t.idx = slices.Grow(t.idx[:0], n)[:n]
	t.quad = slices.Grow(t.quad[:0], n)[:n]
	t.tmp = slices.Grow(t.tmp[:0], n)[:n]
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for v, p := range pos {
		t.idx[v] = int32(v)
		x0, y0 = math.Min(x0, p.X), math.Min(y0, p.Y)
		x1, y1 = math.Max(x1, p.X), math.Max(y1, p.Y)
	}
	w := math.Max(x1-x0, y1-y0)
	if n == 0 || math.IsNaN(w) || math.IsInf(w, 0) {
		w = 0
	}
	t.cells = append(t.cells, cell{w: w})
	workers := runtime.GOMAXPROCS(0)
	if n < parallelBuild || workers < 2 {
		t.split(&t.cells, 0, 0, int32(n), x0, y0, w, pos, mass, 0, nil)
	} else {
		t.tasks = t.tasks[:0]
		t.split(&t.cells, 0, 0, int32(n), x0, y0, w, pos, mass, 0, &t.tasks)
		for len(t.sub) < len(t.tasks) {
			t.sub = append(t.sub, nil)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(workers, len(t.tasks)) {
			wg.Go(func() {
				for {
					k := int(next.Add(1)) - 1
					if k >= len(t.tasks) {
						return
					}
					s := t.tasks[k]
					t.sub[k] = append(t.sub[k][:0], cell{})
					t.split(&t.sub[k], 0, s.lo, s.hi, s.x, s.y, s.w, pos, mass, s.depth, nil)
				}
			})
		}
		wg.Wait()
		// Each task's cells after those so far, their children renumbered;
		// its first is the cell it split.
		for k, s := range t.tasks {
			sub := t.sub[k]
			shift := int32(len(t.cells)) - 1
			for _, c := range sub[1:] {
				if c.child != 0 {
					c.child += shift
				}
				t.cells = append(t.cells, c)
			}
			if sub[0].child != 0 {
				sub[0].child += shift
			}
			t.cells[s.cell] = sub[0]
		}
	}
	t.pts = slices.Grow(t.pts[:0], n)[:n]
	for i, v := range t.idx {
		t.pts[i] = point{pos[v].X, pos[v].Y, mass[v]}
	}
}

// Parallel tree building: above parallelBuild points, the cells
// parallelDepth levels below the root (up to 4^parallelDepth) are split
// on every core.
const (
	parallelBuild = 1 << 15
	parallelDepth = 3
)

// splitTask is a cell left to split by build, on any core.
type splitTask struct {
	cell, lo, hi int32
	x, y, w      float64
	depth        int
}

// split fills cell c of cells with points idx[lo:hi] in the square at (x,
// y) of width w, splitting it into quadrants while it holds more than
// leafSize points (and is not too deep to split: coincident points).
// With tasks set, a cell parallelDepth levels down is not filled but
// added to tasks.
func (t *quadTree) split(cells *[]cell, c, lo, hi int32, x, y, w float64, pos []r2.Vec, mass []float64, depth int, tasks *[]splitTask) {
	if tasks != nil && depth == parallelDepth {
		*tasks = append(*tasks, splitTask{c, lo, hi, x, y, w, depth})
		return
	}
	var sx, sy, sm float64
	for _, v := range t.idx[lo:hi] {
		m := mass[v]
		sx += m * pos[v].X
		sy += m * pos[v].Y
		sm += m
	}
	cc := &(*cells)[c]
	cc.m, cc.lo, cc.hi, cc.w = sm, lo, hi, w
	if sm > 0 {
		cc.x, cc.y = sx/sm, sy/sm
	}
	if hi-lo <= leafSize || depth >= 48 || w == 0 {
		return
	}
	h := w / 2
	mx, my := x+h, y+h
	var count [4]int32
	for i := lo; i < hi; i++ {
		p := pos[t.idx[i]]
		q := uint8(0)
		if p.X >= mx {
			q = 1
		}
		if p.Y >= my {
			q |= 2
		}
		t.quad[i] = q
		count[q]++
	}
	var start [5]int32
	start[0] = lo
	for q := range 4 {
		start[q+1] = start[q] + count[q]
	}
	next := start
	for i := lo; i < hi; i++ {
		q := t.quad[i]
		t.tmp[next[q]] = t.idx[i]
		next[q]++
	}
	copy(t.idx[lo:hi], t.tmp[lo:hi])
	first := int32(len(*cells))
	(*cells)[c].child = first
	*cells = append(*cells, cell{}, cell{}, cell{}, cell{})
	for q := range 4 {
		qx, qy := x, y
		if q&1 != 0 {
			qx = mx
		}
		if q&2 != 0 {
			qy = my
		}
		t.split(cells, first+int32(q), start[q], start[q+1], qx, qy, h, pos, mass, depth+1, tasks)
	}
}

// forceOn returns the sum over the points u of the tree (at other places
// than p: v itself among them) of mass[u]·(p−pos[u])/d² (d their distance),
// by Barnes–Hut with angle theta: the repulsion of the point at p by unit
// of its own mass.
func (t *quadTree) forceOn(p r2.Vec, theta float64) r2.Vec {
	var stackBuf [128]int32
	stack := append(stackBuf[:0], 0)
	var fx, fy float64
	t2 := theta * theta
	for len(stack) > 0 {
		c := &t.cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.m == 0 {
			continue
		}
		dx, dy := p.X-c.x, p.Y-c.y
		d2 := dx*dx + dy*dy
		if c.child == 0 {
			for _, q := range t.pts[c.lo:c.hi] {
				dx, dy := p.X-q.x, p.Y-q.y
				d2 := dx*dx + dy*dy
				if d2 == 0 {
					continue // p itself, or a point at the same place
				}
				s := q.m / d2
				fx += s * dx
				fy += s * dy
			}
			continue
		}
		if c.w*c.w < t2*d2 {
			s := c.m / d2
			fx += s * dx
			fy += s * dy
			continue
		}
		stack = append(stack, c.child, c.child+1, c.child+2, c.child+3)
	}
	return r2.Vec{X: fx, Y: fy}
}

// logOnePlus returns ln(1+x) for x ≥ 0 to within 2e-6 relative, by the
// exponent of 1+x and the series of atanh for its mantissa m in [1, 2):
// ln m = 2 atanh t, t = (m−1)/(m+1) in [0, 1/3]. A third of math.Log's
// time; the edge pull of every step calls it once per adjacency entry.
func logOnePlus(x float64) float64 {
	y := 1 + x
	bits := math.Float64bits(y)
	e := int(bits>>52&0x7ff) - 1023
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52)
	t := (m - 1) / (m + 1)
	t2 := t * t
	return float64(e)*math.Ln2 + 2*t*(1+t2*(1.0/3+t2*(1.0/5+t2*(1.0/7+t2*(1.0/9)))))
}
