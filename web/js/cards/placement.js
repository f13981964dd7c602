// Card placement: a card opens beside its phrase on a wide screen.
import { wide } from "gloss:dom";
import { phraseOf, pressedPhrase, triggerOf } from "./cards.js";

// On a wide screen a card opens beside its phrase: below it, or above
// it where there is more room above; from the phrase's first word on
// (its right in a right-to-left article), inside the window; clear of
// every line of a phrase that wraps; in page coordinates, so that it
// scrolls with its phrase. web/css/cards.css anchors it so with CSS anchor
// positioning for a page without script; this places it in every
// engine alike, for two reasons. The engines disagree: WebKit (2.50)
// picks the side as if the page were not scrolled and opens long cards
// off the top of the window, and Firefox ignores position-try-order
// and squeezes a long card into the little room below its phrase. And
// Chromium lays an anchored card out inside showPopover, on the
// reader's click (about 2 ms, make bench section 3), where one placed
// here before it opens is laid out once, in the frame that draws it.
// Nothing of the card is measured: its width and its greatest height
// are the style sheet's (26rem, 34rem), and a card above its phrase hangs
// from it by translate.
//
// A pointer places the card when it is pressed, before the release
// that opens it: a finger or a mouse button is held longer than that
// takes, so the opening does not wait for it. The placement holds while
// the page is neither scrolled nor resized (placedFor); a key that
// opens the card, or a script, places it as it opens.
export function placeCards(view) {
  var root = view.root, embed = view.embed;
  var placedProps = ["position", "position-area", "position-try-fallbacks", "inset", "margin", "top", "left", "max-height", "translate", "width"];
  // The root's font size in pixels, 1rem: read again after a resize,
  // which zooming fires too.
  var remPx = 0;
  function rem() {
    return remPx || (remPx = parseFloat(getComputedStyle(root).fontSize) || 16);
  }
  function placedFor() {
    return [scrollX, scrollY, innerWidth, innerHeight].join(" ");
  }
  function place(card, trigger) {
    // Everything is read before the card's style is written: a read of
    // the scroll position after a write had the browser recompute the
    // page's style, three times on each press (4 ms at CPU 4×).
    var placed = placedFor();
    var sx = scrollX, sy = scrollY;
    var em = rem();
    var phrase = phraseOf(trigger);
    var t = trigger.getBoundingClientRect(), p = phrase.getBoundingClientRect();
    var vw = root.clientWidth, vh = root.clientHeight;
    var gap = 6;
    var below = vh - p.bottom - 2 * gap, above = p.top - 2 * gap;
    var onTop = below < 34 * em && above > below;
    // As wide as the style sheet makes it, or as the room from the first word
    // to the window's edge, but not under 18rem: then it moves back in.
    if (phrase.glossRtl === undefined) phrase.glossRtl = getComputedStyle(phrase).direction === "rtl";
    var rtl = phrase.glossRtl;
    var w = Math.min(26 * em, innerWidth - 16);
    w = Math.max(Math.min(w, rtl ? t.right - 8 : vw - 8 - t.left), Math.min(w, 18 * em));
    var start = rtl ? t.right - w : t.left;
    var st = card.style;
    st.setProperty("position", "absolute");
    st.setProperty("position-area", "none");
    st.setProperty("position-try-fallbacks", "none");
    st.setProperty("inset", "auto");
    st.setProperty("margin", "0");
    st.setProperty("max-height", Math.floor(Math.min(34 * em, Math.max(onTop ? above : below, 0))) + "px");
    st.setProperty("top", Math.round((onTop ? p.top - gap : p.bottom + gap) + sy) + "px");
    st.setProperty("translate", onTop ? "0 -100%" : "none");
    st.setProperty("width", Math.floor(w) + "px");
    st.setProperty("left", Math.round(Math.max(8, Math.min(start, vw - w - 8)) + sx) + "px");
    card.glossPlaced = placed;
  }
  function unplace(card) {
    placedProps.forEach((k) => { card.style.removeProperty(k); });
    card.glossPlaced = "";
  }
  // The phrase's button, for a card this script places: one in the
  // article, on a wide screen, not in a frame (web/css/cards.css's own rules).
  function placedBy(card) {
    var trigger = triggerOf(card);
    return !embed && innerWidth >= wide && trigger && trigger.closest(".gloss-article") ? trigger : null;
  }
  function placeCard(card) {
    // place sets every property unplace removes, and reads nothing the
    // card's own style changes: no unplacing first, which would have the
    // next read recompute the page's style.
    var trigger = placedBy(card);
    if (trigger) place(card, trigger);
    else if (card.glossPlaced) unplace(card);
  }
  document.addEventListener("beforetoggle", (e) => {
    var card = e.target;
    if (e.newState !== "open" || !card.hasAttribute || !card.hasAttribute("popover")) return;
    if (card.glossPlaced !== placedFor()) placeCard(card);
  }, true);
  document.addEventListener("pointerdown", (e) => {
    var pressed = pressedPhrase(e);
    if (pressed && !pressed.button.disabled && !pressed.card.matches(":popover-open")) placeCard(pressed.card);
  }, true);
  // A card that closes is unplaced: the style sheet's rules are its own
  // again until it is placed for its next opening.
  document.addEventListener("toggle", (e) => {
    var card = e.target;
    if (card.glossPlaced && e.newState !== "open") unplace(card);
  }, true);
  // An open card is placed again when the window changes size: it may
  // now be wide, or narrow (a bottom sheet, web/css/cards.css's).
  window.addEventListener("resize", () => {
    remPx = 0;
    var card = document.querySelector(".gloss-card:popover-open");
    if (card) placeCard(card);
  });
}
