package httpd

import (
	"cmp"
	"net"
	"slices"
	"sync"
	"time"
)

// minWait is how long a connection must have been waiting on its peer
// before a full listener may close it to make room: a real reader's write
// makes progress more often than that, an attacker's does not.
const minWait = 500 * time.Millisecond

// listener caps the number of open connections. When full, it closes the
// connections that have waited longest on their peer (stalled readers, idle
// keep-alives, clients that never sent a request) to make room, so that
// new readers keep being answered while slow ones hold every place; if
// nobody has waited long enough, Accept waits, leaving new connections in
// the kernel's backlog and not in this process's file descriptors.
type listener struct {
	net.Listener
	max     int
	timeout time.Duration
	onShed  func(n int)

	mu      sync.Mutex
	conns   map[*conn]struct{}
	pending int           // places held for connections being accepted
	freed   chan struct{} // signalled when a place frees up
	done    chan struct{}
	once    sync.Once
}

func newListener(ln net.Listener, max int, timeout time.Duration, onShed func(int)) *listener {
	return &listener{
		Listener: ln,
		max:      max,
		timeout:  timeout,
		onShed:   onShed,
		conns:    make(map[*conn]struct{}),
		freed:    make(chan struct{}, 1),
		done:     make(chan struct{}),
	}
}

// Accept waits for a free place, then for a connection.
func (l *listener) Accept() (net.Conn, error) {
	if err := l.reserve(); err != nil {
		return nil, err
	}
	c, err := l.Listener.Accept()
	l.mu.Lock()
	l.pending--
	var cc *conn
	if err == nil {
		limitUnsent(c)
		cc = newConn(c, l, l.timeout)
		l.conns[cc] = struct{}{}
	}
	l.mu.Unlock()
	if err != nil {
		l.signal()
		return nil, err
	}
	return cc, nil
}

// reserve holds a place for the connection about to be accepted, shedding
// waiters if the listener is full.
func (l *listener) reserve() error {
	for {
		l.mu.Lock()
		if len(l.conns)+l.pending < l.max {
			l.pending++
			l.mu.Unlock()
			return nil
		}
		victims := l.victimsLocked()
		l.mu.Unlock()
		for _, c := range victims {
			c.Close()
		}
		if len(victims) > 0 {
			l.onShed(len(victims))
			continue
		}
		select {
		case <-l.freed:
		case <-time.After(minWait / 4):
		case <-l.done:
			return net.ErrClosed
		}
	}
}

// victimsLocked picks the connections to close when the listener is full:
// those that have waited on their peer for at least minWait, longest first,
// a sixteenth of the cap at a time so that one scan makes room for many
// accepts.
func (l *listener) victimsLocked() []*conn {
	type waiter struct {
		c *conn
		d time.Duration
	}
	now := time.Now().UnixNano()
	var ws []waiter
	for c := range l.conns {
		if d := c.waiting(now); d >= minWait {
			ws = append(ws, waiter{c, d})
		}
	}
	slices.SortFunc(ws, func(a, b waiter) int { return cmp.Compare(b.d, a.d) })
	n := min(len(ws), max(1, l.max/16))
	victims := make([]*conn, n)
	for i := range victims {
		victims[i] = ws[i].c
	}
	return victims
}

func (l *listener) release(c *conn) {
	l.mu.Lock()
	delete(l.conns, c)
	l.mu.Unlock()
	l.signal()
}

func (l *listener) signal() {
	select {
	case l.freed <- struct{}{}:
	default:
	}
}

// open is the number of connections open now.
func (l *listener) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

func (l *listener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}
