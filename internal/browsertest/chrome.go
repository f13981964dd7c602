// Package browsertest is what Gloss's browser tests (internal/e2e) and its
// bench (bench/cmd/bench) share to drive a browser, so that the two cannot
// drift: Debian's Chromium started with the same flags, a JavaScript
// condition awaited, a cross-site frame attached to, requests blocked,
// and the nginx configuration that serves an export.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns the Chromium (or Chrome) binary to drive: $GLOSS_CHROME,
// else the first of the usual names on PATH, else "".
func Find() string {
	if p := os.Getenv("GLOSS_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options starts the browser at path headless, with a fresh profile in
// profileDir, at 1280×800, and without the background traffic a sandbox
// with no network refuses (updates, sync, QUIC).
func Options(path, profileDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profileDir),
		chromedp.WindowSize(1280, 800),
	)
}

// Start starts the Chromium at path with Options and more flags, and
// returns the browser's context and what stops it.
func Start(ctx context.Context, path, profileDir string, flags ...chromedp.ExecAllocatorOption) (context.Context, func(), error) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(Options(path, profileDir), flags...)...)
	bctx, cancel := chromedp.NewContext(alloc)
	stop := func() { cancel(); cancelAlloc() }
	if err := chromedp.Do(bctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return bctx, stop, nil
}

// NewTab opens a tab of browser in a new browser context: an empty cache,
// no service worker, no storage, as a fresh profile has, without the
// cost of a new process.
func NewTab(browser context.Context) (context.Context, context.CancelFunc, error) {
	tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tab); err != nil {
		cancel()
		return nil, nil, err
	}
	return tab, cancel, nil
}
