//go:build !unix

package httpd

// DefaultMaxConns is a conservative cap where the descriptor limit is not
// known.
func DefaultMaxConns() int { return fallbackMaxConns }
