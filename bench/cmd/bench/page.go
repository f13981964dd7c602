package main

// Section 2: the page: its bytes, and when the article is painted and
// the wasm runs, in fresh loads.

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"time"

	"github.com/chromedp/chromedp"
)

const secPage = "2 page"

// pageLoad is what one fresh load of the article measured, in
// milliseconds from the start of the navigation (-1: did not happen).
type pageLoad struct {
	FCP         float64 `json:"fcp_ms"`
	LCP         float64 `json:"lcp_ms"`
	HTMLEnd     float64 `json:"html_response_end_ms"`
	DCL         float64 `json:"dom_content_loaded_ms"`
	WasmStart   float64 `json:"wasm_request_start_ms"`
	WasmEnd     float64 `json:"wasm_response_end_ms"`
	WasmRunning float64 `json:"wasm_running_ms"`
}

// PaintedFirst reports whether the first contentful paint came before
// the wasm was requested.
func (l pageLoad) PaintedFirst() bool {
	return l.FCP >= 0 && (l.WasmStart < 0 || l.FCP <= l.WasmStart)
}

const collectLoad = `(() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  const wasm = performance.getEntriesByType("resource")
    .filter((e) => new URL(e.name).pathname.endsWith(".wasm"))
    .sort((a, b) => a.startTime - b.startTime)[0];
  const b = window.__bench || {};
  return {
    fcp_ms: fcp ? fcp.startTime : -1,
    lcp_ms: b.lcp ?? -1,
    html_response_end_ms: nav ? nav.responseEnd : -1,
    dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : -1,
    wasm_request_start_ms: b.wasmRequested ?? -1,
    wasm_response_end_ms: wasm ? wasm.responseEnd : -1,
    wasm_running_ms: b.wasmRunning ?? -1,
  };
})()`

func (b *Bench) measurePage(ctx context.Context) error {
	raw, gz, err := htmlSizes(ctx, b.glossURL+seedPath)
	if err != nil {
		return err
	}
	b.rep.Add(secPage,
		Row{Figure: "article page HTML raw (bytes)", Value: Bytes(raw), Number: num(float64(raw))},
		Row{Figure: "article page HTML gzip, as served (bytes)", Value: Bytes(gz), Number: num(float64(gz))})

	for _, rate := range []float64{1, 4} {
		// Loads with the wasm blocked are the anchor: the same page with
		// nothing competing for its first paint. The two kinds alternate,
		// so that drift in the machine's load touches both alike.
		var loads, anchors []pageLoad
		for i := 0; i < b.loads; i++ {
			for _, block := range []bool{false, true} {
				b.logf("page load %d/%d, CPU %g×%s", i+1, b.loads, rate, map[bool]string{true: ", wasm blocked"}[block])
				l, err := b.loadOnce(ctx, rate, block)
				if err != nil {
					return fmt.Errorf("page load %d at CPU %g× (wasm blocked: %t): %w", i+1, rate, block, err)
				}
				if block {
					anchors = append(anchors, l)
				} else {
					loads = append(loads, l)
				}
			}
		}
		b.rep.Samples[fmt.Sprintf("page_loads_cpu_%gx", rate)] = loads
		b.rep.Samples[fmt.Sprintf("page_loads_cpu_%gx_wasm_blocked", rate)] = anchors
		b.addLoadRows(loads, anchors, rate)
	}
	return nil
}

