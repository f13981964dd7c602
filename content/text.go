package content

// BlockKind says how a block of text is laid out.
type BlockKind uint8

// The kinds of block.
const (
	// Paragraph is a paragraph of inline text.
	Paragraph BlockKind = iota
	// Heading is a section heading of the article.
	Heading
	// List is a bulleted list; each item is a run of inline text.
	List
)

// Block is a paragraph, a heading or a list.
type Block struct {
	Kind BlockKind `json:"kind,omitempty"`
	// Text is the inline text of a paragraph or heading.
	Text []Inline `json:"text,omitempty"`
	// Items are the entries of a list.
	Items [][]Inline `json:"items,omitempty"`
}

// Inline is a run of text with one style. It is deliberately small: the
// only markup a note may carry is emphasis, strong emphasis and links, and
// a phrase of the article may open a note.
type Inline struct {
	Text string `json:"text,omitempty"`
	// Em and Strong render as <em> and <strong>.
	Em     bool `json:"em,omitempty"`
	Strong bool `json:"strong,omitempty"`
	// Href makes the run a link; only http and https URLs are ever linked.
	Href string `json:"href,omitempty"`
	// Note makes the run a button that opens the note with this id.
	Note string `json:"note,omitempty"`
}

// PlainText returns the text of inlines without any markup.
func PlainText(in []Inline) string {
	n := 0
	for _, r := range in {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range in {
		b = append(b, r.Text...)
	}
	return string(b)
}
