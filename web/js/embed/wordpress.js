// WordPress's embed protocol (its wp-includes/js/wp-embed.js), for the
// frame WordPress makes of the oEmbed html's iframe: sandboxed
// allow-scripts only, and hidden until the frame posts
// {message: "height", value, secret} with the secret WordPress put in
// its address (#?secret=…); WordPress then sets the frame's height to
// the value, clamped to 200–1,000 px (so the article shows as a preview
// of 1,000 px: embed/preview.js). The block editor's preview never sends
// "ready", so the height goes unasked, with every height the frame
// sends (embed/messages.js), and again in answer to "ready". The sandbox
// forbids popups and top navigation: WordPress itself follows a link
// ("link") on the frame's own host, so a click on the article's own
// links goes there, and one on a source (another host) to its card on
// the article's own page, where the source's link opens.

// wordpressCap is WordPress's cap on its embed frames' height, in CSS
// pixels.
export const wordpressCap = 1000;

// speakWordPress returns, in a frame WordPress made (its secret in the
// address), what sends it the frame's height; null elsewhere. Messages
// go to parentOrigin.
export function speakWordPress(parentOrigin) {
  var m = /^#\?secret=([A-Za-z0-9]{1,64})$/.exec(location.hash);
  if (!m) return null;
  var secret = m[1], last = -1;
  var send = (message, value) => {
    try {
      window.parent.postMessage({ message: message, value: value, secret: secret }, parentOrigin);
    } catch (e) {}
  };
  window.addEventListener("message", (e) => {
    var d = e.data;
    if (e.source === window.parent && d && d.message === "ready" && d.secret === secret && last >= 0) send("height", last);
  });
  document.addEventListener("click", (e) => {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var url = new URL(a.href, location.href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    if (url.host === location.host && url.pathname === location.pathname && url.search === location.search) return;
    if (url.host !== location.host) {
      var card = a.closest("[popover]");
      if (!card || !card.id) return;
      url = new URL(location.pathname + "#" + card.id, location.href);
    }
    e.preventDefault();
    send("link", url.href);
  }, true);
  return {
    height: (h) => {
      last = h;
      send("height", h);
    },
  };
}
