package explorer

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// frame is the side of the square, in pixels, the map's positions are
// scaled to before overlap removal: about the map of a 1400×900 window
// less sigma's stage padding. Positions and sizes share this unit, and
// the browser draws sizes in it (sigma's itemSizesReference "positions"),
// so the map has no overlap at any window size.
const frame = 760.0

// gap is the free space, in the units of frame, kept between two nodes.
const gap = 1.0

// crowded is the share of the map's box its discs may cover before
// prevent spreads the map at once.
const crowded = 0.3

// prevent moves the discs at pos with radii r apart until no two
// overlap (with gap between them), in two phases: expand makes room
// where the discs are crowded, moving the rest of the map aside, then
// push moves each overlapping pair apart, as Gephi's "prevent overlap".
// Both phases have a number of rounds fixed before they start. It
// returns the rounds it took, or ctx's error soon after ctx ends. The
// result depends on pos and r only (not on the number of cores).
func prevent(ctx context.Context, pos [][2]float64, r []float64) (int, error) {
	n := len(pos)
	if n < 2 {
		return 0, nil
	}
	maxR := 0.0
	for _, x := range r {
		maxR = math.Max(maxR, x)
	}
	// Discs that cover more than crowded of the map's box cannot all be
	// pushed apart by their neighbours: spread the map at once to that
	// share (the 19,509 authors of a real library: 605 rounds before, 7 s).
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	area := 0.0
	for v, p := range pos {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
		d := r[v] + gap/2
		area += math.Pi * d * d
	}
	if box := (x1 - x0) * (y1 - y0); box > 0 && area > crowded*box {
		spread(pos, math.Sqrt(area/(crowded*box)))
	}
	rounds, err := expand(ctx, pos, r, expandRounds)
	if err != nil {
		return rounds, err
	}
	k, err := push(ctx, pos, r, maxR, pushRounds(n))
	return rounds + k, err
}

// pushRounds is the most rounds of push for n discs: about 50 million
// disc visits (all 5,000 rounds for maps of up to 10,000 discs, 500 for
// 100,000).
func pushRounds(n int) int { return max(200, min(5000, 50_000_000/n)) }

// chunk is the number of nodes a worker takes at once; sums are added
// chunk by chunk in order, so the bytes do not depend on the cores.
const chunk = 2048

// parallel calls f on the chunks of [0, n) from GOMAXPROCS goroutines
// (at most 4) and waits for them; f must write only to its own chunk's
// items.
func parallel(n int, f func(c, lo, hi int)) {
	chunks := (n + chunk - 1) / chunk
	workers := min(runtime.GOMAXPROCS(0), 4, chunks)
	if workers <= 1 {
		for c := range chunks {
			f(c, c*chunk, min(n, (c+1)*chunk))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				f(c, c*chunk, min(n, (c+1)*chunk))
			}
		})
	}
	wg.Wait()
}

