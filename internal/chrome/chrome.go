// Package chrome finds Debian's Chromium and gives the flags every Gloss
// browser test and benchmark starts it with, so the two cannot drift.
package chrome

import (
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
