// Package layout places the nodes of a graph in the plane for a picture.
package layout

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"sync/atomic"

	"gonum.org/v1/gonum/spatial/barneshut"
	"gonum.org/v1/gonum/spatial/r2"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/internal/parallel"
	"coauthor/graph/internal/stats"
)

// stepFactor scales each move (force over mass). An edge's pull alone
// would move its two ends all the way to each other at 1, and they would
// stay merged; 0.1 lets them settle at their balance.
const stepFactor = 0.1

// forceIterations is the number of ForceAtlas2 steps (fewer above 1,000
// nodes). With LinLog and a full cluster pull (toCentre 0.6), 300 kept 88%
// or more of coloured nodes (twelve colours) next to their own cluster
// (ca-GrQc -top 300 and bbt-1296 -top 100, seeds 1 to 3); 200 left 84.5%
// on one seed, and a pull of 0.3 or 1.0 did no better. Earlier, with
// linear pull: on netscience, 300 left clusters visibly stretched and 800
// took 1.7 times as long as 500 for a picture that looked the same.
const forceIterations = 300

// exactBelow is the number of nodes up to which repulsion is computed
// over every pair rather than by Barnes–Hut (measured on netscience -top
// 300: 65 ms exact, 80 to 250 ms with the tree and goroutines).
const exactBelow = 400

// Options tune Layout.
type Options struct {
	// Seed fixes the random start: the same seed gives the same positions
	// on every machine.
	Seed uint64
	// Cluster, when set, holds each node's cluster: edges within a cluster
	// pull harder than edges between clusters, and every node is pulled
	// towards its cluster's centre, so that each cluster sits together
	// (as in VOSviewer's maps), in proportion to the evidence for the
	// clusters (ClusterPull of their modularity in g): clusters that
	// barely differ from chance are not drawn apart. Nil: no clusters.
	Cluster []int32
	// Iterations is the number of steps; 0 chooses by size (300 up to
	// 1,000 nodes, 150 above; above 5,000 nodes, the steps of the finest
	// level of the multilevel layout, 15 or more by its size).
	Iterations int
	// Progress, when set, is told the steps done and their number as the
	// layout runs (every step, the last with done equal to total; it
	// should return at once).
	Progress func(done, total int)
}

// Evidence thresholds of ClusterPull: Newman's rule of thumb reads a
// modularity of 0.3 or more as clear community structure; below 0.1 the
// clusters are barely better than chance.
const (
	weakQ   = 0.1
	strongQ = 0.3
)

// ClusterPull returns how hard a layout pulls clusters together, from 0
// (not at all: the layout is that without clusters) to 1, given their
// modularity Q in the graph drawn: 0 up to Q = 0.1, rising linearly to 1
// at Q = 0.3 and above.
func ClusterPull(q float64) float64 {
	return math.Max(0, math.Min(1, (q-weakQ)/(strongQ-weakQ)))
}

// Modularity returns the modularity (resolution 1) of the clusters in g,
// the evidence Layout weighs its cluster pull by; 0 without clusters.
func Modularity(g *graph.Graph, cluster []int32) float64 {
	if cluster == nil || len(cluster) != g.N() {
		return 0
	}
	return community.Modularity(g, cluster, 1)
}

