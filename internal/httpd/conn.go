package httpd

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// chunk is how much of a response a single write may send under one
// deadline. With the default WriteTimeout of 10 s it sets the slowest reader
// Gloss keeps at 32 KB per 10 s (26 kbit/s); a phone at 400 kbit/s drains a
// chunk in under a second.
const chunk = 32 << 10

// conn is an accepted connection that puts a deadline on every write and
// extends it as bytes flow, and remembers since when it has been waiting
// on its peer, so that the listener can shed the longest waiter when full.
//
// The deadline applies only while a write is pending: a stream that is quiet
// between events (server-sent events) is never cut for being quiet.
type conn struct {
	net.Conn
	l       *listener
	timeout time.Duration

	// state is the http.ConnState and since the time it was entered, in
	// Unix nanoseconds; writing is when the pending write last made
	// progress, or 0.
	state   atomic.Int32
	since   atomic.Int64
	writing atomic.Int64

	closeOnce sync.Once
	closeErr  error
}

func newConn(c net.Conn, l *listener, timeout time.Duration) *conn {
	cc := &conn{Conn: c, l: l, timeout: timeout}
	cc.state.Store(int32(http.StateNew))
	cc.since.Store(time.Now().UnixNano())
	return cc
}

// Write sends p in chunks, each with a fresh deadline, so that a slow
// reader that keeps reading is served to the end and one that stops is
// closed after one timeout.
func (c *conn) Write(p []byte) (int, error) {
	defer c.writing.Store(0)
	n := 0
	for n < len(p) {
		end := min(len(p), n+chunk)
		now := time.Now()
		c.writing.Store(now.UnixNano())
		if err := c.Conn.SetWriteDeadline(now.Add(c.timeout)); err != nil {
			return n, err
		}
		m, err := c.Conn.Write(p[n:end])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// CloseWrite keeps net/http's orderly close (FIN, then a pause before the
// full close) working through the wrapper.
func (c *conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// Close closes the connection once and gives its place back to the listener.
func (c *conn) Close() error {
	c.closeOnce.Do(func() {
		c.closeErr = c.Conn.Close()
		c.l.release(c)
	})
	return c.closeErr
}

func (c *conn) setState(s http.ConnState) {
	c.state.Store(int32(s))
	c.since.Store(time.Now().UnixNano())
}

// waiting is how long, at now, the connection has been waiting on its peer:
// for a request (new or idle keep-alive connection) or for room to write.
// It is 0 while the handler works, or a write makes progress, or a stream
// is quiet.
func (c *conn) waiting(now int64) time.Duration {
	if w := c.writing.Load(); w != 0 {
		return time.Duration(now - w)
	}
	d := time.Duration(now - c.since.Load())
	switch http.ConnState(c.state.Load()) {
	case http.StateNew:
		// On a busy machine a connection just accepted may not have
		// been read yet although its request has arrived.
		return max(0, d-unreadGrace)
	case http.StateIdle:
		return d
	}
	return 0
}

// unreadGrace is how long a new connection may go unread before it counts
// as waiting on its peer. A client that sends no request at all is closed
// by ReadHeaderTimeout anyway.
const unreadGrace = 1500 * time.Millisecond
