package httpd

import "math"

// reserveFDs is how many file descriptors the cap leaves to the rest of
// the process: the listener, logs, a few files opened at start-up.
const reserveFDs = 128

// fallbackMaxConns is the cap where the descriptor limit cannot be read.
const fallbackMaxConns = 256

// maxConnsFor is the cap under a descriptor limit of nofile: half of what
// the reserve leaves, since each connection may hold two descriptors.
func maxConnsFor(nofile uint64) int {
	if nofile > math.MaxInt32 {
		nofile = math.MaxInt32
	}
	n := (int(nofile) - reserveFDs) / 2
	return max(n, 1)
}