// Layout returns a position for every node of g, in points, by
// ForceAtlas2 (Jacomy et al. 2014) in its LinLog mode: nodes repel in
// proportion to (degree+1) products over distance, computed with the
// Barnes–Hut approximation (gonum's spatial/barneshut) in O(N log N) per
// step; edges attract in proportion to √weight and the logarithm of their
// length (Noack's LinLog energy, whose minima separate densely connected
// groups, as modularity does); a gravity of (degree+1) keeps components
// together. With clusters, edges between clusters pull down to a quarter
// as much and each node is pulled towards its cluster's centre, both in
// proportion to ClusterPull(Modularity(g, Cluster)). Positions are then
// scaled to the node diameters (in inches), overlapping nodes pushed
// apart, and the components other than the largest packed in rows below
// it. Its error is that of the options (Options.Validate), or of a
// Cluster or diameter that has not one value per node; or ctx's, with no
// positions, soon after ctx ends: the context is checked at every step
// (and every 64 nodes of the scaling).
//
// Above 5,000 nodes the same forces run on a hierarchy of coarsened
// graphs (multilevel, as Graphviz's sfdp), with a Barnes–Hut tree that
// weighs every node by its degree+1 and steps computed on every core; the
// number of steps is fixed by the sizes of the levels (Options.Iterations
// sets the last level's).
func Layout(ctx context.Context, g *graph.Graph, diameter []float64, opt Options) ([][2]float64, error) {
	if err := opt.check(g, diameter); err != nil {
		return nil, err
	}
	n := g.N()
	if n == 0 {
		return nil, nil
	}
	if n > multilevelAbove {
		pos, err := multilevel(ctx, g, opt, nil)
		if err != nil {
			return nil, err
		}
		return finish(ctx, g, pos, diameter, opt.Cluster)
	}
	iterations := opt.Iterations
	if iterations <= 0 {
		iterations = forceIterations
		if n > 1000 {
			iterations = 150
		}
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x6c61796f))
	pos := make([]r2.Vec, n)
	mass := make([]float64, n)
	radius := math.Sqrt(float64(n)) * 10
	for v := range pos {
		pos[v] = r2.Vec{X: (r.Float64()*2 - 1) * radius, Y: (r.Float64()*2 - 1) * radius}
		mass[v] = float64(g.Degree(int32(v)) + 1)
	}
	cluster := opt.Cluster
	strength := ClusterPull(Modularity(g, cluster))
	if strength == 0 {
		cluster = nil
	}
	k := 0
	for _, c := range cluster {
		k = max(k, int(c)+1)
	}
	clusterSize := make([]float64, k)
	for _, c := range cluster {
		clusterSize[c]++
	}
	centre := make([]r2.Vec, k)
	// Edge pull: √weight, down to a quarter between clusters.
	pull := make([]float64, g.M())
	ends := make([][2]int32, g.M())
	for e := range int32(g.M()) {
		edge := g.Edge(e)
		ends[e] = [2]int32{edge.U, edge.V}
		pull[e] = math.Sqrt(edge.Weight)
		if cluster != nil && cluster[edge.U] != cluster[edge.V] {
			pull[e] *= 1 - 0.75*strength
		}
	}
	// LinLog's logarithmic pull is weak at long range; scale it so that an
	// edge pulls as hard as ForceAtlas2's linear one at the typical start
	// distance.
	const linlog = 8.0
	particles := make([]barneshut.Particle2, n)
	// gonum v0.17.0's Barnes–Hut tree is only right for unit masses (a
	// leaf's summary divides its coordinates by its mass; measured: forces
	// off by 80–300% with mass 2, 0.3% with mass 1). So particles weigh 1,
	// a tile's mass is its node count, and the receiving node's degree
	// weight is applied by the force function.
	for v := range particles {
		particles[v] = particle{&pos[v], 1}
	}
	const repulsion, gravity, theta, toCentre = 2.0, 0.1, 1.0, 0.6
	repel := func(_, _ barneshut.Particle2, _, m2 float64, d r2.Vec) r2.Vec {
		d2 := d.X*d.X + d.Y*d.Y
		if d2 == 0 {
			return r2.Vec{}
		}
		return r2.Scale(-repulsion*m2/d2, d)
	}
	force := make([]r2.Vec, n)
	plane := &barneshut.Plane{Particles: particles}
	temperature := radius / 10
	for it := 0; it < iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opt.Progress != nil {
			opt.Progress(it, iterations)
		}
		if n <= exactBelow {
			// Small graphs: every pair, exactly, on one core (faster than
			// building a tree and starting goroutines each step).
			clear(force)
			for v := range n {
				px, py, mv := pos[v].X, pos[v].Y, repulsion*mass[v]
				var fvx, fvy float64
				for u := v + 1; u < n; u++ {
					dx, dy := pos[u].X-px, pos[u].Y-py
					d2 := dx*dx + dy*dy
					if d2 == 0 {
						continue
					}
					f := mv * mass[u] / d2
					fvx -= f * dx
					fvy -= f * dy
					force[u].X += f * dx
					force[u].Y += f * dy
				}
				force[v].X += fvx
				force[v].Y += fvy
			}
		} else {
			if err := plane.Reset(); err != nil {
				// Nodes that coincide cannot be told apart: nudge them.
				for v := range pos {
					pos[v] = r2.Add(pos[v], r2.Vec{X: r.Float64() - 0.5, Y: r.Float64() - 0.5})
				}
				if plane.Reset() != nil {
					break
				}
			}
			parallel.Each(n, func(v int) { force[v] = r2.Scale(mass[v], plane.ForceOn(particles[v], theta, repel)) })
		}
		for e, ends := range ends {
			u, v := ends[0], ends[1]
			dx, dy := pos[v].X-pos[u].X, pos[v].Y-pos[u].Y
			l := math.Sqrt(dx*dx + dy*dy)
			if l == 0 {
				continue
			}
			f := linlog * pull[e] * math.Log(1+l) / l
			force[u].X += f * dx
			force[u].Y += f * dy
			force[v].X -= f * dx
			force[v].Y -= f * dy
		}
		if cluster != nil {
			clear(centre)
			for v, c := range cluster {
				centre[c] = r2.Add(centre[c], pos[v])
			}
			for c := range centre {
				centre[c] = r2.Scale(1/clusterSize[c], centre[c])
			}
			for v, c := range cluster {
				if clusterSize[c] > 1 {
					force[v] = r2.Add(force[v], r2.Scale(strength*toCentre*mass[v], r2.Sub(centre[c], pos[v])))
				}
			}
		}
		// Move by force over mass, at most the temperature, which falls
		// linearly to zero: the layout settles however the forces balance.
		step := temperature * (1 - float64(it)/float64(iterations))
		for v := range pos {
			// Strong gravity (linear in distance) keeps the many small
			// components of a co-authorship graph near the large one.
			fx := (force[v].X - gravity*mass[v]*pos[v].X) * stepFactor / mass[v]
			fy := (force[v].Y - gravity*mass[v]*pos[v].Y) * stepFactor / mass[v]
			if l := math.Sqrt(fx*fx + fy*fy); l > step {
				fx, fy = fx*step/l, fy*step/l
			}
			pos[v].X += fx
			pos[v].Y += fy
		}
	}
	if opt.Progress != nil {
		opt.Progress(iterations, iterations)
	}
	return finish(ctx, g, pos, diameter, opt.Cluster)
}

