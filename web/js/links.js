// Links: every link is the browser's, a card's link is its fragment
// (deep links), and "Copy link" copies it.
import { triggerOf } from "./cards/cards.js";

// go-app parses the page's address when it starts and dies on a
// fragment that is not valid percent-encoding (a mangled shared link):
// such a fragment names no card, so drop it before the wasm runs.
// Also on every history change: this listener is added before go-app
// sets window.onpopstate, so it runs first.
export function dropBadFragment() {
  try {
    decodeURIComponent(location.hash);
  } catch (e) {
    history.replaceState(history.state, "", location.pathname + location.search);
  }
}

export function keepFragmentValid() {
  dropBadFragment();
  window.addEventListener("popstate", dropBadFragment);
}

export function keepLinksTheBrowsers() {
  // Every link is the browser's: each page is the server's own, and a
  // card's link is its fragment (openFromHash). go-app's in-app router,
  // on window.onclick, would otherwise take links over once the wasm runs
  // (and open new tabs with window.open, without rel=noopener).
  document.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest("a[href]")) e.stopPropagation();
  });
}

export function copyLinks() {
  // "Copy link" is a link to its card: it always puts the card's address
  // in the address bar, and where the browser offers a clipboard it also
  // copies it and says so (in the page's words, from data-done).
  document.addEventListener("click", (e) => {
    var link = e.target.closest && e.target.closest(".gloss-permalink");
    if (!link) return;
    // Only now: the first read of navigator.clipboard makes it, which
    // took 4 ms at CPU 4× in the click that opens a card.
    var clip = navigator.clipboard;
    if (!clip || !clip.writeText) return;
    var status = link.parentElement.querySelector(".gloss-copied");
    var url = location.origin + location.pathname + location.search + link.getAttribute("href");
    clip.writeText(url).then(() => {
      if (!status) return;
      status.textContent = status.getAttribute("data-done");
      clearTimeout(status.glossTimer);
      status.glossTimer = setTimeout(() => { status.textContent = ""; }, 3000);
    }, () => {});
  });
}

export function followDeepLinks(view) {
  var embed = view.embed;
  // Deep links: /#istanbul-talks opens that card, also before the wasm.
  function openFromHash() {
    dropBadFragment();
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    var card = el && el.closest("[popover]");
    if (!card || card.matches(":popover-open")) return;
    // The card opens next to its phrase, as when the reader clicks it:
    // opened by script, it has its phrase as anchor only when named as the
    // source. The phrase is brought into view first, a fifth of the way
    // down (above a phone's bottom sheet, with room for a card below it),
    // but not in a frame: that would scroll the publisher's page.
    var trigger = triggerOf(card);
    if (trigger && el === card && !embed) window.scrollBy(0, trigger.getBoundingClientRect().top - innerHeight / 5);
    card.showPopover(trigger ? { source: trigger } : undefined);
    if (el !== card && !embed) el.scrollIntoView({ block: "start" });
  }
  // Until the page has loaded, the browser keeps scrolling to the element
  // the address's fragment names: an open card, fixed in the top layer,
  // would pull its phrase out of view. So the card opens after load.
  window.addEventListener("load", () => { setTimeout(openFromHash, 0); });
  window.addEventListener("hashchange", openFromHash);
}
