package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/wordpress"
)

// What the WordPress tests share: the checks a reader's view of a Gloss
// frame under WordPress's embed protocol must pass, whoever made the
// page around it.

// consoleBrowser starts a browser whose console messages, from every page
// and frame, land in log. blockStorage blocks cookies and site data, as
// a reader's setting does: Chromium then denies a cross-site frame its
// storage and its service worker. (Blocking only third-party cookies
// leaves it partitioned ones, in Chromium 156.)
func consoleBrowser(t *testing.T, log *logBuffer, blockStorage bool) context.Context {
	t.Helper()
	dir := t.TempDir()
	if blockStorage {
		prefs, _ := json.Marshal(map[string]any{"profile": map[string]any{"cookie_controls_mode": 1, "block_third_party_cookies": true,
			"default_content_setting_values": map[string]any{"cookies": 2}}})
		if err := os.MkdirAll(filepath.Join(dir, "Default"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "Default", "Preferences"), prefs, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := append(browsertest.Options(env.chrome, dir), chromedp.CombinedOutput(log), chromedp.Flag("enable-logging", "stderr"), chromedp.Flag("v", "0"))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", env.chrome, err)
	}
	return ctx
}

// wpFrame is the iframe WordPress shows the embed in.
const wpFrame = `document.querySelector("iframe.wp-embedded-content")`

// checkWordPressFrame checks the Gloss frame on a page shown in ctx,
// whose embed view is served at glossURL: WordPress shows it (visible, no
// longer clipped), as tall as its content up to WordPress's cap (a taller
// article as a preview ending in "Continue reading"), a card opens inside
// it on a reader's click, the wasm starts on that first use, and nothing
// on the console comes from Gloss.
func checkWordPressFrame(t *testing.T, ctx context.Context, glossURL string, log *logBuffer) {
	t.Helper()
	waitFor(t, ctx, `!!`+wpFrame, 20*time.Second)
	fctx := frameOf(t, ctx, glossURL)
	frameWait(t, fctx, `document.readyState === "complete" && document.documentElement.classList.contains("gloss-embed")`, 20*time.Second)
	// wp-embed.js shows the frame (drops its clip) once the frame has
	// posted its height with the secret.
	waitFor(t, ctx, `!`+wpFrame+`.hasAttribute("style") && getComputedStyle(`+wpFrame+`).clip === "auto" && `+wpFrame+`.getBoundingClientRect().height >= 200`, 20*time.Second)
	eventually(t, 10*time.Second, func() string {
		frame := eval[float64](t, ctx, wpFrame+`.getBoundingClientRect().height`)
		content := eval[float64](t, fctx, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
		article := eval[float64](t, fctx, `document.querySelector(".gloss-article").scrollHeight`)
		want := min(content, wordpress.HeightCap)
		if frame < want-1 || frame > want+1 {
			return fmt.Sprintf("the frame is %.0f px tall for %.0f px of content (cap %d)", frame, content, wordpress.HeightCap)
		}
		if article > wordpress.HeightCap {
			more := eval[map[string]float64](t, fctx, `(() => { const a = document.querySelector(".gloss-continue a"); if (!a) return {}; const r = a.getBoundingClientRect();
			  return {top: r.top, bottom: r.bottom, preview: document.documentElement.classList.contains("gloss-preview") ? 1 : 0}; })()`)
			if more["preview"] != 1 || more["bottom"] <= 0 || more["bottom"] > float64(wordpress.HeightCap) {
				return fmt.Sprintf("a %.0f px article under a %d px cap: no \"Continue reading\" in view (%v)", article, wordpress.HeightCap, more)
			}
		}
		return ""
	})
	// A card opens inside the frame, from a phrase in view.
	n := anchored(seed)[0]
	openInWPFrame(t, ctx, fctx, n.ID)
	eventually(t, 5*time.Second, func() string {
		c := eval[box](t, fctx, boxOf(n.ID))
		h := eval[float64](t, fctx, `innerHeight`)
		if c.Height < 50 || c.Top < -0.5 || c.Bottom > h+0.5 {
			return fmt.Sprintf("card %s at %+v is not inside the %.0f px frame", n.ID, c, h)
		}
		return ""
	})
	// The reader's click started the wasm, whose files a sandboxed frame
	// (an opaque origin) fetches cross-origin.
	waitWasm(t, fctx, 60*time.Second)
	u, _ := url.Parse(glossURL)
	noGlossLog(t, ctx, fctx, log, u.Host)
}

// noGlossLog fails for every console message of the browser's log that
// names host (see settledConsole).
func noGlossLog(t *testing.T, ctx, fctx context.Context, log *logBuffer, host string) {
	t.Helper()
	for _, l := range settledConsole(t, ctx, fctx, log) {
		if strings.Contains(l, host) && !strings.Contains(l, "gloss-control-end") {
			t.Errorf("logged from Gloss: %s", l)
		}
	}
}

// openInWPFrame clicks the phrase of card id in the WordPress frame, as
// a reader does, and waits for the card to open; once more if a click
// on a frame still settling opened nothing.
func openInWPFrame(t *testing.T, ctx, fctx context.Context, id string) {
	t.Helper()
	for try := 0; ; try++ {
		el := eval[box](t, fctx, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getClientRects()[0];
		  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`, app.TriggerID(id)))
		frame := eval[box](t, ctx, `(() => { const r = `+wpFrame+`.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`)
		do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollBy(0, %f)`, frame.Top+el.Top-300)))
		frame = eval[box](t, ctx, `(() => { const r = `+wpFrame+`.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`)
		do(t, ctx, chromedp.MouseClickXY(frame.Left+el.Left+4, frame.Top+(el.Top+el.Bottom)/2))
		if browsertest.Poll(fctx, openCard(id), 3*time.Second) == nil {
			return
		}
		if try == 1 {
			t.Fatalf("clicking the phrase of %s in the WordPress frame did not open its card", id)
		}
	}
}
