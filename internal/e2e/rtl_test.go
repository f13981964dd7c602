package e2e

import (
	"fmt"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
)

// TestRightToLeftArticleIsMirrored reads the test-only Arabic article: the
// page runs right to left, lines start at the right, and a card opens
// under its phrase, starting from the phrase's right and running left,
// inside the viewport.
func TestRightToLeftArticleIsMirrored(t *testing.T) {
	a := articleNamed(t, "rtl-sample")
	n := anchored(a)[0]
	s := startSite(t)
	for _, size := range [][2]int64{{1280, 800}, {360, 640}} {
		ctx := newBrowser(t)
		do(t, ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.URL+glosssite.ArticlePath(a.Slug)))
		wasmRuns(t, ctx)
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		settled(t, ctx, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect()`, n.ID))
		got := eval[map[string]any](t, ctx, fmt.Sprintf(`(() => {
		  const main = document.getElementById("gloss"), p = document.querySelector(".gloss-article p");
		  const line = document.createRange(); line.selectNodeContents(p);
		  const first = line.getClientRects()[0], box = p.getBoundingClientRect();
		  const c = document.getElementById(%q).getBoundingClientRect(), b = document.getElementById(%q).getBoundingClientRect();
		  return {dir: main.getAttribute("dir"), lang: main.lang, direction: getComputedStyle(p).direction,
		    startGap: box.right - first.right, endGap: first.left - box.left,
		    card: [c.left, c.right, c.top, c.bottom], button: [b.left, b.right, b.top, b.bottom], w: innerWidth, h: innerHeight};
		})()`, n.ID, app.TriggerID(n.ID)))
		t.Logf("%v: %v", size, got)
		if got["dir"] != "rtl" || got["lang"] != "ar" || got["direction"] != "rtl" {
			t.Errorf("%v: the Arabic page is %v %v, direction %v; want ar, rtl", size, got["lang"], got["dir"], got["direction"])
		}
		if gap := got["startGap"].(float64); gap > 1 {
			t.Errorf("%v: the first line starts %.0f px from the paragraph's right edge", size, gap)
		}
		c, b := got["card"].([]any), got["button"].([]any)
		w, h := got["w"].(float64), got["h"].(float64)
		if c[0].(float64) < -0.5 || c[1].(float64) > w+0.5 || c[2].(float64) < -0.5 || c[3].(float64) > h+0.5 {
			t.Errorf("%v: the card at %v is not inside the viewport", size, c)
		}
		if size[0] >= 600 {
			// Next to the phrase, from its right edge leftwards.
			if d := c[1].(float64) - b[1].(float64); d < -1 || d > 1 {
				t.Errorf("%v: the card's right edge is at %.0f, the phrase's at %.0f: not mirrored", size, c[1], b[1])
			}
			if c[2].(float64) < b[3].(float64)-1 && c[3].(float64) > b[2].(float64)+1 {
				t.Errorf("%v: the card %v covers its phrase %v", size, c, b)
			}
		}
	}
}
