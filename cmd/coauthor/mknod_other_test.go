//go:build !unix

package main

import "errors"

// mknodNull makes no device where there is no mknod.
func mknodNull(string) error { return errors.ErrUnsupported }
