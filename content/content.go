// Package content holds the data model of a Gloss article and its notes.
//
// The types are plain Go values with no parser behind them: the server and
// the build tools fill them from files (see package content/parse), and the
// wasm receives them as generated Go literals, so nothing here may import a
// parser or anything of the UI or of HTTP.
package content

// Article is one news article with the notes (context cards) anchored to its
// phrases.
type Article struct {
	// Slug names the article in URLs: /a/<slug>.
	Slug string
	// Title is the headline Gloss shows; written by the editor, neutral.
	Title string
	// Description is a one-sentence summary for search engines and embeds.
	Description string
	// Lang is the BCP 47 language of the text, e.g. "en".
	Lang string
	// Date is the article's publication date.
	Date Date
	// Body is the article text: paragraphs and headings, with the phrases
	// that open a note marked by Inline.Note.
	Body []Block
	// Notes are the article's cards, in the order their phrases appear;
	// notes with no Anchor come last and belong to the "About this article"
	// panel.
	Notes []Note
}

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
	ID string
	// Kind is the card's kind.
	Kind Kind
	// Title is the card's heading.
	Title string
	// Anchor is the exact phrase of the article the card explains; empty
	// for a note about the whole article.
	Anchor string
	// Body is the card's main text.
	Body []Block
	// Timeline is an optional list of dated events, oldest first.
	Timeline []Event
	// Figures is an optional set of amounts drawn as a chart.
	Figures Figures
	// Since says what changed after the article was published.
	Since Since
	// Sources back every fact of the card; at least one.
	Sources []Source
}

// Event is one dated line of a timeline.
type Event struct {
	Date Date
	Text []Inline
}

// Figures is a set of comparable amounts: one chart.
type Figures struct {
	// Caption says what the chart shows, e.g. "Ukraine Facility, 2024–2027".
	Caption string
	// Items share one currency or unit, so their bars compare.
	Items []Figure
	// Note is a remark under the chart, e.g. an approximate conversion with
	// its date.
	Note string
}

// Figure is one amount.
type Figure struct {
	Label string
	// Amount is in Scale units of Currency or Unit: 17 with Scale "bn" and
	// Currency "EUR" is seventeen billion euros.
	Amount float64
	// Currency is an ISO 4217 code (EUR, USD, GBP); empty when Unit is set.
	Currency string
	// Unit names what is counted when it is not money, e.g. "troops".
	Unit string
	// Scale is "", "k", "m" or "bn".
	Scale string
	// Date is when the amount applies; may be zero.
	Date Date
}

// Since is the "since publication" section of a card.
type Since struct {
	// AsOf is the date up to which the text is known to be true.
	AsOf Date
	Body []Block
}

// IsZero reports whether the note has no "since publication" section.
func (s Since) IsZero() bool { return len(s.Body) == 0 }

// Source is one cited source.
type Source struct {
	Title     string
	Publisher string
	Date      Date
	// URL is http or https; the parser rejects anything else and the UI
	// refuses to link anything else.
	URL string
}
