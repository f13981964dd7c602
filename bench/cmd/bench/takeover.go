package main

// Section 7: the main thread while the wasm takes over the page: the
// longest task from navigation until the wasm runs, and a reader's click
// on a phrase during it.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const secTakeover = "7 takeover"

// Goals for the longest task, by CPU rate, and for a click during the
// takeover at CPU 4×.
var longTaskGoal = map[float64]float64{1: 50, 4: 200}

const (
	takeoverClickMedianGoal = 50.0
	takeoverClickP95Goal    = 100.0
	takeoverRate            = 4.0
)

// takeoverProbe is put into every page of this section next to
// probeScript: it keeps every long task and long animation frame (with
// the scripts the frame ran, for the diagnosis), and times a reader's
// click from the pointer's press (the event's own time stamp, when the
// browser received the input, so a busy main thread counts) to the end
// of the first frame that rendered a card open. The release is what
// opens a card, and INP counts from it too, so it starts the clock.
const takeoverProbe = `(() => {
  if (window !== window.top || window.__takeover) return;
  const t = window.__takeover = { tasks: [], frames: [], clicks: [] };
  const running = () => !!(window.__bench && window.__bench.wasmRunning !== null);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) t.tasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) t.frames.push({
        start: e.startTime, ms: e.duration, blocking: e.blockingDuration,
        render_start: e.renderStart, layout_start: e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({ src: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker,
          type: s.invokerType, start: s.startTime, ms: s.duration, layout_ms: s.forcedStyleAndLayoutDuration })),
      });
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (e) {}
  // Event Timing, what INP counts: from the input's time stamp to the
  // next paint after its handlers (reported from 16 ms, rounded to 8 ms).
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const c = t.clicks[t.clicks.length - 1];
        if (c && (e.name === "click" || e.name === "pointerup")) c.event_timing_ms = Math.max(c.event_timing_ms || 0, e.duration);
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (e) {}
  let opening = null;
  addEventListener("pointerdown", (e) => {
    opening = null;
    t.clicks.push({ down: e.timeStamp, t0: -1, release_handled_ms: -1, running_at_release: running(), ms: -1, card: "" });
  }, true);
  addEventListener("pointerup", (e) => {
    const c = t.clicks[t.clicks.length - 1];
    if (c && c.t0 < 0) { c.t0 = e.timeStamp; c.release_handled_ms = performance.now() - e.timeStamp; c.running_at_release = running(); }
  }, true);
  // The card counts as visible at the first frame that renders it open:
  // from the click, every animation frame checks the card the click is
  // opening (beforetoggle names it, in the click's own task); the toggle
  // event is a task of its own, which a long task can hold back after
  // the card has been painted, so it is only noted. (Searching the page
  // for an open popover in each frame instead cost the probe itself
  // about 4 ms at CPU 4× on the article page, in the frame it timed, and
  // little on the bare page: docs/performance.md, item 12.11.)
  addEventListener("beforetoggle", (e) => {
    const c = t.clicks[t.clicks.length - 1];
    if (e.newState === "open" && c && c.t0 >= 0 && !opening) opening = e.target;
  }, true);
  addEventListener("click", () => {
    const c = t.clicks[t.clicks.length - 1];
    if (!c || c.t0 < 0 || c.polling) return;
    c.polling = true;
    const poll = () => {
      const open = opening;
      if (!open || !open.matches(":popover-open")) { requestAnimationFrame(poll); return; }
      c.card = open.id;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { c.ms = performance.now() - c.t0; c.running_at_visible = running(); };
      ch.port2.postMessage(0);
    };
    requestAnimationFrame(poll);
  }, true);
  document.addEventListener("toggle", (e) => {
    const c = t.clicks[t.clicks.length - 1];
    if (e.newState === "open" && c && c.t0 >= 0 && c.toggle_ms === undefined) c.toggle_ms = performance.now() - c.t0;
  }, true);
})();`

// longTask is one entry of the Long Tasks API.
type longTask struct {
	Start float64 `json:"start"`
	Ms    float64 `json:"ms"`
}

// loafScript is one script a long animation frame ran.
type loafScript struct {
	Src      string  `json:"src"`
	Fn       string  `json:"fn"`
	Invoker  string  `json:"invoker"`
	Type     string  `json:"type"`
	Start    float64 `json:"start"`
	Ms       float64 `json:"ms"`
	LayoutMs float64 `json:"layout_ms"`
}

