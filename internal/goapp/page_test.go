package goapp

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

func testAdapter(t testing.TB) *Adapter {
	t.Helper()
	a, err := New(Build{
		Version:   "v1",
		Resources: Resources{Wasm: "/web/app-0123456789abcdef.wasm", Query: map[string]string{"gloss.css": "?v=1", "gloss.js": "?v=2"}},
		Info:      Info{Name: "Gloss", ShortName: "Gloss", Description: "d", ThemeColor: "#123456", BackgroundColor: "#fff"},
		Loading:   "Loading",
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// testRoot stands for go-app's root component, Gloss's prompts.
type testRoot struct{ app.Compo }

func (*testRoot) Render() app.UI { return app.Div().ID("root").Class("r") }

func testPage() Page {
	return Page{
		Lang: "ar", Dir: "rtl", Title: `A "title" <b>`, Description: "It's a page", Loading: "Loading",
		Head: []byte(`<link href="/x" rel="canonical">` + "\n"),
		Root: &testRoot{}, Main: app.Main().ID("main").Body(app.P().Text("Hello")),
	}
}

// The page Gloss prints is go-app's, as its handler prints it, but for
// what Gloss changes on purpose: the wasm finds its root first in the
// body and its loader last, and the head links the same files in the
// same order. A new go-app that prints its page otherwise fails here,
// naming what changed, before a reader's browser meets it.
func TestThePageIsGoAppsShape(t *testing.T) {
	a := testAdapter(t)
	app.RouteFunc("/", func() app.Composer { return &testRoot{} })
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	theirs := shape(t, rec.Body.String())
	ours, err := a.Render(testPage())
	if err != nil {
		t.Fatal(err)
	}
	mine := shape(t, string(ours))
	// What Gloss changes: no empty meta, no og:url (Gloss writes the
	// public one itself), app.js as a data block started after paint,
	// and its own head tags after go-app's.
	var want []string
	for _, s := range theirs.head {
		switch {
		case strings.Contains(s, `content=""`), strings.Contains(s, "og:url"):
			continue
		case strings.HasPrefix(s, "script src=/app.js"):
			s = "script data-src=/app.js type=gloss/after-paint"
		}
		want = append(want, s)
	}
	want = append(want, "link rel=canonical href=/x")
	if !slices.Equal(mine.head, want) {
		t.Errorf("go-app's head changed shape; the page's shell (page.go) needs updating:\n go-app: %q\n   ours: %q", want, mine.head)
	}
	if !slices.Equal(mine.body, []string{"div#root", "main#main", "aside#app-wasm-loader"}) || theirs.body[len(theirs.body)-1] != "aside#app-wasm-loader" || len(theirs.body) != 2 {
		t.Errorf("go-app's body changed shape (root first, loader last); the page's shell needs updating:\n go-app: %q\n   ours: %q", theirs.body, mine.body)
	}
	if !slices.Equal(mine.loader, theirs.loader) {
		t.Errorf("go-app's loader changed; the page's shell needs updating:\n go-app: %q\n   ours: %q", theirs.loader, mine.loader)
	}
}

type pageShape struct{ head, body, loader []string }

// shape reads the parts of a page the wasm and the browser depend on:
// the head's elements (tag and identifying attributes), the body's
// element children, and the ids inside the loader.
func shape(t *testing.T, page string) pageShape {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var s pageShape
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Parent.Data {
		case "head":
			desc := n.Data
			for _, k := range []string{"charset", "name", "property", "rel", "href", "src", "data-src", "type"} {
				if v, ok := attrOf(n, k); ok {
					if k == "href" || k == "src" || k == "data-src" {
						v = strings.SplitN(v, "?", 2)[0]
					}
					desc += fmt.Sprintf(" %s=%s", k, v)
				}
			}
			if k, _ := attrOf(n, "content"); k == "" && n.Data == "meta" {
				if _, ok := attrOf(n, "content"); ok {
					desc += ` content=""`
				}
			}
			s.head = append(s.head, desc)
		case "body":
			id, _ := attrOf(n, "id")
			s.body = append(s.body, n.Data+"#"+id)
		}
		if id, _ := attrOf(n, "id"); strings.HasPrefix(id, "app-wasm-loader-") {
			s.loader = append(s.loader, n.Data+"#"+id)
		}
	}
	return s
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func TestTheLoaderImageIsDecoration(t *testing.T) {
	page, err := testAdapter(t).Render(testPage())
	if err != nil {
		t.Fatal(err)
	}
	if want := `<img alt="" class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`; !strings.Contains(string(page), want) {
		t.Errorf("no %s in\n%s", want, page)
	}
}

func TestTheDocumentSpeaksThePagesLanguage(t *testing.T) {
	page, err := testAdapter(t).Render(testPage())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<html dir="rtl" lang="ar">`,
		`<title>A &#34;title&#34; &lt;b&gt;</title>`,
		`<meta content="It&#39;s a page" name="description">`,
		`<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport">`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %s in\n%s", want, s)
		}
	}
	if strings.Contains(s, "user-scalable") || strings.Contains(s, `content=""`) || strings.Contains(s, "<meta content name") {
		t.Errorf("zoom forbidden or an empty meta:\n%s", s)
	}
}