// push moves the discs at pos apart in at most rounds rounds and returns
// the rounds it took: in each, a disc moves by half of each overlap it
// has (and of the gap), less when the other disc is smaller, at most its
// radius; all discs move at once from the positions of the round before,
// so a round is split between cores and gives the same bytes. When
// pushing does not settle, the map is spread by 5% around its centre
// every 50 rounds. It stops when no two discs overlap.
func push(ctx context.Context, pos [][2]float64, r []float64, maxR float64, rounds int) (int, error) {
	n := len(pos)
	cell := 2*maxR + gap
	disp := make([][2]float64, n)
	counts := make([]int, (n+chunk-1)/chunk)
	var grid cells
	for round := 0; round < rounds; round++ {
		if err := ctx.Err(); err != nil {
			return round, err
		}
		grid.index(pos, cell)
		parallel(n, func(c, lo, hi int) {
			overlaps := 0
			for u := lo; u < hi; u++ {
				cx, cy := grid.x[u], grid.y[u]
				var du [2]float64
				for dx := int32(-1); dx <= 1; dx++ {
					for dy := int32(-1); dy <= 1; dy++ {
						for _, v := range grid.at(cx+dx, cy+dy) {
							if int(v) == u {
								continue
							}
							ddx, ddy := pos[v][0]-pos[u][0], pos[v][1]-pos[u][1]
							need := r[u] + r[v] + gap
							if ddx*ddx+ddy*ddy > need*need*(1+1e-9) {
								continue // surely apart: no square root (Hypot decides the close ones)
							}
							d := math.Hypot(ddx, ddy)
							if d >= need {
								continue
							}
							if d < r[u]+r[v] && int(v) > u {
								overlaps++
							}
							if d < 1e-9 {
								// the same place: apart along an angle fixed by the pair
								a, b := min(u, int(v)), max(u, int(v))
								s := math.Copysign(1, float64(int(v)-u))
								ang := float64(a)*2.399963 + float64(b)*0.618034
								ddx, ddy, d = s*math.Cos(ang), s*math.Sin(ang), 1
							}
							o := (need - d) / d
							au, av := r[u]*r[u], r[v]*r[v]
							su := av / (au + av) // the smaller moves more
							du[0] -= ddx * o * su
							du[1] -= ddy * o * su
						}
					}
				}
				// a node pushed from many sides moves at most one radius a round
				if m := math.Hypot(du[0], du[1]); m > r[u] {
					du[0] *= r[u] / m
					du[1] *= r[u] / m
				}
				disp[u] = du
			}
			counts[c] = overlaps
		})
		overlaps := 0
		for _, k := range counts {
			overlaps += k
		}
		if overlaps == 0 {
			return round, nil
		}
		for v := range pos {
			pos[v][0] += disp[v][0]
			pos[v][1] += disp[v][1]
		}
		if round%50 == 49 {
			spread(pos, 1.05)
		}
	}
	return rounds, nil
}

// cells are the nodes by square cell of the plane, each cell's in
// increasing order: a dense array of the cells from the lowest to the
// highest occupied (one counting sort a round) while the nodes fill it
// well, else a map.
type cells struct {
	x, y       []int32 // each node's cell
	x0, y0     int32   // the lowest cell of the dense array
	w, h       int32
	start      []int32 // dense: cell c's nodes are nodes[start[c]:start[c+1]]
	fill       []int32 // where the next node of each cell goes
	nodes      []int32
	sparse     map[[2]int32][]int32
	usesSparse bool
}

// index puts the nodes at pos into cells of side cell.
func (g *cells) index(pos [][2]float64, cell float64) {
	n := len(pos)
	if len(g.x) != n {
		g.x, g.y, g.nodes = make([]int32, n), make([]int32, n), make([]int32, n)
	}
	x0, y0, x1, y1 := int32(math.MaxInt32), int32(math.MaxInt32), int32(math.MinInt32), int32(math.MinInt32)
	for v := range pos {
		g.x[v], g.y[v] = int32(math.Floor(pos[v][0]/cell)), int32(math.Floor(pos[v][1]/cell))
		x0, x1 = min(x0, g.x[v]), max(x1, g.x[v])
		y0, y1 = min(y0, g.y[v]), max(y1, g.y[v])
	}
	w, h := int64(x1)-int64(x0)+1, int64(y1)-int64(y0)+1
	g.usesSparse = w*h > 4*int64(n)+4096
	if g.usesSparse {
		if g.sparse == nil {
			g.sparse = map[[2]int32][]int32{}
		}
		clear(g.sparse)
		for v := range pos {
			k := [2]int32{g.x[v], g.y[v]}
			g.sparse[k] = append(g.sparse[k], int32(v))
		}
		return
	}
	g.x0, g.y0, g.w, g.h = x0, y0, int32(w), int32(h)
	if cap(g.start) < int(w*h)+1 {
		g.start = make([]int32, w*h+1)
	}
	g.start = g.start[:w*h+1]
	clear(g.start)
	for v := range pos {
		g.start[g.cell(g.x[v], g.y[v])+1]++
	}
	for c := 1; c < len(g.start); c++ {
		g.start[c] += g.start[c-1]
	}
	g.fill = append(g.fill[:0], g.start[:w*h]...)
	for v := range pos {
		c := g.cell(g.x[v], g.y[v])
		g.nodes[g.fill[c]] = int32(v)
		g.fill[c]++
	}
}

func (g *cells) cell(x, y int32) int32 { return (y-g.y0)*g.w + (x - g.x0) }

