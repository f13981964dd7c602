package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// bareClicksDuringCompile is the control under the clicks during the
// takeover: n fresh loads of the bare popover page at CPU 4×, each left
// idle for a second and then clicked once, by the same input and clock, a
// random share of the compile's time after a worker starts compiling
// Gloss's wasm (the time from a first load that only compiles). The
// worker does only that: no Go runs, no service worker, nothing of
// Gloss's on the page.
//
// It is there because of how Chromium slows a page down: at a CPU rate
// above 1× its throttle interrupts the page's main thread and busy-waits
// in it, so the page takes one processor core for as long as it lives,
// idle or not (docs/performance.md, item 12, step 21). On a machine with
// two cores, a worker busy beside that page competes with everything the
// main thread and the compositor do for a click. What a click costs here
// is what compiling the wasm costs any page on the same machine, whatever
// the page does.
func (b *Bench) bareClicksDuringCompile(ctx context.Context, n int) ([]takeoverClick, compileWindow, error) {
	b.logf("bare popover page, the wasm's compile without a click")
	_, expected, err := b.bareClickDuringCompile(-1)
	if err != nil {
		return nil, compileWindow{}, fmt.Errorf("the compile alone: %w", err)
	}
	shares := spreadShares(n, 21)
	var out []takeoverClick
	var took []float64
	for i, share := range shares {
		if err := ctx.Err(); err != nil {
			return nil, compileWindow{}, err
		}
		b.logf("bare popover click %d/%d, %.0f%% into the wasm's compile", i+1, n, share*100)
		c, ms, err := b.bareClickDuringCompile(time.Duration(share * expected * float64(time.Millisecond)))
		if err != nil {
			return nil, compileWindow{}, fmt.Errorf("load %d: %w", i+1, err)
		}
		c.Planned = share
		out = append(out, c)
		took = append(took, ms)
	}
	return out, compileWindow{Median: Median(took), Loads: len(took), Expected: expected}, nil
}

// compileWindow is how long the control's worker took to compile the
// wasm, from its start to its message, median over the loads.
// Expected is the compile's time in the first load, which spread the
// clicks.
type compileWindow struct {
	Median   float64 `json:"median_ms"`
	Loads    int     `json:"loads"`
	Expected float64 `json:"expected_ms"`
}

// startCompile starts the control's worker and notes when it started and
// when it said it was done.
const startCompile = `(() => {
  const c = window.__compile = { start: performance.now(), done: -1, result: "" };
  const w = new Worker("/anchor/compile.js");
  w.onmessage = (e) => { c.done = performance.now(); c.result = String(e.data); };
  w.onerror = (e) => { c.done = performance.now(); c.result = "worker error: " + e.message; };
  return true;
})()`

// bareClickDuringCompile loads the bare popover page, starts the compile
// once the page has been idle a second, and clicks delay after it; with a
// negative delay it only compiles. It returns the click and the compile's
// time.
func (b *Bench) bareClickDuringCompile(delay time.Duration) (takeoverClick, float64, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return takeoverClick{}, 0, err
	}
	defer cancel()
	if err := within(tab, 60*time.Second, throttleCPU(takeoverRate), onNewDocument(takeoverProbe), chromedp.Navigate(b.hostURL+"/anchor/popovers")); err != nil {
		return takeoverClick{}, 0, err
	}
	type pt struct{ X, Y float64 }
	pts, err := evalIn[[]pt](tab, 10*time.Second, bareTriggersInView)
	if err != nil {
		return takeoverClick{}, 0, err
	}
	if len(pts) == 0 {
		return takeoverClick{}, 0, fmt.Errorf("no trigger in the first screen of the bare popover page")
	}
	p := pts[0]
	time.Sleep(time.Second)
	if _, err := evalIn[bool](tab, 10*time.Second, startCompile); err != nil {
		return takeoverClick{}, 0, err
	}
	if delay < 0 {
		if err := waitJS(tab, `window.__compile.done >= 0`, 60*time.Second); err != nil {
			return takeoverClick{}, 0, fmt.Errorf("the compile did not end: %w", err)
		}
		ms, err := evalIn[float64](tab, 10*time.Second, `window.__compile.result === "compiled" ? window.__compile.done - window.__compile.start : -1`)
		if err == nil && ms < 0 {
			err = fmt.Errorf("the worker did not compile the wasm")
		}
		return takeoverClick{}, ms, err
	}
	time.Sleep(delay)
	if err := within(tab, 10*time.Second, press(p.X, p.Y)); err != nil {
		return takeoverClick{}, 0, err
	}
	if err := waitJS(tab, `window.__compile.done >= 0 && window.__takeover.clicks.length > 0 && window.__takeover.clicks[0].ms >= 0`, 60*time.Second); err != nil {
		return takeoverClick{}, 0, fmt.Errorf("the compile or the card did not end: %w", err)
	}
	type result struct {
		Click  takeoverClick `json:"click"`
		Start  float64       `json:"start"`
		Done   float64       `json:"done"`
		Result string        `json:"result"`
	}
	r, err := evalIn[result](tab, 10*time.Second, `({ click: window.__takeover.clicks[0], start: window.__compile.start, done: window.__compile.done, result: window.__compile.result })`)
	if err != nil {
		return takeoverClick{}, 0, err
	}
	if r.Result != "compiled" {
		return takeoverClick{}, 0, fmt.Errorf("the worker did not compile the wasm: %s", r.Result)
	}
	c := r.Click
	c.During = c.T0 >= r.Start && c.T0 < r.Done
	c.After = float64(delay) / float64(time.Millisecond)
	return c, r.Done - r.Start, nil
}

// controlRow reports the control: its clicks that came during the
// compile, against the bare popover's (anchor, the median), with the
// clicks during the takeover (takeover, the median) as a multiple of it,
// and which of goal 3's figures the control alone is above.
func controlRow(control []takeoverClick, compile compileWindow, takeover, anchor float64) Row {
	var during []takeoverClick
	for _, c := range control {
		if c.During {
			during = append(during, c)
		}
	}
	cm := opened(during)
	med, p95 := Median(cm), Percentile(cm, 95)
	note := fmt.Sprintf("%d of %d fresh loads clicked while a worker compiled the wasm (compile %s, median); nothing else of Gloss's on the page, no Go run. The clicks on the phrase during the takeover take %.2f × it (median)",
		len(cm), len(control), Ms(compile.Median), ratio(takeover, med))
	var above []string
	if med > takeoverClickMedianGoal {
		above = append(above, fmt.Sprintf("its median is above the goal's %.0f ms", takeoverClickMedianGoal))
	}
	if p95 > takeoverClickP95Goal {
		above = append(above, fmt.Sprintf("its p95 is above the goal's %.0f ms", takeoverClickP95Goal))
	}
	if len(above) > 0 {
		note += fmt.Sprintf("; without Gloss's page, Go or its start, %s at CPU %g× on this machine", strings.Join(above, " and "), takeoverRate)
	}
	return Row{Figure: fmt.Sprintf("control: a click on the bare popover page while a worker compiles the same wasm → card visible, median / p95, CPU %g×", takeoverRate),
		Value: Ms(med) + " / " + Ms(p95), Number: num(med), Anchor: Ms(anchor) + " (bare popover)", Ratio: num(ratio(med, anchor)), Note: note}
}
