package main

// A loopback reverse proxy that counts what a browser downloads: every
// request that reaches the network, the page's and its service worker's
// alike, which a tab's own network events would not all show.

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"time"
)

// fetched is one response the proxy passed on.
type fetched struct {
	Path     string `json:"path"`
	Status   int    `json:"status"`
	Bytes    int    `json:"bytes"`
	Encoding string `json:"encoding,omitempty"`
	// Stream is an event stream (the live preview's), which stays open
	// and does not keep the network busy.
	Stream bool `json:"stream,omitempty"`
}

// countProxy forwards to a server and counts the response bodies it sends
// back, as encoded on the wire.
type countProxy struct {
	srv *http.Server
	URL string

	mu       sync.Mutex
	log      []*fetched
	inFlight int
	last     time.Time // the last request's start or end
}

func startCountProxy(target string) (*countProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	// The browser's Accept-Encoding goes through as it is, and the body
	// comes back as the server encoded it.
	rp.Transport = &http.Transport{DisableCompression: true}
	p := &countProxy{URL: "http://" + ln.Addr().String(), last: time.Now()}
	rp.ModifyResponse = func(res *http.Response) error {
		f := res.Request.Context().Value(fetchedKey{}).(*fetched)
		p.mu.Lock()
		f.Status, f.Encoding = res.StatusCode, res.Header.Get("Content-Encoding")
		if strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
			f.Stream = true
			p.done()
		}
		p.mu.Unlock()
		return nil
	}
	p.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := &fetched{Path: r.URL.RequestURI()}
		p.mu.Lock()
		p.log = append(p.log, f)
		p.inFlight++
		p.last = time.Now()
		p.mu.Unlock()
		cw := &countingWriter{ResponseWriter: w, p: p, f: f}
		rp.ServeHTTP(cw, r.WithContext(context.WithValue(r.Context(), fetchedKey{}, f)))
		p.mu.Lock()
		if !f.Stream {
			p.done()
		}
		p.mu.Unlock()
	})}
	go p.srv.Serve(ln)
	return p, nil
}

type fetchedKey struct{}

// done ends a request's part in keeping the network busy; p.mu is held.
func (p *countProxy) done() {
	p.inFlight--
	p.last = time.Now()
}

// Fetched is every response so far.
func (p *countProxy) Fetched() []fetched {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]fetched, len(p.log))
	for i, f := range p.log {
		out[i] = *f
	}
	return out
}

// WaitIdle waits until no request has been open (event streams aside)
// for quiet, or limit passes.
func (p *countProxy) WaitIdle(ctx context.Context, quiet, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		idle := p.inFlight == 0 && time.Since(p.last) >= quiet
		p.mu.Unlock()
		if idle {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return false
}

func (p *countProxy) stop() { p.srv.Close() }

// countingWriter counts the body bytes written through it.
type countingWriter struct {
	http.ResponseWriter
	p *countProxy
	f *fetched
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.p.mu.Lock()
	w.f.Bytes += n
	w.p.mu.Unlock()
	return n, err
}

// Flush lets the event stream through as it comes.
func (w *countingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
