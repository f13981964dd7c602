package review

import (
	"strings"
	"unicode"

	"github.com/gloss/gloss/content"
)

// Terms finds the phrases that name shared cards' topics (each card's
// title and aliases) in text: whole words, any case. A sentence is split
// into words once and each word looks up the terms it can be part of, so
// a search costs the sentence's length, not the number of cards: a check
// of 10,000 articles against 500 cards would otherwise compare each
// sentence with every phrase. A term is filed under its longest word,
// not its first: titles begin with "the" as often as sentences hold it.
type Terms struct {
	by map[string][]term // by a term's longest word
}

type term struct {
	words []string
	key   int // the index of the word it is filed under
	card  string
}

// NewTerms indexes the titles and aliases of cards.
func NewTerms(cards []content.Card) *Terms {
	t := &Terms{by: make(map[string][]term)}
	for _, c := range cards {
		for _, phrase := range append([]string{c.Title}, c.Aliases...) {
			ws := words(phrase)
			if len(ws) == 0 {
				continue
			}
			key := 0
			for i, w := range ws {
				if len(w) > len(ws[key]) {
					key = i
				}
			}
			t.by[ws[key]] = append(t.by[ws[key]], term{words: ws, key: key, card: c.ID})
		}
	}
	return t
}

// Find lists the cards whose title or an alias occurs in text, each once,
// in the order of their first occurrence.
func (t *Terms) Find(text string) []string {
	ws := words(text)
	var found []string
	for i, w := range ws {
		for _, tm := range t.by[w] {
			start := i - tm.key
			if start >= 0 && start+len(tm.words) <= len(ws) && equal(ws[start:start+len(tm.words)], tm.words) && !contains(found, tm.card) {
				found = append(found, tm.card)
			}
		}
	}
	return found
}

// words splits s into lower-case words: runs of letters and digits (an
// apostrophe or hyphen inside a word keeps it whole: "EU's", "post-war").
func words(s string) []string {
	var out []string
	start := -1
	rs := []rune(s)
	for i, r := range rs {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(start >= 0 && (r == '\'' || r == '’' || r == '-') && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, strings.ToLower(string(rs[start:i])))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(string(rs[start:])))
	}
	return out
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
