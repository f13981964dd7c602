//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
	"github.com/gloss/gloss/export"
)

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "folder to write the site to (replaced if it holds a previous export)")
	base := fs.String("base", "/", "URL path the site is served under, as /gloss/")
	origin := fs.String("origin", "", "public origin of the site, as https://cdn.example: makes og:url and the oEmbed answers absolute")
	dir := fs.String("content", "", "folder of articles to export (default: the articles built into gloss)")
	web := fs.String("web", "", "folder of the static assets and the built wasm (default: those built into gloss)")
	frame := fs.String("frame-ancestors", "", "origins allowed to frame the pages on hosts configured by _headers, and the embed view on nginx, space-separated (default: any)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gloss export -out DIR [-content DIR] [-base /sub/path/] [-origin https://cdn.example] [-web DIR] [-frame-ancestors ORIGINS]")
		return 2
	}
	// The archive is indexed by its front matter; each article is read
	// when its page is written, so the export holds one article a core.
	var archive content.Archive
	var err error
	if *dir == "" {
		archive, err = articles.Archive()
	} else {
		archive, err = parse.OpenArchive(os.DirFS(*dir), ".")
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	start := time.Now()
	res, err := export.Export(export.Options{
		Out:            *out,
		Base:           *base,
		Origin:         *origin,
		FrameAncestors: *frame,
		Archive:        archive,
		Web:            webFS(*web),
		Warn:           stderr,
	})
	if err != nil {
		fmt.Fprintln(stderr, "gloss:", err)
		return 1
	}
	fmt.Fprintf(stdout, "gloss: exported %d pages, %d files, %.1f MB to %s in %s (version %s, base %s)\n",
		len(res.Pages), res.Files, float64(res.Bytes)/1e6, res.Dir, time.Since(start).Round(time.Millisecond), res.Version, *base)
	return 0
}
