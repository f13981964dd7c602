package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
)

// longestPhrase is the note of a whose phrase in the text is longest.
func longestPhrase(a content.Article) (content.Note, string) {
	var note content.Note
	var text string
	for _, b := range a.Body {
		for _, r := range b.Text {
			if n, ok := a.Note(r.Note); ok && r.Note != "" && len(r.Text) > len(text) {
				note, text = n, r.Text
			}
		}
	}
	return note, text
}

// axButton is how Chromium exposes an element to assistive technology:
// its role, name and expanded state.
func axButton(t *testing.T, ctx context.Context, id string) (role, name, expanded string) {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.ID(id)))
	if err != nil || len(nodes) != 1 {
		t.Fatalf("#%s: %v", id, err)
	}
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		f := false
		res, err := cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: &f})
		if err != nil {
			return err
		}
		if len(res.Nodes) == 0 || res.Nodes[0].Ignored {
			return fmt.Errorf("#%s is not in the accessibility tree", id)
		}
		n := res.Nodes[0]
		if n.Role != nil {
			role = strings.Trim(string(n.Role.Value), `"`)
		}
		if n.Name != nil {
			name = strings.Trim(string(n.Name.Value), `"`)
		}
		for _, p := range n.Properties {
			if p.Name == "expanded" {
				expanded = string(p.Value.Value)
			}
		}
		return nil
	}))
	return role, name, expanded
}