func (b *Bench) addLoadRows(loads, anchors []pageLoad, rate float64) {
	pickFrom := func(ls []pageLoad, f func(pageLoad) float64) []float64 {
		var xs []float64
		for _, l := range ls {
			if v := f(l); v >= 0 {
				xs = append(xs, v)
			}
		}
		return xs
	}
	pick := func(f func(pageLoad) float64) []float64 { return pickFrom(loads, f) }
	cpu := fmt.Sprintf("CPU %g×", rate)
	medianRow := func(name string, xs []float64) Row {
		m := Median(xs)
		note := fmt.Sprintf("median of %d fresh loads", len(xs))
		if len(xs) > 1 {
			s := sorted(xs)
			note += fmt.Sprintf(", %s–%s", Ms(s[0]), Ms(s[len(s)-1]))
		}
		return Row{Figure: name + ", " + cpu, Value: Ms(m), Number: num(m), Note: note}
	}
	fcp := pick(func(l pageLoad) float64 { return l.FCP })
	start := pick(func(l pageLoad) float64 { return l.WasmStart })
	running := pick(func(l pageLoad) float64 { return l.WasmRunning })
	painted := 0
	var lead []float64
	for _, l := range loads {
		if l.PaintedFirst() {
			painted++
		}
		if l.FCP >= 0 && l.WasmStart >= 0 {
			lead = append(lead, l.WasmStart-l.FCP)
		}
	}
	fcpRow := medianRow("first contentful paint", fcp)
	anchorFCP := Median(pickFrom(anchors, func(l pageLoad) float64 { return l.FCP }))
	fcpRow.Anchor = Ms(anchorFCP) + " (wasm blocked)"
	fcpRow.Ratio = num(ratio(Median(fcp), anchorFCP))
	b.rep.Add(secPage,
		fcpRow,
		medianRow("wasm requested", start),
		medianRow("wasm running", running),
		Row{Figure: "article painted before the wasm is requested, " + cpu,
			Value:  fmt.Sprintf("%d of %d loads", painted, len(loads)),
			Number: num(float64(painted)),
			Goal:   "every load", Status: status(painted == len(loads) && len(loads) > 0),
			Note: fmt.Sprintf("median wasm request − FCP: %s", signedMs(Median(lead)))})
}

func signedMs(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	if x < 0 {
		return "−" + Ms(-x)
	}
	return "+" + Ms(x)
}

// loadOnce loads the article in a fresh browser context and reads the
// timings: once the wasm runs or, with the wasm blocked, once the page
// has painted and loaded.
func (b *Bench) loadOnce(ctx context.Context, rate float64, blockWasm bool) (pageLoad, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return pageLoad{}, err
	}
	defer cancel()
	limit := time.Duration(rate) * 45 * time.Second
	// Both kinds of load enable the Network domain (blocking needs it),
	// so that its overhead does not tell them apart.
	setup := []chromedp.Action[chromedp.Void]{throttleCPU(rate), onNewDocument(probeScript), enableNetwork}
	if blockWasm {
		setup = append(setup, blockURLs(wasmPattern))
		defer unblock(tab)
	}
	if err := within(tab, 30*time.Second, setup...); err != nil {
		return pageLoad{}, err
	}
	if err := within(tab, limit, chromedp.Navigate(b.glossURL+seedPath)); err != nil {
		return pageLoad{}, err
	}
	if !blockWasm {
		if err := within(tab, 10*time.Second, readerActs()); err != nil {
			return pageLoad{}, err
		}
		if err := waitJS(tab, `window.__bench && window.__bench.wasmRunning !== null`, limit); err != nil {
			return pageLoad{}, fmt.Errorf("the wasm did not start: %w", err)
		}
	}
	// The paint entries are queued after the frame: give them a moment.
	if err := waitJS(tab, `performance.getEntriesByName("first-contentful-paint").length > 0`, 5*time.Second); err != nil {
		return pageLoad{}, err
	}
	l, err := evalIn[pageLoad](tab, 10*time.Second, collectLoad)
	if err == nil && !blockWasm && l.WasmStart < 0 {
		return l, fmt.Errorf("the wasm ran, but its request was not seen: nothing to compare the paint with")
	}
	return l, err
}

// wasmPattern matches every wasm request, for blockURLs.
const wasmPattern = "*://*:*/*.wasm"

// htmlSizes fetches url raw and gzip-compressed, as a browser would, and
// returns both body sizes.
func htmlSizes(ctx context.Context, url string) (raw, gz int, err error) {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	get := func(enc string) (int, string, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		req.Header.Set("Accept-Encoding", enc)
		res, err := client.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer res.Body.Close()
		n, err := io.Copy(io.Discard, res.Body)
		if res.StatusCode != http.StatusOK {
			return 0, "", fmt.Errorf("GET %s: %s", url, res.Status)
		}
		return int(n), res.Header.Get("Content-Encoding"), err
	}
	raw, _, err = get("identity")
	if err != nil {
		return 0, 0, err
	}
	gz, enc, err := get("gzip")
	if err != nil {
		return 0, 0, err
	}
	if enc != "gzip" {
		return raw, 0, fmt.Errorf("GET %s: not gzip-compressed (Content-Encoding %q)", url, enc)
	}
	return raw, gz, nil
}