// loaf is one long animation frame: its scripts, and when rendering and
// style and layout started in it.
type loaf struct {
	Start       float64      `json:"start"`
	Ms          float64      `json:"ms"`
	Blocking    float64      `json:"blocking"`
	RenderStart float64      `json:"render_start"`
	LayoutStart float64      `json:"layout_start"`
	Scripts     []loafScript `json:"scripts"`
}

// takeoverLoad is one fresh load of the article watched until the wasm
// runs (or, with the wasm blocked, until the page is loaded and quiet).
type takeoverLoad struct {
	Blocked     bool       `json:"wasm_blocked"`
	WasmStart   float64    `json:"wasm_request_start_ms"`
	WasmRunning float64    `json:"wasm_running_ms"`
	Until       float64    `json:"until_ms"`
	Tasks       []longTask `json:"long_tasks"`
	Frames      []loaf     `json:"long_animation_frames"`
}

// Longest is the longest task that started before Until.
func (l takeoverLoad) Longest() float64 {
	m := 0.0
	for _, t := range l.Tasks {
		if t.Start <= l.Until {
			m = max(m, t.Ms)
		}
	}
	return m
}

// readTakeover collects the load's tasks; until is the end of the window
// (the wasm running, or the page loaded), from the page's clock.
const readTakeover = `(() => {
  const t = window.__takeover, b = window.__bench || {};
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    wasm_request_start_ms: b.wasmRequested ?? -1,
    wasm_running_ms: b.wasmRunning ?? -1,
    until_ms: b.wasmRunning ?? (nav ? nav.loadEventEnd : -1),
    long_tasks: t ? t.tasks : [],
    long_animation_frames: t ? t.frames : [],
  };
})()`

func (b *Bench) measureTakeover(ctx context.Context) error {
	loads := map[string][]takeoverLoad{}
	for _, rate := range []float64{1, takeoverRate} {
		var gloss, anchor []float64
		for i := 0; i < b.loads; i++ {
			for _, block := range []bool{false, true} {
				b.logf("takeover load %d/%d, CPU %g×%s", i+1, b.loads, rate, map[bool]string{true: ", wasm blocked"}[block])
				l, err := b.takeoverLoad(ctx, rate, block)
				if err != nil {
					return fmt.Errorf("takeover load %d at CPU %g× (wasm blocked: %t): %w", i+1, rate, block, err)
				}
				key := fmt.Sprintf("cpu_%gx", rate)
				if block {
					key += "_wasm_blocked"
					anchor = append(anchor, l.Longest())
				} else {
					gloss = append(gloss, l.Longest())
				}
				loads[key] = append(loads[key], l)
			}
		}
		m, am := Median(gloss), Median(anchor)
		goal := longTaskGoal[rate]
		s := sorted(gloss)
		b.rep.Add(secTakeover, Row{
			Figure: fmt.Sprintf("longest main-thread task, navigation → wasm running, CPU %g×", rate),
			Value:  Ms(m), Number: num(m), Anchor: Ms(am) + " (wasm blocked)", Ratio: num(ratio(m, am)),
			Goal: fmt.Sprintf("≤ %.0f ms", goal), Status: status(m <= goal),
			Note: fmt.Sprintf("median of %d fresh loads, %s–%s; %s", len(gloss), Ms(s[0]), Ms(s[len(s)-1]),
				whereNote(loads[fmt.Sprintf("cpu_%gx", rate)]))})
	}
	b.rep.Samples["takeover_loads"] = loads

	var window []float64
	for _, l := range loads[fmt.Sprintf("cpu_%gx", takeoverRate)] {
		if l.WasmStart >= 0 && l.WasmRunning > l.WasmStart {
			window = append(window, l.WasmRunning-l.WasmStart)
		}
	}
	if len(window) == 0 {
		return fmt.Errorf("takeover: no load saw the wasm requested and running")
	}
	return b.measureTakeoverClicks(ctx, Median(window))
}