// TestPhrasesFlowWithTheText: at 360 px the longest highlighted phrase
// wraps over two line boxes, starting on the line the words before it
// end on, its highlight drawn on each; and it is still one button, named
// by the whole phrase, that a click on any of its words, Enter or Space
// opens, before the wasm runs and after.
func TestPhrasesFlowWithTheText(t *testing.T) {
	s := startSite(t, gated)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(360, 640), chromedp.Navigate(s.URL+seedPath))
	waitFor(t, ctx, `!!document.querySelector(".gloss-phrase")`, 10*time.Second)
	n, text := longestPhrase(seed)
	id := app.TriggerID(n.ID)
	check := func(when string) {
		t.Helper()
		lay := eval[map[string]any](t, ctx, fmt.Sprintf(`(() => {
		  const b = document.getElementById(%q), p = b.closest(".gloss-phrase");
		  const tops = [...p.getClientRects()].map(r => Math.round(r.top));
		  const before = document.createRange();
		  before.setStart(p.parentElement, 0); before.setEndBefore(p);
		  const br = [...before.getClientRects()].filter(r => r.width > 0);
		  const cs = getComputedStyle(p);
		  // Room left on the line the words before end on, and what the
		  // phrase's first word and a space need there.
		  const room = br.length ? p.parentElement.getBoundingClientRect().right - br[br.length - 1].right : 0;
		  return {lines: new Set(tops).size, first: tops[0], beforeEnds: br.length ? Math.round(br[br.length - 1].top) : -1,
		    fits: room > b.getBoundingClientRect().width + 8,
		    clone: cs.boxDecorationBreak, bg: cs.backgroundColor, underline: cs.borderBottomWidth,
		    text: p.textContent, buttonBoxes: b.getClientRects().length};
		})()`, id))
		if lay["lines"].(float64) < 2 {
			t.Errorf("%s: the phrase %q lies on %v line box, want it to wrap over 2 or more at 360 px", when, text, lay["lines"])
		}
		if lay["first"] != lay["beforeEnds"] && lay["fits"] == true {
			t.Errorf("%s: the phrase starts at y %v, not on the line the words before it end on (y %v): it jumped to a line of its own", when, lay["first"], lay["beforeEnds"])
		}
		if lay["clone"] != "clone" || lay["bg"] == "rgba(0, 0, 0, 0)" || lay["underline"] != "2px" {
			t.Errorf("%s: the highlight is not drawn on each line box: %v", when, lay)
		}
		if lay["text"] != text {
			t.Errorf("%s: the phrase reads %q, want %q", when, lay["text"], text)
		}
		role, name, expanded := axButton(t, ctx, id)
		if role != "button" || name != text || expanded != "false" {
			t.Errorf("%s: the phrase is exposed as %s %q, expanded %s; want a button named %q, not expanded", when, role, name, expanded, text)
		}

		// A click on the phrase's last line, away from the button, opens
		// the card; a second one closes it, as a click on a button does.
		lastLine := fmt.Sprintf(`(() => {
		  const p = document.getElementById(%q).closest(".gloss-phrase"), rs = p.getClientRects(), q = rs[rs.length - 1];
		  return {x: q.left + Math.min(8, q.width / 2), y: (q.top + q.bottom) / 2};
		})()`, id)
		do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).closest(".gloss-phrase").scrollIntoView({block: "center"})`, id)))
		at := eval[map[string]float64](t, ctx, lastLine)
		if hit := eval[string](t, ctx, fmt.Sprintf(`(() => { const e = document.elementFromPoint(%f, %f); return e.closest(".gloss-mark") ? "button" : e.closest(".gloss-phrase") ? "phrase" : e.tagName; })()`, at["x"], at["y"])); hit != "phrase" {
			t.Fatalf("%s: the point on the phrase's last line hits %s, not the phrase's words", when, hit)
		}
		do(t, ctx, chromedp.MouseClickXY(at["x"], at["y"]))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		waitFor(t, ctx, fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, n.ID), 5*time.Second)
		if _, _, expanded := axButton(t, ctx, id); expanded != "true" {
			t.Errorf("%s: with the card open the button is exposed as expanded %s, want true", when, expanded)
		}
		if !eval[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q).matches(":popover-open")`, n.ID)) {
			t.Fatalf("%s: the card closed by itself", when)
		}
		// On a phone the page has moved the phrase above the card's sheet.
		settled(t, ctx, lastLine)
		at = eval[map[string]float64](t, ctx, lastLine)
		do(t, ctx, chromedp.MouseClickXY(at["x"], at["y"]))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
		eval[bool](t, ctx, framesDrawn)
		if eval[bool](t, ctx, `!!document.querySelector(":popover-open")`) {
			t.Errorf("%s: a second click on the phrase opened its card again", when)
		}

		// Enter and Space on the focused button; Escape returns focus.
		for _, key := range []string{kb.Enter, " "} {
			do(t, ctx, chromedp.Focus(chromedp.ID(id)), chromedp.KeyEvent(key))
			waitFor(t, ctx, openCard(n.ID), 5*time.Second)
			waitFor(t, ctx, fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, n.ID), 5*time.Second)
			do(t, ctx, chromedp.KeyEvent(kb.Escape))
			waitFor(t, ctx, noCardOpen, 5*time.Second)
			if got := eval[string](t, ctx, activeID); got != id {
				t.Errorf("%s: after Escape focus is on %q, want the phrase's button", when, got)
			}
		}
	}
	check("before the wasm")
	if eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`) {
		t.Fatal("the wasm ran although its request was held: this test proves nothing")
	}
	s.release()
	wasmRuns(t, ctx)
	check("after the wasm")
	if os.Getenv("GLOSS_SCREENSHOTS") != "" {
		readmeScreenshots(t, s.URL)
	}
}

// readmeScreenshots writes the README's pictures into docs/: the text at
// 360 and 1280 px, and a card open at each width.
func readmeScreenshots(t *testing.T, site string) {
	for _, c := range []struct {
		w, h       int64
		text, card string
		note       string
	}{
		{360, 800, "phrases-360.png", "", ""},
		{1280, 900, "phrases-1280.png", "", ""},
		{360, 700, "", "screenshot-mobile.png", "istanbul-talks"},
		{1280, 860, "", "screenshot.png", "eu-aid"},
	} {
		ctx := newBrowser(t)
		do(t, ctx, chromedp.EmulateViewport(c.w, c.h), colorScheme("light"), chromedp.Navigate(site+seedPath))
		wasmRuns(t, ctx)
		name := c.text
		if c.note != "" {
			name = c.card
			id := app.TriggerID(c.note)
			do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).closest(".gloss-phrase").scrollIntoView({block: "center"})`, id)),
				chromedp.Click(chromedp.ID(id)))
			waitFor(t, ctx, openCard(c.note), 5*time.Second)
			do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
		}
		waitFor(t, ctx, doneAnimating, 10*time.Second)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(env.root, "docs", name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