// at returns the nodes in cell (x, y), in increasing order.
func (g *cells) at(x, y int32) []int32 {
	if g.usesSparse {
		return g.sparse[[2]int32{x, y}]
	}
	if x < g.x0 || y < g.y0 || x-g.x0 >= g.w || y-g.y0 >= g.h {
		return nil
	}
	c := g.cell(x, y)
	return g.nodes[g.start[c]:g.start[c+1]]
}

// spread scales pos by f around their mean.
func spread(pos [][2]float64, f float64) {
	var mx, my float64
	for _, p := range pos {
		mx += p[0]
		my += p[1]
	}
	mx /= float64(len(pos))
	my /= float64(len(pos))
	for v := range pos {
		pos[v][0] = mx + (pos[v][0]-mx)*f
		pos[v][1] = my + (pos[v][1]-my)*f
	}
}

// fit scales pos so that their larger extent is side, its lowest corner
// at the origin.
func fit(pos [][2]float64, side float64) {
	if len(pos) == 0 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	ext := math.Max(x1-x0, y1-y0)
	f := 1.0
	if ext > 0 {
		f = side / ext
	}
	for v := range pos {
		pos[v] = [2]float64{(pos[v][0] - x0) * f, (pos[v][1] - y0) * f}
	}
}

// The constants of expand: the share of a cell its discs may cover
// (push packs them tighter), a cell's side in median diameters, the most
// cells a side of the grid, the most cells a disc moves a round, the
// most ln(coverage/dense) a round takes on, and the least that still
// takes a round (coverage 1.22 dense), the most rounds, and the most
// cells stir moves a disc. The cost of
// a round is the grid's (conjugate gradients: about maxGrid³) plus two
// looks at each disc.
const (
	dense        = 0.7
	cellDiscs    = 2.0
	maxGrid      = 256
	maxMove      = 4.0
	maxGrow      = 1.0
	expandStop   = 0.2
	expandRounds = 30
	stirCells    = 2.0
)

