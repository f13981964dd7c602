// The embed view's messages to the publisher's page.
import { triggerOf } from "../cards/cards.js";
import { embedPreview } from "./preview.js";
import { speakWordPress, wordpressCap } from "./wordpress.js";

// Embed protocol: the frame's side of web/js/embed.js (docs/embedding.md).
// In embed mode inside a frame, tell the parent page how tall the
// content is, on load, on every resize and when a card opens or closes,
// and which card opened or closed. Messages are plain objects:
//   {gloss: 1, type: "height", height: N}          N in CSS pixels
//   {gloss: 1, type: "card-open", id: ID, title: T}
//   {gloss: 1, type: "card-close", id: ID, title: T}
// It answers embed.js's {gloss: 1, type: "ready"} with its height. In a
// frame WordPress made, it also speaks WordPress's protocol
// (embed/wordpress.js), under WordPress's cap as a preview
// (embed/preview.js). Cards are native popovers, so this works before the
// wasm has loaded.
export function talkToPublisher(view, layout) {
  var root = view.root;
  // Messages go to the parent's origin only: Chromium and Safari name it
  // in ancestorOrigins; embed.js sends the frame a strict-origin
  // referrer for the others. Only where neither is known (a Firefox
  // page that sends no referrer) do they go to any origin: they carry
  // nothing the widget's public page does not show, and the parent of a
  // frame is the page showing it.
  var parentOrigin = "*";
  try {
    var ao = location.ancestorOrigins;
    var from = ao && ao.length ? ao[0] : new URL(document.referrer).origin;
    if (/^https?:\/\/[^/]+$/.test(from)) parentOrigin = from;
  } catch (e) {}
  var post = (msg) => {
    msg.gloss = 1;
    try {
      window.parent.postMessage(msg, parentOrigin);
    } catch (e) {}
  };
  var wordpress = speakWordPress(parentOrigin);
  var previewCap = wordpress ? wordpressCap : 0;
  var preview = previewCap ? embedPreview(root, previewCap) : null;
  var sent = -1;
  var sendHeight = () => {
    if (!layout.done()) return;
    if (preview) preview();
    var h = root.getBoundingClientRect().height;
    // An open card stays inside the frame: CSS anchor positioning puts
    // it on a side of its phrase with room for it (web/css/embed.css). When
    // neither side has room for the whole card, the frame grows below
    // the phrase until it has.
    var card = document.querySelector(".gloss-card:popover-open");
    var anchor = card && triggerOf(card);
    if (anchor) {
      var em = parseFloat(getComputedStyle(root).fontSize) || 16;
      var cap = (card.classList.contains("gloss-about") ? 44 : 34) * em;
      var need = Math.min(card.scrollHeight + card.offsetHeight - card.clientHeight, cap) + 12;
      var a = anchor.getBoundingClientRect();
      var top = a.top + window.scrollY, bottom = a.bottom + window.scrollY;
      if (top < need && h - bottom < need) h = bottom + need;
    }
    h = Math.ceil(h);
    if (previewCap) h = Math.min(h, previewCap);
    if (h !== sent) {
      sent = h;
      post({ type: "height", height: h });
      if (wordpress) wordpress.height(h);
    }
  };
  // Measured at once, not in an animation frame: browsers skip frames
  // of a cross-origin iframe that is out of view, and the height must
  // reach the page before the reader scrolls to the frame.
  layout.then(sendHeight);
  window.addEventListener("load", sendHeight);
  // A card the frame grows for is brought into view again once the
  // frame has grown: the reader's click scrolled the page only as far as
  // the frame's old foot.
  var reveal = null;
  window.addEventListener("resize", () => {
    sendHeight();
    if (reveal && reveal.matches(":popover-open")) reveal.scrollIntoView({ block: "nearest", inline: "nearest" });
    reveal = null;
  });
  if (window.ResizeObserver) new ResizeObserver(sendHeight).observe(root);
  // embed.js asks the frame it adopts (the oEmbed html's own iframe,
  // which may have loaded before embed.js listened) for its height.
  window.addEventListener("message", (e) => {
    var d = e.data;
    if (e.source === window.parent && d && d.gloss === 1 && d.type === "ready" && sent >= 0) post({ type: "height", height: sent });
  });
  document.addEventListener("toggle", (e) => {
    var card = e.target;
    if (!card.classList || !card.classList.contains("gloss-card")) return;
    var title = document.getElementById(card.id + "-title");
    var open = e.newState === "open";
    post({
      type: open ? "card-open" : "card-close",
      id: card.id,
      title: title ? title.textContent.replace(/\s+/g, " ").trim() : "",
    });
    sendHeight();
    // The card is inside the frame but may reach past the part of it
    // the reader sees: bring it into view, which scrolls the page around
    // the frame as little as needed. Only for the reader's own action:
    // a card reopened on load must not scroll the publisher's page.
    var ua = navigator.userActivation;
    reveal = null;
    if (open && ua && ua.isActive) {
      card.scrollIntoView({ block: "nearest", inline: "nearest" });
      if (sent > root.getBoundingClientRect().height + 1) reveal = card;
    }
  }, true);
}