// finish scales positions to the node diameters, pushes overlapping
// nodes apart and packs the components other than the largest below it;
// positions are rounded to hundredths of a point.
func finish(ctx context.Context, g *graph.Graph, pos []r2.Vec, diameter []float64, cluster []int32) ([][2]float64, error) {
	if err := scaleToNodes(ctx, g, pos, diameter); err != nil {
		return nil, err
	}
	if err := separate(ctx, pos, diameter); err != nil {
		return nil, err
	}
	comps := graph.Components(g)
	if shrink(comps, pos, diameter) {
		// Shrunk components may overlap within.
		if err := separate(ctx, pos, diameter); err != nil {
			return nil, err
		}
	}
	pack(byCluster(comps, cluster), pos, diameter)
	out := make([][2]float64, len(pos))
	for v, p := range pos {
		out[v] = [2]float64{math.Round(p.X*100) / 100, math.Round(p.Y*100) / 100}
	}
	return out, nil
}

type particle struct {
	p *r2.Vec
	m float64
}

func (p particle) Coord2() r2.Vec { return *p.p }
func (p particle) Mass() float64  { return p.m }

// packGap is the room, in points, between packed components.
const packGap = 14

// pack moves every component but the largest into rows below it, largest
// first, each keeping its own layout: gravity would otherwise leave the
// many small components of a co-authorship network in a wide ring around
// the largest, most of the picture. The rows are as wide as the largest
// component (or, when the others hold more area, 1.5 times the square
// root of their boxes' area).
func pack(comps [][]int32, pos []r2.Vec, diameter []float64) {
	if len(comps) < 2 {
		return
	}
	type box struct{ x0, y0, x1, y1 float64 }
	boxOf := func(c []int32) box {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, v := range c {
			r := diameter[v] * 72 / 2
			b.x0, b.y0 = math.Min(b.x0, pos[v].X-r), math.Min(b.y0, pos[v].Y-r)
			b.x1, b.y1 = math.Max(b.x1, pos[v].X+r), math.Max(b.y1, pos[v].Y+r)
		}
		return b
	}
	main := boxOf(comps[0])
	boxes := make([]box, len(comps))
	area := 0.0
	for i, c := range comps[1:] {
		b := boxOf(c)
		boxes[i+1] = b
		area += (b.x1 - b.x0 + packGap) * (b.y1 - b.y0 + packGap)
	}
	width := math.Max(main.x1-main.x0, 1.5*math.Sqrt(area))
	// Rows downwards (positions are y up) from under the largest.
	x, top, rowH := 0.0, main.y0-2*packGap, 0.0
	for i, c := range comps[1:] {
		b := boxes[i+1]
		w, h := b.x1-b.x0, b.y1-b.y0
		if x > 0 && x+w > width {
			x, top, rowH = 0, top-rowH-packGap, 0
		}
		dx, dy := main.x0+x-b.x0, top-b.y1
		for _, v := range c {
			pos[v].X += dx
			pos[v].Y += dy
		}
		x += w + packGap
		rowH = math.Max(rowH, h)
	}
}

