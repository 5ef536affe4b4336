// Package community partitions a co-authorship graph into groups of
// authors who work together: Louvain, Leiden and the modularity they
// optimize.
package community

import (
	"context"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"coauthor/graph"
	"coauthor/graph/internal/fsum"
	"coauthor/graph/internal/parallel"
)

// Options controls Louvain and Leiden. The zero value gives resolution 1,
// seed 0 and the number of Leiden starts chosen by size (see Starts).
type Options struct {
	// Resolution is γ in the modularity below; 0 means 1. Higher values
	// give more, smaller communities.
	Resolution float64
	// Seed fixes the random node order, so one seed gives one partition.
	Seed uint64
	// Starts is the number of independent Leiden runs (run in parallel,
	// seeds derived from Seed) whose best partition is returned; 0 means
	// 4 up to 2,000 nodes and 1 above (see Starts).
	Starts int
	// Iterations is the most Leiden passes, each from the previous
	// pass's partition (igraph's n_iterations); 0 means 2, negative
	// means until a pass changes nothing or gains little (at most 20).
	Iterations int
}

func (o Options) iterations() int {
	switch {
	case o.Iterations > 0:
		return o.Iterations
	case o.Iterations < 0:
		return maxPasses
	}
	return defaultIterations
}

func (o Options) gamma() float64 {
	if o.Resolution == 0 {
		return 1
	}
	return o.Resolution
}

// Modularity returns the weighted modularity of the partition labels
// (label[v] = community of node v) with resolution γ:
//
//	Q = Σ_c [ L_c/m − γ (K_c/2m)² ]
//
// where m is the total edge weight, L_c the weight of edges inside c and
// K_c the total strength of c's nodes (networkx's modularity).
func Modularity(g *graph.Graph, labels []int32, resolution float64) float64 {
	m := 0.0
	for e := range int32(g.M()) {
		m += g.Edge(e).Weight
	}
	if m == 0 {
		return 0
	}
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	in := make([]float64, k)
	tot := make([]float64, k)
	for id := range int32(g.M()) {
		e := g.Edge(id)
		cu, cv := labels[e.U], labels[e.V]
		if cu == cv {
			in[cu] += e.Weight
		}
		tot[cu] += e.Weight
		tot[cv] += e.Weight
	}
	var q fsum.Sum
	for c := range in {
		q.Add(in[c]/m - resolution*(tot[c]/(2*m))*(tot[c]/(2*m)))
	}
	return q.Value()
}

// Louvain returns a partition of g found by the Louvain method (Blondel et
// al. 2008): nodes move to the neighbouring community that raises
// modularity most, then communities become nodes, until nothing moves.
// Labels are 0..k−1, community 0 the largest (ties: smallest node id).
// Its error is that of the options (Options.Validate), or ctx's soon
// after ctx ends.
func Louvain(ctx context.Context, g *graph.Graph, opt Options) ([]int32, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return optimize(ctx, g, opt, false)
}

// Leiden returns a partition of g found by the Leiden algorithm (Traag,
// Waltman & van Eck 2019): Louvain's moves, then a refinement that splits
// each community into well-connected parts before aggregation, so every
// community is connected; repeated from its own result, two passes by
// default (Options.Iterations), fewer when a pass changes nothing or
// raises modularity by less than 0.1%. The best of Starts(opt, N) starts
// is returned. Labels and error as in Louvain.
func Leiden(ctx context.Context, g *graph.Graph, opt Options) ([]int32, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return optimize(ctx, g, opt, true)
}

// Leiden repeats passes from its own result, Options.Iterations of them
// (2 by default, as in igraph and leidenalg), stopping early when a pass
// changes nothing or raises modularity by less than passGain (relative);
// with Iterations < 0 at most maxPasses. On ca-GrQc the second pass gains
// 0.004 to 0.005 and each later one 0.0005 or less at the cost of the
// second (about 2/3 of the first); on the generated 23,146-node graph of
// bench/compare.sh the second gains 0.0008 and later ones less.
const (
	maxPasses         = 20
	defaultIterations = 2
	passGain          = 1e-3
	defaultStarts     = 4
	fewNodes          = 2000 // up to this, defaultStarts by default
)

