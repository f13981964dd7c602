package e2e

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
)

// logBuffer collects the browser's log output; the browser writes it from
// its own goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// consoleLines are the console messages the browser logged, from every
// page and frame and whatever their source (script, security, rendering).
func (b *logBuffer) consoleLines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, ":CONSOLE") {
			out = append(out, l)
		}
	}
	return out
}

// TestEmbedLogsNothing puts the widget on another site's page, with a
// link to a card (which the frame opens on load), lets the wasm start and
// opens cards by click: focus moves into each, and neither the frame nor
// the page logs anything. Publishers' monitoring counts an embed's console
// errors as faults. Chromium's own log, not the DevTools protocol, is
// read: it holds the messages of a frame from its first line, before a
// test could attach to it.
func TestEmbedLogsNothing(t *testing.T) {
	s := startSite(t)
	a := seed
	notes := anchored(a)
	pub := startPublisher(t, publisherPage{
		href: s.URL + glosssite.ArticlePath(a.Slug) + "#" + notes[1].ID, headline: a.Title, before: 1, after: 4,
	}.html(s.URL))
	var log logBuffer
	ctx := newBrowser(t, chromedp.CombinedOutput(&log), chromedp.Flag("enable-logging", "stderr"), chromedp.Flag("v", "0"))

	// A control: the browser's log does carry a page's console.
	do(t, ctx, chromedp.Navigate("about:blank"))
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`console.info("gloss-control")`))
	eventually(t, 5*time.Second, func() string {
		for _, l := range log.consoleLines() {
			if strings.Contains(l, "gloss-control") {
				return ""
			}
		}
		return "the page's console.info is not in the browser's log: the test cannot see console messages"
	})
	do(t, ctx, chromedp.Navigate(pub))

	waitFor(t, ctx, `!!document.querySelector("iframe.gloss-embed")`, 10*time.Second)
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, openCard(notes[1].ID), 10*time.Second)
	// Opened on load, the card left the publisher's focus where it was.
	if eval[bool](t, fctx, `document.hasFocus()`) {
		t.Error("the card the frame opened on load took the focus from the publisher's page")
	}
	for _, n := range []string{notes[0].ID, notes[len(notes)-1].ID} {
		openInFrame(t, ctx, fctx, n, 0.5)
		frameWait(t, fctx, fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, n), 5*time.Second)
		escapeInFrame(t, ctx, fctx, n)
		// Focus goes back to the phrase, or, where a synthetic click on a
		// busy machine did not focus the frame's button first, to the
		// frame's body: never into the closed card.
		frameWait(t, fctx, fmt.Sprintf(`document.activeElement && (document.activeElement.id === %q || document.activeElement === document.body)`, app.TriggerID(n)), 5*time.Second)
	}
	// The reader's clicks started the wasm: its start is silent too.
	waitWasm(t, fctx, 60*time.Second)
	lines := settledConsole(t, ctx, fctx, &log)
	for _, l := range lines {
		if !strings.Contains(l, "gloss-control") {
			t.Errorf("logged: %s", l)
		}
	}
	t.Logf("%d console messages besides the control", len(lines)-1)
}

// settledConsole is the browser's console log once it holds a last
// message of the frame's (fctx) and of the page's (ctx), logged now:
// what they logged before is in it too.
func settledConsole(t *testing.T, ctx, fctx context.Context, log *logBuffer) []string {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`console.info("gloss-control-end")`))
	do(t, fctx, chromedp.Evaluate[chromedp.Void](`console.info("gloss-control-end")`))
	eventually(t, 10*time.Second, func() string {
		n := 0
		for _, l := range log.consoleLines() {
			if strings.Contains(l, "gloss-control-end") {
				n++
			}
		}
		if n < 2 {
			return "the frame's and the page's last console.info are not both in the browser's log"
		}
		return ""
	})
	return log.consoleLines()
}
