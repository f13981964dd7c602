//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/internal/httpd"
	"github.com/gloss/gloss/server"
)

func runServe(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on")
	web := fs.String("web", "web", "folder of the static assets and the built wasm")
	frame := fs.String("frame-ancestors", "", "origins allowed to frame the embed view, space-separated (default: any)")
	origin := fs.String("origin", "", "public origin for absolute URLs in oEmbed, as https://gloss.example (default: each request's Host)")
	grace := fs.Duration("grace", httpd.DefaultGrace, "how long requests in flight may finish after SIGTERM or Ctrl-C")
	maxConns := fs.Int("max-conns", 0, "cap on open connections (default: from the file-descriptor limit)")
	logLevel := fs.String("log", "info", "log level: info, warn or off")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log, err := httpd.NewLogger(stderr, *logLevel, *logFormat)
	if err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 2
	}
	srv, err := server.New(server.Config{
		Articles:       articles.All,
		Web:            os.DirFS(*web),
		FrameAncestors: *frame,
		Origin:         *origin,
		Log:            log,
	})
	if err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A second signal during the grace period stops the process at once.
	context.AfterFunc(ctx, stop)
	log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "version", srv.Version())
	opts := httpd.Options{Grace: *grace, MaxConns: *maxConns, Log: log}
	if err := httpd.Serve(ctx, ln, httpd.AccessLog(log, srv), opts); err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 1
	}
	return 0
}

// displayAddr turns a listening address into one a browser can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
