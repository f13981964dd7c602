// The embed preview. Under a host's cap on its frame's height (WordPress's
// 1,000 px), a taller article would be cut wherever the cap falls,
// mid-line. Instead it shows down to the last whole line that fits, which
// fades out (web/css/embed.css) above a "Continue reading" link to the
// article's own page, and the frame is exactly the cap tall. Cards still
// open from the phrases in view.
import { continueClass, previewClass } from "gloss:dom";

// embedPreview returns what lays the preview out under cap: measured again
// when the frame's width changes; called before the frame's height is
// measured (embed/messages.js).
export function embedPreview(root, cap) {
  var width = -1;
  return () => {
    if (innerWidth === width) return;
    var article = document.querySelector(".gloss-article");
    if (!article) return;
    width = innerWidth;
    var more = document.querySelector("." + continueClass);
    root.classList.remove(previewClass);
    article.style.removeProperty("max-height");
    if (more) {
      more.remove();
      more.style.removeProperty("padding-bottom");
    }
    if (root.getBoundingClientRect().height <= cap) return;
    if (!more) {
      more = document.createElement("p");
      more.className = continueClass;
      var a = more.appendChild(document.createElement("a"));
      a.href = location.origin + location.pathname;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = "Continue reading";
    }
    article.parentNode.insertBefore(more, article.nextSibling);
    root.classList.add(previewClass);
    // The article gets the cap less everything else, cut above the first
    // line of text the cap would cross, after the last one above it.
    var box = article.getBoundingClientRect();
    var cut = cap - (root.getBoundingClientRect().height - box.height);
    var lines = [], walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT), range = document.createRange();
    while (walker.nextNode()) {
      range.selectNodeContents(walker.currentNode);
      var rects = range.getClientRects();
      for (var i = 0; i < rects.length; i++) lines.push([rects[i].top - box.top, rects[i].bottom - box.top]);
    }
    for (var crossed = true; crossed;) {
      crossed = false;
      lines.forEach((l) => {
        if (l[0] < cut && l[1] > cut) {
          cut = l[0];
          crossed = true;
        }
      });
    }
    var end = 0;
    lines.forEach((l) => {
      if (l[1] <= cut && l[1] > end) end = l[1];
    });
    article.style.maxHeight = Math.ceil(end) + "px";
    // What the cut leaves goes below the link: the frame is the cap tall.
    var slack = cap - root.getBoundingClientRect().height;
    if (slack > 0) more.style.paddingBottom = slack + "px";
  };
}