// byCluster returns comps with those after the first (the largest)
// ordered by the cluster most of their nodes are in (the smallest number
// among equals; as given without clusters), largest first within one, so
// that packed side by side, small components of one cluster sit
// together.
func byCluster(comps [][]int32, cluster []int32) [][]int32 {
	if cluster == nil || len(comps) < 3 {
		return comps
	}
	major := make(map[*int32]int32, len(comps))
	for _, c := range comps[1:] {
		count := map[int32]int{}
		best := int32(-1)
		for _, v := range c {
			k := cluster[v]
			count[k]++
			if best < 0 || count[k] > count[best] || count[k] == count[best] && k < best {
				best = k
			}
		}
		major[&c[0]] = best
	}
	out := slices.Clone(comps)
	slices.SortStableFunc(out[1:], func(a, b []int32) int {
		if c := cmp.Compare(major[&a[0]], major[&b[0]]); c != 0 {
			return c
		}
		return cmp.Compare(len(b), len(a))
	})
	return out
}

// shrink draws each component but the first (the largest) within a disc
// of twice the radius its nodes' areas fill, reporting whether it moved
// any.
func shrink(comps [][]int32, pos []r2.Vec, diameter []float64) bool {
	// A small component whose nodes are in different clusters may have
	// been stretched across the picture by the clusters' pull: shrink it
	// about its centre to a disc of twice the radius its nodes' areas
	// (with a 3-point margin each) fill.
	shrunk := false
	for _, c := range comps[min(1, len(comps)):] {
		var cx, cy, fill float64
		for _, v := range c {
			cx, cy = cx+pos[v].X, cy+pos[v].Y
			r := separationRadius(diameter[v])
			fill += r * r
		}
		cx, cy = cx/float64(len(c)), cy/float64(len(c))
		far := 0.0
		for _, v := range c {
			far = math.Max(far, math.Hypot(pos[v].X-cx, pos[v].Y-cy)+diameter[v]*72/2)
		}
		if compact := 2 * math.Sqrt(fill); far > compact {
			k := compact / far
			for _, v := range c {
				pos[v] = r2.Vec{X: cx + (pos[v].X-cx)*k, Y: cy + (pos[v].Y-cy)*k}
			}
			shrunk = true
		}
	}
	return shrunk
}

// spacing is the median, over nodes, of the distance between centres
// from a node to its nearest neighbour over the sum of their radii, after
// scaling: room between neighbours for their names.
const spacing = 1.9

// scaleToNodes scales positions (in place) to the node diameters (in
// inches, positions in points): so that a node and its nearest neighbour
// sit spacing times their radii apart (the median over nodes; up to 2,000
// nodes sampled on large graphs).
func scaleToNodes(ctx context.Context, g *graph.Graph, pos []r2.Vec, diameter []float64) error {
	n := len(pos)
	if n < 2 {
		return nil
	}
	step := max(1, n/2000)
	var ratios []float64
	near := newNearFinder(pos)
	for v := 0; v < n; v += step {
		if v%(64*step) == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		best, nearest := near.nearest(v)
		if sum := (diameter[v] + diameter[nearest]) * 72 / 2; sum > 0 {
			ratios = append(ratios, math.Sqrt(best)/sum)
		}
	}
	m := stats.Median(ratios)
	if m <= 0 {
		return nil
	}
	s := spacing / m
	// A layout with a dense core and sparse outskirts (a large clique
	// among small groups) would come out huge: cap the scale so that the
	// nodes cover at least a tenth of the disc holding the layout (of
	// radius twice the RMS distance to the centre; less above 300 nodes);
	// separate then makes room in the dense parts.
	var cx, cy, ink float64
	for v, p := range pos {
		cx, cy = cx+p.X, cy+p.Y
		r := diameter[v] * 72 / 2
		ink += math.Pi * r * r
	}
	cx, cy = cx/float64(n), cy/float64(n)
	var ms float64
	for _, p := range pos {
		ms += (p.X-cx)*(p.X-cx) + (p.Y-cy)*(p.Y-cy)
	}
	if rms := math.Sqrt(ms / float64(n)); rms > 0 {
		// π (2 s rms)² ≤ ink / cover; large graphs' nodes are small, and
		// their names need more room: the cover falls above 300 nodes.
		cover := 0.1 * math.Min(1, 300/float64(n))
		s = math.Min(s, math.Sqrt(ink/cover/math.Pi)/(2*rms))
	}
	for v := range pos {
		pos[v] = r2.Scale(s, pos[v])
	}
	return nil
}

