// A card opening and closing: focus, the address bar, the phrase in
// sight above a bottom sheet, the click that closes, print.
import { narrowQuery } from "gloss:dom";
import { phraseOf, pressedPhrase, triggerOf } from "./cards.js";

export function followToggles(view) {
  var embed = view.embed;
  // An opened card takes the focus, and the address bar names the open
  // card (a deep link to it), without a history entry. The popover API
  // opens cards without script; this keeps both true to it. (The browser
  // states whether a card is open on its popovertarget button itself.)
  document.addEventListener("toggle", (e) => {
    var card = e.target;
    if (!card.id || !card.hasAttribute || !card.hasAttribute("popover")) return;
    var open = e.newState === "open";
    var trigger = triggerOf(card);
    // Not autofocus: a cross-origin frame refuses it and logs an error.
    // Only while the page has focus, or for the reader's own click: a
    // card a frame reopens on load must not pull focus from the
    // publisher's page.
    var ua = navigator.userActivation;
    if (open && !card.contains(document.activeElement) && (document.hasFocus() || (ua && ua.isActive))) {
      card.focus({ preventScroll: true });
    }
    // After the card has been drawn: replaceState costs a round trip to
    // the browser process that the reader should not wait for.
    setTimeout(() => {
      var here = location.pathname + location.search;
      if (open) history.replaceState(history.state, "", here + "#" + card.id);
      else if (location.hash === "#" + card.id) history.replaceState(history.state, "", here);
    }, 0);
    // On a phone the card is a bottom sheet, which can cover the phrase
    // the reader tapped: once the card is drawn, the page moves the phrase
    // up above it, where there is room for that, all its lines. (A card
    // next to its phrase moves with it: scrolling would not help.)
    if (open && !embed && trigger && trigger.closest(".gloss-article") && matchMedia(narrowQuery).matches) {
      requestAnimationFrame(() => {
        setTimeout(() => {
          if (!card.matches(":popover-open")) return;
          var c = card.getBoundingClientRect(), p = phraseOf(trigger).getBoundingClientRect();
          var covered = p.bottom > c.top + 1 && p.top < c.bottom - 1 && p.right > c.left && p.left < c.right;
          var by = p.bottom + 8 - c.top;
          if (covered && p.top - by >= 0) window.scrollBy(0, by);
        }, 0);
      });
    }
  }, true);

  // A click on a phrase's words outside its button is passed to the
  // button by the label. When that phrase's card is open, the press has
  // already closed it (a click outside a popover), and the passed-on click
  // would open it again: the reader meant to close it, as a click on the
  // button itself does.
  var closingPhrase = null;
  document.addEventListener("pointerdown", (e) => {
    closingPhrase = null;
    var pressed = pressedPhrase(e);
    if (pressed && !pressed.button.contains(e.target) && pressed.card.matches(":popover-open")) closingPhrase = pressed.phrase;
  }, true);
  document.addEventListener("click", (e) => {
    var phrase = closingPhrase;
    closingPhrase = null;
    if (phrase && e.target.closest && e.target.closest(".gloss-phrase") === phrase && !e.target.closest(".gloss-mark")) e.preventDefault();
  }, true);

  // Printed, every card is an endnote after the article (web/css/print.css);
  // an open one, in the top layer, would print over the article instead.
  window.addEventListener("beforeprint", () => {
    var open = document.querySelector(".gloss-card:popover-open");
    if (open) open.hidePopover();
  });
}
