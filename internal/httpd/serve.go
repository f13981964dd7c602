// Package httpd runs Gloss's HTTP server: timeouts and a connection cap
// that slow or idle clients cannot exhaust, a graceful stop on a signal,
// and a bounded access log.
package httpd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// DefaultGrace is how long requests in flight may run on after a stop: a
// 5 MB wasm at 400 kbit/s takes about 100 s, so a long download on a slow
// link may still be cut, but anything ordinary finishes.
const DefaultGrace = 30 * time.Second

// Options tune Serve. Zero values take the defaults named below.
type Options struct {
	// Grace is how long requests in flight may take to finish once ctx
	// ends; connections still open after it are closed. Zero closes them
	// at once.
	Grace time.Duration
	// MaxConns caps the open connections (default DefaultMaxConns).
	MaxConns int
	// WriteTimeout is how long one write of at most 32 KB may wait for
	// the reader (default 10 s).
	WriteTimeout time.Duration
	// ReadTimeout bounds reading a request, and cancels its context if it
	// is still running then, unless the handler calls KeepOpen
	// (default 30 s).
	ReadTimeout time.Duration
	// Log receives the server's warnings (default: discarded).
	Log *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.MaxConns <= 0 {
		o.MaxConns = DefaultMaxConns()
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = 30 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// Serve answers connections on ln with h until ctx ends, then stops
// accepting, closes idle keep-alive connections, tells clients of requests
// in flight that the connection will close, and waits up to o.Grace for
// those requests to finish. A stop is not an error: Serve returns nil,
// even when the grace period ran out (it logs a warning then); it returns
// an error only if serving failed.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, o Options) error {
	o = o.withDefaults()
	shed := &shedLog{log: o.Log, max: o.MaxConns}
	return serve(ctx, newListener(ln, o.MaxConns, o.WriteTimeout, shed.add), h, o)
}

func serve(ctx context.Context, l *listener, h http.Handler, o Options) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       o.ReadTimeout,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(o.Log.Handler(), slog.LevelWarn),
		ConnState: func(c net.Conn, s http.ConnState) {
			if c, ok := c.(*conn); ok {
				c.setState(s)
			}
		},
	}
	o.Log.Info("limits", "max_conns", o.MaxConns, "write_timeout", o.WriteTimeout, "grace", o.Grace)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Responses from now on say "Connection: close", so a keep-alive
	// client does not send another request into a closing connection.
	hs.SetKeepAlivesEnabled(false)
	grace, cancel := context.WithTimeout(context.Background(), o.Grace)
	defer cancel()
	err := hs.Shutdown(grace)
	if errors.Is(err, context.DeadlineExceeded) {
		o.Log.Warn("grace period over: closing connections", "grace", o.Grace, "open", l.open())
		err = hs.Close()
	}
	if err != nil {
		return fmt.Errorf("stop: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// KeepOpen lets the response to r outlive the server's read timeout: a
// stream of events that stays open for minutes calls it first. Writes
// still have their deadline while pending, so a reader that stops reading
// is closed, but a quiet stream is not.
func KeepOpen(w http.ResponseWriter) error {
	return http.NewResponseController(w).SetReadDeadline(time.Time{})
}

// shedLog reports connections closed to make room at most once per
// interval, so that an attack does not flood the log.
type shedLog struct {
	log *slog.Logger
	max int

	mu   sync.Mutex
	n    int
	last time.Time
}

const shedInterval = 10 * time.Second

func (s *shedLog) add(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n += n
	if now := time.Now(); now.Sub(s.last) >= shedInterval {
		s.log.Warn("connection cap reached: closed connections waiting on their peer",
			"closed", s.n, "cap", s.max)
		s.n, s.last = 0, now
	}
}
