//go:build !linux

package render

import "os/exec"

// killGroup leaves cmd as it is: its context being done kills the process
// (os/exec's default); see gvproc_linux.go.
func killGroup(*exec.Cmd) {}
