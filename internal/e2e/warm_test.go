package e2e

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// V8 compiles a wasm function on its first call, on the thread that makes
// it. The worker that compiles the wasm runs the program's start once, on
// a stand-in page (web/gloss.js), so that the code of the Go runtime, of
// every package's init and of go-app's start is compiled there and the
// page's main thread, where a reader's click waits, compiles next to none
// of it. The browser's own trace counts the functions V8 compiled on the
// page's main thread while the wasm started: about 240 when the worker's
// run stopped before go-app's start, 10 to 20 with it.
func TestTheWasmsStartIsCompiledInTheWorker(t *testing.T) {
	const most = 60
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate("about:blank"))

	var (
		mu      sync.Mutex
		events  []traceEvent
		decoded error
		done    = make(chan struct{})
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, raw := range e.Value {
				var te traceEvent
				if err := json.Unmarshal(raw, &te); err != nil && decoded == nil {
					decoded = err
				}
				events = append(events, te)
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"v8.wasm", "__metadata"}},
		})
		return err
	}), chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return err
	}))
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the trace did not complete within 30 s")
	}

	mu.Lock()
	defer mu.Unlock()
	if decoded != nil {
		t.Fatalf("decoding the trace: %v", decoded)
	}
	type thread struct{ pid, tid int64 }
	mains := map[thread]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			mains[thread{e.Pid, e.Tid}] = true
		}
	}
	onPage, inAll, instantiated := 0, 0, 0
	for _, e := range events {
		switch e.Name {
		case "wasm.CompileLazy":
			inAll++
			if mains[thread{e.Pid, e.Tid}] {
				onPage++
			}
		case "wasm.SyncInstantiate":
			if mains[thread{e.Pid, e.Tid}] {
				instantiated++
			}
		}
	}
	// A control: the trace saw the page instantiate the wasm, and saw V8
	// compile the start's functions somewhere.
	if instantiated == 0 || inAll < 200 {
		t.Fatalf("the trace shows %d instantiation(s) on a page's main thread and %d wasm functions compiled in all: it does not see the start", instantiated, inAll)
	}
	t.Logf("wasm functions compiled during the start: %d on the page's main thread, %d in all", onPage, inAll)
	if onPage > most {
		t.Errorf("V8 compiled %d of the %d wasm functions it compiled during the start on the page's main thread (at most %d expected): the worker's run did not reach them", onPage, inAll, most)
	}
}

// traceEvent is the part of a Chromium trace event the test reads.
type traceEvent struct {
	Name string `json:"name"`
	Ph   string `json:"ph"`
	Pid  int64  `json:"pid"`
	Tid  int64  `json:"tid"`
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}
