// What the card modules ask of the page: a card's button, its phrase,
// the phrase a press lands in.

// The button that opens a card: the phrase in the article, or the
// "About this article" button for its panel.
// Kept on the card: the page's nodes are never replaced (a live
// preview reloads the page), and a click should not search the page.
export function triggerOf(card) {
  if (card.glossTrigger === undefined) card.glossTrigger = document.querySelector('[aria-controls="' + card.id + '"]');
  return card.glossTrigger;
}

// The highlighted phrase a trigger belongs to: the label around it
// (app/article.go), whose line boxes are where the reader sees it.
export function phraseOf(trigger) {
  var p = trigger.parentElement;
  return p && p.classList.contains("gloss-phrase") ? p : trigger;
}

// The phrase a press lands in, with its button and card, or null.
export function pressedPhrase(e) {
  var phrase = e.target.closest && e.target.closest(".gloss-phrase");
  var button = phrase && phrase.querySelector(".gloss-mark");
  var card = button && document.getElementById(button.getAttribute("popovertarget"));
  return card ? { phrase: phrase, button: button, card: card } : null;
}
