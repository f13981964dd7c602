// The reader-facing checks every engine runs: one list, each check a
// function of a driver (firefox.mjs, webkit.mjs) and the test's config
// (engines_test.go). A check returns the problems it found, one line
// each; none means it passed. Chromium runs the fuller Go suite.

import { desktop, isOpen, noneOpen, sleep, until, wasmRequested } from "./wait.mjs";

const phone = { width: 360, height: 640 };

// In-page functions: each is sent to the browser on its own, so they
// cannot use anything outside their body.
const wasmRunning = () =>
  !document.getElementById("app-wasm-loader") && !!document.querySelector('#gloss-app[data-wasm="running"]');
const pageFetchedWasm = () => performance.getEntriesByType("resource").some((e) => /\.wasm(\?|$)/.test(e.name));
const activeId = () => (document.activeElement ? document.activeElement.id : "");

// phrasePoint scrolls the phrase of card id to fraction y of the viewport
// (as far as the page scrolls) and returns a point on its first line.
const phrasePoint = (id, y) => {
  const p = document.getElementById("mark-" + id);
  scrollBy(0, p.getBoundingClientRect().top - innerHeight * y);
  const r = p.getClientRects()[0];
  return { x: r.left + Math.min(6, r.width / 2), y: (r.top + r.bottom) / 2 };
};

// placement describes open card id against its phrase and the viewport.
const placement = (id) => {
  const c = document.getElementById(id), p = document.getElementById("mark-" + id);
  const cr = c.getBoundingClientRect(), pr = p.getBoundingClientRect();
  const title = document.getElementById(id + "-title"), close = c.querySelector(".gloss-close");
  const tr = title.getBoundingClientRect(), xr = close ? close.getBoundingClientRect() : tr;
  return {
    card: [cr.top, cr.bottom, cr.left, cr.right].map(Math.round),
    phrase: [pr.top, pr.bottom, pr.left, pr.right].map(Math.round),
    head: [Math.min(tr.top, xr.top), Math.max(tr.bottom, xr.bottom)].map(Math.round),
    w: innerWidth, h: innerHeight,
    cut: c.scrollHeight > c.clientHeight + 1,
  };
};

// placementProblem says what is wrong with a placement a reader sees:
// the card out of the viewport, its title out of sight, the phrase
// covered or out of view, the card away from its phrase, or squeezed
// into a scroll box on the side with less room.
function placementProblem(id, p, sheet) {
  const [top, bottom, left, right] = p.card;
  const [ptop, pbottom, pleft, pright] = p.phrase;
  const where = `card ${id} at y ${top}–${bottom}, x ${left}–${right} (phrase y ${ptop}–${pbottom}) in ${p.w}×${p.h}`;
  if (top < -0.5 || left < -0.5 || bottom > p.h + 0.5 || right > p.w + 0.5) return `${where}: not inside the viewport`;
  if (p.head[0] < 0 || p.head[1] > p.h) return `${where}: its title or close button is out of sight`;
  if (ptop < 0 || pbottom > p.h) return `${where}: its phrase is out of view`;
  if (top < pbottom - 1 && bottom > ptop + 1) return `${where}: it covers its phrase`;
  if (left >= pright || right <= pleft) return `${where}: not beside its phrase`;
  if (!sheet && p.cut) {
    const above = ptop, below = p.h - pbottom;
    const mine = top >= pbottom - 1 ? below : above, other = top >= pbottom - 1 ? above : below;
    if (other > mine + 40) return `${where}: squeezed to ${bottom - top}px with ${Math.round(other)}px free on the other side`;
  }
  return "";
}