// separate pushes apart nodes whose circles (plus a 6-point gap) overlap,
// pair by pair in a grid of cells as wide as the largest node, for a
// bounded number of passes.
//
// A pass visits only the nodes that can meet an overlap: two nodes that
// have not moved since the start of the previous pass did not overlap
// when it checked them (it would have pushed them), so a node is visited
// when it moved since then (dirty) or a dirty node is in one of the nine
// cells about its own (warm): the same pushes, in the same order, as a
// visit of every node.
//
// Above multilevelAbove nodes the passes run on every core: see
// separateBy.
func separate(ctx context.Context, pos []r2.Vec, diameter []float64) error {
	return separateBy(ctx, pos, diameter, len(pos) > multilevelAbove)
}

// separationRadius is the radius, in points, a node of the diameter given
// (inches) keeps clear: its disc and a 3-point margin.
func separationRadius(diameter float64) float64 { return diameter*72/2 + 3 }

// separationRadii returns each node's separationRadius and the cell of the
// grid that finds overlapping pairs: the largest separation diameter.
func separationRadii(diameter []float64) (radius []float64, cell float64) {
	radius = make([]float64, len(diameter))
	for v, d := range diameter {
		radius[v] = separationRadius(d)
		cell = math.Max(cell, 2*radius[v])
	}
	return radius, cell
}

// separateBy is separate; striped, each pass cuts the rows of cells
// into stripes of stripeRows rows or more (at most maxStripes of them,
// by the grid's height only: the same stripes on any number of cores)
// and visits the stripes of even rank on all cores at once, then those of
// odd rank, each stripe's nodes in ascending order. A node's pairs lie in
// the rows about its cell, so two stripes of the same parity, a stripe of
// two rows or more apart, touch no node in common: the result does not
// depend on the cores. A push then warms the cells about the pushed node
// for the next pass only (a stripe of the same parity may be reading
// them), and a node's pairs are looked up about the cell it was filed in
// (not where an earlier push moved it).
func separateBy(ctx context.Context, pos []r2.Vec, diameter []float64, striped bool) error {
	n := len(pos)
	radius, cell := separationRadii(diameter)
	if cell == 0 {
		return nil
	}
	var grid cellGrid
	// movedIn[v] is 1 + the last pass v moved in (0: before the first).
	movedIn := make([]int32, n)
	var warm []bool
	var rowOf, stripeStart []int32
	var order []int32
	for pass := range int32(50) {
		if err := ctx.Err(); err != nil {
			return err
		}
		grid.fill(pos, cell)
		warm = append(warm[:0], make([]bool, len(grid.start)-1)...)
		// warmAround marks the cells about node u's.
		warmAround := func(u int) {
			x, y := grid.cellXY(u)
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					if i := grid.index(x+dx, y+dy); i >= 0 {
						warm[i] = true
					}
				}
			}
		}
		if pass > 0 {
			for v, p := range movedIn {
				if p == pass {
					warmAround(v)
				}
			}
		}
		stripes := 1
		if striped {
			// Rows as filed; one stripe when they span too many for
			// the grid's 32 bits (far cells may share a place).
			rowOf = slices.Grow(rowOf[:0], n)[:n]
			y0, y1 := math.MaxInt, math.MinInt
			for v := range pos {
				_, y := grid.cellXY(v)
				y0, y1 = min(y0, y), max(y1, y)
			}
			x0, x1 := math.Inf(1), math.Inf(-1)
			for _, p := range pos {
				x0, x1 = math.Min(x0, p.X), math.Max(x1, p.X)
			}
			if y1-y0 < 1<<30 && (x1-x0)/cell < 1<<30 {
				rows := y1 - y0 + 1
				size := max(stripeRows, (rows+maxStripes-1)/maxStripes)
				stripes = (rows + size - 1) / size
				for v := range pos {
					_, y := grid.cellXY(v)
					rowOf[v] = int32((y - y0) / size)
				}
			}
		}
		visit := func(v int) bool {
			return pass == 0 || movedIn[v] >= pass || warm[grid.cellOf[v]]
		}
		if stripes < 4 {
			moved := false
			push := func(u int) {
				if movedIn[u] < pass {
					warmAround(u)
				}
				movedIn[u] = pass + 1
				moved = true
			}
			for v := range pos {
				if v%65536 == 65535 && ctx.Err() != nil {
					return ctx.Err()
				}
				if !visit(v) {
					continue
				}
				x, y := int(math.Floor(pos[v].X/cell)), int(math.Floor(pos[v].Y/cell))
				separateNode(&grid, pos, radius, v, x, y, push)
			}
			if !moved {
				return nil
			}
			continue
		}
		// The nodes to visit by stripe, each stripe's in ascending order.
		stripeStart = append(stripeStart[:0], make([]int32, stripes+1)...)
		for v := range pos {
			if visit(v) {
				stripeStart[rowOf[v]+1]++
			}
		}
		for s := range stripes {
			stripeStart[s+1] += stripeStart[s]
		}
		order = slices.Grow(order[:0], int(stripeStart[stripes]))[:stripeStart[stripes]]
		next := slices.Clone(stripeStart[:stripes])
		for v := range pos {
			if visit(v) {
				order[next[rowOf[v]]] = int32(v)
				next[rowOf[v]]++
			}
		}
		var moved atomic.Bool
		push := func(u int) {
			movedIn[u] = pass + 1
			moved.Store(true)
		}
		for parity := range 2 {
			parallel.Each((stripes-parity+1)/2, func(i int) {
				s := 2*i + parity
				for j, v := range order[stripeStart[s]:stripeStart[s+1]] {
					if j%4096 == 4095 && ctx.Err() != nil {
						return
					}
					x, y := grid.cellXY(int(v))
					separateNode(&grid, pos, radius, int(v), x, y, push)
				}
			})
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !moved.Load() {
			return nil
		}
	}
	return nil
}

