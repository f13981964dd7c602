// Package content holds the data model of a Gloss article and its notes.
//
// The types are plain Go values with no parser behind them: the server and
// the build tools fill them from files (see package content/parse), and the
// UI renders them; the json tags give the compact form the server hashes a
// page's content by. Nothing here may import a parser or anything of the
// UI or of HTTP.
package content

// Article is one news article with the notes (context cards) anchored to its
// phrases.
type Article struct {
	// Slug names the article in URLs: /a/<slug>.
	Slug string `json:"slug,omitempty"`
	// Title is the headline Gloss shows; written by the editor, neutral.
	Title string `json:"title,omitempty"`
	// Description is a one-sentence summary for search engines and embeds.
	Description string `json:"description,omitempty"`
	// Lang is the BCP 47 language of the text, e.g. "en".
	Lang string `json:"lang,omitempty"`
	// Date is the article's publication date.
	Date Date `json:"date,omitzero"`
	// Author is who wrote it; zero when the article names no one (the
	// site's publisher stands for it).
	Author Author `json:"author,omitzero"`
	// Body is the article text: paragraphs and headings, with the phrases
	// that open a note marked by Inline.Note.
	Body []Block `json:"body,omitempty"`
	// Notes are the article's cards, in the order their phrases appear;
	// notes with no Anchor come last and belong to the "About this article"
	// panel.
	Notes []Note `json:"notes,omitempty"`
}

// Author is an article's byline: a name, and optionally the address of
// a page about its author.
type Author struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// IsZero reports whether the article names no author.
func (a Author) IsZero() bool { return a.Name == "" }

// Note returns the note with the given id.
func (a Article) Note(id string) (Note, bool) {
	for _, n := range a.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return Note{}, false
}

// AboutNotes returns the notes that are not anchored to a phrase: they
// describe the article as a whole.
func (a Article) AboutNotes() []Note {
	var notes []Note
	for _, n := range a.Notes {
		if n.Anchor == "" {
			notes = append(notes, n)
		}
	}
	return notes
}

// Kind says what a note does for the reader; it decides the card's label
// and colour.
type Kind string

// The kinds of note.
const (
	// KindContext gives neutral background to a phrase.
	KindContext Kind = "context"
	// KindContested attributes a claim the article states as fact.
	KindContested Kind = "contested"
	// KindFigure explains an amount, usually with a chart.
	KindFigure Kind = "figure"
	// KindCorrection says where the article is wrong.
	KindCorrection Kind = "correction"
)

// Kinds lists every valid kind, in the order editors see them documented.
var Kinds = []Kind{KindContext, KindContested, KindFigure, KindCorrection}

// Label is the short text shown on a card of this kind.
func (k Kind) Label() string {
	switch k {
	case KindContested:
		return "Contested claim"
	case KindFigure:
		return "Figures"
	case KindCorrection:
		return "Correction"
	default:
		return "Context"
	}
}

// Note is one context card.
type Note struct {
	// ID is unique within its article and is the card's deep-link fragment.
	ID string `json:"id,omitempty"`
	// Kind is the card's kind.
	Kind Kind `json:"kind,omitempty"`
	// Title is the card's heading.
	Title string `json:"title,omitempty"`
	// Anchor is the exact phrase of the article the card explains; empty
	// for a note about the whole article.
	Anchor string `json:"anchor,omitempty"`
	// Body is the card's main text.
	Body []Block `json:"body,omitempty"`
	// Timeline is an optional list of dated events, oldest first.
	Timeline []Event `json:"timeline,omitempty"`
	// Figures is an optional set of amounts drawn as a chart.
	Figures Figures `json:"figures,omitzero"`
	// Since says what changed after the article was published.
	Since Since `json:"since,omitzero"`
	// Sources back every fact of the card; at least one.
	Sources []Source `json:"sources,omitempty"`
	// Card is the id of the shared card the note shows (see Card.For);
	// empty for a note written in its article.
	Card string `json:"card,omitempty"`
	// Version is the shared card's version (see Card.Version).
	Version string `json:"version,omitempty"`
	// Uses is how many articles of the archive show the shared card.
	Uses int `json:"uses,omitempty"`
}

// Event is one dated line of a timeline.
type Event struct {
	Date Date     `json:"date,omitzero"`
	Text []Inline `json:"text,omitempty"`
}

// Figures is a set of comparable amounts: one chart.
type Figures struct {
	// Caption says what the chart shows, e.g. "Ukraine Facility, 2024–2027".
	Caption string `json:"caption,omitempty"`
	// Items share one currency or unit, so their bars compare.
	Items []Figure `json:"items,omitempty"`
	// Note is a remark under the chart, e.g. an approximate conversion with
	// its date.
	Note string `json:"note,omitempty"`
}

// Figure is one amount.
type Figure struct {
	Label string `json:"label,omitempty"`
	// Amount is in Scale units of Currency or Unit: 17 with Scale "bn" and
	// Currency "EUR" is seventeen billion euros.
	Amount float64 `json:"amount,omitempty"`
	// Currency is an ISO 4217 code (EUR, USD, GBP); empty when Unit is set.
	Currency string `json:"currency,omitempty"`
	// Unit names what is counted when it is not money, e.g. "troops".
	Unit string `json:"unit,omitempty"`
	// Scale is "", "k", "m" or "bn".
	Scale string `json:"scale,omitempty"`
	// Date is when the amount applies; may be zero.
	Date Date `json:"date,omitzero"`
}

// Since is the "since publication" section of a card: written in a
// note (Body), or, for a shared card, its developments after the
// article's date (Events).
type Since struct {
	// AsOf is the date up to which the section is known to be true.
	AsOf Date    `json:"asOf,omitzero"`
	Body []Block `json:"body,omitempty"`
	// Events are a shared card's timeline entries dated after the
	// article; a shared card with none still says as of when.
	Events []Event `json:"events,omitempty"`
}

// IsZero reports whether the note has no "since publication" section.
func (s Since) IsZero() bool { return len(s.Body) == 0 && len(s.Events) == 0 && s.AsOf.IsZero() }

// Source is one cited source.
type Source struct {
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      Date   `json:"date,omitzero"`
	// URL is http or https; the parser rejects anything else and the UI
	// refuses to link anything else.
	URL string `json:"url,omitempty"`
}
