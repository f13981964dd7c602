//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/httpd"
	"github.com/gloss/gloss/server"
	"github.com/gloss/gloss/watch"
	"github.com/gloss/gloss/web"
)

func runServe(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on")
	dir := fs.String("content", "", "folder of articles to serve, followed as it changes (default: the articles built into gloss)")
	preview := fs.Bool("preview", true, "with -content: open pages reload when the content changes and show its problems")
	webDir := fs.String("web", "", "folder of the static assets and the built wasm (default: those built into gloss)")
	frame := fs.String("frame-ancestors", "", "origins allowed to frame the embed view, space-separated (default: any)")
	origin := fs.String("origin", "", "public origin for absolute URLs (og:url, oEmbed), as https://gloss.example (default: none, or the request's own address when it is a loopback one)")
	grace := fs.Duration("grace", httpd.DefaultGrace, "how long requests in flight may finish after SIGTERM or Ctrl-C")
	maxConns := fs.Int("max-conns", 0, "cap on open connections (default: from the file-descriptor limit)")
	logLevel := fs.String("log", "info", "log level: info, warn or off")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gloss serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	log, err := httpd.NewLogger(stderr, *logLevel, *logFormat)
	if err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 2
	}
	// The archive is indexed by its articles' front matter at start, and
	// each article read when its page is first asked for: start-up does
	// not grow with the archive's text.
	var archive content.Archive
	var folder *watch.Archive
	if *dir == "" {
		if archive, err = articles.Archive(); err != nil {
			fmt.Fprintln(stderr, "gloss: the built-in articles:", err)
			return 1
		}
	} else {
		if folder, err = watch.OpenArchive(*dir); err != nil {
			fmt.Fprintln(stderr, "gloss:", err)
			return 1
		}
		if problems := folder.Problems(); problems != nil {
			fmt.Fprintln(stderr, problems)
		}
		if len(folder.Entries()) == 0 {
			fmt.Fprintf(stderr, "gloss: no article to serve in %s\n", *dir)
			return 1
		}
		archive = folder
	}
	srv, err := server.New(server.Config{
		Archive:        archive,
		Web:            webFS(*webDir),
		FrameAncestors: *frame,
		Origin:         *origin,
		Preview:        folder != nil && *preview,
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
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if folder != nil {
		go follow(ctx, folder, srv, *preview, log, stderr)
	}
	log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "version", srv.Version(), "articles", len(archive.Entries()))
	opts := httpd.Options{Grace: *grace, MaxConns: *maxConns, Log: log}
	if err := httpd.Serve(ctx, ln, httpd.AccessLog(log, srv), opts); err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 1
	}
	return 0
}

// follow serves every change of the content folder, and prints the
// editor's problems as file:line: message. With the preview, once
// serving, it checks every article of the folder in the background, so
// that the problems of one nobody has opened yet are shown too (in
// production a content folder is checked before it is deployed: gloss
// check).
func follow(ctx context.Context, folder *watch.Archive, srv *server.Server, preview bool, log *slog.Logger, stderr io.Writer) {
	if preview {
		go func() {
			if problems := folder.Check(); problems != nil && ctx.Err() == nil {
				fmt.Fprintln(stderr, problems)
				srv.Refresh(problems)
			}
		}()
	}
	err := folder.Watch(ctx, func(slugs []string, problems error) {
		if problems != nil {
			fmt.Fprintln(stderr, problems)
		}
		if err := srv.Refresh(problems); err != nil && problems == nil {
			fmt.Fprintln(stderr, "gloss:", err)
			return
		}
		if problems == nil {
			log.Info("content updated", "changed", len(slugs))
		}
	})
	if err != nil {
		log.Error("no longer following the content folder", "err", err)
	}
}

// webFS is the assets folder dir, or the assets built into the binary.
func webFS(dir string) fs.FS {
	if dir == "" {
		return web.FS()
	}
	return os.DirFS(dir)
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
