package measure

import (
	"flag"
	"io"
	"strings"
	"testing"
)

// The flags set the options and refuse values out of range. (Kept apart
// from the tests of the library: the flags are to move to cmd/coauthor.)
func TestRegisterFlags(t *testing.T) {
	parse := func(args ...string) (Options, string, error) {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var o Options
		o.RegisterFlags(fs)
		var by string
		NameFlag(fs, &by, "by", "degree", "measure to sort by")
		err := fs.Parse(args)
		return o, by, err
	}
	o, by, err := parse()
	if err != nil || o.Seed != 1 || o.Samples != 0 || by != "degree" {
		t.Errorf("defaults: %+v, by %s, %v", o, by, err)
	}
	o, by, err = parse("-samples", "50", "-epsilon", "0.01", "-delta", "0.05", "-seed", "9", "-by", "pagerank")
	if err != nil || o.Samples != 50 || o.Epsilon != 0.01 || o.Delta != 0.05 || o.Seed != 9 || by != "pagerank" {
		t.Errorf("set: %+v, by %s, %v", o, by, err)
	}
	for _, args := range [][]string{{"-samples", "-1"}, {"-epsilon", "1"}, {"-epsilon", "x"}, {"-delta", "0"}, {"-by", "fame"}} {
		if _, _, err := parse(args...); err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(args[0], "-")) {
			t.Errorf("%v: %v, want an error naming the flag", args, err)
		}
	}
}