// stripeRows and maxStripes bound the stripes of separateBy: two rows at
// least (see there), and as many stripes as keep both cores busy.
const (
	stripeRows = 2
	maxStripes = 64
)

// separateNode pushes node v and each node after it in the nine cells
// about cell (x, y) apart when they overlap, calling push on both.
func separateNode(grid *cellGrid, pos []r2.Vec, radius []float64, v, x, y int, push func(int)) {
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, u := range grid.at(x+dx, y+dy) {
				if int(u) <= v {
					continue
				}
				d := r2.Sub(pos[u], pos[v])
				need := radius[u] + radius[v]
				if d.X*d.X+d.Y*d.Y > need*need*(1+1e-9) {
					continue // surely apart, without the slower Hypot
				}
				dist := r2.Norm(d)
				if dist >= need {
					continue
				}
				if dist == 0 {
					d, dist = r2.Vec{X: 1}, 1 // coincident: split along x
				}
				shift := r2.Scale((need-dist)/2/dist, d)
				pos[u] = r2.Add(pos[u], shift)
				pos[v] = r2.Sub(pos[v], shift)
				push(int(u))
				push(v)
			}
		}
	}
}

// cellGrid holds the nodes by square cell of the plane, each cell's in
// ascending order: in a dense array of cells when the nodes' cells span
// at most 4n+64 of them, else by a map from the cells that hold nodes to
// their place in that array.
type cellGrid struct {
	x0, y0, w, h int
	start        []int32 // nodes of cell i: ids[start[i]:start[i+1]]
	ids          []int32
	sparse       map[int64]int32 // cell (x, y) as x<<32 | y (32 bits each) to i
	spare        map[int64]int32 // the map of the last sparse fill, for the next
	key          []int64
	cellOf       []int32 // the place of each node's cell
	// By rows (rows set): the cells of row r (from y0) that hold nodes
	// are ckey[rowStart[r]:rowStart[r+1]], keys row<<32 | column (from
	// x0), in order.
	rows     bool
	rowStart []int32
	next     []int32 // scratch of fillRows
	ckey     []int64
	byKey    []keyed
}

