package main

// The bench's own loopback server: the anchor page of bare popovers and
// the publisher page that embeds Gloss. It listens on 127.0.0.1 and is
// reached as http://localhost:PORT, a different site from Gloss's
// http://127.0.0.1:PORT, as a publisher's page would be.

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gloss/gloss/internal/browsertest"
)

type host struct {
	srv *browsertest.Server
	mu  sync.Mutex
	// snippet is the embed snippet the publisher page carries.
	snippet string
}

func (b *Bench) startHost() (*host, string, error) {
	h := &host{}
	mux := http.NewServeMux()
	mux.HandleFunc("/anchor/popovers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(anchorPage()))
	})
	// The bare popover page's compile control (section 7): a worker that
	// compiles Gloss's wasm, the same bytes its readers' browsers compile,
	// and nothing else.
	mux.HandleFunc("/anchor/app.wasm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Cache-Control", "no-store")
		http.ServeFile(w, r, filepath.Join(b.webDir, "app.wasm"))
	})
	mux.HandleFunc("/anchor/compile.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(`WebAssembly.compileStreaming(fetch("/anchor/app.wasm")).then(() => postMessage("compiled"), (e) => postMessage(String(e)));`))
	})
	mux.HandleFunc("/publisher", func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		s := h.snippet
		h.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(publisherPage(s)))
	})
	// The same page with the embed in its first screen, and with none:
	// section 8's pair.
	for path, above := range map[string]int{"/publisher/top": 2, "/publisher/none": -1} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			s := ""
			if above >= 0 {
				h.mu.Lock()
				s = h.snippet
				h.mu.Unlock()
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write([]byte(publisherPageAt(s, max(above, 2))))
		})
	}
	srv, err := browsertest.Serve("", mux)
	if err != nil {
		return nil, "", err
	}
	h.srv = srv
	return h, fmt.Sprintf("http://localhost:%d", srv.Port), nil
}

func (h *host) setSnippet(s string) {
	h.mu.Lock()
	h.snippet = s
	h.mu.Unlock()
}

func (h *host) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	h.srv.Shutdown(ctx)
	h.srv.Close()
}

// anchorPage has as many popover cards as the article, opened the same
// way (popovertarget) with no script and no framework: what the browser
// alone costs.
func anchorPage() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bare popovers</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:17px/1.6 serif;max-width:42rem;margin:auto;padding:1rem}
[popover]{max-width:22rem;padding:1rem;border:1px solid #888}</style></head><body><h1>Bare popovers</h1>`)
	for i := 0; i < 14; i++ {
		fmt.Fprintf(&b, `<p>%s <button type="button" popovertarget="c%d">phrase %d</button> %s</p>
<div id="c%d" popover="auto" role="dialog"><h2>Card %d</h2><p>%s</p><p>%s</p></div>`,
			filler(i), i, i, filler(i+1), i, i, filler(i+2), filler(i+3))
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

// publisherPage is a long article by a made-up publisher with the embed
// snippet far below the fold, and more text after it, so that anything
// the embed moves is on screen once it is scrolled into view.
func publisherPage(snippet string) string { return publisherPageAt(snippet, publisherParagraphsAbove) }

// publisherPageAt is the publisher page with the snippet after the
// given number of paragraphs.
func publisherPageAt(snippet string, above int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Daily Example</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:18px/1.55 Georgia,serif;max-width:44rem;margin:auto;padding:1rem;color:#222}
header{border-bottom:2px solid #222;margin-bottom:1rem}</style></head><body>
<header><h1>The Daily Example</h1></header><main><h2>A long read</h2>`)
	for i := 0; i < above; i++ {
		fmt.Fprintf(&b, "<p id=\"p%d\">%s %s %s</p>\n", i, filler(i), filler(i+1), filler(i+2))
	}
	b.WriteString(`<h2 id="embed-heading">Background</h2>` + "\n" + snippet + "\n")
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "<p class=\"after\">%s %s</p>\n", filler(i+5), filler(i+7))
	}
	b.WriteString(`</main><footer><p>© The Daily Example</p></footer></body></html>`)
	return b.String()
}

// publisherParagraphsAbove puts the snippet several thousand pixels
// below the fold, past Chromium's lazy-loading distance for iframes.
const publisherParagraphsAbove = 60

var fillerText = []string{
	"The council met on Tuesday to discuss the budget for the coming year.",
	"Residents asked questions about the new bus routes and the library hours.",
	"A spokesperson said the figures would be published later in the month.",
	"The proposal was first presented in the spring and revised twice since.",
	"Several members noted that the costs had risen faster than expected.",
	"The vote is expected after the summer recess, according to the agenda.",
	"Local businesses have welcomed the plan, with some reservations.",
	"Critics argue that the consultation period was too short.",
}

func filler(i int) string { return html.EscapeString(fillerText[i%len(fillerText)]) }