// whereNote says, for the median load, what the long animation frame
// holding the longest task spent its time on: the scripts it ran, longest
// first, and its rendering.
func whereNote(loads []takeoverLoad) string {
	if len(loads) == 0 {
		return ""
	}
	ls := append([]takeoverLoad(nil), loads...)
	sort.Slice(ls, func(i, j int) bool { return ls[i].Longest() < ls[j].Longest() })
	l := ls[len(ls)/2]
	var task longTask
	for _, t := range l.Tasks {
		if t.Start <= l.Until && t.Ms > task.Ms {
			task = t
		}
	}
	for _, f := range l.Frames {
		if task.Start < f.Start-1 || task.Start > f.Start+f.Ms {
			continue
		}
		scripts := append([]loafScript(nil), f.Scripts...)
		sort.Slice(scripts, func(i, j int) bool { return scripts[i].Ms > scripts[j].Ms })
		var parts []string
		for _, s := range scripts[:min(len(scripts), 3)] {
			src := s.Src[strings.LastIndexByte(s.Src, '/')+1:]
			if src == "" {
				src = "?"
			}
			parts = append(parts, fmt.Sprintf("%s %s (%s)", s.Invoker, Ms(s.Ms), src))
		}
		render := 0.0
		if f.RenderStart > 0 {
			render = f.Start + f.Ms - f.RenderStart
		}
		return fmt.Sprintf("its frame (%s): %s; rendering %s", Ms(f.Ms), strings.Join(parts, ", "), Ms(render))
	}
	return "no long animation frame holds it"
}

// takeoverLoad loads the article once in a fresh context and collects
// its long tasks until the wasm runs, or with the wasm blocked until the
// page has loaded, and a second more for anything after.
func (b *Bench) takeoverLoad(ctx context.Context, rate float64, blockWasm bool) (takeoverLoad, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return takeoverLoad{}, err
	}
	defer cancel()
	limit := time.Duration(rate) * 45 * time.Second
	setup := []chromedp.Action[chromedp.Void]{throttleCPU(rate), onNewDocument(probeScript), onNewDocument(takeoverProbe), enableNetwork}
	if blockWasm {
		setup = append(setup, blockURLs(wasmPattern))
		defer unblock(tab)
	}
	if err := within(tab, 30*time.Second, setup...); err != nil {
		return takeoverLoad{}, err
	}
	if err := within(tab, limit, chromedp.Navigate(b.glossURL+seedPath)); err != nil {
		return takeoverLoad{}, err
	}
	if blockWasm {
		time.Sleep(time.Second)
	} else if err := within(tab, 10*time.Second, readerActs()); err != nil {
		return takeoverLoad{}, err
	} else if err := waitJS(tab, `window.__bench && window.__bench.wasmRunning !== null`, limit); err != nil {
		return takeoverLoad{}, fmt.Errorf("the wasm did not start: %w", err)
	}
	// Long task entries are queued after the task: give them a moment.
	time.Sleep(300 * time.Millisecond)
	l, err := evalIn[takeoverLoad](tab, 10*time.Second, readTakeover)
	l.Blocked = blockWasm
	return l, err
}

// takeoverClick is one click during a load.
type takeoverClick struct {
	// After is when the click was sent, in ms after the wasm request was
	// seen; Planned the same as a share of the expected takeover.
	After   float64 `json:"after_wasm_request_ms"`
	Planned float64 `json:"planned_share"`
	// Handled is how long after the release the page saw it: the wait
	// for a busy main thread.
	Handled float64 `json:"release_handled_ms"`
	// Toggle is when the card's toggle event came, after the release (it
	// may come after the frame that showed the card).
	Toggle float64 `json:"toggle_ms"`
	// T0 is the release's time stamp; During whether it came between the
	// wasm request and the wasm running.
	T0     float64 `json:"t0"`
	During bool    `json:"during_takeover"`
	// Running is whether the wasm was already running when the page
	// handled the release;
	// RunningAtVisible at the frame that showed the card.
	Running          bool    `json:"running_at_release"`
	RunningAtVisible bool    `json:"running_at_visible"`
	Ms               float64 `json:"ms"`
	Card             string  `json:"card"`
	// OpenAfter is whether a card was still open once the wasm ran.
	OpenAfter bool `json:"open_after_takeover"`
	// EventMs is the click's Event Timing duration (INP's measure); 0 when
	// under the API's 16 ms threshold.
	EventMs float64 `json:"event_timing_ms"`
}

