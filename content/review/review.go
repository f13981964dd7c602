package review

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gloss/gloss/content"
)

// Article is what a check keeps of one article for review: its shared
// cards and the sentences that name a card it does not show, never its
// text.
type Article struct {
	Slug string
	// File is its article.md, as the editor named the folder.
	File     string
	Cards    []string
	Mentions []Mention
}

// Mention is a sentence of an article that names a shared card's topic
// (its title or an alias) in an article with no note for that card.
type Mention struct {
	Card     string
	Sentence string
	// Line is the sentence's line in the article's file, 0 when it
	// could not be told (the Markdown marks up its first words).
	Line int
}

// Of reviews article a, whose article.md is file: its shared cards, and
// the sentences that name a card among terms that it does not show. raw
// reads the file's bytes, to tell a sentence's line; it is called only
// for an article with such a sentence, which few have.
func Of(a content.Article, file string, raw func() []byte, terms *Terms) Article {
	r := Article{Slug: a.Slug, File: file, Cards: a.CardIDs()}
	var text []byte
	for _, s := range Sentences(a) {
		for _, card := range terms.Find(s) {
			if slices.Contains(r.Cards, card) || slices.ContainsFunc(r.Mentions, func(m Mention) bool { return m.Card == card }) {
				continue
			}
			if text == nil {
				text = raw()
			}
			r.Mentions = append(r.Mentions, Mention{Card: card, Sentence: s, Line: lineOf(text, s)})
		}
	}
	return r
}

// lineOf is the line of raw on which the sentence s begins, found by its
// first words; 0 when they are not in raw as written.
func lineOf(raw []byte, s string) int {
	probe := s
	if len(probe) > 24 {
		probe = probe[:24]
	}
	i := bytes.Index(raw, []byte(probe))
	if i < 0 {
		return 0
	}
	return bytes.Count(raw[:i], []byte("\n")) + 1
}

// Card is a shared card with the file it is written in.
type Card struct {
	content.Card
	File string
}

// Options are what the review holds cards to.
type Options struct {
	// Now is today.
	Now time.Time
	// Stale is how old a card's updated date may grow: a card as of
	// longer ago is stale.
	Stale time.Duration
}

// The kinds of warning.
const (
	Unused      = "unused"
	Stale       = "stale"
	NotIncluded = "not-included"
)

// Warning is one thing an editor should look at.
type Warning struct {
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Card    string `json:"card"`
	Article string `json:"article,omitempty"`
	Message string `json:"message"`
}

// String formats the warning as gloss check prints it: file:line:
// warning: message.
func (w Warning) String() string {
	at := w.File
	if w.Line > 0 {
		at += fmt.Sprintf(":%d", w.Line)
	}
	return at + ": warning: " + w.Message
}

// Usage is how many articles show a card.
type Usage struct {
	Card     string `json:"card"`
	File     string `json:"file"`
	Articles int    `json:"articles"`
	Updated  string `json:"updated"`
	Stale    bool   `json:"stale"`
}

// Report is the review of an archive.
type Report struct {
	Warnings []Warning `json:"warnings"`
	Usage    []Usage   `json:"usage"`
}

// Review reviews the cards of an archive against its articles: the
// warnings in file and line order, and each card's usage by id.
func Review(cards []Card, articles []Article, o Options) Report {
	uses := make(map[string]int)
	for _, a := range articles {
		for _, c := range a.Cards {
			uses[c]++
		}
	}
	titles := make(map[string]string, len(cards))
	r := Report{Warnings: []Warning{}, Usage: []Usage{}}
	for _, c := range cards {
		titles[c.ID] = c.Title
		stale := isStale(c.Updated, o)
		r.Usage = append(r.Usage, Usage{Card: c.ID, File: c.File, Articles: uses[c.ID], Updated: c.Updated.ISO(), Stale: stale})
		if uses[c.ID] == 0 {
			r.Warnings = append(r.Warnings, Warning{Kind: Unused, File: c.File, Card: c.ID,
				Message: fmt.Sprintf("card %q is shown by no article", c.ID)})
		}
		if stale {
			r.Warnings = append(r.Warnings, Warning{Kind: Stale, File: c.File, Card: c.ID,
				Message: fmt.Sprintf("card %q is stale: updated %s, more than %d days before today", c.ID, c.Updated, days(o.Stale))})
		}
	}
	for _, a := range articles {
		for _, m := range a.Mentions {
			r.Warnings = append(r.Warnings, Warning{Kind: NotIncluded, File: a.File, Line: m.Line, Card: m.Card, Article: a.Slug,
				Message: fmt.Sprintf("not yet included: %q names card %q (%s) but the article has no note for it", quote(m.Sentence), m.Card, titles[m.Card])})
		}
	}
	slices.SortStableFunc(r.Warnings, func(a, b Warning) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	slices.SortFunc(r.Usage, func(a, b Usage) int { return strings.Compare(a.Card, b.Card) })
	return r
}

// isStale reports whether a card as of d is older than o allows. A date
// known only to the month or year counts from its last day: an editor
// who wrote "March 2026" is not held to the 1st.
func isStale(d content.Date, o Options) bool {
	if d.IsZero() || o.Stale <= 0 {
		return false
	}
	return lastDay(d).Add(o.Stale).Before(o.Now)
}

func lastDay(d content.Date) time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

func days(d time.Duration) int { return int(d / (24 * time.Hour)) }

// quote shortens a sentence for a one-line warning.
func quote(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:117]) + "…"
	}
	return s
}
