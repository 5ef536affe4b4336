package explorer

import (
	"context"
	"math"
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
// overlap (with gap between them), as Gephi's "prevent overlap": a node
// moves by half of each overlap, less when the other node is smaller.
// When pushing does not settle (a dense cluster), the map is spread out
// by 5% around its centre every 50 rounds. It returns the rounds it
// took, or ctx's error soon after ctx ends. The result depends on pos
// and r only.
func prevent(ctx context.Context, pos [][2]float64, r []float64) (int, error) {
	n := len(pos)
	if n < 2 {
		return 0, nil
	}
	maxR := 0.0
	for _, x := range r {
		maxR = math.Max(maxR, x)
	}
	cell := 2*maxR + gap
	// Discs that cover more than crowded of the map's box cannot all be
	// pushed apart by their neighbours: hundreds of rounds would spread
	// the map 5% at a time. Spread it at once to that share (the 19,509
	// authors of a real library: 605 rounds before, 7 s).
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
	disp := make([][2]float64, n)
	var grid cells
	const maxRounds = 5000
	for round := 0; round < maxRounds; round++ {
		if err := ctx.Err(); err != nil {
			return round, err
		}
		grid.index(pos, cell)
		clear(disp)
		overlaps := 0
		for u := range pos {
			cx, cy := grid.x[u], grid.y[u]
			for dx := int32(-1); dx <= 1; dx++ {
				for dy := int32(-1); dy <= 1; dy++ {
					for _, v := range grid.at(cx+dx, cy+dy) {
						if int(v) <= u {
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
						if d < r[u]+r[v] {
							overlaps++
						}
						if d < 1e-9 {
							// the same place: apart along an angle fixed by the pair
							a := float64(u)*2.399963 + float64(v)*0.618034
							ddx, ddy, d = math.Cos(a), math.Sin(a), 1
						}
						o := (need - d) / d
						au, av := r[u]*r[u], r[v]*r[v]
						su, sv := av/(au+av), au/(au+av) // the smaller moves more
						disp[u][0] -= ddx * o * su
						disp[u][1] -= ddy * o * su
						disp[v][0] += ddx * o * sv
						disp[v][1] += ddy * o * sv
					}
				}
			}
		}
		if overlaps == 0 {
			return round, nil
		}
		for v := range pos {
			// a node pushed from many sides moves at most one radius a round
			m := math.Hypot(disp[v][0], disp[v][1])
			if s := r[v]; m > s {
				disp[v][0] *= s / m
				disp[v][1] *= s / m
			}
			pos[v][0] += disp[v][0]
			pos[v][1] += disp[v][1]
		}
		if round%50 == 49 {
			spread(pos, 1.05)
		}
	}
	return maxRounds, nil
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
