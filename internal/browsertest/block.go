package browsertest

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Block fails every request of the browser whose URL matches one of
// patterns (the Fetch domain's wildcards: * and ?), as a network that
// cannot reach them would, until Block is called with no patterns.
//
// It works at the browser's level, not the tab's: a tab's own
// Network.setBlockedURLs does not reach the requests of the tab's
// workers, and web/gloss.js fetches and compiles the wasm in a worker.
func Block(patterns ...string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		b := chromedp.FromContext(ctx).Browser
		if len(patterns) == 0 {
			_, err := cdp.Call(ctx, b, fetch.Disable, cdp.Empty{})
			return err
		}
		// The listener and the replies outlive the action (a test's
		// step has a deadline of its own): they end with the browser.
		life := context.WithoutCancel(ctx)
		err := chromedp.ListenBrowser(life, func(ev any) {
			if p, ok := ev.(*fetch.EventRequestPaused); ok {
				// Not in the listener, which must not wait on the
				// browser. A request that an earlier Block's
				// listener failed first gives an error: ignored.
				go cdp.Call(life, b, fetch.FailRequest, fetch.FailRequestParams{RequestID: p.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			}
		})
		if err != nil {
			return err
		}
		var ps []*fetch.RequestPattern
		for _, p := range patterns {
			ps = append(ps, &fetch.RequestPattern{URLPattern: p})
		}
		_, err = cdp.Call(ctx, b, fetch.Enable, fetch.EnableParams{Patterns: ps})
		return err
	})
}
