package server

import (
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/site"
)

// The live preview's URLs: a script that pages load in preview mode only,
// and the event stream it listens to.
const (
	previewPrefix = "/_gloss/"
	previewScript = previewPrefix + "preview.js"
	previewEvents = previewPrefix + "events"
)

//go:embed preview.js
var previewJS []byte

// preview tells open tabs when the content changed, or what is wrong with
// it. Each tab holds one event stream: "state" with the content's
// generation when it connects, then "reload" after every change and
// "problem" with the editor's error (file:line: message) while the
// content does not parse.
type preview struct {
	mu         sync.Mutex
	generation int
	problem    string
	subs       map[chan struct{}]struct{}
	done       chan struct{}
	closeOnce  sync.Once
}

func newPreview() *preview {
	return &preview{subs: make(map[chan struct{}]struct{}), done: make(chan struct{})}
}

// changed records new content or a problem ("" for none) and wakes every
// stream.
func (p *preview) changed(newContent bool, problem string) {
	p.mu.Lock()
	if newContent {
		p.generation++
	}
	p.problem = problem
	for c := range p.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
	p.mu.Unlock()
}

func (p *preview) state() (int, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.generation, p.problem
}

// close ends every stream, so that a shutdown does not wait for tabs.
func (p *preview) close() { p.closeOnce.Do(func() { close(p.done) }) }

func (p *preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case previewScript:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(previewJS)
	case previewEvents:
		p.stream(w, r)
	default:
		http.NotFound(w, r)
	}
}

// keepAlive is how often an idle stream sends a comment, so that proxies
// keep it open and a tab that went away is noticed. (Write deadlines are
// the run loop's, internal/httpd: they apply only while a write waits.)
const keepAlive = 15 * time.Second

func (p *preview) stream(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The server's read deadline would end a stream that outlives it.
	rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	wake := make(chan struct{}, 1)
	p.mu.Lock()
	p.subs[wake] = struct{}{}
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.subs, wake)
		p.mu.Unlock()
	}()
	gen, problem := p.state()
	send := func(event, data string) bool {
		var b strings.Builder
		fmt.Fprintf(&b, "event: %s\n", event)
		for _, line := range strings.Split(data, "\n") {
			fmt.Fprintf(&b, "data: %s\n", line)
		}
		b.WriteString("\n")
		if _, err := w.Write([]byte(b.String())); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("state", strconv.Itoa(gen)) || problem != "" && !send("problem", problem) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-p.done:
			return
		case <-tick.C:
			if _, err := w.Write([]byte(": alive\n\n")); err != nil || rc.Flush() != nil {
				return
			}
		case <-wake:
			g, prob := p.state()
			if g != gen {
				gen = g
				if !send("reload", strconv.Itoa(g)) {
					return
				}
			}
			if prob != problem {
				problem = prob
				if !send("problem", prob) {
					return
				}
			}
		}
	}
}

// Update serves articles from now on and shows problem, the editor's
// problems with the files as they are now (nil for none), in every open
// preview tab, which reloads if a page changed. It returns what it could
// not apply; the server then keeps serving what it served before.
func (s *Server) Update(articles []content.Article, problem error) error {
	changed, err := s.setArticles(articles)
	return s.updated(changed, problem, err)
}

// Refresh serves the server's archive as it is now, after an edit, and
// shows problem, the editor's problems with the files as they are now
// (nil for none), in every open preview tab, which reloads if a page
// changed. It returns what it could not apply; the server then keeps
// serving what it served before.
func (s *Server) Refresh(problem error) error {
	changed, err := s.replace((*site.Site).Refresh)
	return s.updated(changed, problem, err)
}

// updated tells the preview's tabs of an update.
func (s *Server) updated(changed bool, problem, err error) error {
	if err != nil {
		problem = errors.Join(problem, err)
	}
	if s.preview != nil {
		msg := ""
		if problem != nil {
			msg = problem.Error()
		}
		s.preview.changed(changed, msg)
	}
	return err
}

// Close ends the live preview's event streams; http.Server.Shutdown waits
// for no open tab. Register it with RegisterOnShutdown.
func (s *Server) Close() {
	if s.preview != nil {
		s.preview.close()
	}
}