// expand moves the discs out of the parts of the map where they cover
// more than dense of the plane, and moves the rest of the map aside to
// make room, keeping its shape: each round, the discs' area is counted
// on a grid of cells cellDiscs discs wide (smoothed over neighbouring
// cells; before the first round, the crowded discs are stirred), and
// the map is moved along the gradient of the potential φ with
// ∇²φ = ln(coverage/dense) where the coverage is above dense, 0 elsewhere (and φ = 0 beyond the map): the
// displacement's divergence, the relative growth of area, is what each
// crowded cell needs, and zero elsewhere, so empty parts keep their area
// (as the diffusion cartograms of Gastner and Newman, PNAS 2004, grow
// and shrink the regions of a map to given areas; here only crowded
// ones grow). A round moves the map at most as far as keeps its order
// (the Jacobian of the move, I + f·Hess φ, keeps its eigenvalues at 1/2
// or more: nothing folds), so clusters apart stay apart. It returns the
// rounds it took.
func expand(ctx context.Context, pos [][2]float64, r []float64, rounds int) (int, error) {
	n := len(pos)
	var phi, rhs []float64
	var cg poisson
	diam := 0.0 // the median disc's diameter with its gap
	{
		d := make([]float64, n)
		for v := range r {
			d[v] = 2*r[v] + gap
		}
		slices.Sort(d)
		diam = d[n/2]
	}
	var fd field
	for round := 0; round < rounds; round++ {
		if err := ctx.Err(); err != nil {
			return round, err
		}
		if !fd.count(pos, r, diam) {
			return round, nil
		}
		if round == 0 {
			fd.stir(pos)
			fd.count(pos, r, diam)
		}
		g, h, ox, oy, mass := fd.g, fd.h, fd.ox, fd.oy, fd.mass
		cells := g * g
		if len(phi) != cells {
			phi = make([]float64, cells) // else φ of the round before is where the solver starts
		}
		rhs = resize(rhs, cells)
		most := 0.0
		for c, m := range mass {
			e := 0.0
			if cov := m / (h * h); cov > dense {
				e = math.Min(math.Log(cov/dense), maxGrow)
			}
			most = math.Max(most, e)
			rhs[c] = -h * h * e
		}
		if most < expandStop {
			return round, nil
		}
		if err := cg.solve(ctx, g, phi, rhs); err != nil {
			return round, err
		}
		// the gradient at the cell centres (central differences, φ = 0 beyond)
		at := func(i, j int) float64 {
			if i < 0 || j < 0 || i >= g || j >= g {
				return 0
			}
			return phi[j*g+i]
		}
		grad := func(i, j int) [2]float64 {
			return [2]float64{(at(i+1, j) - at(i-1, j)) / (2 * h), (at(i, j+1) - at(i, j-1)) / (2 * h)}
		}
		// no part of the map folds: where the displacement's Jacobian
		// I + f H (H the Hessian of φ) has its least eigenvalue, it
		// keeps at least half; and no disc moves more than maxMove cells
		f := math.Inf(1)
		for j := range g {
			for i := range g {
				u := grad(i, j)
				if m := math.Hypot(u[0], u[1]); m > 0 {
					f = math.Min(f, maxMove*h/m)
				}
				c := at(i, j)
				xx := (at(i+1, j) - 2*c + at(i-1, j)) / (h * h)
				yy := (at(i, j+1) - 2*c + at(i, j-1)) / (h * h)
				xy := (at(i+1, j+1) - at(i+1, j-1) - at(i-1, j+1) + at(i-1, j-1)) / (4 * h * h)
				if l := (xx+yy)/2 - math.Hypot((xx-yy)/2, xy); l < 0 {
					f = math.Min(f, 0.5/-l)
				}
			}
		}
		if math.IsInf(f, 1) {
			return round, nil
		}
		f = math.Min(f, 1)
		for v, p := range pos {
			fx, fy := (p[0]-ox)/h-0.5, (p[1]-oy)/h-0.5
			i, j := int(math.Floor(fx)), int(math.Floor(fy))
			tx, ty := fx-float64(i), fy-float64(j)
			var u [2]float64
			for k, w := range [4]float64{(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty} {
				gu := grad(i+k%2, j+k/2)
				u[0] += w * gu[0]
				u[1] += w * gu[1]
			}
			pos[v][0] += f * u[0]
			pos[v][1] += f * u[1]
		}
	}
	return rounds, nil
}

func resize(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// poisson solves L φ = b on a g×g grid by conjugate gradients, L the
// 5-point Laplacian with φ = 0 beyond the grid (negated: positive
// definite).
type poisson struct{ res, p, ap, sums []float64 }

func (s *poisson) solve(ctx context.Context, g int, phi, b []float64) error {
	n := g * g
	s.res, s.p, s.ap = resize(s.res, n), resize(s.p, n), resize(s.ap, n)
	if len(s.sums) != (n+chunk-1)/chunk {
		s.sums = make([]float64, (n+chunk-1)/chunk)
	}
	mul := func(in, out []float64) {
		parallel(n, func(_, lo, hi int) {
			for c := lo; c < hi; c++ {
				i, j := c%g, c/g
				o := 4 * in[c]
				if i > 0 {
					o -= in[c-1]
				}
				if i < g-1 {
					o -= in[c+1]
				}
				if j > 0 {
					o -= in[c-g]
				}
				if j < g-1 {
					o -= in[c+g]
				}
				out[c] = o
			}
		})
	}
	// dot adds chunk by chunk in order: the same sum on any number of cores
	dot := func(a, b []float64) (t float64) {
		parallel(n, func(k, lo, hi int) {
			x := 0.0
			for i := lo; i < hi; i++ {
				x += a[i] * b[i]
			}
			s.sums[k] = x
		})
		for _, x := range s.sums {
			t += x
		}
		return t
	}
	mul(phi, s.ap)
	for i := range n {
		s.res[i] = b[i] - s.ap[i]
		s.p[i] = s.res[i]
	}
	rr, bb := dot(s.res, s.res), dot(b, b)
	for step := 0; step < 4*g && rr > 1e-4*bb; step++ {
		if step%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		mul(s.p, s.ap)
		a := rr / dot(s.p, s.ap)
		parallel(n, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				phi[i] += a * s.p[i]
				s.res[i] -= a * s.ap[i]
			}
		})
		next := dot(s.res, s.res)
		beta := next / rr
		parallel(n, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				s.p[i] = s.res[i] + beta*s.p[i]
			}
		})
		rr = next
	}
	return nil
}

