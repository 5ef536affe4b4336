package formats

import "testing"

// Paths under /dev and /proc are written through, never replaced:
// /dev/stdout may lead to a file a shell opened for appending. (Checked
// without writing, so that a regression cannot harm the system's files.)
func TestResolveDevices(t *testing.T) {
	for _, p := range []string{"/dev/stdout", "/dev/null", "/dev/fd/1", "/proc/self/fd/1"} {
		if target, regular, err := resolve(p); err != nil || regular || target != p {
			t.Errorf("resolve(%s) = %s, %v, %v; want it written through", p, target, regular, err)
		}
	}
}
