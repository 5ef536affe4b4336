package explorer

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

// Slow reports whether measure name searches from every author
// (betweenness, betweenness_weighted, closeness, harmonic): minutes on a
// large network, where the others take about linear time.
func Slow(name string) bool {
	switch name {
	case "betweenness", "betweenness_weighted", "closeness", "harmonic":
		return true
	}
	return false
}

// Linear reports whether measure name is computed in one pass over the
// nodes or the edges (papers, degree, strength, core): the server
// computes those before the map, the others after it.
func Linear(name string) bool {
	switch name {
	case "papers", "degree", "strength", "core":
		return true
	}
	return false
}

// Status is the answer to api/status: how far the measures that the
// panel shows after the map (Options.Later) have got.
type Status struct {
	// Pending are the measures not computed yet, in the order they will
	// be; Computing is the one under way ("" when none).
	Pending   []string `json:"pending"`
	Computing string   `json:"computing,omitempty"`
	// Done and Total count the measures of Options.Later; Percent is
	// Done of Total (100 when there are none).
	Done    int `json:"done"`
	Total   int `json:"total"`
	Percent int `json:"percent"`
	// Ready is true once every measure is in the panel; Error says why
	// the computation stopped before ("" else).
	Ready bool   `json:"ready"`
	Error string `json:"error,omitempty"`
}

// String is the status as a progress line: "betweenness (1 of 3), 33%".
func (s Status) String() string {
	switch {
	case s.Error != "":
		return fmt.Sprintf("stopped after %d of %d: %s", s.Done, s.Total, s.Error)
	case s.Ready:
		return fmt.Sprintf("%d of %d done, 100%%", s.Done, s.Total)
	}
	return fmt.Sprintf("%s (%d of %d), %d%%", s.Computing, s.Done+1, s.Total, s.Percent)
}

// later holds the measures of Options.Later as they arrive.
type later struct {
	mu     sync.RWMutex
	values map[string][]float64
	status Status
	run    sync.Once
}

func newLater(names []string) *later {
	l := &later{values: map[string][]float64{}, status: Status{Pending: slices.Clone(names), Total: len(names)}}
	if l.status.Pending == nil {
		l.status.Pending = []string{}
	}
	l.status.Ready = len(names) == 0
	l.status.Percent = percent(0, len(names))
	return l
}

func percent(done, total int) int {
	if total == 0 {
		return 100
	}
	return 100 * done / total
}

// Status returns the answer to api/status.
func (a *App) Status() Status {
	a.later.mu.RLock()
	defer a.later.mu.RUnlock()
	s := a.later.status
	s.Pending = slices.Clone(s.Pending)
	return s
}

// measure returns the values of measure k of the panel, nil while it is
// being computed.
func (a *App) measure(k int) (string, []float64) {
	if k < len(a.opt.Measures) {
		return a.opt.Measures[k], a.opt.MeasureValues[k]
	}
	name := a.opt.Later[k-len(a.opt.Measures)]
	a.later.mu.RLock()
	defer a.later.mu.RUnlock()
	return name, a.later.values[name]
}

// ComputeLater computes the measures of Options.Later one after the
// other with Options.Compute, each shown in the authors' panels as soon
// as it is ready; report (when not nil) is told the status as each
// starts and when all are done or the work stops. It returns ctx's
// error soon after ctx ends (Compute must heed ctx), or Compute's first
// error, or an error for values not one per node; the measures computed
// before stay in the panel. A second call does nothing and returns nil.
func (a *App) ComputeLater(ctx context.Context, report func(Status)) error {
	l := a.later
	first := false
	l.run.Do(func() { first = true })
	if !first {
		return nil
	}
	set := func(change func(s *Status)) {
		l.mu.Lock()
		change(&l.status)
		s := l.status
		l.mu.Unlock()
		if report != nil && (s.Computing != "" || s.Ready || s.Error != "") {
			report(s)
		}
	}
	for _, name := range a.opt.Later {
		set(func(s *Status) { s.Computing = name })
		v, err := a.opt.Compute(ctx, name)
		if err == nil && len(v) != a.G.N() {
			err = fmt.Errorf("explorer: %s has %d values for %d nodes", name, len(v), a.G.N())
		}
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			set(func(s *Status) { s.Computing, s.Error = "", err.Error() })
			return err
		}
		set(func(s *Status) {
			l.values[name] = v
			s.Computing, s.Pending = "", slices.DeleteFunc(s.Pending, func(x string) bool { return x == name })
			s.Done++
			s.Percent = percent(s.Done, s.Total)
			s.Ready = s.Done == s.Total
		})
	}
	if len(a.opt.Later) == 0 {
		set(func(s *Status) {})
	}
	return nil
}
