// "Updated since you read it" in every engine (run.mjs --checks seen.mjs):
// seen_test.go serves the fixture site in two versions, each check on an
// origin of its own (WebKit's session keeps storage between checks), and
// switches a site's version, or stops it, through its control server.

import { desktop, isOpen, noneOpen, sleep, until, wasmRequested } from "./wait.mjs";

// In-page: what the page shows of the marks (as seenState in seen_test.go).
const marks = (key) => {
  const badges = [...document.querySelectorAll(".gloss-updated")].map((b) => {
    const phrase = b.closest("label.gloss-phrase"), button = phrase && phrase.querySelector(".gloss-mark");
    return { id: b.id, text: b.textContent, visible: b.getClientRects().length > 0 && getComputedStyle(b).visibility === "visible",
      hidden: b.getAttribute("aria-hidden"), button: button ? button.id : "",
      named: button ? (button.getAttribute("aria-labelledby") || "").split(/\s+/).includes(b.id) : false };
  });
  const news = [...document.querySelectorAll("li.gloss-new")].map((li) => {
    const l = li.querySelector(".gloss-new-label");
    return { card: li.closest(".gloss-card").id, text: li.querySelector("span:not(.gloss-new-label)").textContent, label: l ? l.textContent : "" };
  });
  const labelled = {};
  document.querySelectorAll(".gloss-article .gloss-mark").forEach((b) => { labelled[b.id] = b.getAttribute("aria-labelledby"); });
  let stored = null;
  try { stored = localStorage.getItem(key); } catch {}
  return { badges, news, labelled, labels: document.querySelectorAll(".gloss-new-label").length, stored,
    version: (document.querySelector(".gloss-card[data-card]") || { dataset: {} }).dataset.version || "" };
};

// markedProblems says what is wrong with version 2's marks: a badge at
// each shared card's phrase, naming its button, and the one new
// development of "aid" marked new.
function markedProblems(m, cfg, what) {
  const problems = [];
  const want = { [`aid${cfg.suffix}`]: "mark-aid", [`alliance${cfg.suffix}`]: "mark-alliance" };
  if (m.badges.length !== 2) problems.push(`${what}: ${m.badges.length} badges, want 2: ${JSON.stringify(m.badges)}`);
  for (const b of m.badges) {
    if (want[b.id] !== b.button || b.text !== cfg.updated || !b.visible || b.hidden !== "true" || !b.named) {
      problems.push(`${what}: badge ${JSON.stringify(b)}: want the text ${JSON.stringify(cfg.updated)}, seen, hidden from assistive technology, in the phrase of ${want[b.id]} and naming it`);
    }
  }
  // Field by field: WebDriver's answer need not keep the keys' order.
  const news = JSON.stringify(m.news.map((n) => [n.card, n.text, n.label])), wantNews = JSON.stringify([["aid", cfg.newText, cfg.new]]);
  if (news !== wantNews || m.labels !== 1) problems.push(`${what}: marked new ${news} (${m.labels} labels), want ${wantNews}`);
  return problems;
}

function unmarkedProblems(m, what) {
  const problems = [];
  if (m.badges.length || m.news.length || m.labels) problems.push(`${what}: marks ${JSON.stringify(m.badges)}, new ${JSON.stringify(m.news)}: want none`);
  if (m.labelled["mark-alliance"] !== "mark-alliance") problems.push(`${what}: the one-word phrase's button is aria-labelledby ${JSON.stringify(m.labelled["mark-alliance"])}, want itself as printed`);
  if (m.labelled["mark-aid"] !== "mark-aid mark-aid-rest") problems.push(`${what}: the phrase's button is aria-labelledby ${JSON.stringify(m.labelled["mark-aid"])}, want its words`);
  return problems;
}

async function serve(cfg, site, v) {
  const res = await fetch(`${cfg.control}/serve?site=${site}&v=${v}`, { method: "POST" });
  if (!res.ok) throw new Error(`serving version ${v} of ${site}: ${res.status} ${await res.text()}`);
}

