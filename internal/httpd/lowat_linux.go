package httpd

import (
	"net"
	"syscall"
)

// tcpNotsentLowat is Linux's TCP_NOTSENT_LOWAT socket option (linux/tcp.h),
// which the syscall package does not name.
const tcpNotsentLowat = 25

// limitUnsent keeps at most about one chunk of unsent data in c's kernel
// buffer. Without it the buffer grows to megabytes and a write waits until
// half of it has drained before it returns, so a reader at 400 kbit/s would
// see no progress for longer than the write timeout; with it a write
// returns as soon as its chunk is taken, and a stalled reader holds little
// kernel memory. It is best effort: a socket that refuses it keeps the
// kernel's default.
func limitUnsent(c net.Conn) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return
	}
	raw.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, tcpNotsentLowat, chunk)
	})
}
