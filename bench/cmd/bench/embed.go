package main

// Section 4: the embed, as a publisher's page meets it: embed.js's
// bytes, the layout shift it causes, and whether the iframe loads
// before the reader comes near it.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/invariant"
)

const secEmbed = "4 embed"

var embedFigures = []string{
	"embed.js gzip -9 (bytes)",
	"publisher page layout shift caused by the embed",
	"iframe requested before it is near the viewport",
}

func (b *Bench) measureEmbed(ctx context.Context) error {
	js, status, err := get(ctx, b.glossURL+"/web/embed.js")
	if err != nil {
		return err
	}
	if status == http.StatusNotFound {
		b.rep.Skip(secEmbed, "web/embed.js not available (publisher embedding has not landed)", embedFigures...)
		return nil
	}
	if status != http.StatusOK {
		return fmt.Errorf("GET /web/embed.js: status %d", status)
	}
	tmp := filepath.Join(b.tempDir("embed"), "embed.js")
	if err := os.WriteFile(tmp, js, 0o644); err != nil {
		return err
	}
	gz, err := compressedLen(ctx, b.gzip, "-9", "-n", "-c", tmp)
	if err != nil {
		return err
	}
	b.rep.Add(secEmbed,
		Row{Figure: "embed.js raw (bytes)", Value: Bytes(len(js)), Number: num(float64(len(js)))},
		Row{Figure: embedFigures[0], Value: Bytes(gz), Number: num(float64(gz)),
			Goal: "≤ " + Bytes(invariant.EmbedJSGzip), Status: statusOf(gz <= invariant.EmbedJSGzip)})

	snippet, source := b.embedSnippet(ctx)
	b.host.setSnippet(snippet)
	b.logf("embed: publisher page %s/publisher, snippet from %s", b.hostURL, source)
	var runs []embedResult
	for _, steady := range []bool{true, false} {
		res, err := b.embedOnce(ctx, steady)
		if err != nil {
			return fmt.Errorf("embed: %w", err)
		}
		runs = append(runs, res)
	}
	b.rep.Samples["embed"] = runs
	var shifts []Row
	for _, res := range runs {
		how := "jumping to it"
		if res.Steady {
			how = fmt.Sprintf("scrolling to it at %d px/s", embedScrollSpeed)
		}
		shifts = append(shifts, Row{Figure: embedFigures[1] + ", " + how,
			Value: fmt.Sprintf("%.4f", res.ShiftTotal), Number: num(res.ShiftTotal),
			Goal: "0", Status: statusOf(res.Shifts == 0),
			Note: fmt.Sprintf("%d shift(s) over the page's life; frame %s px tall when inserted, %s px at the end",
				res.Shifts, fmtPx(res.ReservedHeight), fmtPx(res.FinalHeight))})
	}
	res := runs[0]
	for _, r := range runs[1:] {
		res.RequestedEarly = res.RequestedEarly || r.RequestedEarly
		res.RequestedAfter = res.RequestedAfter && r.RequestedAfter
		res.FrameWasm = res.FrameWasm || r.FrameWasm
		if r.FrameNote != "" {
			res.FrameNote = r.FrameNote
		}
	}
	note := fmt.Sprintf("not requested %s px below the fold; requested once scrolled near (seen by %s)",
		fmtPx(res.BelowFold), strings.Join(res.SeenBy, ", "))
	if res.RequestedEarly {
		note = fmt.Sprintf("requested while %s px below the fold (seen by %s)", fmtPx(res.BelowFold), strings.Join(res.SeenBy, ", "))
	}
	early := Row{Figure: embedFigures[2], Value: yesNo(res.RequestedEarly), Goal: "no", Status: statusOf(!res.RequestedEarly), Note: note}
	if !res.RequestedAfter {
		// The detectors never saw the frame load, even in view: a "no"
		// before would prove nothing.
		early.Status, early.Note = NotMeasured, "the frame's request was not seen even after scrolling to it"
		b.rep.Fail("embed: the iframe's document request was never observed")
	}
	shifts[len(shifts)-1].Note += "; snippet from " + source
	b.rep.Add(secEmbed, shifts...)
	b.rep.Add(secEmbed, early,
		Row{Figure: "wasm started inside the frame in view before the reader touches it", Value: yesNo(res.FrameWasm), Goal: "no", Status: statusOf(!res.FrameWasm), Note: res.FrameNote})
	return nil
}

