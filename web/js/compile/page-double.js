// The compile worker's stand-in page (worker.js).
import { stateAttr, stateRunning } from "gloss:dom";
import { memoryStorage } from "../storage.js";

// go-app's start (its set-up, the prompts' mount and first update)
// needs a page: without one, V8 compiled its code on the page's main
// thread, in three tasks of 70–160 ms at CPU 4× (docs/performance.md,
// item 12.19). pageDouble puts a stand-in page in this worker's global
// scope, just enough of one for that start to run to the prompts'
// first update (done): a document of plain nodes at the page's address
// and in its language, go-app's environment as app.js has it, and
// app.js's functions answering that nothing is offered. What it does
// not cover only stops the run early.
export function pageDouble(href, lang, env, done) {
  var none = function () {};
  var El = function (type, name) {
    this.nodeType = type;
    this.tagName = this.nodeName = name;
    this.childNodes = [];
    this.parentNode = this.parentElement = null;
    this.attrs = {};
    this.style = { setProperty: none, removeProperty: none };
    this.dataset = {};
  };
  var at = function (n, c) {
    if (c.parentNode) c.parentNode.removeChild(c);
    c.parentNode = c.parentElement = n;
    return c;
  };
  El.prototype = {
    get firstChild() { return this.childNodes[0] || null; },
    get firstElementChild() { return this.children[0] || null; },
    get children() { return this.childNodes.filter(function (c) { return c.nodeType === 1; }); },
    setAttribute: function (k, v) {
      this.attrs[k] = String(v);
      if (k === stateAttr && this.attrs[k] === stateRunning) done();
    },
    getAttribute: function (k) { return k in this.attrs ? this.attrs[k] : null; },
    hasAttribute: function (k) { return k in this.attrs; },
    removeAttribute: function (k) { delete this.attrs[k]; },
    appendChild: function (c) { this.childNodes.push(at(this, c)); return c; },
    insertBefore: function (c, ref) {
      if (!ref) return this.appendChild(c);
      this.childNodes.splice(this.childNodes.indexOf(ref), 0, at(this, c));
      return c;
    },
    removeChild: function (c) {
      this.childNodes.splice(this.childNodes.indexOf(c), 1);
      c.parentNode = c.parentElement = null;
      return c;
    },
    replaceChild: function (c, old) {
      at(this, c);
      this.childNodes[this.childNodes.indexOf(old)] = c;
      old.parentNode = old.parentElement = null;
      return old;
    },
    addEventListener: none,
    removeEventListener: none,
    querySelector: function () { return null; },
    querySelectorAll: function () { return []; },
    getElementsByTagName: function () { return []; },
    scrollIntoView: none,
    focus: none,
  };
  var doc = new El(9, "#document");
  var html = doc.appendChild(new El(1, "HTML"));
  html.lang = lang;
  doc.documentElement = html;
  doc.head = html.appendChild(new El(1, "HEAD"));
  doc.body = html.appendChild(new El(1, "BODY"));
  doc.body.appendChild(new El(1, "DIV"));
  doc.createElement = function (t) { return new El(1, String(t).toUpperCase()); };
  doc.createElementNS = function (ns, t) { return new El(1, String(t)); };
  doc.createTextNode = function (v) {
    var t = new El(3, "#text");
    t.nodeValue = t.textContent = t.data = String(v);
    return t;
  };
  doc.getElementById = function () { return null; };
  doc.addEventListener = doc.removeEventListener = none;
  var u = new URL(href);
  var g = self;
  g.document = doc;
  Object.defineProperty(g, "location", {
    configurable: true,
    value: { href: u.href, origin: u.origin, protocol: u.protocol, host: u.host, hostname: u.hostname,
      pathname: u.pathname, search: u.search, hash: u.hash, reload: none },
  });
  g.history = { state: null, pushState: none, replaceState: none };
  g.localStorage = memoryStorage();
  g.sessionStorage = memoryStorage();
  g.innerWidth = 1024;
  g.innerHeight = 768;
  g.goappGetenv = function (k) { return Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined; };
  g.goappIsAppInstallable = g.goappIsAppInstalled = function () { return false; };
  g.goappKeepBodyClean = function () { return none; };
  // Nothing the run does may reach the page: only the module is posted.
  g.postMessage = none;
}
