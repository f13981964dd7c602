package main

// Section 3: click → visible latency of the cards, before and after the
// wasm runs, against a bare native popover.

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

const secCards = "3 cards"

// cardGoal is one frame at 60 Hz.
const cardGoal = 16.0

// cardSample is one click on one trigger.
type cardSample struct {
	ID string `json:"id"`
	// Ms is from the click to the end of the first frame rendered after
	// the card's "toggle" event said it opened; RAF to the start of that
	// frame (its requestAnimationFrame callbacks).
	Ms  float64 `json:"ms"`
	RAF float64 `json:"raf_ms"`
	// Click is how long the click's dispatch took (its handlers, run at
	// once); Toggle when the card's own "toggle" listener ran, after
	// every capturing listener of the document (Gloss's).
	Click  float64 `json:"click_ms"`
	Toggle float64 `json:"toggle_ms"`
	// Visible is whether the card was open, with a size, at that frame.
	Visible bool `json:"visible"`
}

// measureCardsJS clicks every popover trigger matching the selector in
// turn, rounds times. The click is dispatched from the page and timed
// with performance.now(); the card counts as visible once the first
// animation frame after its "toggle" event (newState "open") has been
// rendered, which a message posted from that frame's
// requestAnimationFrame callback marks. Readers' clicks fall anywhere
// within a frame, so each click comes a different time (0–16 ms, in a
// fixed spread) after a frame starts. Each card is closed, and two
// frames pass, before the next click.
func measureCardsJS(selector string, rounds int) string {
	return fmt.Sprintf(`(async (selector, rounds) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const afterFrame = (f) => { const ch = new MessageChannel(); ch.port1.onmessage = f; ch.port2.postMessage(0); };
  const triggers = [...document.querySelectorAll(selector)];
  const out = [];
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const t of triggers) {
      const card = document.getElementById(t.getAttribute("popovertarget"));
      if (!card) continue;
      for (const open of document.querySelectorAll(":popover-open")) open.hidePopover();
      t.scrollIntoView({ block: "center" });
      await frame(); await frame();
      await sleep((n++ * 7) %% 17);
      const r = await new Promise((resolve) => {
        let t0 = 0;
        let click = -1;
        const timer = setTimeout(() => { card.removeEventListener("toggle", onToggle); resolve({ ms: -1, raf: -1, click, toggle: -1 }); }, 2000);
        const onToggle = (e) => {
          if (e.newState !== "open") return;
          const toggle = performance.now() - t0;
          card.removeEventListener("toggle", onToggle);
          requestAnimationFrame(() => {
            const raf = performance.now() - t0;
            afterFrame(() => { clearTimeout(timer); resolve({ ms: performance.now() - t0, raf, click, toggle }); });
          });
        };
        card.addEventListener("toggle", onToggle);
        t0 = performance.now();
        t.click();
        click = performance.now() - t0;
      });
      const box = card.getBoundingClientRect();
      out.push({ id: card.id, ms: r.ms, raf_ms: r.raf, click_ms: r.click, toggle_ms: r.toggle,
        visible: r.ms >= 0 && card.matches(":popover-open") && box.width > 0 && box.height > 0 });
      if (card.matches(":popover-open")) card.hidePopover();
      await frame(); await sleep(30);
    }
  }
  return out;
})(%q, %d)`, selector, rounds)
}

// triggerSelector finds the cards' triggers in the article.
const triggerSelector = ".gloss-article [popovertarget]"

// swReady waits up to 20 s for the page's service worker to be active.
const swReady = `"serviceWorker" in navigator ? Promise.race([
  navigator.serviceWorker.ready.then(() => true),
  new Promise((r) => setTimeout(() => r(false), 20000)),
]) : false`

const wasmNotRunning = `!!document.getElementById("app-wasm-loader")`

