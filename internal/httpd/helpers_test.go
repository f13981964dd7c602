package httpd

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"
)

// body is a response large enough that loopback buffers cannot hold it.
var body = bytes.Repeat([]byte("0123456789abcdef"), 8<<20/16)

// bigHandler serves body at /big, and a short answer anywhere else.
func bigHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(body)
			return
		}
		w.Write([]byte("ok\n"))
	})
}

// start runs serve on a loopback listener capped at max connections and
// returns the listener, its address and a stop function that waits for
// serve to return and hands back its error.
func start(t *testing.T, h http.Handler, max int, o Options) (*listener, string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.MaxConns = max
	o = o.withDefaults()
	l := newListener(ln, max, o.WriteTimeout, func(int) {})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, l, h, o) }()
	stopped := false
	var err2 error
	stop := func() error {
		if !stopped {
			stopped = true
			cancel()
			select {
			case err2 = <-done:
			case <-time.After(o.Grace + 10*time.Second):
				t.Fatal("serve did not return after its grace period")
			}
		}
		return err2
	}
	t.Cleanup(func() { stop() })
	return l, ln.Addr().String(), stop
}

// stall opens a connection that asks for /big and never reads it.
func stall(t *testing.T, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{Control: smallReadBuffer}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write([]byte("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	return c
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func bytesReader() io.ReadSeeker { return bytes.NewReader(body) }
