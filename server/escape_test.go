package server

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
	"golang.org/x/net/html"
)

// hostile is what an editor could type into any field: a quote that ends
// an attribute, then attributes of its own (the meta refresh reproduced
// against Chromium), and markup.
const hostile = `0;url=http://127.0.0.1:9402/pwned.html" http-equiv=refresh x="<script>x</script>'`

// Every value an editor controls reaches the page's attributes escaped:
// the page parses, as a browser would, into the same values, and into no
// attribute that Gloss did not write.
func TestEditorFieldsCannotBreakOutOfAttributes(t *testing.T) {
	a := testArticle
	a.Title = hostile
	a.Description = hostile
	a.Lang = hostile
	a.Notes = []content.Note{{
		ID: `w" onclick="x`, Kind: content.KindContext, Title: hostile, Anchor: "world",
		Body:    []content.Block{{Text: []content.Inline{{Text: hostile}}}},
		Sources: []content.Source{{Title: hostile, Publisher: hostile, URL: `https://example.org/?q="><script>x</script>'`}},
	}}
	a.Body = []content.Block{{Text: []content.Inline{{Text: "Hello, "}, {Text: "world", Note: a.Notes[0].ID}, {Text: "."}}}}
	s := testServer(t, Config{Articles: []content.Article{a}, Origin: `https://gloss.example`})
	for _, path := range []string{"/", "/a/one", "/a/one/"} {
		page, _ := io.ReadAll(fetch(s, path).Body)
		z := html.NewTokenizer(bytes.NewReader(page))
		var descriptions []string
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			if tok.Data == "script" && len(tok.Attr) == 0 {
				// An inline script Gloss did not write would be bare.
				t.Errorf("%s: a bare <script> start tag in the page", path)
			}
			for _, at := range tok.Attr {
				switch at.Key {
				case "http-equiv", "x", "onclick":
					t.Errorf("%s: <%s> gained attribute %s=%q", path, tok.Data, at.Key, at.Val)
				}
			}
			if tok.Data == "meta" && (tokAttr(tok, "name") == "description" || tokAttr(tok, "property") == "og:description") {
				descriptions = append(descriptions, tokAttr(tok, "content"))
			}
		}
		if len(descriptions) != 2 {
			t.Errorf("%s: %d description meta tags, want 2", path, len(descriptions))
		}
		for _, d := range descriptions {
			if d != hostile {
				t.Errorf("%s: description reads %q, want %q", path, d, hostile)
			}
		}
	}
}

// An honest quotation in a description is kept whole.
func TestDescriptionWithQuotes(t *testing.T) {
	a := testArticle
	a.Description = `Putin says "we are open" to talks`
	s := testServer(t, Config{Articles: []content.Article{a}})
	page, _ := io.ReadAll(fetch(s, "/").Body)
	if !strings.Contains(string(page), `<meta content="Putin says &#34;we are open&#34; to talks" name="description">`) {
		t.Errorf("description not escaped as HTML:\n%s", page)
	}
}

func tokAttr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