// openAndClose clicks the phrase of card id, as a reader does, and
// closes the card with Escape.
async function openAndClose(d, id, problems, what, whileOpen) {
  const pt = await d.eval((id) => {
    const p = document.getElementById("mark-" + id);
    p.scrollIntoView({ block: "center" });
    const r = p.getClientRects()[0];
    return { x: r.left + Math.min(6, r.width / 2), y: (r.top + r.bottom) / 2 };
  }, id);
  await d.eval(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await d.click(pt.x, pt.y);
  if (!(await until(() => d.eval(isOpen, id)))) {
    problems.push(`${what}: a click on the phrase of ${id} did not open its card`);
    return;
  }
  if (whileOpen) await whileOpen();
  await d.key("Escape");
  if (!(await until(() => d.eval(noneOpen)))) problems.push(`${what}: Escape did not close ${id}`);
  // The address bar names an open card (#id) until a moment after it
  // closes: a reload before that would open it again, as a deep link.
  await until(() => d.eval(() => location.hash === ""));
}

const loaded = () => document.readyState !== "loading" && !!document.querySelector(".gloss-article");

async function goto(d, url, version) {
  await d.goto(url, desktop);
  await until(() => d.eval((v) => document.readyState !== "loading" && (!v || (document.querySelector(".gloss-card[data-card]") || { dataset: {} }).dataset.version === v), version), 10000);
}

async function axe(d, cfg, problems, what) {
  if (!(await d.eval(() => !!window.axe))) await d.inject(cfg.axeSource);
  const vs = await d.eval(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  for (const v of vs) problems.push(`${what}: ${v}`);
}

// readBoth reads both shared cards on version 1 of site, then loads
// version 2.
async function readBoth(d, cfg, site, problems) {
  await serve(cfg, site, 1);
  const url = cfg.sites[site] + cfg.path;
  await goto(d, url, "aid-1");
  problems.push(...unmarkedProblems(await d.eval(marks, cfg.key), `${site}, version 1, first visit`));
  await openAndClose(d, "aid", problems, `${site}, version 1`);
  await openAndClose(d, "alliance", problems, `${site}, version 1`);
  await serve(cfg, site, 2);
  return url;
}

export const checks = [
  {
    name: "seen-marks",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      const url = await readBoth(d, cfg, "main", problems);
      await goto(d, url, "aid-2");
      problems.push(...markedProblems(await d.eval(marks, cfg.key), cfg, "version 2"));
      if (await d.eval(wasmRequested)) problems.push("the wasm was asked for before the reader did anything: the marks were not shown without it");
      for (const theme of ["light", "dark"]) {
        await goto(d, `${url}?theme=${theme}`, "aid-2");
        await axe(d, cfg, problems, `${theme}, with the marks`);
      }
      await openAndClose(d, "aid", problems, "version 2", async () => {
        const m = await d.eval(marks, cfg.key);
        if (m.news.length !== 1 || m.badges.length !== 2) problems.push(`while aid is open its marks went: ${JSON.stringify(m)}`);
        await axe(d, cfg, problems, "aid open with its new development");
      });
      const m = await d.eval(marks, cfg.key);
      if (m.news.length || m.badges.length !== 1 || m.badges[0].id !== `alliance${cfg.suffix}`) {
        problems.push(`after aid was read: badges ${JSON.stringify(m.badges)}, new ${JSON.stringify(m.news)}; want only alliance's badge`);
      }
      await openAndClose(d, "alliance", problems, "version 2");
      problems.push(...unmarkedProblems(await d.eval(marks, cfg.key), "both read again"));
      await goto(d, url, "aid-2");
      const after = await d.eval(marks, cfg.key);
      problems.push(...unmarkedProblems(after, "version 2, read, reloaded"));
      let stored = {};
      try { stored = JSON.parse(after.stored); } catch {}
      if (!stored["eu-aid"] || stored["eu-aid"].v !== "aid-2" || stored["eu-aid"].d.length !== 4 || !stored.nato || stored.nato.v !== "nato-2") {
        problems.push(`the device keeps ${after.stored}, want eu-aid at aid-2 with its 4 developments and nato at nato-2`);
      }
      for (const bad of ['{"eu-aid": ', "[1, 2]", '{"eu-aid": "aid-1", "nato": {"v": 3}}']) {
        await d.eval((k, v) => localStorage.setItem(k, v), cfg.key, bad);
        await goto(d, url, "aid-2");
        problems.push(...unmarkedProblems(await d.eval(marks, cfg.key), `stored ${bad}`));
        await openAndClose(d, "aid", problems, `stored ${bad}`);
      }
      return problems;
    },
  },
  {
    name: "seen-without-wasm",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      const url = await readBoth(d, cfg, "noWasm", problems);
      await goto(d, url, "aid-2");
      // The reader's first click asks for the wasm, which fails.
      await d.click(3, 3);
      if (!(await until(() => d.eval(() => document.documentElement.classList.contains("gloss-wasm-failed")), 30000))) {
        problems.push("the page did not say the wasm failed within 30 s: this check proves nothing");
      }
      problems.push(...markedProblems(await d.eval(marks, cfg.key), cfg, "version 2, the wasm failed"));
      await openAndClose(d, "aid", problems, "the wasm failed");
      await openAndClose(d, "alliance", problems, "the wasm failed");
      problems.push(...unmarkedProblems(await d.eval(marks, cfg.key), "read again, the wasm failed"));
      return problems;
    },
  },
  {
    name: "seen-offline",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await serve(cfg, "offline", 1);
      const url = cfg.sites.offline + cfg.path;
      await goto(d, url, "aid-1");
      if (!(await until(() => d.eval(() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller), 30000))) {
        return ["the service worker did not take control of the page in 30 s"];
      }
      await openAndClose(d, "aid", problems, "version 1");
      await openAndClose(d, "alliance", problems, "version 1");
      await serve(cfg, "offline", 2);
      await goto(d, url, "aid-2");
      // The worker keeps the page it fetched.
      await sleep(500);
      const res = await fetch(`${cfg.control}/stop?site=offline`, { method: "POST" });
      if (!res.ok) return [...problems, `stopping the server: ${res.status}`];
      if (await fetch(url).then(() => true, () => false)) return [...problems, "the server still answers: this check proves nothing"];
      try {
        await goto(d, url, "aid-2");
      } catch (e) {
        return [...problems, `offline: ${e.message.split("\n")[0]}`];
      }
      if (!(await until(() => d.eval(loaded)))) return [...problems, "offline, the article is not there"];
      problems.push(...markedProblems(await d.eval(marks, cfg.key), cfg, "offline, version 2"));
      await openAndClose(d, "aid", problems, "offline");
      await openAndClose(d, "alliance", problems, "offline");
      problems.push(...unmarkedProblems(await d.eval(marks, cfg.key), "offline, read again"));
      return problems;
    },
  },
  {
    // A sandboxed frame without allow-same-origin has no storage: the
    // embed marks nothing there, and its cards still open.
    name: "seen-sandboxed",
    async run(d, cfg) {
      const problems = [];
      await d.fresh();
      await serve(cfg, "sandboxed", 1);
      await goto(d, cfg.sites.sandboxed + cfg.path, "aid-1");
      await openAndClose(d, "aid", problems, "first-party, version 1");
      await serve(cfg, "sandboxed", 2);
      await d.goto(cfg.sandboxPage, desktop);
      const frame = (fn, ...args) => d.frameEval(cfg.sites.sandboxed, fn, ...args);
      if (!(await until(() => frame((v) => document.readyState === "complete" && document.getElementById("aid").dataset.version === v, "aid-2"), 20000))) {
        return [...problems, "the sandboxed frame did not load version 2"];
      }
      if (await frame(() => { try { return localStorage instanceof Storage; } catch { return false; } })) {
        problems.push("the sandboxed frame has real storage: this check proves nothing");
      }
      const m = await frame(marks, cfg.key);
      if (m.badges.length || m.news.length) problems.push(`sandboxed: marks ${JSON.stringify(m.badges)} ${JSON.stringify(m.news)} without storage`);
      await frame(() => document.getElementById("mark-aid").click());
      if (!(await until(() => frame(isOpen, "aid")))) problems.push("sandboxed: the card did not open");
      await frame(() => document.getElementById("aid").hidePopover());
      if (!(await until(() => frame(noneOpen)))) problems.push("sandboxed: the card did not close");
      return problems;
    },
  },
];
