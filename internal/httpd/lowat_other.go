//go:build !linux

package httpd

import "net"

// limitUnsent is a no-op where TCP_NOTSENT_LOWAT is not known to Gloss:
// writes then make progress in steps of the kernel's choosing.
func limitUnsent(net.Conn) {}
