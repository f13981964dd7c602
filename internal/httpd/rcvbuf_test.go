package httpd

import "syscall"

// smallReadBuffer shrinks a client socket's receive buffer before it
// connects, so that a reader that stops reading stalls the server's writes
// after a few kilobytes, as a phone's would after its buffers filled.
func smallReadBuffer(_, _ string, c syscall.RawConn) error {
	var serr error
	err := c.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
	})
	if err != nil {
		return err
	}
	return serr
}
