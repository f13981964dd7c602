package site

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

// The wasm renders a page from its data island: what it decodes must
// render exactly what the server rendered from the parsed article, or
// the page would change when the wasm takes over.
func TestTheDataIslandRendersTheSamePage(t *testing.T) {
	for _, a := range append(articles.All(), fixtures.All()...) {
		b, err := json.Marshal(ui.PageData{Newest: true, Article: a})
		if err != nil {
			t.Fatal(err)
		}
		var d ui.PageData
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		want := normalized(t, app.HTMLString(&ui.Page{Article: a}))
		if got := normalized(t, app.HTMLString(&ui.Page{Article: d.Article})); got != want {
			t.Errorf("%s: the page rendered from the data island differs from the server's", a.Slug)
		}
		if len(want) < 1000 {
			t.Errorf("%s: control: the page rendered to %d bytes only", a.Slug, len(want))
		}
	}
}

// No article text can end the island's script element.
func TestDataIslandEscapesScript(t *testing.T) {
	a := content.Article{Slug: "x", Title: `</script><script>alert(1)</script> & <!--`}
	b, err := DataIsland(a, false)
	if err != nil {
		t.Fatal(err)
	}
	body := string(b[len(`<script id="gloss-data" type="application/json">`) : len(b)-len("</script>\n")])
	for _, bad := range []string{"<", ">", "&"} {
		for i := 0; i < len(body); i++ {
			if body[i:i+1] == bad {
				t.Fatalf("the island holds a raw %q: %s", bad, body)
			}
		}
	}
}

// normalized prints doc with every tag's attributes in name order: go-app
// prints them in map order.
func normalized(t *testing.T, doc string) string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(doc))
	var b strings.Builder
	for {
		if z.Next() == html.ErrorToken {
			return b.String()
		}
		tok := z.Token()
		sort.Slice(tok.Attr, func(i, j int) bool { return tok.Attr[i].Key < tok.Attr[j].Key })
		b.WriteString(tok.String())
	}
}
