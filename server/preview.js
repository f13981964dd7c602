// Gloss live preview: served only by `gloss serve -content`, never in
// production or an export. It reloads the page when the content changes
// and shows the editor's problem (file:line: message) over the page while
// the content does not parse; the server keeps serving the last good
// content meanwhile.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var box = null;
  var generation = null;
  function show(text) {
    if (!text) {
      if (box) box.remove();
      box = null;
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = "gloss-preview-problem";
      box.setAttribute("role", "alert");
      // CSSOM, not a style attribute: the page's CSP allows no inline style.
      var st = box.style;
      st.position = "fixed";
      st.left = st.right = st.bottom = "0";
      st.zIndex = "2147483647";
      st.margin = "0";
      st.padding = "1em";
      st.maxHeight = "50vh";
      st.overflow = "auto";
      st.whiteSpace = "pre-wrap";
      st.font = "14px/1.4 monospace";
      st.background = "#5c0011";
      st.color = "#fff";
      document.body.appendChild(box);
    }
    box.textContent = "This page shows the last good version. Fix the content to update it:\n\n" + text;
  }
  var es = new EventSource("/_gloss/events");
  es.addEventListener("state", function (e) {
    // A reconnection after the server restarted, or content that changed
    // while this page loaded, shows up as another generation.
    if (generation !== null && generation !== e.data) location.reload();
    generation = e.data;
  });
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("problem", function (e) { show(e.data); });
})();