// fill puts the nodes at pos into cells of width cell.
func (g *cellGrid) fill(pos []r2.Vec, cell float64) {
	n := len(pos)
	x0, y0, x1, y1 := math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	for _, p := range pos {
		x, y := int(math.Floor(p.X/cell)), int(math.Floor(p.Y/cell))
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	g.sparse, g.rows = nil, false
	var at func(v int) int
	cells := 0
	dense := n > 0 && float64(x1-x0+1)*float64(y1-y0+1) <= float64(4*n+64)
	if !dense && n > 0 && y1-y0 < 4*n+64 && x1-x0 < 1<<31 {
		g.fillRows(pos, cell, x0, y0, y1-y0+1)
		return
	}
	if !dense {
		// Cells relative to (x0, y0), in 32 bits when they fit.
		if n > 0 && (x1-x0 >= 1<<31 || y1-y0 >= 1<<31) {
			x0, y0 = 0, 0 // far apart: cells wrap around, neighbours of a few overlap
		}
		g.x0, g.y0 = x0, y0
		if g.spare == nil {
			g.spare = make(map[int64]int32, n)
		}
		g.sparse = g.spare
		clear(g.sparse)
		g.key = slices.Grow(g.key[:0], n)[:n]
		for v, p := range pos {
			k := g.pack(int(math.Floor(p.X/cell)), int(math.Floor(p.Y/cell)))
			g.key[v] = k
			if _, ok := g.sparse[k]; !ok {
				g.sparse[k] = int32(len(g.sparse))
			}
		}
		cells = len(g.sparse)
		at = func(v int) int { return int(g.sparse[g.key[v]]) }
	} else {
		g.x0, g.y0, g.w, g.h = x0, y0, x1-x0+1, y1-y0+1
		cells = g.w * g.h
		at = func(v int) int {
			return (int(math.Floor(pos[v].Y/cell))-y0)*g.w + int(math.Floor(pos[v].X/cell)) - x0
		}
	}
	g.start = append(g.start[:0], make([]int32, cells+1)...)
	g.ids = append(g.ids[:0], make([]int32, n)...)
	g.cellOf = slices.Grow(g.cellOf[:0], n)[:n]
	for v := range pos {
		i := at(v)
		g.cellOf[v] = int32(i)
		g.start[i+1]++
	}
	for i := range cells {
		g.start[i+1] += g.start[i]
	}
	next := slices.Clone(g.start[:cells])
	for v := range pos {
		i := g.cellOf[v]
		g.ids[next[i]] = int32(v)
		next[i]++
	}
}

// fillRows fills g by rows of cells (h of them from row y0), each row's
// cells that hold nodes in order of x (from x0): a cell is found by a
// binary search in its row, near the cells of the rows about it in
// memory, where a map's cells are all over it.
func (g *cellGrid) fillRows(pos []r2.Vec, cell float64, x0, y0, h int) {
	n := len(pos)
	g.rows, g.x0, g.y0, g.h = true, x0, y0, h
	g.key = slices.Grow(g.key[:0], n)[:n]
	g.byKey = slices.Grow(g.byKey[:0], n)[:n]
	for v, p := range pos {
		g.key[v] = int64(int(math.Floor(p.Y/cell))-y0)<<32 | int64(int(math.Floor(p.X/cell))-x0)
	}
	// By row (counting, nodes in ascending order), then each row by
	// column, the rows on every core: the order of (key, node).
	g.rowStart = append(g.rowStart[:0], make([]int32, h+1)...)
	for _, k := range g.key {
		g.rowStart[k>>32+1]++
	}
	for r := range h {
		g.rowStart[r+1] += g.rowStart[r]
	}
	g.next = append(g.next[:0], g.rowStart[:h]...)
	for v, k := range g.key {
		g.byKey[g.next[k>>32]] = keyed{k, int32(v)}
		g.next[k>>32]++
	}
	const chunks = 256
	parallel.Each(chunks, func(c int) {
		for r := c * h / chunks; r < (c+1)*h/chunks; r++ {
			row := g.byKey[g.rowStart[r]:g.rowStart[r+1]]
			if len(row) > 1 {
				slices.SortFunc(row, func(a, b keyed) int {
					if c := cmp.Compare(a.k, b.k); c != 0 {
						return c
					}
					return cmp.Compare(a.v, b.v)
				})
			}
		}
	})
	g.ids = slices.Grow(g.ids[:0], n)[:n]
	g.cellOf = slices.Grow(g.cellOf[:0], n)[:n]
	g.start, g.ckey = g.start[:0], g.ckey[:0]
	g.rowStart = append(g.rowStart[:0], make([]int32, h+1)...)
	for i, e := range g.byKey {
		if i == 0 || e.k != g.byKey[i-1].k {
			g.ckey = append(g.ckey, e.k)
			g.start = append(g.start, int32(i))
			g.rowStart[e.k>>32+1]++
		}
		g.ids[i] = e.v
		g.cellOf[e.v] = int32(len(g.ckey) - 1)
	}
	g.start = append(g.start, int32(n))
	for r := range h {
		g.rowStart[r+1] += g.rowStart[r]
	}
}

// keyed is a node and the key of its cell (row<<32 | column).
type keyed struct {
	k int64
	v int32
}

// pack is the sparse key of cell (x, y).
func (g *cellGrid) pack(x, y int) int64 {
	return int64(uint32(x-g.x0))<<32 | int64(uint32(y-g.y0))
}

// at returns the nodes of cell (x, y), in ascending order.
func (g *cellGrid) at(x, y int) []int32 {
	i := g.index(x, y)
	if i < 0 {
		return nil
	}
	return g.ids[g.start[i]:g.start[i+1]]
}

// index returns the place of cell (x, y) among the grid's cells; -1
// when it holds no node.
func (g *cellGrid) index(x, y int) int {
	if g.rows {
		r, c := y-g.y0, x-g.x0
		if r < 0 || r >= g.h || c < 0 || c >= 1<<31 {
			return -1
		}
		lo, hi := g.rowStart[r], g.rowStart[r+1]
		i, ok := slices.BinarySearch(g.ckey[lo:hi], int64(r)<<32|int64(c))
		if !ok {
			return -1
		}
		return int(lo) + i
	}
	if g.sparse != nil {
		k, ok := g.sparse[g.pack(x, y)]
		if !ok {
			return -1
		}
		return int(k)
	}
	x, y = x-g.x0, y-g.y0
	if x < 0 || y < 0 || x >= g.w || y >= g.h {
		return -1
	}
	return y*g.w + x
}

// cellXY returns the cell node v was put in when the grid was filled (in
// the sparse grid, one whose neighbours have the same places as its).
func (g *cellGrid) cellXY(v int) (x, y int) {
	if g.rows {
		k := g.key[v]
		return g.x0 + int(k&(1<<32-1)), g.y0 + int(k>>32)
	}
	if g.sparse != nil {
		k := g.key[v]
		return g.x0 + int(uint32(k>>32)), g.y0 + int(uint32(k))
	}
	i := int(g.cellOf[v])
	return g.x0 + i%g.w, g.y0 + i/g.w
}

// nearFinder finds a node's nearest other node in a grid of cells holding
// a few nodes each, rather than among all nodes.
type nearFinder struct {
	pos  []r2.Vec
	cell float64 // 0: no grid, every node is scanned
	grid cellGrid
}

// nearScanBelow is the number of nodes below which nearFinder scans them
// all.
const nearScanBelow = 2000

func newNearFinder(pos []r2.Vec) *nearFinder {
	f := &nearFinder{pos: pos}
	n := len(pos)
	if n < nearScanBelow {
		return f
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		x0, y0 = math.Min(x0, p.X), math.Min(y0, p.Y)
		x1, y1 = math.Max(x1, p.X), math.Max(y1, p.Y)
	}
	// About four nodes a cell, were they spread evenly.
	w, h := x1-x0, y1-y0
	side := math.Max(w, h)
	cell := 2 * math.Sqrt(math.Max(w, side/1e3)*math.Max(h, side/1e3)/float64(n))
	if !(cell > 0) || math.IsInf(cell, 0) || side/cell > 1<<30 {
		return f
	}
	f.cell = cell
	f.grid.fill(pos, cell)
	return f
}

// nearest returns the squared distance from node v to the nearest other
// node, and that node (the smallest id among the nearest; -1 when v is
// alone): what a scan of every node in id order finds.
func (f *nearFinder) nearest(v int) (float64, int) {
	p := f.pos[v]
	best, nearest := math.Inf(1), -1
	try := func(u int) {
		if u == v {
			return
		}
		dx, dy := f.pos[u].X-p.X, f.pos[u].Y-p.Y
		if d := dx*dx + dy*dy; d < best || d == best && u < nearest {
			best, nearest = d, u
		}
	}
	if f.cell > 0 {
		x, y := int(math.Floor(p.X/f.cell)), int(math.Floor(p.Y/f.cell))
		// Ring r holds the cells r apart (in x or y) from v's: their
		// nodes are at least (r−1) cells away (a cell of slack for
		// rounding at the cell borders). After ring r, a nearest closer
		// than r−1 cells is the nearest.
		for r := 0; r <= 64; r++ {
			for dx := -r; dx <= r; dx++ {
				edge := dx == -r || dx == r
				for dy := -r; dy <= r; dy++ {
					if !edge && dy != -r && dy != r {
						dy = r - 1 // inside the ring: skip to its far side
						continue
					}
					for _, u := range f.grid.at(x+dx, y+dy) {
						try(int(u))
					}
				}
			}
			if r >= 2 {
				if lim := float64(r-1) * f.cell; best < lim*lim {
					return best, nearest
				}
			}
		}
	}
	for u := range f.pos {
		try(u)
	}
	return best, nearest
}