func statusOf(ok bool) string { return status(ok) }

func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

func fmtPx(x float64) string { return fmt.Sprintf("%.0f", x) }

// embedSnippet asks Gloss's oEmbed endpoint for the snippet of the
// default article (the snippet docs/embedding.md documents), falling
// back to the contract of the publisher-embedding issue.
func (b *Bench) embedSnippet(ctx context.Context) (snippet, source string) {
	a := articles.All()[0]
	for _, page := range []string{b.glossURL + "/a/" + url.PathEscape(a.Slug), b.glossURL + "/"} {
		body, status, err := get(ctx, b.glossURL+"/oembed?format=json&url="+url.QueryEscape(page))
		if err != nil || status != http.StatusOK {
			continue
		}
		var doc struct {
			HTML string `json:"html"`
		}
		if json.Unmarshal(body, &doc) == nil && strings.Contains(doc.HTML, "gloss-embed") {
			return doc.HTML, "/oembed"
		}
	}
	return `<blockquote class="gloss-embed" data-theme="auto"><a href="` + b.glossURL + `/">` + a.Title + `</a></blockquote>` +
		"\n" + `<script async src="` + b.glossURL + `/web/embed.js"></script>`, "the documented contract (no /oembed answer)"
}

// embedResult is what one publisher page load measured.
type embedResult struct {
	// Steady is true when the page was scrolled to the embed at
	// embedScrollSpeed, false when it jumped there.
	Steady         bool     `json:"steady_scroll"`
	BelowFold      float64  `json:"below_fold_px"`
	RequestedEarly bool     `json:"requested_before_near"`
	RequestedAfter bool     `json:"requested_after_scroll"`
	SeenBy         []string `json:"seen_by"`
	ReservedHeight float64  `json:"reserved_height_px"`
	FinalHeight    float64  `json:"final_height_px"`
	ShiftTotal     float64  `json:"shift_total"`
	Shifts         int      `json:"shifts"`
	FrameWasm      bool     `json:"frame_wasm_running"`
	FrameNote      string   `json:"frame_note,omitempty"`
}

const frameState = `(() => {
  const f = document.querySelector("iframe");
  if (!f) return null;
  const r = f.getBoundingClientRect();
  const b = window.__bench || { shifts: [] };
  return {
    src: f.src,
    top: r.top,
    height: r.height,
    below: r.top - innerHeight,
    shifts: b.shifts.length,
    shift: b.shifts.reduce((s, e) => s + e.v, 0),
    iframeEntries: performance.getEntriesByType("resource").filter((e) => e.initiatorType === "iframe").length,
  };
})()`

type frameInfo struct {
	Src           string  `json:"src"`
	Top           float64 `json:"top"`
	Height        float64 `json:"height"`
	Below         float64 `json:"below"`
	Shifts        int     `json:"shifts"`
	Shift         float64 `json:"shift"`
	IframeEntries int     `json:"iframeEntries"`
}

// embedScrollSpeed is how fast the steady run scrolls: 40 px a frame.
const embedScrollSpeed = 2400

// scrollTo scrolls until the frame's top is 100 px below the top of the
// viewport: at once, or by 40 px a frame (at most 1,000 frames).
func scrollTo(steady bool) string {
	return fmt.Sprintf(`(async (steady) => {
  const f = document.querySelector("iframe");
  const gap = () => f.getBoundingClientRect().top - 100;
  if (!steady) { scrollBy(0, gap()); return true; }
  for (let i = 0; i < 1000 && gap() > 0; i++) {
    scrollBy(0, Math.min(40, gap()));
    await new Promise((r) => requestAnimationFrame(r));
  }
  return true;
})(%t)`, steady)
}

