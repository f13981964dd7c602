// "Hide highlights": the article reads as plain text and its phrases
// are no longer buttons. The choice is kept across visits.
import { hideHighlights, plainClass } from "gloss:dom";

// restorePlain sets the root's class before first paint, from the last
// visit.
export function restorePlain(root) {
  try {
    if (localStorage.getItem(hideHighlights) === "true") root.classList.add(plainClass);
  } catch (e) {}
}

// plainEvent is dispatched on the document whenever the switch changes
// the root's class, for what follows it (web/js/cards/seen.js).
export const plainEvent = "gloss:plain";

// followPlainSwitch has the switch and the phrases follow the root's
// class as soon as they are parsed, and the switch toggle it.
export function followPlainSwitch(root) {
  var setPlain = (on) => {
    root.classList.toggle(plainClass, on);
    var sw = document.getElementById("gloss-plain");
    if (sw) sw.setAttribute("aria-pressed", on ? "true" : "false");
    document.querySelectorAll(".gloss-mark").forEach((b) => {
      b.disabled = on;
    });
    document.dispatchEvent(new Event(plainEvent));
  };
  document.addEventListener("DOMContentLoaded", () => {
    if (root.classList.contains(plainClass)) setPlain(true);
  });
  document.addEventListener("click", (e) => {
    if (!e.target.closest || !e.target.closest("#gloss-plain")) return;
    var on = !root.classList.contains(plainClass);
    setPlain(on);
    try {
      localStorage.setItem(hideHighlights, on ? "true" : "false");
    } catch (err) {}
  });
}
