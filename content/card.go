package content

import (
	"crypto/sha256"
	"encoding/hex"
)

// Card is a shared card: written once in the archive's card library
// (cards/<id>.md) and shown in every article that has a note referencing
// it. Its dated developments are its timeline; each article shows those
// after its own date under "Since publication" (see For), so one file
// ages correctly in articles of any date.
type Card struct {
	// ID names the card in the library and in references: card: <id>.
	ID    string  `json:"id,omitempty"`
	Kind  Kind    `json:"kind,omitempty"`
	Title string  `json:"title,omitempty"`
	Body  []Block `json:"body,omitempty"`
	// Timeline is the card's dated history, oldest first.
	Timeline []Event  `json:"timeline,omitempty"`
	Figures  Figures  `json:"figures,omitzero"`
	Sources  []Source `json:"sources,omitempty"`
	// Updated is the date up to which the card is known to be true: its
	// "as of".
	Updated Date `json:"updated,omitzero"`
	// Aliases are phrases an article may use for the card's topic, which
	// gloss check looks for in articles that do not reference the card.
	Aliases []string `json:"aliases,omitempty"`
	// Version changes whenever the card's file does. A reader's device
	// remembers the version of each card it showed, to tell the reader
	// when a card changed since.
	Version string `json:"version,omitempty"`
}

// For is the card as the note id of an article published on published,
// anchored at anchor (the note's own id, which the article's links to
// it use, need not be the card's): its timeline entries up to the
// article's date are background (the note's Timeline), those after it
// are what changed since publication (its Since, as of the card's
// Updated). uses is how many articles of the archive show the card.
func (c Card) For(id, anchor string, published Date, uses int) Note {
	n := Note{
		ID: id, Kind: c.Kind, Title: c.Title, Anchor: anchor, Body: c.Body,
		Figures: c.Figures, Sources: c.Sources,
		Card: c.ID, Version: c.Version, Uses: uses,
		Since: Since{AsOf: c.Updated},
	}
	for _, e := range c.Timeline {
		if After(e.Date, published) {
			n.Since.Events = append(n.Since.Events, e)
		} else {
			n.Timeline = append(n.Timeline, e)
		}
	}
	return n
}

// After reports whether an event dated d happened after a day: only
// when everything d knows is later. An event dated "February 2024" is
// not after 8 February 2024, nor is one dated "2024": it may have been
// before, so it counts as background.
func After(d, day Date) bool { return day.Before(d) }

// Changed reports whether the card has developments after published: the
// article it is shown in is then "updated since publication".
func (c Card) Changed(published Date) bool {
	for _, e := range c.Timeline {
		if After(e.Date, published) {
			return true
		}
	}
	return false
}

// Key names an event by its date and text: a reader's device remembers
// the keys of the developments it showed, to mark those that are new.
// It is the same in every article that shows the event.
func (e Event) Key() string {
	h := sha256.New()
	h.Write([]byte(e.Date.ISO()))
	h.Write([]byte{0})
	h.Write([]byte(PlainText(e.Text)))
	return hex.EncodeToString(h.Sum(nil)[:6])
}
