package main

// Headless Chromium, driven with chromedp's generic API (v0.23), as
// internal/browsertest starts it for the browser tests too.

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/internal/browsertest"
)

// startBrowser starts a headless Chromium with its profile in the run's
// temporary folder profile. Each measurement opens its own tab in a new
// browser context (freshTab).
func (b *Bench) startBrowser(ctx context.Context, profile string) (context.Context, func(), error) {
	return b.startBrowserWith(ctx, profile)
}

// startBrowserWith is startBrowser with more flags.
func (b *Bench) startBrowserWith(ctx context.Context, profile string, extra ...chromedp.ExecAllocatorOption) (context.Context, func(), error) {
	return browsertest.Start(ctx, b.chrome, b.tempDir(profile), extra...)
}

// freshTab opens a tab of the run's browser in a new, empty browser
// context.
func (b *Bench) freshTab() (context.Context, context.CancelFunc, error) { return newTab(b.browser) }

// newTab opens a tab of browser in a new, empty browser context.
func newTab(browser context.Context) (context.Context, context.CancelFunc, error) {
	return browsertest.NewTab(browser)
}

// within runs steps with a time limit.
func within(ctx context.Context, limit time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// evalIn evaluates a JavaScript expression (awaiting a promise) with a
// time limit and decodes its value.
func evalIn[T any](ctx context.Context, limit time.Duration, expr string) (T, error) {
	return browsertest.Eval[T](ctx, limit, expr)
}

// waitJS polls a JavaScript condition until it is true or limit passes
// (browsertest.Poll).
func waitJS(ctx context.Context, cond string, limit time.Duration) error {
	return browsertest.Poll(ctx, cond, limit)
}

// onNewDocument runs script in every document the tab loads, before the
// page's own scripts.
func onNewDocument(script string) chromedp.Action[chromedp.Void] {
	return browsertest.OnNewDocument(script)
}

// wasmRequestedBinding is the binding probeScript calls once the wasm is
// requested, for a bench that must act at that moment.
const wasmRequestedBinding = "__benchWasmRequested"

// addBinding gives the tab's pages a function name whose calls arrive as
// Runtime.bindingCalled events.
func addBinding(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, runtime.AddBinding, runtime.AddBindingParams{Name: name})
		return err
	})
}

// throttleCPU slows the tab's CPU by rate (1 is none).
func throttleCPU(rate float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
		return err
	})
}

// enableNetwork turns on the tab's Network domain (its events, and
// request blocking).
var enableNetwork = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{})
	return err
})

// blockURLs makes the browser fail requests matching the URL patterns,
// from the tab and its workers (browsertest.Block), and keeps a
// service worker from answering them instead. The blocking is the whole
// browser's: whoever blocks unblocks when done (unblock).
func blockURLs(patterns ...string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := enableNetwork(ctx, t); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			return err
		}
		_, err := browsertest.Block(patterns...)(ctx, t)
		return err
	})
}

// unblock ends what blockURLs began, for the loads that follow in other
// tabs of the same browser. Should it fail, they fail too ("the wasm did
// not start"), and the bench with them.
func unblock(tab context.Context) {
	if err := within(tab, 10*time.Second, browsertest.Block()); err != nil {
		fmt.Fprintf(os.Stderr, "bench: cannot unblock the wasm, so the loads after this one cannot start it: %v\n", err)
	}
}

// readerActs is a reader's first interaction with the page, which starts
// the wasm (web/gloss.js: a press or a key): a press of Shift, which
// neither moves focus nor closes an open card.
func readerActs() chromedp.Action[chromedp.Void] { return chromedp.KeyEvent(kb.Shift) }

// probeScript is put into every page before its scripts: it records when
// the wasm is running (go-app's app.js removed #app-wasm-loader after
// go.run, and the mounted prompts set data-wasm="running"), the largest
// contentful paint and every layout shift not caused by input.
const probeScript = `(() => {
  if (window !== window.top || window.__bench) return;
  const b = window.__bench = { wasmRunning: null, wasmRequested: null, lcp: null, shifts: [] };
  // When the wasm was requested: the address web/gloss.js posts to the
  // worker that fetches and compiles it (the worker's requests are neither
  // in the page's timeline nor in the tab's DevTools events), or the
  // page's own request when no worker could. The bench may listen for it
  // through a binding named __benchWasmRequested (wasmRequestedBinding).
  const requested = (t) => {
    if (b.wasmRequested !== null) return;
    b.wasmRequested = t;
    if (typeof window.__benchWasmRequested === "function") window.__benchWasmRequested(String(t));
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m) {
    const u = m && typeof m === "object" ? m.wasm : m;
    if (typeof u === "string" && /\.wasm([?#]|$)/.test(u)) requested(performance.now());
    return post.apply(this, arguments);
  };
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (new URL(e.name).pathname.endsWith(".wasm")) requested(e.startTime);
    }).observe({ type: "resource", buffered: true });
  } catch (e) {}
  const running = () => {
    if (document.readyState === "loading" || document.getElementById("app-wasm-loader")) return false;
    return !!document.querySelector('#gloss-app[data-wasm="running"]');
  };
  new MutationObserver(() => {
    if (b.wasmRunning === null && running()) b.wasmRunning = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-wasm"] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.lcp = e.startTime; })
      .observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) b.shifts.push({ t: e.startTime, v: e.value });
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {}
})();`
