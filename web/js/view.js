// The view the page is shown in, and its display choices.
import { embedClass, themeClasses } from "gloss:dom";

// readView reads the view from the page's address and sets the reader's
// display choices from it on the root, before first paint so nothing
// flashes: embed mode and theme. It returns what the other modules ask
// of it: the root, whether the page is the embed view (?embed=1), and
// whether it is in a publisher's frame, which it then talks to
// (embed/messages.js).
export function readView() {
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  var embed = params.get("embed") === "1";
  var framed = embed && window.parent !== window;
  if (embed) root.classList.add(embedClass);
  var theme = params.get("theme");
  if (Object.prototype.hasOwnProperty.call(themeClasses, theme)) root.classList.add(themeClasses[theme]);
  return { root: root, embed: embed, framed: framed };
}
