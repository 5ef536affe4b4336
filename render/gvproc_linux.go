package render

import (
	"os/exec"
	"syscall"
)

// killGroup starts cmd in a process group of its own, which is killed
// whole when cmd's context is done (a native Graphviz or a shell script
// may start children of its own), and has the kernel kill cmd if this
// process dies first.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