// openByMouse clicks the phrase of card id, placed at fraction y of the
// viewport, and reports whether its card opened. When it did not, why is
// in d.missed: what was under the pointer.
async function openByMouse(d, id, y) {
  const pt = await d.eval(phrasePoint, id, y);
  // As a reader's click comes after the scroll has been drawn.
  await d.eval(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await d.click(pt.x, pt.y);
  if (await until(() => d.eval(isOpen, id))) return true;
  d.missed = await d.eval((x, y) => { const e = document.elementFromPoint(x, y); return `the click at ${Math.round(x)},${Math.round(y)} hit ${e ? e.outerHTML.slice(0, 80) : "nothing"}`; }, pt.x, pt.y);
  return false;
}

async function closeByEscape(d) {
  await d.key("Escape");
  return until(() => d.eval(noneOpen));
}

// waitWasm is a reader's first interaction, a click on the page's empty
// corner, which starts the wasm (web/gloss.js), and the wait until it runs.
async function waitWasm(d, problems, what) {
  await d.click(3, 3);
  if (!(await until(() => d.eval(wasmRunning), 60000))) {
    problems.push(`${what}: the wasm did not start in 60 s`);
    return;
  }
  // A worker fetches and compiles it (web/gloss.js); the page fetches it
  // only when the worker could not.
  if (await d.eval(pageFetchedWasm)) problems.push(`${what}: the page fetched the wasm itself: no worker compiled it`);
}

// cardsByMouse opens every card with a click on its phrase and closes it
// with Escape, checking its title and where focus goes. (Whether it is
// expanded the browser states itself, from popovertarget.)
async function cardsByMouse(d, cfg, problems, state) {
  for (const n of cfg.notes) {
    if (!(await openByMouse(d, n.id, 0.3))) {
      problems.push(`${state}: a click on the phrase of ${n.id} did not open its card: ${d.missed}`);
      continue;
    }
    const got = await d.eval((id) => ({
      title: document.getElementById(id + "-title").innerText.trim(),
    }), n.id);
    if (got.title !== n.title) problems.push(`${state}: card ${n.id} shows title ${JSON.stringify(got.title)}, want ${JSON.stringify(n.title)}`);
    if (!(await closeByEscape(d))) {
      problems.push(`${state}: Escape did not close card ${n.id}`);
      continue;
    }
    const focus = await d.eval(activeId);
    if (focus !== "mark-" + n.id) problems.push(`${state}: after Escape closed ${n.id}, focus is on ${JSON.stringify(focus)}, not its phrase`);
  }
}

// keyboard: Tab reaches the phrases in reading order; Enter and Space
// open a card with focus in it; Escape closes it and focus returns.
async function keyboard(d, cfg, problems, state) {
  const want = await d.eval(() => [...document.querySelectorAll(".gloss-article .gloss-mark")].map((b) => b.id));
  const order = [];
  for (let i = 0; i < 80 && order.length < want.length; i++) {
    await d.key("Tab");
    const id = await d.eval(activeId);
    if (id.startsWith("mark-")) order.push(id);
  }
  if (order.join(" ") !== want.join(" ")) {
    problems.push(`${state}: Tab reached ${order.length} phrases (${order.slice(0, 4).join(" ")}…), want ${want.length} in reading order`);
  }
  for (const n of cfg.notes.slice(0, 2)) {
    for (const key of ["Enter", "Space"]) {
      await d.eval((id) => { const p = document.getElementById("mark-" + id); p.scrollIntoView({ block: "center" }); p.focus(); }, n.id);
      await d.key(key);
      if (!(await until(() => d.eval(isOpen, n.id)))) {
        problems.push(`${state}: ${key} on the focused phrase of ${n.id} did not open its card`);
        continue;
      }
      const inCard = await until(() => d.eval((id) => document.getElementById(id).contains(document.activeElement), n.id), 2000);
      if (!inCard) problems.push(`${state}: ${key} opened ${n.id} but focus is on ${JSON.stringify(await d.eval(activeId))}, not in the card`);
      if (!(await closeByEscape(d))) {
        problems.push(`${state}: Escape did not close ${n.id} opened by ${key}`);
        continue;
      }
      const focus = await d.eval(activeId);
      if (focus !== "mark-" + n.id) problems.push(`${state}: after Escape, focus is on ${JSON.stringify(focus)}, not the phrase of ${n.id}`);
    }
  }
}

// inViewport opens every card with its phrase at several heights of the
// viewport and checks where it lands.
async function inViewport(d, cfg, problems, size, state) {
  const sheet = size.width < 600;
  // Near the top and near the foot of the viewport: a card must then
  // open below and above its phrase, shrinking to the room there. On a
  // phone, where the sheet would cover the phrase.
  const heights = sheet ? [0.6] : [0.2, 0.85];
  for (const n of cfg.notes) {
    for (const y of heights) {
      if (!(await openByMouse(d, n.id, y))) {
        problems.push(`${state}: card ${n.id} did not open: ${d.missed}`);
        continue;
      }
      // Where the card lands is final after a frame or two (the sheet
      // moves the page up above it).
      let p, msg;
      await until(async () => {
        p = await d.eval(placement, n.id);
        msg = placementProblem(n.id, p, sheet);
        return !msg;
      }, 1000);
      if (msg) problems.push(`${state}, phrase at ${Math.round(y * 100)}%: ${msg}`);
      await closeByEscape(d);
    }
  }
}

export const checks = [
  {
    // The driver itself, on a page without Gloss: a failure elsewhere
    // means something only if this passes.
    name: "driver-control",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.control, desktop);
      const count = () => d.eval(() => Number(document.getElementById("b").textContent));
      const r = await d.eval(() => { const r = document.getElementById("b").getBoundingClientRect(); return { x: r.left + 5, y: r.top + 5 }; });
      await d.click(r.x, r.y);
      if ((await count()) !== 1) problems.push("a mouse click did not activate a button");
      await d.eval(() => document.getElementById("b").focus());
      await d.key("Enter");
      if ((await count()) !== 2) problems.push("Enter did not activate a focused button");
      await d.key("Space");
      if ((await count()) !== 3) problems.push("Space did not activate a focused button");
      await d.key("Tab");
      if ((await d.eval(activeId)) !== "t") problems.push("Tab did not move focus to the next button");
      await d.key("Enter");
      if (!(await until(() => d.eval(isOpen, "pop")))) problems.push("Enter on a popovertarget button did not open its popover");
      await d.key("Escape");
      if (!(await until(() => d.eval(noneOpen)))) problems.push("Escape did not close a popover");
      return problems;
    },
  },
  {
    name: "cards-by-mouse-before-wasm",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.gated + cfg.seedPath, desktop);
      await cardsByMouse(d, { notes: cfg.notes.slice(0, 4) }, problems, "before the wasm");
      if (await d.eval(() => !document.getElementById("app-wasm-loader"))) problems.push("the wasm ran although it was held: this check proves nothing");
      return problems;
    },
  },
  {
    name: "keyboard-before-wasm",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.gated + cfg.seedPath, desktop);
      await keyboard(d, cfg, problems, "before the wasm");
      return problems;
    },
  },
  {
    name: "cards-by-mouse-and-keyboard",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.main + cfg.seedPath, desktop);
      await waitWasm(d, problems, "page");
      await cardsByMouse(d, cfg, problems, "after the wasm");
      await d.goto(cfg.main + cfg.seedPath, desktop);
      await waitWasm(d, problems, "page");
      await keyboard(d, cfg, problems, "after the wasm");
      return problems;
    },
  },
  {
    // A card opened with the mouse shows no focus ring: the ring is for
    // keyboard readers (:focus-visible).
    name: "no-focus-ring-on-mouse-open",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.main + cfg.seedPath, desktop);
      await waitWasm(d, problems, "page");
      for (const n of cfg.notes.slice(0, 3)) {
        if (!(await openByMouse(d, n.id, 0.3))) {
          problems.push(`card ${n.id} did not open`);
          continue;
        }
        await sleep(100);
        const ring = await d.eval((id) => {
          const rings = [];
          for (const el of [document.getElementById(id), document.activeElement]) {
            const s = getComputedStyle(el);
            if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) rings.push(`${el.id || el.className}: ${s.outlineWidth} ${s.outlineStyle}`);
          }
          return rings.join("; ");
        }, n.id);
        if (ring) problems.push(`card ${n.id} opened by the mouse has a focus ring: ${ring}`);
        await closeByEscape(d);
      }
      return problems;
    },
  },
  ...[desktop, phone].flatMap((size) => [
    {
      name: `in-viewport-${size.width}x${size.height}-before-wasm`,
      async run(d, cfg) {
        const problems = [];
        await d.fresh();
        await d.goto(cfg.gated + cfg.seedPath, size);
        await inViewport(d, cfg, problems, size, "before the wasm");
        return problems;
      },
    },
    {
      name: `in-viewport-${size.width}x${size.height}`,
      async run(d, cfg) {
        const problems = [];
        await d.fresh();
        await d.goto(cfg.main + cfg.seedPath, size);
        await waitWasm(d, problems, "page");
        await inViewport(d, cfg, problems, size, "after the wasm");
        return problems;
      },
    },
  ]),
  {
    // A shared link to a card opens it, its title in sight, next to its
    // phrase: on a desktop and on a phone.
    name: "deep-link",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      for (const size of [desktop, phone]) {
        // Every other card: the short ones and the long ones.
        for (const n of cfg.notes.filter((_, i) => i % 2 === 1)) {
          await d.goto("about:blank", size);
          await d.goto(`${cfg.main}${cfg.seedPath}#${n.id}`, size);
          if (!(await until(() => d.eval(isOpen, n.id), 5000))) {
            problems.push(`${size.width}×${size.height}: /#${n.id} did not open its card`);
            continue;
          }
          let p, msg;
          await until(async () => {
            p = await d.eval(placement, n.id);
            msg = placementProblem(n.id, p, size.width < 600);
            return !msg;
          }, 1000);
          if (msg) problems.push(`${size.width}×${size.height}: /#${n.id}: ${msg}`);
        }
      }
      return problems;
    },
  },
  {
    // After one visit every page read reloads with the server gone, and
    // one never opened says so in words (also where the engine evicted
    // the cache), never with the browser's error.
    name: "offline-after-one-visit",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.offline + cfg.seedPath, desktop);
      await waitWasm(d, problems, "first visit");
      if (!(await until(() => d.eval(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller), 30000))) {
        return [...problems, "the service worker did not take control of the page in 30 s"];
      }
      for (const page of cfg.offlinePages) {
        await d.goto(cfg.offline + page.path, desktop);
      }
      const res = await fetch(cfg.controlURL + "/stop", { method: "POST" });
      if (!res.ok) return [...problems, `stopping the server: ${res.status}`];
      if (await fetch(cfg.offline + cfg.seedPath).then(() => true, () => false)) {
        return [...problems, "the server still answers after it was stopped: this check proves nothing"];
      }
      for (const page of cfg.offlinePages) {
        try {
          await d.goto(cfg.offline + page.path, desktop);
        } catch (e) {
          problems.push(`offline ${page.path}: ${e.message.split("\n")[0]}`);
          continue;
        }
        const text = await d.eval(() => { const a = document.querySelector(".gloss-article"); return a ? a.innerText : document.body.innerText.slice(0, 200); });
        if (!text.includes(page.text)) {
          problems.push(`offline ${page.path}: the article is not there (the page says ${JSON.stringify(text.slice(0, 120))})`);
          continue;
        }
        await waitWasm(d, problems, `offline ${page.path}`);
        const opened = await d.eval((id) => { const b = document.getElementById("mark-" + id); b.click(); return document.getElementById(id).matches(":popover-open"); }, page.card);
        if (!opened) problems.push(`offline ${page.path}: card ${page.card} did not open`);
        await d.key("Escape");
      }
      try {
        await d.goto(cfg.offline + "/a/never-opened", desktop);
        const text = await d.eval(() => document.body.innerText);
        if (!text.includes("You are offline")) problems.push(`offline, a page never opened shows ${JSON.stringify(text.slice(0, 120))}, not the offline page`);
      } catch (e) {
        problems.push(`offline, a page never opened: ${e.message.split("\n")[0]}`);
      }
      return problems;
    },
  },
  {
    // Offline the moment the service worker has taken charge of a first
    // visit, the page is there: the worker keeps the open pages before it
    // claims them. The server holds the worker's own fetch of the page a
    // second, as a slow network would.
    name: "offline-as-soon-as-controlled",
    async run(d, cfg) {
      await d.fresh();
      await d.goto(cfg.firstSecond + cfg.seedPath, desktop);
      if (!(await until(() => d.eval(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller), 30000))) {
        return ["the service worker did not take control of the page in 30 s"];
      }
      const res = await fetch(cfg.controlURL + "/stop-first-second", { method: "POST" });
      if (!res.ok) return [`stopping the server: ${res.status}`];
      try {
        await d.goto(cfg.firstSecond + cfg.seedPath, desktop);
      } catch (e) {
        return [`offline right after the worker took control: ${e.message.split("\n")[0]}`];
      }
      const text = await d.eval(() => document.body.innerText);
      if (!text.includes(cfg.offlinePages[0].text)) {
        return [`offline right after the worker took control, the page says ${JSON.stringify(text.slice(0, 120))}`];
      }
      return [];
    },
  },
  {
    // The embed on a publisher's page of another site: sized to its
    // content, and the publisher hears of the cards the reader opens.
    name: "embed-sizing-and-events",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.publisher, desktop);
      const frame = () => d.eval(() => { const f = document.querySelector("iframe.gloss-embed"); if (!f) return null; const r = f.getBoundingClientRect(); return { top: r.top, left: r.left, height: r.height }; });
      if (!(await until(frame, 10000))) return ["the snippet did not become an iframe"];
      // A facade until the reader uses it: in view, loaded, no wasm.
      await until(() => d.frameEval(cfg.widget, () => document.readyState === "complete"), 10000);
      await sleep(1000);
      if (await d.frameEval(cfg.widget, wasmRequested)) problems.push("the frame started the wasm before the reader used it");
      let msg = "";
      await until(async () => {
        const f = await frame();
        const content = await d.frameEval(cfg.widget, () => document.documentElement.getBoundingClientRect().height);
        const inner = await d.frameEval(cfg.widget, () => document.documentElement.scrollHeight > innerHeight);
        msg = f.height < content - 0.5 || f.height > content + 3 ? `the frame is ${f.height}px tall for ${content}px of content` : inner ? "the frame scrolls inside" : "";
        return !msg;
      }, 10000);
      if (msg) problems.push(msg);
      const n = cfg.notes[0];
      // The phrase in the middle of the publisher's viewport.
      const el = await d.frameEval(cfg.widget, (id) => { const r = document.getElementById("mark-" + id).getClientRects()[0]; return { x: r.left + 5, y: (r.top + r.bottom) / 2 }; }, n.id);
      let f = await frame();
      await d.eval((dy) => scrollBy(0, dy), f.top + el.y - 400);
      await sleep(300);
      f = await frame();
      await d.click(f.left + el.x, f.top + el.y);
      if (!(await until(() => d.frameEval(cfg.widget, isOpen, n.id)))) {
        problems.push(`a click on the phrase of ${n.id} in the frame did not open its card`);
        return problems;
      }
      if (!(await until(() => d.frameEval(cfg.widget, wasmRunning), 60000))) problems.push("the wasm did not start in the frame in 60 s after the reader's click");
      const heard = (type) => until(() => d.eval((type, id, title) => window.glossEvents.some((e) => e.type === type && e.id === id && e.title === title && e.target === "IFRAME"), type, n.id, n.title), 5000);
      if (!(await heard("gloss:card-open"))) problems.push(`the publisher's page got no gloss:card-open event for ${n.id}: ${JSON.stringify(await d.eval(() => window.glossEvents))}`);
      await d.key("Escape");
      if (!(await until(() => d.frameEval(cfg.widget, noneOpen)))) problems.push("Escape did not close the card in the frame");
      if (!(await heard("gloss:card-close"))) problems.push(`the publisher's page got no gloss:card-close event for ${n.id}`);
      return problems;
    },
  },
  {
    // With the wasm blocked the article and its cards still work, and the
    // loader says so in words, not with an exception's text.
    name: "wasm-blocked",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await d.goto(cfg.blocked + cfg.seedPath, desktop);
      // The reader's first interaction asks for the wasm.
      await d.click(3, 3);
      const label = () => d.eval(() => { const l = document.getElementById("app-wasm-loader-label"); return l ? l.innerText : null; });
      // The label starts as "Loading interactive features…" (app/i18n).
      const text = await until(async () => { const t = await label(); return t && !t.startsWith("Loading") && t; }, 15000);
      if (!text) problems.push(`the loader still says ${JSON.stringify(await label())} 15 s after the wasm failed`);
      else if (/error|exception|failed to fetch|load failed/i.test(text) || !/could not load/i.test(text)) {
        problems.push(`the loader says ${JSON.stringify(text)}, not a short message for the reader`);
      }
      await cardsByMouse(d, { notes: cfg.notes.slice(0, 3) }, problems, "wasm blocked");
      return problems;
    },
  },
  {
    // axe-core: no violations on the page, with a card of each kind open
    // and with the about panel open, in both themes.
    name: "axe",
    async run(d, cfg) {
      const problems = [];
      const run = async (what) => {
        // As the driver's own script: the page's CSP forbids eval.
        if (!(await d.eval(() => !!window.axe))) await d.inject(cfg.axeSource);
        const vs = await d.eval(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"] });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        });
        for (const v of vs) problems.push(`${what}: ${v}`);
      };
      await d.fresh();
      for (const theme of ["light", "dark"]) {
        await d.goto(`${cfg.main}${cfg.seedPath}?theme=${theme}`, desktop);
        await waitWasm(d, problems, theme);
        await run(`${theme}, page`);
        const kinds = new Set();
        for (const n of cfg.notes) {
          if (kinds.has(n.kind)) continue;
          kinds.add(n.kind);
          await openByMouse(d, n.id, 0.3);
          await run(`${theme}, card ${n.id} open`);
          await closeByEscape(d);
        }
      }
      return problems;
    },
  },
];
