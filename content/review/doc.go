// Package review is the editors' side of gloss check: what an archive's
// shared cards need that is not an error. It finds cards no article
// shows, cards whose "as of" date has grown old, sentences that mention
// a card's topic in an article that has no note for it ("not yet
// included"), and how many articles show each card. None of it fails a
// check: an archive with stale cards still builds.
//
// It works on parsed content (package content) and knows nothing of
// files beyond the names it is given to report.
package review
