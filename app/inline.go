package app

import (
	"net/url"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Text renders inline runs of a note: plain text, emphasis and links. Note
// marks are rendered as plain text here; only the article body turns them
// into buttons.
func Text(runs []content.Inline) []app.UI {
	out := make([]app.UI, 0, len(runs))
	for _, r := range runs {
		out = append(out, styled(r, app.Text(r.Text)))
	}
	return out
}

// styled wraps node in the emphasis and link of run r.
func styled(r content.Inline, node app.UI) app.UI {
	if r.Em {
		node = app.Em().Body(node)
	}
	if r.Strong {
		node = app.Strong().Body(node)
	}
	if r.Href != "" {
		node = ExternalLink(r.Href, node)
	}
	return node
}

// ExternalLink links to href in a new tab, or renders only its body when
// href is not a plain http(s) URL: content has been validated, but the UI
// must stay inert whatever values it is handed.
func ExternalLink(href string, body ...app.UI) app.UI {
	safe, ok := SafeURL(href)
	if !ok {
		return app.Span().Body(body...)
	}
	return app.A().
		Href(safe).
		Target("_blank").
		Rel("noopener noreferrer").
		Body(body...)
}

// SafeURL returns u normalised when it is an absolute http or https URL
// with a host, and false otherwise.
func SafeURL(u string) (string, bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return "", false
	}
	return escapeURL(p.String()), true
}

// escapeURL percent-encodes what a valid URL may not hold and Go's URL
// printing leaves as it was in the query: spaces, controls, quotes,
// angle brackets, backslashes and the like, so that a source's link is a
// valid URL whatever an editor pasted. (Quotes are kept out of the value
// here too, though the go-app adapter's printer escapes every attribute
// for HTML.)
func escapeURL(u string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// attr makes text safe for an attribute value: go-app quotes attributes
// with strconv.Quote, so a double quote inside a value would end it early.
func attr(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, `"`, "”"), `\`, "∖")
}

// blocks renders paragraphs and lists of a note.
func blocks(bs []content.Block) []app.UI {
	out := make([]app.UI, 0, len(bs))
	for _, b := range bs {
		switch b.Kind {
		case content.List:
			items := make([]app.UI, 0, len(b.Items))
			for _, it := range b.Items {
				items = append(items, app.Li().Body(Text(it)...))
			}
			out = append(out, app.Ul().Body(items...))
		default:
			out = append(out, app.P().Body(Text(b.Text)...))
		}
	}
	return out
}
