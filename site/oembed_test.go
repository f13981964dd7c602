package site

import (
	"html"
	"strings"
	"testing"

	"github.com/gloss/gloss/internal/e2e/catalog"
)

// WordPress keeps an oEmbed answer's html only when it holds an iframe,
// keeps the blockquote as the fallback only when the html starts with
// it, and strips everything but a, blockquote and iframe (the script
// goes): the html is the blockquote, then an empty iframe of the embed
// view with a title and a size, then the script for everyone else.
func TestOembedHTMLIsBlockquoteThenFrame(t *testing.T) {
	a := catalog.Articles()[0]
	doc := OEmbedFor("http://localhost:8000", "/", a, 500, 750)
	frame := `<iframe class="gloss-embed" src="http://localhost:8000/a/` + a.Slug + `?embed=1" title="` + html.EscapeString(a.Title) +
		`" width="500" height="750" `
	if !strings.HasPrefix(doc.HTML, `<blockquote class="gloss-embed"`) || !strings.Contains(doc.HTML, `</blockquote>`+frame) ||
		!strings.Contains(doc.HTML, `></iframe>`+"\n"+`<script async src="http://localhost:8000/web/embed.js"></script>`) {
		t.Errorf("html %s\nwant the blockquote first, then %s…></iframe>, then the script", doc.HTML, frame)
	}
	if doc.Width != 500 || doc.Height != 750 {
		t.Errorf("size %d×%d, want 500×750", doc.Width, doc.Height)
	}
}
