// The WebKit driver: Debian's WebKitGTK, MiniBrowser in automation mode
// under WebKitWebDriver, on an Xvfb display of its own (MiniBrowser has
// no headless mode). Its window is never narrower than 447 px, so a
// narrower viewport is an iframe of that size at the top left of another
// page of the same origin (Gloss lets only its own origin frame its app
// view), and eval runs in the frame.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import { Session } from "./webdriver.mjs";

export const install = "apt-get install -y webkit2gtk-driver xvfb xauth";

const keys = { Enter: "\uE007", Tab: "\uE004", Escape: "\uE00C", Space: " " };

function miniBrowser() {
  for (const dir of ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"]) {
    if (!existsSync(dir)) continue;
    for (const sub of readdirSync(dir).filter((d) => d.startsWith("webkit2gtk-4."))) {
      const p = `${dir}/${sub}/MiniBrowser`;
      if (existsSync(p)) return p;
    }
  }
  return "";
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// startXvfb starts a display of its own, reading its number from
// -displayfd.
function startXvfb() {
  return new Promise((resolve, reject) => {
    const x = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    });
    x.on("error", (e) => reject(new Error(`Xvfb: ${e.message}`)));
    let out = "";
    x.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve({ proc: x, display: ":" + out.trim() });
    });
    setTimeout(() => reject(new Error("Xvfb did not report a display in 10 s")), 10000);
  });
}

async function waitReady(base) {
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      const r = await fetch(base + "/status");
      if (r.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error("WebKitWebDriver did not answer in 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function start() {
  const binary = miniBrowser();
  if (!binary) throw new Error("no MiniBrowser under /usr/lib/*/webkit2gtk-4.*");
  const xvfb = await startXvfb();
  let driver = null;
  let session;
  try {
    const port = await freePort();
    const env = { ...process.env, DISPLAY: xvfb.display };
    driver = spawn("WebKitWebDriver", [`--port=${port}`], { env, stdio: "ignore" });
    const failed = new Promise((_, reject) => driver.on("error", (e) => reject(new Error(`WebKitWebDriver: ${e.message}`))));
    const base = `http://127.0.0.1:${port}`;
    await Promise.race([waitReady(base), failed]);
    session = await Session.create(base, {
      alwaysMatch: { "webkitgtk:browserOptions": { binary, args: ["--automation"] } },
    });
  } catch (e) {
    if (driver) driver.kill();
    xvfb.proc.kill();
    throw e;
  }
  const version = await session.execute("return navigator.userAgent.match(/AppleWebKit\\/[\\d.]+/)[0]");
  // The window's outer size that gives each viewport size.
  let chrome = null;
  let framed = false;
  let size = "";

  const run = (fn, args) => session.execute(`return (${fn}).apply(null, arguments)`, args);
  const top = () => session.cmd("POST", "/frame", { id: null });
  const intoFrame = async (selector) => {
    const deadline = Date.now() + 20000;
    for (;;) {
      try {
        const el = await session.cmd("POST", "/element", { using: "css selector", value: selector });
        await session.cmd("POST", "/frame", { id: el });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  // waitLoaded waits for the document eval runs in to have loaded: in a
  // frame, the one at url rather than the frame's first about:blank.
  const waitLoaded = async (url) => {
    const deadline = Date.now() + 30000;
    const loaded = (url) => document.readyState === "complete" && (!url || location.href.split("#")[0] === url.split("#")[0]);
    while (!(await run(loaded, [url]).catch(() => false))) {
      if (Date.now() > deadline) throw new Error("page did not load in 30 s");
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    name: "webkit",
    version,
    // WebDriver's session is ephemeral: every origin the checks use is
    // new, so there is nothing to clear between checks.
    async fresh() {},
    async goto(url, want) {
      if (!chrome) {
        await session.setWindowRect({ width: 1280, height: 800 });
        const inner = await run(() => [innerWidth, innerHeight], []);
        chrome = { w: 1280 - inner[0], h: 800 - inner[1] };
      }
      await top();
      framed = want.width < 447;
      const w = framed ? 800 : want.width, h = framed ? 800 : want.height;
      if (size !== `${w}x${h}`) {
        await session.setWindowRect({ width: w + chrome.w, height: h + chrome.h });
        size = `${w}x${h}`;
      }
      if (framed) {
        if (url === "about:blank") {
          await session.navigate(url);
          return;
        }
        await session.navigate(new URL("/robots.txt", url).href);
        await run((src, w, h) => {
          document.documentElement.innerHTML = "<body></body>";
          const f = document.createElement("iframe");
          f.src = src;
          f.title = "Gloss";
          f.width = w;
          f.height = h;
          f.style.cssText = "display: block; border: 0; margin: 0";
          document.body.style.margin = "0";
          document.body.appendChild(f);
        }, [url, want.width, want.height]);
        await intoFrame("iframe");
        await waitLoaded(url);
      } else {
        await session.navigate(url);
        await waitLoaded();
      }
    },
    async reload() {
      if (framed) {
        await run(() => location.reload(), []);
        await new Promise((r) => setTimeout(r, 200));
      } else {
        await session.cmd("POST", "/refresh", {});
      }
      await waitLoaded();
    },
    eval(fn, ...args) {
      return run(fn, args);
    },
    async inject(src) {
      await session.execute(`${src};\nreturn true;`);
    },
    async frameEval(_prefix, fn, ...args) {
      await intoFrame("iframe");
      try {
        return await run(fn, args);
      } finally {
        await top();
      }
    },
    // x, y in the viewport of the document eval runs in: the framed one
    // sits at 0, 0, so they are the window's too.
    async click(x, y) {
      await session.actions([{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport" },
          { type: "pointerDown", button: 0 },
          { type: "pointerUp", button: 0 },
        ],
      }]);
    },
    async key(name) {
      const k = keys[name];
      await session.actions([{ type: "key", id: "kb", actions: [{ type: "keyDown", value: k }, { type: "keyUp", value: k }] }]);
    },
    async close() {
      await session.delete().catch(() => {});
      driver.kill();
      xvfb.proc.kill();
    },
  };
}