// measureTakeoverClicks clicks a phrase once in each of b.takeoverClicks
// fresh loads at CPU 4×, at a random moment between the wasm request and
// the wasm running (expected ms after the request, from the loads
// before), spread evenly over that span; then the same kind of click on
// the bare popover page, the anchor.
func (b *Bench) measureTakeoverClicks(ctx context.Context, expected float64) error {
	x, y, id, err := b.phraseInView(ctx)
	if err != nil {
		return err
	}
	n := b.takeoverClicks
	shares := spreadShares(n, 14)
	var clicks []takeoverClick
	stalled := 0
	for i, share := range shares {
		b.logf("takeover click %d/%d, %.0f%% into the takeover", i+1, n, share*100)
		c, err := b.clickDuringTakeover(ctx, x, y, time.Duration(share*expected*float64(time.Millisecond)))
		// Now and then a load's wasm fetch stalls before it is sent (the
		// loader stays at 0 %, seen once in 30–60 loads on this machine):
		// that load measures nothing, so it is retried, and counted.
		for retry := 0; errors.Is(err, errNotRequested) && retry < 2; retry++ {
			stalled++
			b.logf("takeover click %d: %v; again", i+1, err)
			c, err = b.clickDuringTakeover(ctx, x, y, time.Duration(share*expected*float64(time.Millisecond)))
		}
		if err != nil {
			return fmt.Errorf("takeover click %d: %w", i+1, err)
		}
		c.Planned = share
		clicks = append(clicks, c)
	}
	anchor, err := b.bareClicks(ctx)
	if err != nil {
		return fmt.Errorf("bare popover clicks: %w", err)
	}
	idle, err := b.idleFirstClicks(ctx, x, y, max(n/3, 3))
	if err != nil {
		return fmt.Errorf("first clicks at idle: %w", err)
	}
	control, compile, err := b.bareClicksDuringCompile(ctx, n)
	if err != nil {
		return fmt.Errorf("bare popover clicks during the wasm's compile: %w", err)
	}
	b.rep.Samples["takeover_clicks"] = map[string]any{"gloss": clicks, "bare_popover": anchor, "idle_first_click": idle,
		"bare_popover_during_compile": control, "compile": compile, "phrase": id, "expected_takeover_ms": expected}

	var during []float64
	late, failed, closed := 0, 0, 0
	for _, c := range clicks {
		switch {
		case !c.During:
			late++
		case c.Ms < 0:
			failed++
		default:
			during = append(during, c.Ms)
			if !c.OpenAfter {
				closed++
			}
		}
	}
	am := opened(anchor)
	med, p95 := Median(during), Percentile(during, 95)
	amed, ap95 := Median(am), Percentile(am, 95)
	note := fmt.Sprintf("%d of %d clicks came between the wasm request and the wasm running (%d outside; takeover %s after the request, median)", len(during)+failed, n, late, Ms(expected))
	if failed > 0 {
		note += fmt.Sprintf("; %d opened no card", failed)
	}
	note += fmt.Sprintf("; %d card(s) closed by the takeover", closed)
	var ev []float64
	for _, c := range clicks {
		if c.During && c.Ms >= 0 {
			ev = append(ev, max(c.EventMs, 16))
		}
	}
	if len(ev) > 0 {
		note += fmt.Sprintf("; Event Timing (what INP counts, under 16 ms as 16) median %s, p95 %s", Ms(Median(ev)), Ms(Percentile(ev, 95)))
	}
	if stalled > 0 {
		note += fmt.Sprintf("; %d load(s) retried, their wasm never requested", stalled)
	}
	ok := failed == 0 && len(during) > 0
	b.rep.Add(secTakeover,
		Row{Figure: fmt.Sprintf("click on a phrase during the takeover → card visible, median, CPU %g×", takeoverRate),
			Value: Ms(med), Number: num(med), Anchor: Ms(amed) + " (bare popover)", Ratio: num(ratio(med, amed)),
			Goal: fmt.Sprintf("≤ %.0f ms", takeoverClickMedianGoal), Status: status(ok && med <= takeoverClickMedianGoal), Note: note},
		Row{Figure: fmt.Sprintf("click on a phrase during the takeover → card visible, p95, CPU %g×", takeoverRate),
			Value: Ms(p95), Number: num(p95), Anchor: Ms(ap95) + " (bare popover)", Ratio: num(ratio(p95, ap95)),
			Goal: fmt.Sprintf("≤ %.0f ms", takeoverClickP95Goal), Status: status(ok && p95 <= takeoverClickP95Goal),
			Note: fmt.Sprintf("release to the page handling it (a busy main thread), median %s", Ms(Median(handled(clicks))))})
	im := opened(idle)
	imed, ip95 := Median(im), Percentile(im, 95)
	b.rep.Add(secTakeover,
		Row{Figure: fmt.Sprintf("the same first click with no takeover (wasm blocked, after the reader's first key) → card visible, median / p95, CPU %g×", takeoverRate),
			Value: Ms(imed) + " / " + Ms(ip95), Number: num(imed), Anchor: Ms(amed) + " (bare popover)", Ratio: num(ratio(imed, amed)),
			Note: fmt.Sprintf("%d of %d fresh loads opened the card; the floor under the clicks above, which take %.2f × it (median)", len(im), len(idle), ratio(med, imed))})
	b.rep.Add(secTakeover, controlRow(control, compile, med, amed))
	if closed > 0 {
		b.rep.Add(secTakeover, Row{Figure: "card opened during the takeover still open once the wasm runs",
			Value: fmt.Sprintf("%d of %d", len(during)-closed, len(during)), Goal: "every card", Status: Miss})
	}
	return nil
}

