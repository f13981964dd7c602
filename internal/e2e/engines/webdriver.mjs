// A client for classic W3C WebDriver, the protocol WebKitWebDriver speaks:
// just the commands the checks use. (selenium-webdriver would do too, but
// brings 23 MB of driver-manager binaries the checks never run.)

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const v = await call(base, "POST", "/session", { capabilities });
    return new Session(base, v.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.cmd("POST", "/url", { url });
  }

  // execute runs a function body in the page and returns its value; a
  // returned promise is awaited.
  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  setWindowRect(rect) {
    return this.cmd("POST", "/window/rect", rect);
  }

  actions(actions) {
    return this.cmd("POST", "/actions", { actions });
  }

  releaseActions() {
    return this.cmd("DELETE", "/actions");
  }

  delete() {
    return this.cmd("DELETE", "");
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60000),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok || (data.value && data.value.error)) {
    const v = data.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || res.status}: ${v.message || ""}`);
  }
  return data.value;
}