// blur smooths the g×g grid m by a [1 2 1]/4 kernel along each axis, in
// place (tmp is as large as m).
func blur(m, tmp []float64, g int) {
	for j := range g {
		for i := range g {
			c := j*g + i
			tmp[c] = 2 * m[c]
			tmp[c] += m[j*g+max(i-1, 0)] + m[j*g+min(i+1, g-1)]
			tmp[c] /= 4
		}
	}
	for j := range g {
		for i := range g {
			c := j*g + i
			m[c] = (2*tmp[c] + tmp[max(j-1, 0)*g+i] + tmp[min(j+1, g-1)*g+i]) / 4
		}
	}
}

// field is the discs' area counted on a square grid of g×g cells of
// side h, its lowest corner at (ox, oy).
type field struct {
	g         int
	h, ox, oy float64
	mass, tmp []float64
}

// count lays a grid over pos with a margin of a quarter of the map each
// side, its cells cellDiscs discs of diameter diam wide (at most √n and
// maxGrid a side), and counts each disc's area to the 4 cell centres
// around it, smoothed over neighbouring cells. It returns false when
// the map is a point.
func (f *field) count(pos [][2]float64, r []float64, diam float64) bool {
	n := len(pos)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	ext := math.Max(x1-x0, y1-y0) * 1.5
	g := int(math.Ceil(ext / (cellDiscs * diam)))
	g = max(8, min(maxGrid, int(math.Sqrt(float64(n))), g))
	h := ext / float64(g)
	if !(h > 0) {
		return false
	}
	f.g, f.h = g, h
	f.ox, f.oy = (x0+x1)/2-ext/2, (y0+y1)/2-ext/2
	f.mass, f.tmp = resize(f.mass, g*g), resize(f.tmp, g*g)
	clear(f.mass)
	for v, p := range pos {
		a := math.Pi * (r[v] + gap/2) * (r[v] + gap/2)
		i, j, w := f.corners(p)
		for k := range 4 {
			ii, jj := min(max(i+k%2, 0), g-1), min(max(j+k/2, 0), g-1)
			f.mass[jj*g+ii] += a * w[k]
		}
	}
	blur(f.mass, f.tmp, g)
	return true
}

// corners returns the cell centre below and left of p and the weights
// of the 4 cell centres around p (bilinear).
func (f *field) corners(p [2]float64) (i, j int, w [4]float64) {
	fx, fy := (p[0]-f.ox)/f.h-0.5, (p[1]-f.oy)/f.h-0.5
	i, j = int(math.Floor(fx)), int(math.Floor(fy))
	tx, ty := fx-float64(i), fy-float64(j)
	return i, j, [4]float64{(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty}
}

// stir moves each disc where the map is crowded by up to stirCells
// cells (the full length where the discs cover twice dense, none below
// dense), in a direction and length fixed by its index. The order of
// the discs within a crowded cell means nothing (push reorders them),
// but a pattern finer than a cell there is not seen by the grid and
// comes out of expand and push as structure the data lack: the rows of
// small components the layout packs on shelves, each a line of piled
// discs with empty space to the next, became layers with gaps between
// them and, grown unevenly, waves (100,622 generated authors). Stirred,
// they come out as an even grey.
func (f *field) stir(pos [][2]float64) {
	g := f.g
	for v, p := range pos {
		i, j, w := f.corners(p)
		m := 0.0
		for k := range 4 {
			ii, jj := min(max(i+k%2, 0), g-1), min(max(j+k/2, 0), g-1)
			m += w[k] * f.mass[jj*g+ii]
		}
		s := math.Min(math.Max(m/(f.h*f.h)/dense-1, 0), 1) * stirCells * f.h
		if s == 0 {
			continue
		}
		z := splitmix(uint64(v))
		a, b := float64(z>>11)/(1<<53), float64(splitmix(z)>>11)/(1<<53)
		pos[v][0] += s * (a - 0.5)
		pos[v][1] += s * (b - 0.5)
	}
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
