package e2e

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
)

// colorScheme emulates the reader's light or dark preference.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// axeViolations runs axe-core on the page and returns its violations, one
// line each.
func axeViolations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	src, err := os.ReadFile(env.axe)
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, string(src)+";true")
	raw := eval[string](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))))`)
	var vs []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		out = append(out, v.ID+" ("+v.Impact+"): "+v.Help+" at "+strings.Join(v.Nodes, ", "))
	}
	return out
}

func TestAxeFindsNoViolations(t *testing.T) {
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			// Before the wasm runs, once its start is under way, and with a
			// card open. (The note shown when it fails: loader_test.go.)
			s := startSite(t, gated)
			ctx := newBrowser(t)
			do(t, ctx, colorScheme(scheme), chromedp.Navigate(s.URL+seedPath), chromedp.KeyEvent(kb.Shift))
			waitFor(t, ctx, `document.documentElement.classList.contains("gloss-starting") && !!document.getElementById("app-wasm-loader-label")`, 10*time.Second)
			for _, v := range axeViolations(t, ctx) {
				t.Errorf("page before the wasm: %s", v)
			}
			first := anchored(seed)[0]
			do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(first.ID))))
			waitFor(t, ctx, openCard(first.ID), 5*time.Second)
			for _, v := range axeViolations(t, ctx) {
				t.Errorf("card %s open before the wasm: %s", first.ID, v)
			}
			if eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`) {
				t.Fatal("the wasm ran although its request was held: the check before it proves nothing")
			}
			do(t, ctx, chromedp.KeyEvent(kb.Escape))
			waitFor(t, ctx, noCardOpen, 5*time.Second)

			s.release()
			wasmRuns(t, ctx)
			for _, v := range axeViolations(t, ctx) {
				t.Errorf("page: %s", v)
			}
			// Each kind of card, open.
			seen := map[string]bool{}
			for _, n := range anchored(seed) {
				if seen[string(n.Kind)] {
					continue
				}
				seen[string(n.Kind)] = true
				do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
				waitFor(t, ctx, openCard(n.ID), 5*time.Second)
				for _, v := range axeViolations(t, ctx) {
					t.Errorf("card %s open: %s", n.ID, v)
				}
				do(t, ctx, chromedp.KeyEvent(kb.Escape))
				waitFor(t, ctx, noCardOpen, 5*time.Second)
			}
			do(t, ctx, chromedp.Click(chromedp.ID("gloss-about-button")))
			waitFor(t, ctx, openCard(app.AboutID), 5*time.Second)
			for _, v := range axeViolations(t, ctx) {
				t.Errorf("about panel open: %s", v)
			}
		})
	}
}
