package measure

import (
	"math"
	"strings"
	"testing"

	"coauthor/graph/internal/testnet"
)

func TestOptionsValidate(t *testing.T) {
	for _, tt := range []struct {
		opt   Options
		field string // "" when valid
	}{
		{Options{}, ""},
		{Options{Samples: 100, Epsilon: 0.05, Delta: 0.01, Seed: 3, NoPapers: true}, ""},
		{Options{Samples: -1}, "Samples"},
		{Options{Epsilon: 1}, "Epsilon"},
		{Options{Epsilon: -0.01}, "Epsilon"},
		{Options{Epsilon: math.NaN()}, "Epsilon"},
		{Options{Epsilon: 0.1, Delta: 1}, "Delta"},
		{Options{Delta: -0.1}, "Delta"},
		{Options{Delta: math.NaN()}, "Delta"},
	} {
		err := tt.opt.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v, want nil", tt.opt, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%+v: %v, want an error naming %s", tt.opt, err, tt.field)
		}
	}
	g := testnet.Load(t, "karate.txt")
	if s, err := NewSet(g, Options{Epsilon: math.NaN()}); err == nil || s != nil {
		t.Errorf("NewSet with a NaN epsilon: %v, %v", s, err)
	}
}