func (b *Bench) embedOnce(ctx context.Context, steady bool) (embedResult, error) {
	res := embedResult{Steady: steady}
	tab, cancel, err := b.freshTab()
	if err != nil {
		return res, err
	}
	defer cancel()

	// Every request the page's target sees for Gloss's origin, other
	// than embed.js itself.
	var mu sync.Mutex
	var requests []string
	if err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && strings.HasPrefix(e.Request.URL, b.glossURL) &&
			!strings.Contains(e.Request.URL, "/web/embed.js") {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		return res, err
	}
	seen := func() int { mu.Lock(); defer mu.Unlock(); return len(requests) }
	logStart := b.glossLogSize()
	if err := within(tab, 60*time.Second, enableNetwork, onNewDocument(probeScript), chromedp.Navigate(b.hostURL+"/publisher")); err != nil {
		return res, err
	}
	if err := waitJS(tab, `!!document.querySelector("iframe")`, 15*time.Second); err != nil {
		return res, fmt.Errorf("embed.js put no iframe into the publisher page: %w", err)
	}
	// Time for a frame that loads eagerly to be requested.
	time.Sleep(2 * time.Second)
	before, err := evalIn[frameInfo](tab, 10*time.Second, frameState)
	if err != nil {
		return res, err
	}
	path := ""
	if u, err := url.Parse(before.Src); err == nil {
		path = u.Path
	}
	logBefore := b.glossLogCount(path, logStart)
	res.BelowFold, res.ReservedHeight = before.Below, before.Height
	var by []string
	if seen() > 0 {
		by = append(by, "DevTools network events")
	}
	if before.IframeEntries > 0 {
		by = append(by, "Resource Timing")
	}
	if logBefore > 0 {
		by = append(by, "gloss serve's log")
	}
	res.RequestedEarly = len(by) > 0

	// Scroll so that the frame's top is near the top of the viewport,
	// with the publisher's text after it in view if the frame is short:
	// whatever the frame pushes down is then on screen.
	if _, err := evalIn[bool](tab, 60*time.Second, scrollTo(steady)); err != nil {
		return res, err
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && seen() == 0 && b.glossLogCount(path, logStart) == 0 {
		time.Sleep(100 * time.Millisecond)
	}
	res.RequestedAfter = seen() > 0 || b.glossLogCount(path, logStart) > 0
	if !res.RequestedEarly {
		by = nil
		if seen() > 0 {
			by = append(by, "DevTools network events")
		}
		if b.glossLogCount(path, logStart) > 0 {
			by = append(by, "gloss serve's log")
		}
	}
	res.SeenBy = by
	res.FrameWasm, res.FrameNote = b.waitFrameWasm(tab)
	// Let the frame's height settle: stable for 1.5 s, at most 15 s.
	var last frameInfo
	stableSince := time.Now()
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		cur, err := evalIn[frameInfo](tab, 5*time.Second, frameState)
		if err != nil {
			return res, err
		}
		if cur.Height != last.Height || cur.Shifts != last.Shifts {
			last, stableSince = cur, time.Now()
		} else if time.Since(stableSince) > 1500*time.Millisecond {
			break
		}
	}
	res.FinalHeight, res.ShiftTotal, res.Shifts = last.Height, last.Shift, last.Shifts
	return res, nil
}

// waitFrameWasm attaches to the cross-site frame's own target and tells
// whether the wasm has started there 2 s after the frame loaded in view,
// which a facade must not do before the reader touches it.
func (b *Bench) waitFrameWasm(tab context.Context) (bool, string) {
	frame, cancel, err := browsertest.Frame(tab, b.glossURL, 10*time.Second)
	if err != nil {
		return false, err.Error()
	}
	defer cancel()
	if err := waitJS(frame, `document.readyState === "complete"`, 30*time.Second); err != nil {
		return false, "the frame did not load within 30 s"
	}
	time.Sleep(2 * time.Second)
	started, err := evalIn[bool](frame, 5*time.Second, `document.documentElement.classList.contains("gloss-starting") || !document.getElementById("app-wasm-loader")`)
	if err != nil {
		return false, "reading the frame: " + err.Error()
	}
	return started, "2 s after the frame loaded in view, untouched"
}

// glossLogSize is the size of gloss serve's log so far.
func (b *Bench) glossLogSize() int64 {
	if b.gloss == nil {
		return 0
	}
	st, err := os.Stat(b.gloss.Log)
	if err != nil {
		return 0
	}
	return st.Size()
}

// glossLogCount counts the requests for path in gloss serve's log after
// its first since bytes.
func (b *Bench) glossLogCount(path string, since int64) int {
	if path == "" || b.gloss == nil {
		return 0
	}
	raw, err := os.ReadFile(b.gloss.Log)
	if err != nil || int64(len(raw)) < since {
		return 0
	}
	raw = raw[since:]
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.Contains(line, "msg=request") && strings.Contains(line, " path="+path+" ") {
			n++
		}
	}
	return n
}

// get fetches url and returns its body and status.
func get(ctx context.Context, url string) ([]byte, int, error) {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	return body, res.StatusCode, err
}
