// A card's first opening laid out its text in the card's fonts and
// sizes, which the article does not use, for the first time: at CPU 4×
// that made the first card come 20–40 ms later than the next ones.
// After the first frame, a copy of each part of the first card (its
// head, each block of its body, its foot) is laid out once, in a task of
// its own (each under 30 ms at 4×; the whole card at once was a long
// task), unseen and unreachable (no ids, inert, hidden from assistive
// technology), and removed before it is painted: the browser then has
// those fonts ready. Not in a publisher's frame, which costs the
// publisher's page nothing until the reader uses it.
export function warmCardFonts(view) {
  if (view.framed) return;
  var warm = () => {
    var card = document.querySelector(".gloss-card[popover]");
    if (!card) return;
    var parts = [].slice.call(card.querySelectorAll(".gloss-card > :not(.gloss-card-body), .gloss-card-body > *"));
    var next = () => {
      var part = parts.shift();
      if (!part || document.querySelector(":popover-open")) return;
      var copy = card.cloneNode(false);
      copy.appendChild(part.cloneNode(true));
      [copy].concat([].slice.call(copy.querySelectorAll("[id]"))).forEach((e) => { e.removeAttribute("id"); });
      ["popover", "role", "aria-labelledby", "tabindex"].forEach((a) => { copy.removeAttribute(a); });
      copy.setAttribute("aria-hidden", "true");
      copy.inert = true;
      copy.style.cssText = "display:block;visibility:hidden;position:fixed;top:0;left:0;pointer-events:none";
      document.body.appendChild(copy);
      copy.getBoundingClientRect();
      copy.remove();
      setTimeout(next, 0);
    };
    next();
  };
  document.addEventListener("DOMContentLoaded", () => {
    requestAnimationFrame(() => { setTimeout(warm, 0); });
  });
}
