package browsertest

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Every is how often Poll evaluates its condition.
const Every = 50 * time.Millisecond

// Eval evaluates a JavaScript expression in ctx (a page or a frame),
// awaiting a promise, with a time limit, and decodes its value.
func Eval[T any](ctx context.Context, limit time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// Poll evaluates the JavaScript condition cond in ctx (a page or a
// frame: chromedp's own Poll needs a top-level frame, which a cross-site
// iframe's target has none of) every 50 ms until it is true, limit has
// passed or ctx ends. A condition that is a promise counts by the value
// it settles to. Errors while polling (a navigation, a context going
// away) count as "not yet"; the error returned says what was awaited and
// the last of them.
func Poll(ctx context.Context, cond string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for {
		ok, err := Eval[bool](ctx, 5*time.Second, "(async () => !!(await ("+cond+")))()")
		if err == nil && ok {
			return nil
		}
		last = err
		if !time.Now().Before(deadline) {
			return fmt.Errorf("waited %v for %s: not true (last error: %v)", limit, cond, last)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", cond, ctx.Err())
		case <-time.After(Every):
		}
	}
}

// OnNewDocument runs script in every document the tab loads, before the
// page's own scripts.
func OnNewDocument(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})
}