// spreadShares returns n shares of a span, one in each n-th of it at a
// random place, in a shuffled order: clicks spread evenly over the span,
// the same from run to run for a seed.
func spreadShares(n int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	shares := make([]float64, n)
	for i := range shares {
		shares[i] = (float64(i) + rng.Float64()) / float64(n)
	}
	rng.Shuffle(n, func(i, j int) { shares[i], shares[j] = shares[j], shares[i] })
	return shares
}

// opened lists the times of the clicks that opened a card.
func opened(cs []takeoverClick) []float64 {
	var xs []float64
	for _, c := range cs {
		if c.Ms >= 0 {
			xs = append(xs, c.Ms)
		}
	}
	return xs
}

func handled(cs []takeoverClick) []float64 {
	var xs []float64
	for _, c := range cs {
		if c.During {
			xs = append(xs, c.Handled)
		}
	}
	return xs
}

// phraseInView loads the article once, lets the wasm run, and returns the
// centre of the first card trigger wholly in the first screen: where a
// reader taps. The takeover must not move it (the first render equals the
// server's), so the same point is clicked in every load.
func (b *Bench) phraseInView(ctx context.Context) (x, y float64, id string, err error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return 0, 0, "", err
	}
	defer cancel()
	if err := within(tab, 60*time.Second, onNewDocument(probeScript), chromedp.Navigate(b.glossURL+seedPath), readerActs()); err != nil {
		return 0, 0, "", err
	}
	if err := waitJS(tab, `window.__bench && window.__bench.wasmRunning !== null`, 60*time.Second); err != nil {
		return 0, 0, "", fmt.Errorf("the wasm did not start: %w", err)
	}
	type pt struct {
		X  float64 `json:"x"`
		Y  float64 `json:"y"`
		ID string  `json:"id"`
	}
	p, err := evalIn[pt](tab, 10*time.Second, `(() => {
  for (const t of document.querySelectorAll(`+"`"+triggerSelector+"`"+`)) {
    const r = t.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight && r.width > 0)
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2, id: t.getAttribute("popovertarget") };
  }
  return { x: -1, y: -1, id: "" };
})()`)
	if err != nil {
		return 0, 0, "", err
	}
	if p.ID == "" {
		return 0, 0, "", fmt.Errorf("no card trigger in the article's first screen")
	}
	return p.X, p.Y, p.ID, nil
}

