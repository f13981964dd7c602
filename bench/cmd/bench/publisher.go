package main

// Section 8: what an embedded Gloss costs the publisher's main thread,
// with the frame in view from the start, against the same page without
// it.

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

const secPublisher = "8 publisher"

// publisherTBTGoal is the most the embed may multiply the publisher's
// blocking time by.
const publisherTBTGoal = 1.1

// publisherWindow is how long each load is watched at CPU 4×: long enough
// for the frame's wasm to start and take over the frame.
const publisherWindow = 10 * time.Second

// publisherLoad is one load of the publisher page.
type publisherLoad struct {
	Embed bool       `json:"embed"`
	Tasks []longTask `json:"long_tasks"`
	// TBT is the sum over long tasks of their time beyond 50 ms, in the
	// window.
	TBT float64 `json:"tbt_ms"`
	// WasmRequested is whether the frame requested the wasm in the window.
	WasmRequested bool `json:"wasm_requested"`
	// SharedProcess is whether the frame ran in the publisher's renderer
	// (no target of its own), as on Android.
	SharedProcess bool `json:"shared_process"`
}

func blockingTime(tasks []longTask) float64 {
	t := 0.0
	for _, x := range tasks {
		t += max(x.Ms-50, 0)
	}
	return t
}

// measurePublisher loads the publisher page with the embed in its first
// screen, and without it, alternately, in a Chromium that keeps
// cross-site frames in their parent's process, as Android does when
// memory is short: the frame's main-thread work is then the publisher's.
func (b *Bench) measurePublisher(ctx context.Context) error {
	bctx, stop, err := b.startBrowserWith(ctx, "chromium-shared", chromedp.Flag("disable-site-isolation-trials", true))
	if err != nil {
		return err
	}
	defer stop()
	snippet, source := b.embedSnippet(ctx)
	b.host.setSnippet(snippet)
	var with, without []float64
	var loads []publisherLoad
	requested, shared := 0, 0
	for i := 0; i < b.publisherRuns; i++ {
		for _, embed := range []bool{true, false} {
			b.logf("publisher load %d/%d, %s", i+1, b.publisherRuns, map[bool]string{true: "with the embed", false: "without"}[embed])
			l, err := b.publisherOnce(ctx, bctx, embed)
			if err != nil {
				return fmt.Errorf("publisher load %d (embed: %t): %w", i+1, embed, err)
			}
			loads = append(loads, l)
			if embed {
				with = append(with, l.TBT)
				if l.WasmRequested {
					requested++
				}
				if l.SharedProcess {
					shared++
				}
			} else {
				without = append(without, l.TBT)
			}
		}
	}
	b.rep.Samples["publisher"] = loads
	if shared < len(with) {
		return fmt.Errorf("the frame got a process of its own in %d of %d loads: the publisher's main thread does not see its cost", len(with)-shared, len(with))
	}
	m, am := Median(with), Median(without)
	// A page with no long task at all has no blocking time to multiply:
	// compare against one task's worth of slack instead of dividing by 0.
	r := ratio(m, am)
	ok := m <= publisherTBTGoal*am || m == 0
	b.rep.Add(secPublisher, Row{
		Figure: fmt.Sprintf("publisher's total blocking time with the embed in view, first %.0f s at CPU %g×", publisherWindow.Seconds(), takeoverRate),
		Value:  Ms(m), Number: num(m), Anchor: Ms(am) + " (same page, no embed)", Ratio: num(r),
		Goal: fmt.Sprintf("≤ %.1f × without", publisherTBTGoal), Status: status(ok),
		Note: fmt.Sprintf("median of %d loads each, with %s–%s, without %s–%s; frame in the publisher's process (site isolation off, as on Android); wasm requested in the frame in %d of %d loads; longest task with the embed %s; snippet from %s",
			len(with), Ms(sorted(with)[0]), Ms(sorted(with)[len(with)-1]), Ms(sorted(without)[0]), Ms(sorted(without)[len(without)-1]),
			requested, len(with), Ms(longestOf(loads, true)), source)})
	return nil
}

// longestOf is the median over the loads of their longest task.
func longestOf(loads []publisherLoad, embed bool) float64 {
	var xs []float64
	for _, l := range loads {
		if l.Embed != embed {
			continue
		}
		m := 0.0
		for _, t := range l.Tasks {
			m = max(m, t.Ms)
		}
		xs = append(xs, m)
	}
	return Median(xs)
}

func (b *Bench) publisherOnce(ctx context.Context, browser context.Context, embed bool) (publisherLoad, error) {
	path := "/publisher/top"
	if !embed {
		path = "/publisher/none"
	}
	return b.publisherOnceAt(ctx, browser, b.hostURL+path, embed)
}

// publisherOnceAt loads the publisher page at pageURL, which has the
// embed or not, and measures its long tasks in the first
// publisherWindow.
func (b *Bench) publisherOnceAt(ctx context.Context, browser context.Context, pageURL string, embed bool) (publisherLoad, error) {
	l := publisherLoad{Embed: embed}
	tab, cancel, err := newTab(browser)
	if err != nil {
		return l, err
	}
	defer cancel()
	var wasm atomic.Bool
	// The frame starts the wasm by a request of its own, or by the worker
	// web/gloss.js starts to fetch and compile it (whose requests are the
	// worker's, not the tab's).
	if err := chromedp.Listen(tab, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if strings.HasPrefix(e.Request.URL, b.glossURL) && strings.HasSuffix(strings.SplitN(e.Request.URL, "?", 2)[0], ".wasm") {
				wasm.Store(true)
			}
		case *target.EventAttachedToTarget:
			if e.TargetInfo.Type == "worker" && strings.HasPrefix(e.TargetInfo.URL, b.glossURL) {
				wasm.Store(true)
			}
		}
	}); err != nil {
		return l, err
	}
	start := time.Now()
	if err := within(tab, 60*time.Second, throttleCPU(takeoverRate), enableNetwork, onNewDocument(takeoverProbe),
		chromedp.Navigate(pageURL)); err != nil {
		return l, err
	}
	if embed {
		if err := waitJS(tab, `!!document.querySelector("iframe")`, 15*time.Second); err != nil {
			return l, fmt.Errorf("embed.js put no iframe into the publisher page: %w", err)
		}
	}
	time.Sleep(time.Until(start.Add(publisherWindow)))
	tasks, err := evalIn[[]longTask](tab, 10*time.Second, `window.__takeover.tasks`)
	if err != nil {
		return l, err
	}
	l.Tasks, l.TBT, l.WasmRequested = tasks, blockingTime(tasks), wasm.Load()
	if embed {
		infos, err := chromedp.Targets(tab)
		if err != nil {
			return l, err
		}
		l.SharedProcess = true
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, b.glossURL) {
				l.SharedProcess = false
			}
		}
	}
	return l, nil
}
