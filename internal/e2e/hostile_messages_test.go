package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	glosssite "github.com/gloss/gloss/site"
)

// embed.js reads messages from its frames: anything that is not a
// well-formed Gloss message from the frame's own window and origin
// changes nothing and throws nothing. The messages are dispatched on the
// publisher's window as the frame's (a MessageEvent may name its source
// and origin), so each hostile value reaches the parser; one valid height
// message is the control that the path works. (Values that postMessage's
// structured clone cannot carry, like inherited properties, are left out.)
func TestEmbedIgnoresHostileMessages(t *testing.T) {
	s := startSite(t)
	pub := startPublisher(t, publisherPage{href: s.URL + glosssite.ArticlePath(seed.Slug), headline: seed.Title, before: 1, after: 1}.html(s.URL))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	waitFor(t, ctx, `!!document.querySelector("iframe.gloss-embed")`, 10*time.Second)
	// Let the frame start and settle on its own height first: its own
	// messages must not be taken for the hostile ones' effect.
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete"`, 20*time.Second)
	for i := 0; ; i++ {
		if eval[bool](t, ctx, `(async () => { const f = document.querySelector("iframe.gloss-embed");
		  const h = f.getBoundingClientRect().height; await new Promise((r) => setTimeout(r, 700));
		  return h > 0 && h === f.getBoundingClientRect().height; })()`) {
			break
		}
		if i == 20 {
			t.Fatal("the frame's height never settled")
		}
	}

	got := eval[map[string]any](t, ctx, `(async () => {
	  const f = document.querySelector("iframe.gloss-embed");
	  const origin = new URL(f.src).origin;
	  const errors = [];
	  addEventListener("error", (e) => errors.push(String(e.message)));
	  const send = (data, o = origin, source = f.contentWindow) =>
	    dispatchEvent(new MessageEvent("message", {data, origin: o, source}));
	  const settle = () => new Promise((r) => setTimeout(r, 300));
	  const height = () => f.getBoundingClientRect().height;
	  await settle();
	  const before = height();
	  const hostile = [
	    "height", 42, null, undefined, [], [1, 2], true,
	    {gloss: 1, type: "height", height: 1e9},
	    {gloss: 1, type: "height", height: -5},
	    {gloss: 1, type: "height", height: NaN},
	    {gloss: 1, type: "height", height: Infinity},
	    {gloss: 1, type: "height", height: "500"},
	    {gloss: "1", type: "height", height: 500},
	    {type: "height", height: 500},
	    JSON.parse('{"__proto__": {"gloss": 1, "type": "height", "height": 500}}'),
	    {gloss: 1, type: "card-open", id: {toString() { throw new Error("boom"); }}, title: "x"},
	    {gloss: 1, type: "card-open", id: 7, title: "x"},
	    {gloss: 1, type: "__proto__", id: "a", title: "b"},
	  ];
	  for (const d of hostile) send(d);
	  send({gloss: 1, type: "height", height: 500}, "http://evil.example");
	  send({gloss: 1, type: "height", height: 500}, origin, window);
	  send({gloss: 1, type: "height", height: 500}, origin, null);
	  await settle();
	  const afterHostile = height();
	  const events = glossEvents.length;
	  send({gloss: 1, type: "card-open", id: "x".repeat(5000), title: "t".repeat(5000)});
	  send({gloss: 1, type: "height", height: before + 123});
	  await settle();
	  const last = glossEvents[glossEvents.length - 1] || {};
	  return {before, afterHostile, control: height(), hostileEvents: events - 0, events: glossEvents.length,
	    idLen: (last.id || "").length, titleLen: (last.title || "").length, errors};
	})()`)
	if got["afterHostile"] != got["before"] {
		t.Errorf("hostile messages resized the frame from %v to %v", got["before"], got["afterHostile"])
	}
	if got["control"].(float64) <= got["before"].(float64) {
		t.Fatalf("control: a valid height message did not resize the frame (%v → %v): this test proves nothing", got["before"], got["control"])
	}
	if got["events"].(float64) != got["hostileEvents"].(float64)+1 {
		t.Errorf("the hostile messages dispatched %v events before the valid one", got["hostileEvents"])
	}
	if got["idLen"].(float64) > 200 || got["titleLen"].(float64) > 500 {
		t.Errorf("a card event carries an id of %v and a title of %v characters", got["idLen"], got["titleLen"])
	}
	if errs := got["errors"].([]any); len(errs) > 0 {
		t.Errorf("hostile messages threw: %v", errs)
	}
}