// clickDuringTakeover loads the article in a fresh context at CPU 4× and
// presses the mouse on (x, y) delay after the wasm request is seen.
func (b *Bench) clickDuringTakeover(ctx context.Context, x, y float64, delay time.Duration) (takeoverClick, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return takeoverClick{}, err
	}
	defer cancel()
	requested := make(chan struct{})
	var once sync.Once
	if err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*runtime.EventBindingCalled); ok && e.Name == wasmRequestedBinding {
			once.Do(func() { close(requested) })
		}
	}); err != nil {
		return takeoverClick{}, err
	}
	if err := within(tab, 30*time.Second, throttleCPU(takeoverRate), addBinding(wasmRequestedBinding), onNewDocument(probeScript), onNewDocument(takeoverProbe), enableNetwork); err != nil {
		return takeoverClick{}, err
	}
	// Page.navigate alone: the click must not wait for the load event.
	if err := within(tab, 30*time.Second, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.Navigate, page.NavigateParams{URL: b.glossURL + seedPath})
		return err
	})); err != nil {
		return takeoverClick{}, err
	}
	// The reader's first interaction starts the wasm: as soon as the page
	// has its scripts.
	if err := waitJS(tab, `!!window.__takeover && document.readyState !== "loading"`, 30*time.Second); err != nil {
		return takeoverClick{}, err
	}
	if err := within(tab, 10*time.Second, readerActs()); err != nil {
		return takeoverClick{}, err
	}
	select {
	case <-requested:
	case <-time.After(30 * time.Second):
		state, _ := evalIn[string](tab, 5*time.Second, `document.readyState + "; probe: " + !!window.__takeover + "; loader: " + ((document.getElementById("app-wasm-loader-label") || {}).innerText || "none") + "; " + performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).join(", ")`)
		return takeoverClick{}, fmt.Errorf("%w within 30 s (page: %s)", errNotRequested, state)
	case <-ctx.Done():
		return takeoverClick{}, ctx.Err()
	}
	seen := time.Now()
	time.Sleep(delay)
	after := time.Since(seen)
	if err := within(tab, 60*time.Second, press(x, y)); err != nil {
		return takeoverClick{}, err
	}
	if err := waitJS(tab, `window.__bench && window.__bench.wasmRunning !== null`, 60*time.Second); err != nil {
		return takeoverClick{}, fmt.Errorf("the wasm did not start: %w", err)
	}
	time.Sleep(500 * time.Millisecond)
	type result struct {
		Clicks    []takeoverClick `json:"clicks"`
		Open      bool            `json:"open"`
		WasmStart float64         `json:"wasm_start"`
		Running   float64         `json:"running"`
	}
	r, err := evalIn[result](tab, 10*time.Second, `({ clicks: window.__takeover.clicks, open: !!document.querySelector(":popover-open"),
  wasm_start: window.__bench.wasmRequested ?? -1, running: window.__bench.wasmRunning })`)
	if err != nil {
		return takeoverClick{}, err
	}
	if len(r.Clicks) == 0 {
		return takeoverClick{}, fmt.Errorf("the page saw no press at (%.0f, %.0f)", x, y)
	}
	c := r.Clicks[0]
	// A release that came while Go ran is handled once it is done, when
	// the wasm runs: what counts is when the reader clicked.
	c.During = c.T0 >= r.WasmStart && c.T0 < r.Running
	c.After = float64(after) / float64(time.Millisecond)
	c.OpenAfter = r.Open
	return c, nil
}

var errNotRequested = errors.New("the wasm was not requested")