func (b *Bench) measureCards(ctx context.Context) error {
	type phase struct {
		name, url, selector string
		mode                cardMode
	}
	var results = map[string][]cardSample{}
	for _, p := range []phase{
		{name: "bare native popover (anchor)", url: b.hostURL + "/anchor/popovers", selector: "[popovertarget]", mode: bare},
		{name: "before the wasm (wasm blocked)", url: b.glossURL + seedPath, selector: triggerSelector, mode: wasmBlocked},
		{name: "after the wasm", url: b.glossURL + seedPath, selector: triggerSelector, mode: wasmRunning},
	} {
		b.logf("cards: %s", p.name)
		samples, err := b.clickCards(ctx, p.url, p.selector, p.mode)
		if err != nil {
			return fmt.Errorf("cards %s: %w", p.name, err)
		}
		results[p.name] = samples
	}
	b.rep.Samples["cards"] = results

	anchor := latencies(results["bare native popover (anchor)"])
	for _, name := range []string{"before the wasm (wasm blocked)", "after the wasm"} {
		ms := latencies(results[name])
		missing := len(results[name]) - len(ms)
		note := fmt.Sprintf("%d clicks on %d cards", len(results[name]), len(results[name])/max(b.cardRounds, 1))
		if missing > 0 {
			note += fmt.Sprintf("; %d did not open", missing)
		}
		note += "; " + phases(results[name])
		med, p95 := Median(ms), Percentile(ms, 95)
		am, ap := Median(anchor), Percentile(anchor, 95)
		b.rep.Add(secCards,
			Row{Figure: "click → card visible, median, " + name, Value: Ms(med), Number: num(med),
				Anchor: Ms(am) + " (bare popover)", Ratio: num(ratio(med, am)),
				Goal: fmt.Sprintf("≤ %.0f ms", cardGoal), Status: status(med <= cardGoal && missing == 0), Note: note},
			Row{Figure: "click → card visible, p95, " + name, Value: Ms(p95), Number: num(p95),
				Anchor: Ms(ap) + " (bare popover)", Ratio: num(ratio(p95, ap))})
	}
	return nil
}

// phases says where the time of the median click goes: the click's own
// handlers, the wait for the toggle event (and its capturing listeners),
// the wait for the next frame, and that frame's rendering.
func phases(s []cardSample) string {
	var click, toggle, raf, render []float64
	for _, c := range s {
		if !c.Visible {
			continue
		}
		click = append(click, c.Click)
		toggle = append(toggle, c.Toggle-c.Click)
		raf = append(raf, c.RAF-c.Toggle)
		render = append(render, c.Ms-c.RAF)
	}
	return fmt.Sprintf("medians: click handlers %s, to toggle %s, to frame %s, frame %s",
		Ms(Median(click)), Ms(Median(toggle)), Ms(Median(raf)), Ms(Median(render)))
}

func latencies(s []cardSample) []float64 {
	var out []float64
	for _, c := range s {
		if c.Visible {
			out = append(out, c.Ms)
		}
	}
	return out
}

// cardMode is the state of the page the cards are clicked in.
type cardMode int

const (
	bare        cardMode = iota // the anchor page: popovers and nothing else
	wasmBlocked                 // Gloss with the wasm request failing
	wasmRunning                 // Gloss once the wasm runs
)

// clickCards opens a fresh tab on url and measures every card there.
func (b *Bench) clickCards(ctx context.Context, url, selector string, mode cardMode) ([]cardSample, error) {
	tab, cancel, err := b.freshTab()
	if err != nil {
		return nil, err
	}
	defer cancel()
	steps := []chromedp.Action[chromedp.Void]{onNewDocument(probeScript)}
	if mode == wasmBlocked {
		steps = append(steps, blockURLs(wasmPattern))
		defer unblock(tab)
	}
	steps = append(steps, chromedp.Navigate(url))
	if err := within(tab, 60*time.Second, steps...); err != nil {
		return nil, err
	}
	if mode == wasmRunning {
		if err := within(tab, 10*time.Second, readerActs()); err != nil {
			return nil, err
		}
		if err := waitJS(tab, `window.__bench && window.__bench.wasmRunning !== null`, 60*time.Second); err != nil {
			return nil, fmt.Errorf("the wasm did not start: %w", err)
		}
	}
	// Let the service worker install and precache (it downloads the wasm
	// too), so that it does not compete with the clicks. Bounded: a page
	// whose worker never activates is measured anyway.
	if mode != bare {
		evalIn[bool](tab, 25*time.Second, swReady)
	}
	time.Sleep(500 * time.Millisecond)
	if mode == wasmBlocked {
		ok, err := evalIn[bool](tab, 5*time.Second, wasmNotRunning)
		if err != nil || !ok {
			return nil, fmt.Errorf("the wasm ran although it was blocked: this measures nothing")
		}
	}
	limit := time.Duration(b.cardRounds)*30*time.Second + 30*time.Second
	samples, err := evalIn[[]cardSample](tab, limit, measureCardsJS(selector, b.cardRounds))
	if err != nil {
		return nil, err
	}
	if len(samples) == 0 {
		return nil, fmt.Errorf("no card triggers (%s) on %s", selector, url)
	}
	if mode == wasmBlocked {
		if ok, _ := evalIn[bool](tab, 5*time.Second, wasmNotRunning); !ok {
			return nil, fmt.Errorf("the wasm started during the clicks although it was blocked")
		}
	}
	return samples, nil
}
