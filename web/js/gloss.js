// Gloss page script. It runs in the head, before the article is parsed and
// long before the wasm arrives, and does only what must happen before
// first paint or must work without the wasm: the reader's whole article.
// The wasm (go-app) adds the install and update prompts.
//
// It is also the wasm's compile worker: the page starts this same script
// as a worker (compile/page.js), where there is no document. So no module
// does anything when imported; this entry calls each, in the order the
// page needs (internal/bundle bundles them into the one served gloss.js).
import { compileInWorker } from "./compile/page.js";
import { serveCompiles } from "./compile/worker.js";
import { placeCards } from "./cards/placement.js";
import { markUpdated } from "./cards/seen.js";
import { followToggles } from "./cards/toggle.js";
import { layOutEmbed } from "./embed/layout.js";
import { talkToPublisher } from "./embed/messages.js";
import { copyLinks, followDeepLinks, keepFragmentValid, keepLinksTheBrowsers } from "./links.js";
import { followPlainSwitch, restorePlain } from "./plain.js";
import { startOnDemand } from "./start.js";
import { dropServiceWorker, keepStorageUsable } from "./storage.js";
import { readView } from "./view.js";
import { warmCardFonts } from "./warm-fonts.js";

if (typeof document === "undefined") {
  serveCompiles();
} else {
  // Before anything reads storage or the address (go-app among them).
  const storageDenied = keepStorageUsable();
  keepFragmentValid();
  // The reader's display choices, before first paint.
  const view = readView();
  // A frame denied storage gets no service worker either: none is asked.
  if (view.framed && storageDenied) dropServiceWorker();
  restorePlain(view.root);
  // The wasm, compiled in a worker, started when it has something to add.
  compileInWorker(view.root);
  startOnDemand(view);
  warmCardFonts(view);
  // The cards, links and switches, before and without the wasm.
  placeCards(view);
  followToggles(view);
  markUpdated(view);
  keepLinksTheBrowsers();
  copyLinks();
  followPlainSwitch(view.root);
  followDeepLinks(view);
  // The embed view: its first layout, then its messages to the publisher.
  const layout = layOutEmbed(view);
  if (view.framed) talkToPublisher(view, layout);
}