// idleFirstClicks loads the article n times in fresh contexts at CPU 4×
// with the wasm blocked, presses Shift (the reader's first interaction,
// whose wasm start then fails and settles), and clicks (x, y) as
// clickDuringTakeover does: the same first opening of the same card, with
// no takeover around it. It is the floor under the clicks during the
// takeover.
func (b *Bench) idleFirstClicks(ctx context.Context, x, y float64, n int) ([]takeoverClick, error) {
	var out []takeoverClick
	for i := 0; i < n; i++ {
		b.logf("first click at idle %d/%d, wasm blocked", i+1, n)
		c, err := b.idleFirstClick(ctx, x, y)
		if err != nil {
			return nil, fmt.Errorf("load %d: %w", i+1, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (b *Bench) idleFirstClick(ctx context.Context, x, y float64) (takeoverClick, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return takeoverClick{}, err
	}
	defer cancel()
	defer unblock(tab)
	if err := within(tab, 30*time.Second, throttleCPU(takeoverRate), onNewDocument(probeScript), onNewDocument(takeoverProbe), enableNetwork, blockURLs(wasmPattern)); err != nil {
		return takeoverClick{}, err
	}
	if err := within(tab, 60*time.Second, chromedp.Navigate(b.glossURL+seedPath)); err != nil {
		return takeoverClick{}, err
	}
	if err := within(tab, 10*time.Second, readerActs()); err != nil {
		return takeoverClick{}, err
	}
	// The wasm's start fails (web/gloss.js then shows its note); the page
	// is idle a moment later.
	if err := waitJS(tab, `document.documentElement.classList.contains("gloss-wasm-failed")`, 30*time.Second); err != nil {
		return takeoverClick{}, fmt.Errorf("the blocked wasm's start did not settle: %w", err)
	}
	time.Sleep(time.Second)
	if err := within(tab, 10*time.Second, press(x, y)); err != nil {
		return takeoverClick{}, err
	}
	if err := waitJS(tab, `window.__takeover.clicks.length > 0 && window.__takeover.clicks[0].ms >= 0`, 10*time.Second); err != nil {
		return takeoverClick{}, fmt.Errorf("no card opened: %w", err)
	}
	cs, err := evalIn[[]takeoverClick](tab, 10*time.Second, `window.__takeover.clicks`)
	if err != nil {
		return takeoverClick{}, err
	}
	return cs[0], nil
}

// press sends a left mouse press and, 10 ms later, its release at
// (x, y), as a reader's click. Each is stamped when the browser receives
// it; the page handles them when its main thread is free. The release is
// sent without waiting for the press to be handled, as a reader's finger
// does not wait.
func press(x, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		send := func(typ input.DispatchMouseEventType) error {
			_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1})
			return err
		}
		pressed := make(chan error, 1)
		go func() { pressed <- send(input.DispatchMouseEventTypeMousePressed) }()
		time.Sleep(10 * time.Millisecond)
		released := send(input.DispatchMouseEventTypeMouseReleased)
		return errors.Join(<-pressed, released)
	})
}

// bareClicks clicks, with the same mouse presses and the same timing, the
// bare popover page's triggers at CPU 4×: the anchor. Between clicks the
// card is closed and a random 0–16 ms wait puts the next press anywhere
// in a frame.
// bareTriggersInView lists the centres of the bare popover page's
// triggers wholly in its first screen, as {X, Y}.
const bareTriggersInView = `[...document.querySelectorAll("[popovertarget]")].map((t) => t.getBoundingClientRect())
  .filter((r) => r.top >= 0 && r.bottom <= innerHeight).map((r) => ({ X: r.left + r.width / 2, Y: r.top + r.height / 2 }))`

func (b *Bench) bareClicks(ctx context.Context) ([]takeoverClick, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := within(tab, 60*time.Second, throttleCPU(takeoverRate), onNewDocument(takeoverProbe), chromedp.Navigate(b.hostURL+"/anchor/popovers")); err != nil {
		return nil, err
	}
	type pt struct{ X, Y float64 }
	pts, err := evalIn[[]pt](tab, 10*time.Second, bareTriggersInView)
	if err != nil {
		return nil, err
	}
	if len(pts) == 0 {
		return nil, fmt.Errorf("no trigger in the first screen of the bare popover page")
	}
	rng := rand.New(rand.NewPCG(14, 1))
	for i := 0; i < b.takeoverClicks; i++ {
		p := pts[i%len(pts)]
		if _, err := evalIn[bool](tab, 10*time.Second, `(async () => {
  for (const o of document.querySelectorAll(":popover-open")) o.hidePopover();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
})()`); err != nil {
			return nil, err
		}
		time.Sleep(time.Duration(rng.IntN(17)) * time.Millisecond)
		if err := within(tab, 10*time.Second, press(p.X, p.Y)); err != nil {
			return nil, err
		}
		if err := waitJS(tab, `window.__takeover.clicks.length > `+fmt.Sprint(i)+` && window.__takeover.clicks[`+fmt.Sprint(i)+`].ms >= 0`, 5*time.Second); err != nil {
			return nil, fmt.Errorf("bare click %d: %w", i+1, err)
		}
	}
	return evalIn[[]takeoverClick](tab, 10*time.Second, `window.__takeover.clicks`)
}
