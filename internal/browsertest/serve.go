package browsertest

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"time"
)

// Server is an HTTP server that a browser test or the bench starts for
// its pages: on a loopback address only, and with a time limit on a
// request's header.
type Server struct {
	// URL is http://127.0.0.1:PORT; Port its port, for the same server
	// under another host name (localhost, another site for the browser).
	URL  string
	Port int
	hs   *http.Server
}

// Serve serves h on addr, a loopback address ("127.0.0.1:0" when "": any
// free port), until Close.
func Serve(addr string, h http.Handler) (*Server, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	s := &Server{URL: "http://127.0.0.1:" + strconv.Itoa(port), Port: port,
		hs: &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}}
	go s.hs.Serve(ln)
	return s, nil
}

// Close closes the server and every connection, as if the origin went
// away.
func (s *Server) Close() error { return s.hs.Close() }

// Shutdown stops the server once its requests have ended, or ctx has.
func (s *Server) Shutdown(ctx context.Context) error { return s.hs.Shutdown(ctx) }
