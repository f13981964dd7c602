// "Updated since you read it": the reader's device remembers, for each
// shared card it showed, the card's version and the developments it
// showed (localStorage, under the contract's seenKey; nothing is sent
// anywhere). A shared card that has changed since is marked: its phrase
// carries a badge with the card's data-updated words, and the
// developments the reader has not seen are marked as new in the card,
// with its data-new words, until the reader opens it. Opening it records
// what it shows; once it closes, the marks go. A card never opened
// before is not marked: there is nothing it changed from.
//
// Printed by app/card.go on a shared card (.gloss-card[data-card]):
// data-card, data-version, data-updated, data-new, and data-dev on each
// of its dated developments. The wasm never touches any of it.
import { newClass, newLabelClass, plainClass, seenKey, seenLimit, updatedClass, updatedIDSuffix } from "gloss:dom";
import { plainEvent } from "../plain.js";
import { triggerOf } from "./cards.js";

var has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// readSeen is what the device remembers: an object by card id, or an
// empty one when there is nothing, or nothing usable (bad JSON, a value
// of another shape, storage denied).
function readSeen() {
  try {
    var v = JSON.parse(localStorage.getItem(seenKey) || "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch (e) {
    return {};
  }
}

// record remembers that the device showed card: its version and the
// keys of the developments it shows, the card last in the object, so
// that past seenLimit the cards opened longest ago are dropped first.
// It is written as the card opens, not after it is drawn: with the write
// left to a later task, the offline test found a card's record missing
// in one run of five (a reader who opens a card and leaves the page at
// once has still seen it).
function record(card) {
  var seen = readSeen(), id = card.getAttribute("data-card");
  delete seen[id];
  seen[id] = { v: card.getAttribute("data-version") || "", d: devKeys(card) };
  var ids = Object.keys(seen);
  for (var i = 0; i < ids.length - seenLimit; i++) delete seen[ids[i]];
  try {
    localStorage.setItem(seenKey, JSON.stringify(seen));
  } catch (e) {}
}

function devKeys(card) {
  return Array.prototype.map.call(card.querySelectorAll("li[data-dev]"), (li) => li.getAttribute("data-dev"));
}

// The phrase's label (app/article.go) around the card's button, or null.
function phraseLabel(trigger) {
  var p = trigger && trigger.parentElement;
  return p && p.tagName === "LABEL" && p.classList.contains("gloss-phrase") ? p : null;
}

export function markUpdated(view) {
  var root = view.root;
  // The cards marked, each with what undoes its marks.
  var marked = [];

  // The badge names the phrase's button with it, after the phrase's own
  // words: a screen reader says it with the button, in browse and focus
  // mode alike. The badge itself is hidden from assistive technology,
  // which would otherwise read it twice. The phrase's label keeps its
  // rule (app/article.go): it holds the button and words hidden from
  // assistive technology, nothing else a screen reader would read.
  // With "Hide highlights" the badge is hidden (web/css/phrases.css), and
  // the button's name is its phrase again.
  function name(m) {
    var plain = root.classList.contains(plainClass);
    if (plain || !m.badge) {
      if (m.labelledBy === null) m.trigger.removeAttribute("aria-labelledby");
      else m.trigger.setAttribute("aria-labelledby", m.labelledBy);
    } else {
      m.trigger.setAttribute("aria-labelledby", (m.labelledBy || m.trigger.id) + " " + m.badge.id);
    }
  }

  function mark(card, was) {
    var m = { card: card, badge: null, trigger: null, labelledBy: null, news: [] };
    var words = card.getAttribute("data-updated");
    var trigger = triggerOf(card), phrase = phraseLabel(trigger);
    if (words && phrase && trigger.id && !document.getElementById(card.id + updatedIDSuffix)) {
      var badge = document.createElement("span");
      badge.className = updatedClass;
      badge.id = card.id + updatedIDSuffix;
      badge.setAttribute("aria-hidden", "true");
      badge.textContent = words;
      phrase.appendChild(badge);
      m.badge = badge;
      m.trigger = trigger;
      m.labelledBy = trigger.getAttribute("aria-labelledby");
      name(m);
    }
    var known = Array.isArray(was.d) ? was.d : [];
    var newWords = card.getAttribute("data-new");
    card.querySelectorAll("li[data-dev]").forEach((li) => {
      if (known.indexOf(li.getAttribute("data-dev")) >= 0) return;
      li.classList.add(newClass);
      var label = null;
      if (newWords) {
        label = document.createElement("span");
        label.className = newLabelClass;
        label.textContent = newWords;
        li.insertBefore(label, li.firstChild);
      }
      m.news.push({ li: li, label: label });
    });
    marked.push(m);
  }

  function unmark(m) {
    if (m.badge) {
      m.badge.remove();
      m.badge = null;
      name(m);
    }
    m.news.forEach((n) => {
      n.li.classList.remove(newClass);
      if (n.label) n.label.remove();
    });
    m.news = [];
  }

  function markAll() {
    var seen = readSeen();
    document.querySelectorAll(".gloss-card[data-card]").forEach((card) => {
      var id = card.getAttribute("data-card");
      var was = has(seen, id) ? seen[id] : null;
      if (!was || typeof was !== "object" || typeof was.v !== "string") return;
      if (was.v === card.getAttribute("data-version")) return;
      mark(card, was);
    });
    if (!marked.length) return;
    // "Hide highlights" switched: the buttons' names follow.
    document.addEventListener(plainEvent, () => {
      marked.forEach((m) => { if (m.badge) name(m); });
    });
  }

  // The cards are printed after the article: marked once all are parsed,
  // before a deep link opens one (web/js/links.js, on load).
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markAll);
  else markAll();

  // Opening a card records what it shows; closing it takes its marks
  // away, and those of the same card shown at another phrase. Both as
  // it happens (beforetoggle): a toggle event comes in a later task, and
  // is coalesced (a card opened and closed at once fires only one, from
  // closed to closed).
  document.addEventListener("beforetoggle", (e) => {
    var card = e.target;
    if (!isShared(card)) return;
    if (e.newState === "open") {
      record(card);
      return;
    }
    var id = card.getAttribute("data-card");
    marked.forEach((m) => {
      if (m.card.getAttribute("data-card") === id) unmark(m);
    });
  }, true);
}

function isShared(card) {
  return !!card.hasAttribute && card.hasAttribute("data-card") && card.hasAttribute("popover");
}
