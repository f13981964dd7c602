//go:build unix

package httpd

import "syscall"

// DefaultMaxConns is the connection cap that keeps the process below its
// file-descriptor limit (RLIMIT_NOFILE, which Go raises to the hard limit at
// start-up): a connection serving a static file holds two descriptors, the
// socket and the file, and the rest of the process keeps a reserve.
func DefaultMaxConns() int {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fallbackMaxConns
	}
	return maxConnsFor(lim.Cur)
}
