// The Firefox driver: Debian's firefox-esr, headless, over WebDriver BiDi
// through puppeteer-core. Each check gets a fresh browser context (its own
// storage, workers and cache) with one page in it.
import { existsSync } from "node:fs";
import puppeteer from "puppeteer-core";

export const binary = process.env.GLOSS_FIREFOX || "/usr/bin/firefox-esr";
export const install = "apt-get install -y firefox-esr";

const keys = { Enter: "Enter", Tab: "Tab", Escape: "Escape", Space: " " };

export async function start(profile) {
  if (!existsSync(binary)) throw new Error(`no Firefox at ${binary}`);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: binary,
    headless: true,
    userDataDir: profile,
    protocolTimeout: 60000,
  });
  const version = await browser.version();
  let context = null;
  let page = null;

  // frame is where eval runs: the page, or the embed's iframe.
  const frameOf = async (inFrame) => {
    if (!inFrame) return page.mainFrame();
    const deadline = Date.now() + 20000;
    for (;;) {
      const f = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(inFrame));
      if (f) return f;
      if (Date.now() > deadline) throw new Error(`no frame of ${inFrame}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return {
    name: "firefox",
    version,
    // fresh gives the next goto a new context: no storage, no worker.
    async fresh() {
      if (context) await context.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
    },
    async goto(url, size) {
      if (!page) await this.fresh();
      await page.setViewport({ width: size.width, height: size.height });
      await page.goto(url, { waitUntil: "load", timeout: 30000 });
    },
    async reload() {
      await page.reload({ waitUntil: "load", timeout: 30000 });
    },
    async eval(fn, ...args) {
      return page.evaluate(fn, ...args);
    },
    async inject(src) {
      await page.evaluate(src);
    },
    async frameEval(prefix, fn, ...args) {
      return (await frameOf(prefix)).evaluate(fn, ...args);
    },
    async click(x, y) {
      await page.mouse.click(x, y);
    },
    async key(name) {
      await page.keyboard.press(keys[name]);
    },
    async close() {
      await browser.close();
    },
  };
}