// Starts returns the number of Leiden starts that opt gives on a graph of
// n nodes: opt.Starts when set, else 4 up to 2,000 nodes and 1 above.
//
// Several starts pay only on small graphs, where they also cost little:
// with one start (and two passes), Leiden fell below networkx Louvain's
// best modularity for 4 of 50 seeds on karate (34 nodes), 5 on lesmis
// (77) and 7 on netscience (1,589), with four for none; on ca-GrQc
// (5,242) one start stayed above it for all 50 seeds (lowest 0.8650
// against 0.8611) and four, at twice the time on two cores, add 0.0005 on
// average. On large graphs the seeds differ little (on the
// 1-million-paper corpus, 0.70268 and 0.70254 for the best two of four)
// and each start costs a minute or more.
func Starts(opt Options, n int) int {
	switch {
	case opt.Starts > 0:
		return opt.Starts
	case n > fewNodes:
		return 1
	}
	return defaultStarts
}

// optimize is Louvain or Leiden; it returns ctx's error, and no
// partition, soon after ctx ends.
func optimize(ctx context.Context, g *graph.Graph, opt Options, leiden bool) ([]int32, error) {
	base := newWorkGraph(g)
	if base.m2 == 0 {
		return canonical(g, identityLabels(g.N())), nil
	}
	// Independent starts from seeds derived from opt.Seed, spread over the
	// cores; the best partition wins (ties: the first).
	starts := 1
	if leiden {
		starts = Starts(opt, g.N())
	}
	results := make([][]int32, starts)
	quality := make([]float64, starts)
	parallel.Each(starts, func(i int) {
		if ctx.Err() != nil {
			return // the starts not begun yet
		}
		o := &optimizer{gamma: opt.gamma(), rand: parallel.NewRand(opt.Seed + uint64(i)*0x9e3779b97f4a7c15), leiden: leiden,
			iterations: opt.iterations(), ctx: ctx}
		results[i], quality[i] = o.passes(g, base)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	best := 0
	for i := range quality {
		if quality[i] > quality[best] {
			best = i
		}
	}
	return canonical(g, splitDisconnected(g, results[best])), nil
}

// passes runs one optimization from singletons; Leiden repeats it from
// its own result while that pays. It returns the partition and its
// modularity.
func (o *optimizer) passes(g *graph.Graph, base *workGraph) ([]int32, float64) {
	n := g.N()
	o.init(base)
	labels, alt := make([]int32, n), make([]int32, n)
	for i := range labels {
		labels[i] = int32(i)
	}
	_, q := o.run(base, labels, labels)
	if !o.leiden {
		return labels, q
	}
	for pass := 1; pass < o.iterations && !o.stopped(); pass++ {
		changed, nq := o.run(base, labels, alt)
		if nq < q {
			break
		}
		stop := !changed || nq-q < passGain*math.Abs(q)
		labels, alt, q = alt, labels, nq
		if stop {
			break
		}
	}
	return labels, q
}

func identityLabels(n int) []int32 {
	l := make([]int32, n)
	for i := range l {
		l[i] = int32(i)
	}
	return l
}

// workGraph is a weighted graph with self-loops and node strengths, the
// form aggregation produces. Self-loops are kept in self, never in adj
// (graph.Graph has none; aggregate puts a community's inner edges in
// self), so the loops over adj need not skip the node itself.
type workGraph struct {
	off  []int
	adj  []int32
	w    []float64
	self []float64 // weight of edges inside the node (each counted once)
	k    []float64 // strength, self-loops counted twice
	m2   float64   // total strength, 2m
}

func (wg *workGraph) n() int { return len(wg.k) }

func newWorkGraph(g *graph.Graph) *workGraph {
	n := g.N()
	off, adj, w := g.Adjacency()
	wg := &workGraph{off: off, adj: adj, w: w, self: make([]float64, n), k: make([]float64, n)}
	for v := 0; v < n; v++ {
		var k float64
		for _, x := range w[off[v]:off[v+1]] {
			k += x
		}
		wg.k[v] = k
		wg.m2 += k
	}
	return wg
}

// sized returns a workGraph whose node buffers hold a graph as large as
// base, for aggregate to fill; the edge buffers grow as needed (the
// first aggregate has a fraction of base's edges) and are kept for the
// next passes.
func sized(base *workGraph) *workGraph {
	n := base.n()
	return &workGraph{off: make([]int, n+1), self: make([]float64, n), k: make([]float64, n), m2: base.m2}
}

// optimizer holds one start's random source and every buffer its passes
// need, allocated once for the base graph (aggregates are never larger),
// so that passes and levels allocate nothing.
type optimizer struct {
	gamma      float64
	rand       *rand.Rand
	leiden     bool
	iterations int
	// ctx ends the work: the loops check it every checkEvery nodes and
	// return at once, leaving a partition no one reads (optimize returns
	// ctx's error).
	ctx  context.Context
	stop bool
	agg  [2]*workGraph // aggregates, used in turn
	// per node of the current graph
	wTo      []float64
	tot      []float64
	size     []int32
	inQueue  []bool
	part     []int32
	next     []int32
	refined  []int32
	kRef     []float64
	ext      []float64
	members  []int32
	renum    []int32
	pos      []int
	memOff   []int
	toAgg    []int32 // base node → node of the current graph
	queue    []int32
	free     []int32
	touchBuf []int32
	cands    []int32
	weights  []float64
}

// checkEvery is how many nodes (or communities) the optimizer's loops
// handle between two looks at the context: a few microseconds of work.
const checkEvery = 256

// stopped reports whether the context has ended, remembering it.
func (o *optimizer) stopped() bool {
	if !o.stop && o.ctx != nil && o.ctx.Err() != nil {
		o.stop = true
	}
	return o.stop
}

func (o *optimizer) init(base *workGraph) {
	n := base.n()
	o.agg = [2]*workGraph{sized(base), sized(base)}
	o.wTo = make([]float64, n)
	o.tot = make([]float64, n)
	o.size = make([]int32, n)
	o.inQueue = make([]bool, n)
	o.part = make([]int32, n)
	o.next = make([]int32, n)
	o.refined = make([]int32, n)
	o.kRef = make([]float64, n)
	o.ext = make([]float64, n)
	o.members = make([]int32, n)
	o.renum = make([]int32, n)
	o.pos = make([]int, n+1)
	o.memOff = make([]int, n+1)
	o.toAgg = make([]int32, n)
	o.queue = make([]int32, 0, 2*n)
	o.free = make([]int32, 0, n)
	o.touchBuf = make([]int32, n)
}

// run is one pass from the partition labels of base; it writes the new
// partition to out (which may be labels) and returns whether any node
// changed community and the modularity of the result.
func (o *optimizer) run(base *workGraph, labels, out []int32) (bool, float64) {
	g := base
	part, next := o.part[:base.n()], o.next
	copy(part, labels)
	toAgg := o.toAgg[:base.n()]
	for i := range toAgg {
		toAgg[i] = int32(i)
	}
	changed := false
	for level := 0; ; level++ {
		if o.moveNodes(g, part) {
			changed = true
		}
		count := o.renumber(part)
		if count == g.n() || o.stopped() {
			break
		}
		// Louvain aggregates the communities; Leiden their refined parts,
		// starting the aggregate from the unrefined partition. When the
		// refinement merges nothing, Leiden aggregates as Louvain does.
		by, byCount := part, count
		next = next[:count]
		for i := range next {
			next[i] = int32(i)
		}
		if o.leiden {
			refined := o.refine(g, part, count)
			if o.stopped() {
				break
			}
			if rc := o.renumber(refined); rc < g.n() {
				next = next[:rc]
				for v, r := range refined {
					next[r] = part[v]
				}
				by, byCount = refined, rc
			}
		}
		dst := o.agg[level%2]
		if !o.aggregate(g, by, byCount, dst) {
			break
		}
		g = dst
		for i, a := range toAgg {
			toAgg[i] = by[a]
		}
		part, next = next, part[:cap(part)]
	}
	for i, a := range toAgg {
		out[i] = part[a]
	}
	// Every node of the last graph is a community of its own.
	m := g.m2 / 2
	var q float64
	for v := range g.k {
		f := g.k[v] / g.m2
		q += g.self[v]/m - o.gamma*f*f
	}
	return changed, q
}

// moveNodes moves nodes to the community of best modularity gain until
// none gains (Leiden's fast local moving: a queue of nodes whose
// neighbourhood changed). It reports whether any node moved.
func (o *optimizer) moveNodes(g *workGraph, part []int32) bool {
	n := g.n()
	tot, size, wTo := o.tot[:n], o.size[:n], o.wTo[:n]
	clear(tot)
	clear(size)
	for v, c := range part {
		tot[c] += g.k[v]
		size[c]++
	}
	free := o.free[:0]
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			free = append(free, int32(c))
		}
	}
	queue := o.queue[:n]
	for i := range queue {
		queue[i] = int32(i)
	}
	o.rand.Shuffle(n, func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	inQueue := o.inQueue[:n]
	for i := range inQueue {
		inQueue[i] = true
	}
	scale := o.gamma / g.m2
	moved := false
	// A node has fewer than n neighbouring communities; the list is
	// filled without branching on whether a community is new.
	buf := o.touchBuf[:n]
	for head, done := 0, 0; head < len(queue); head, done = head+1, done+1 {
		if done%checkEvery == 0 && o.stopped() {
			break
		}
		v := queue[head]
		inQueue[v] = false
		cv := part[v]
		kv := g.k[v]
		// Weight of v's edges into each neighbouring community.
		lo, hi := g.off[v], g.off[v+1]
		nbrs, ws := g.adj[lo:hi], g.w[lo:hi]
		ws = ws[:len(nbrs)]
		nt := 0
		for i, u := range nbrs {
			c := part[u]
			w := wTo[c]
			buf[nt] = c
			nt += isZero(w)
			wTo[c] = w + ws[i]
		}
		touched := buf[:nt]
		tot[cv] -= kv
		size[cv]--
		best, bestGain := cv, wTo[cv]-scale*kv*tot[cv]
		for _, c := range touched {
			if gain := wTo[c] - scale*kv*tot[c]; gain > bestGain {
				best, bestGain = c, gain
			}
			wTo[c] = 0
		}
		wTo[cv] = 0
		if bestGain < 0 && size[cv] > 0 {
			// Alone is better than anywhere: take an empty community.
			best = free[len(free)-1]
			free = free[:len(free)-1]
		}
		if size[cv] == 0 && best != cv {
			free = append(free, cv)
		}
		tot[best] += kv
		size[best]++
		part[v] = best
		if best != cv {
			moved = true
			for _, u := range nbrs {
				if !inQueue[u] && part[u] != best {
					inQueue[u] = true
					queue = append(queue, u)
				}
			}
		}
		// Keep the queue's memory bounded.
		if head > n && head > len(queue)/2 {
			queue = append(queue[:0], queue[head+1:]...)
			head = -1
		}
	}
	o.queue, o.free = queue[:0], free[:0]
	return moved
}

// isEq is 1 when a == b, else 0, without a branch.
func isEq(a, b int32) int {
	r := 0
	if a == b {
		r = 1
	}
	return r
}

// isZero is 1 when w is 0, else 0, without a branch.
func isZero(w float64) int {
	b := 0
	if w == 0 {
		b = 1
	}
	return b
}

// theta is the randomness of the refinement's choices (Traag et al.'s θ),
// applied to gains in edge-weight units. Against gains in modularity
// units, as in the paper, the choice is nearly uniform; this nearly greedy
// one found higher modularity on every test network (netscience, 10
// seeds: lowest 0.95495 against 0.95448; scaled by the mean edge weight,
// 0.95468).
const theta = 0.01

// splitmix is a small random stream per community (SplitMix64), so that
// each community's refinement draws from its own stream, whatever order
// communities are taken in.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n) (Lemire's multiply, negligible bias
// for community sizes).
func (s *splitmix) intn(n int) int {
	hi, _ := bits.Mul64(s.next(), uint64(n))
	return int(hi)
}

func (s *splitmix) float64() float64 { return float64(s.next()>>11) / (1 << 53) }

// members lists the nodes of each community of part (labels
// 0..count−1) by counting sort: members[memOff[c]:memOff[c+1]].
func (o *optimizer) groupMembers(part []int32, count int) (memOff []int, members []int32) {
	memOff = o.memOff[:count+1]
	clear(memOff)
	for _, c := range part {
		memOff[c+1]++
	}
	for c := 0; c < count; c++ {
		memOff[c+1] += memOff[c]
	}
	pos := o.pos[:count]
	copy(pos, memOff[:count])
	members = o.members[:len(part)]
	for v, c := range part {
		members[pos[c]] = int32(v)
		pos[c]++
	}
	return memOff, members
}

// refine splits each community of part (labels 0..count−1) into
// well-connected subcommunities: starting from singletons, a node that is
// well connected to its community joins, at random with probability
// ∝ exp(ΔQ/θ), one of the well-connected subcommunities it does not make
// worse. The result lives in the optimizer's buffers.
func (o *optimizer) refine(g *workGraph, part []int32, count int) []int32 {
	n := g.n()
	refined, kRef, sizeRef, ext, totC := o.refined[:n], o.kRef[:n], o.size[:n], o.ext[:n], o.tot[:count]
	copy(kRef, g.k)
	clear(totC)
	for v := range refined {
		refined[v] = int32(v)
		sizeRef[v] = 1
		totC[part[v]] += g.k[v]
	}
	memOff, members := o.groupMembers(part, count)
	scale := o.gamma / g.m2
	seed := o.rand.Uint64()
	wTo, buf := o.wTo[:n], o.touchBuf[:n]
	{
		for c, done := 0, 0; c < count; c++ {
			vs := members[memOff[c]:memOff[c+1]]
			if len(vs) < 2 {
				continue
			}
			if done += len(vs); done >= checkEvery {
				if done = 0; o.stopped() {
					break
				}
			}
			// ext[s]: weight from subcommunity s to the rest of its
			// community.
			for _, v := range vs {
				var e float64
				nbrs, ws := g.adj[g.off[v]:g.off[v+1]], g.w[g.off[v]:g.off[v+1]]
				ws = ws[:len(nbrs)]
				for i, u := range nbrs {
					e += ws[i] * float64(isEq(part[u], int32(c)))
				}
				ext[v] = e
			}
			rng := splitmix(seed ^ uint64(c)*0xd1b54a32d192ed03)
			for i := len(vs) - 1; i > 0; i-- {
				j := rng.intn(i + 1)
				vs[i], vs[j] = vs[j], vs[i]
			}
			K := totC[c]
			for _, v := range vs {
				if sizeRef[refined[v]] > 1 || ext[v] < scale*g.k[v]*(K-g.k[v]) {
					continue
				}
				// Weights to the subcommunities of v's neighbours in c.
				// (Without branches: an edge leaving c adds 0.)
				nbrs, ws := g.adj[g.off[v]:g.off[v+1]], g.w[g.off[v]:g.off[v+1]]
				ws = ws[:len(nbrs)]
				nt := 0
				for i, u := range nbrs {
					same := isEq(part[u], int32(c))
					s := refined[u]
					w := wTo[s]
					buf[nt] = s
					nt += isZero(w) & same
					wTo[s] = w + ws[i]*float64(same)
				}
				touched := buf[:nt]
				cands, weights := o.cands[:0], o.weights[:0]
				best := 0.0
				for _, s := range touched {
					if ext[s] < scale*kRef[s]*(K-kRef[s]) {
						continue // not well connected
					}
					if gain := wTo[s] - scale*g.k[v]*kRef[s]; gain >= 0 {
						cands = append(cands, s)
						weights = append(weights, gain)
						best = max(best, gain)
					}
				}
				if len(cands) > 0 {
					// Staying alone (gain 0) is a candidate too. Choices
					// outweighed by e^40 or more count as impossible.
					chosen := int32(-1)
					total := 0.0
					if best/theta < 40 {
						total = math.Exp(-best / theta)
					}
					for i, w := range weights {
						if d := (best - w) / theta; d == 0 {
							weights[i] = 1
						} else if d < 40 {
							weights[i] = math.Exp(-d)
						} else {
							weights[i] = 0
						}
						total += weights[i]
					}
					pick := rng.float64() * total
					for i, w := range weights {
						if pick -= w; pick < 0 {
							chosen = cands[i]
							break
						}
					}
					if chosen >= 0 {
						s := refined[v]
						ext[chosen] += ext[s] - 2*wTo[chosen]
						kRef[chosen] += kRef[s]
						sizeRef[chosen]++
						sizeRef[s] = 0
						refined[v] = chosen
					}
					o.cands, o.weights = cands[:0], weights[:0]
				}
				for _, s := range touched {
					wTo[s] = 0
				}
			}
		}
	}
	return refined
}

// renumber relabels part (labels < len(part)) to 0..k−1 in order of
// first appearance and returns k.
func (o *optimizer) renumber(part []int32) int {
	next := o.renum[:len(part)]
	for i := range next {
		next[i] = -1
	}
	k := int32(0)
	for i, c := range part {
		if next[c] < 0 {
			next[c] = k
			k++
		}
		part[i] = next[c]
	}
	return int(k)
}

// aggregate fills agg with the graph whose nodes are the count
// communities of part (labels 0..count−1); it returns false, leaving agg
// unfinished, when the context ends.
func (o *optimizer) aggregate(g *workGraph, part []int32, count int, agg *workGraph) bool {
	agg.off, agg.self, agg.k = agg.off[:count+1], agg.self[:count], agg.k[:count]
	adj, w := agg.adj[:0], agg.w[:0]
	clear(agg.self)
	clear(agg.k)
	memOff, members := o.groupMembers(part, count)
	acc, buf := o.wTo[:count], o.touchBuf[:count+1] // count < n
	agg.off[0] = 0
	for c := 0; c < count; c++ {
		if c%checkEvery == 0 && o.stopped() {
			return false
		}
		// Edges inside c are summed in acc[c] like the others (without
		// branches), then moved to self.
		nt := 0
		var self, k float64
		for _, v := range members[memOff[c]:memOff[c+1]] {
			self += g.self[v]
			k += g.k[v]
			nbrs, ws := g.adj[g.off[v]:g.off[v+1]], g.w[g.off[v]:g.off[v+1]]
			ws = ws[:len(nbrs)]
			for i, u := range nbrs {
				cu := part[u]
				a := acc[cu]
				buf[nt] = cu
				nt += isZero(a)
				acc[cu] = a + ws[i]
			}
		}
		// Neighbours in order of first encounter: deterministic, and
		// nothing here needs them sorted.
		for _, cu := range buf[:nt] {
			if int(cu) == c {
				self += acc[cu] / 2
			} else {
				adj = append(adj, cu)
				w = append(w, acc[cu])
			}
			acc[cu] = 0
		}
		agg.self[c], agg.k[c] = self, k
		agg.off[c+1] = len(adj)
	}
	agg.adj, agg.w, agg.m2 = adj, w, g.m2
	return true
}

// splitDisconnected gives each connected part of a community a label of
// its own; splitting never lowers modularity.
func splitDisconnected(g *graph.Graph, labels []int32) []int32 {
	n := g.N()
	off, adj, _ := g.Adjacency()
	out := make([]int32, n)
	for i := range out {
		out[i] = -1
	}
	next := int32(0)
	var queue []int32
	for s := 0; s < n; s++ {
		if out[s] >= 0 {
			continue
		}
		out[s] = next
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			v := queue[i]
			for _, u := range adj[off[v]:off[v+1]] {
				if out[u] < 0 && labels[u] == labels[v] {
					out[u] = next
					queue = append(queue, u)
				}
			}
		}
		next++
	}
	return out
}

// canonical relabels communities by size, largest first, ties by smallest
// node id, so that labels do not depend on how they were found.
func canonical(g *graph.Graph, labels []int32) []int32 {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	size := make([]int, k)
	first := make([]int, k)
	for i := range first {
		first[i] = -1
	}
	for v, c := range labels {
		size[c]++
		if first[c] < 0 {
			first[c] = v
		}
	}
	order := make([]int, 0, k)
	for c := 0; c < k; c++ {
		if size[c] > 0 {
			order = append(order, c)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		if size[a] != size[b] {
			return size[b] - size[a]
		}
		return first[a] - first[b]
	})
	rank := make([]int32, k)
	for r, c := range order {
		rank[c] = int32(r)
	}
	out := make([]int32, len(labels))
	for v, c := range labels {
		out[v] = rank[c]
	}
	return out
}
