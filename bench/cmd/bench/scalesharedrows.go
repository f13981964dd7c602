package main

// Section 6's rows for shared cards (issue 28): what sharing costs a
// reader's page, and how soon a card's edit shows in an article that
// shows it, at every size.

import (
	"fmt"
	"math"
)

// sharedPageGoal is the most a page with shared cards may weigh, as a
// multiple of the same page with its cards written into it.
const sharedPageGoal = 1.05

func (b *Bench) addSharedRows(runs []scaleRun, browser bool) {
	for _, r := range runs {
		p := r.Page
		row := Row{Figure: "article page with shared cards, gzip -9 (bytes), " + countArticles(r.Articles),
			Value: Bytes(p.Shared), Number: num(float64(p.Shared)),
			Anchor: Bytes(p.Local) + " (its cards written into it)", Ratio: num(ratio(float64(p.Shared), float64(p.Local))),
			Goal: fmt.Sprintf("≤ %.2f ×", sharedPageGoal), Status: status(float64(p.Shared) <= sharedPageGoal*float64(p.Local)),
			Note: fmt.Sprintf("the newest article, built in memory; its card %s is shown by %s", p.Card, countArticles(p.Uses))}
		b.rep.Add(secScale, row)
	}
	if !browser {
		b.rep.Skip(secScale, "Chromium not installed", "card edit-to-visible")
		return
	}
	for _, r := range runs {
		m := Median(r.CardEditMs)
		note := fmt.Sprintf("median of %d one-word edits of card %s, shown by %s, from the file's rename to the open tab's DOM holding the word",
			len(r.CardEditMs), r.Page.Card, countArticles(r.Page.Uses))
		if len(r.CardEditMs) > 1 {
			s := sorted(r.CardEditMs)
			note += fmt.Sprintf("; %s–%s", Ms(s[0]), Ms(s[len(s)-1]))
		}
		if r.CardEditErr != "" {
			note = fmt.Sprintf("%d of %d edits shown; then: %s", len(r.CardEditMs), edits, r.CardEditErr)
		}
		b.rep.Add(secScale, Row{Figure: "card edit-to-visible, " + countArticles(r.Articles),
			Value: Ms(m), Number: num(m), Goal: fmt.Sprintf("≤ %s", Ms(float64(editGoal.Milliseconds()))),
			Status: status(r.CardEditErr == "" && !math.IsNaN(m) && m <= float64(editGoal.Milliseconds())), Note: note})
	}
}

// countArticles counts articles: "1 article", "2,000 articles".
func countArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return thousands(n) + " articles"
}
