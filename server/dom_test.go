package server

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/internal/bundle"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/web"
)

var (
	classAttr = regexp.MustCompile(`class="([^"]*)"`)
	idAttr    = regexp.MustCompile(`id="([^"]*)"`)
	// In a selector: .name or #name.
	selectorName = regexp.MustCompile(`([.#])(-?[A-Za-z_][\w-]*)`)
	cssComment   = regexp.MustCompile(`(?s)/\*.*?\*/`)
	// In gloss.js: a string literal given to a DOM lookup.
	jsSelector = regexp.MustCompile(`(?:closest|querySelector|querySelectorAll|matches)\("([^"]*)"\)`)
	jsID       = regexp.MustCompile(`getElementById\("([^"]*)"\)`)
	jsClass    = regexp.MustCompile(`classList\.(?:add|contains|toggle|remove)\("([^"]*)"[,)]`)
)

// The page's names: every class and id of the front page, an article
// page and its embed view, a shared card's page, as the server prints
// them, the prompts only the wasm
// renders, and the root classes gloss.js sets and the elements it adds
// (package web's contract).
func pageNames(t *testing.T) map[string]bool {
	t.Helper()
	// Enough articles for the front page to have a second page.
	as := articles.All()
	for i := range 20 {
		a := as[0]
		a.Slug += "-" + strconv.Itoa(i)
		as = append(as, a)
	}
	// And articles sharing cards, for a card's page.
	as = append(as, catalog.Shared()...)
	s, err := New(Config{Articles: as, Web: fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}}})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range append(append([]string{}, web.RootClasses...), web.ScriptClasses...) {
		names["."+c] = true
	}
	// What only the wasm renders, once the browser offers it.
	for _, n := range []string{app.InstallID, app.UpdateID} {
		names["."+n], names["#"+n] = true, true
	}
	seed := "/a/" + articles.All()[0].Slug
	for _, target := range []string{"/", "/page/2/", seed, seed + "?embed=1", "/c/" + catalog.SharedCards()[0].ID} {
		res := fetch(s, target)
		body, _ := io.ReadAll(res.Body)
		for _, m := range classAttr.FindAllStringSubmatch(string(body), -1) {
			for _, c := range strings.Fields(m[1]) {
				names["."+c] = true
			}
		}
		for _, m := range idAttr.FindAllStringSubmatch(string(body), -1) {
			names["#"+m[1]] = true
		}
	}
	return names
}

// sources is the text of every source file under web/dir with the
// extension ext (the modules of web/js, the parts of web/css), each
// after its name.
func sources(t *testing.T, dir, ext string) string {
	t.Helper()
	var b strings.Builder
	err := fs.WalkDir(os.DirFS("../web"), dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ext {
			return err
		}
		text, err := os.ReadFile("../web/" + p)
		fmt.Fprintf(&b, "\n/* web/%s */\n%s", p, text)
		return err
	})
	if err != nil || b.Len() == 0 {
		t.Fatalf("no sources in web/%s: %v", dir, err)
	}
	return b.String()
}

// served is the web assets as the server sends them.
func served(t *testing.T, name string) string {
	t.Helper()
	out, err := bundle.Bundle(os.DirFS("../web"))
	if err != nil {
		t.Fatal(err)
	}
	return string(out[name])
}

// cssSelectors is every selector of a style sheet (the text before each
// "{" that is not an at-rule's).
func cssSelectors(css string) []string {
	css = cssComment.ReplaceAllString(css, "")
	var out []string
	start := 0
	for i, r := range css {
		switch r {
		case '{':
			sel := strings.TrimSpace(css[start:i])
			if sel != "" && !strings.HasPrefix(sel, "@") {
				out = append(out, sel)
			}
			start = i + 1
		case '}', ';':
			start = i + 1
		}
	}
	return out
}

// Every class and id gloss.css styles is one the page has: a name
// renamed in the Go components, or misspelled in the style sheet, would
// leave a rule that styles nothing.
func TestStylesNameWhatThePageHas(t *testing.T) {
	names := pageNames(t)
	for _, sel := range cssSelectors(sources(t, "css", ".css")) {
		// Attribute values ([href^="http"]) are not names.
		sel = regexp.MustCompile(`\[[^\]]*\]`).ReplaceAllString(sel, "")
		for _, m := range selectorName.FindAllStringSubmatch(sel, -1) {
			if !names[m[1]+m[2]] {
				t.Errorf("web/css: %q names %s%s, which the page does not have", sel, m[1], m[2])
			}
		}
	}
}

// Every class and id a script looks up is one the page has, and each
// root class of the contract is one gloss.js uses (the bundle leaves out
// what no module uses).
func TestScriptLooksUpWhatThePageHas(t *testing.T) {
	names := pageNames(t)
	js := sources(t, "js", ".js")
	var refs []string
	for _, m := range jsSelector.FindAllStringSubmatch(js, -1) {
		for _, n := range selectorName.FindAllStringSubmatch(regexp.MustCompile(`\[[^\]]*\]`).ReplaceAllString(m[1], ""), -1) {
			refs = append(refs, n[1]+n[2])
		}
	}
	for _, m := range jsID.FindAllStringSubmatch(js, -1) {
		refs = append(refs, "#"+m[1])
	}
	for _, m := range jsClass.FindAllStringSubmatch(js, -1) {
		refs = append(refs, "."+m[1])
	}
	if len(refs) < 10 {
		t.Fatalf("found only %d lookups in web/js: the patterns no longer match it", len(refs))
	}
	for _, r := range refs {
		if !names[r] {
			t.Errorf("web/js looks up %s, which the page does not have", r)
		}
	}
	bundled := served(t, "gloss.js")
	for _, c := range web.RootClasses {
		if !strings.Contains(bundled, `"`+c+`"`) {
			t.Errorf("gloss.js never uses the root class %s", c)
		}
	}
}

// The breakpoint, the storage key, the root classes and the prompts'
// running state are typed once, in web/dom.go (and package app): the
// sources import them (gloss:dom) or name the breakpoint as a custom
// media query, and the served files have the contract's values.
func TestContractIsTypedOnce(t *testing.T) {
	css, js := sources(t, "css", ".css"), sources(t, "js", ".js")
	for _, c := range []struct{ file, text, want string }{
		{"gloss.css", served(t, "gloss.css"), fmt.Sprintf("@media(width>=%dpx)", web.Wide)},
		{"gloss.css", served(t, "gloss.css"), fmt.Sprintf("@media(width<%dpx)", web.Wide)},
		{"gloss.js", served(t, "gloss.js"), fmt.Sprintf("=%d", web.Wide)},
		{"gloss.js", served(t, "gloss.js"), fmt.Sprintf(`"(width < %dpx)"`, web.Wide)},
		{"gloss.js", served(t, "gloss.js"), `"` + web.HideHighlightsKey + `"`},
		// "Updated since you read it" (web/js/cards/seen.js).
		{"gloss.js", served(t, "gloss.js"), `"` + web.SeenKey + `"`},
		{"gloss.js", served(t, "gloss.js"), `"` + web.UpdatedIDSuffix + `"`},
		{"gloss.js", served(t, "gloss.js"), fmt.Sprintf("-%d", web.SeenLimit)},
		// The warm-up's stand-in page stops at the prompts' running state.
		{"gloss.js", served(t, "gloss.js"), `"` + app.StateAttr + `"`},
		{"gloss.js", served(t, "gloss.js"), `"` + app.StateRunning + `"`},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s does not have %s", c.file, c.want)
		}
	}
	// Retyped values: a breakpoint or a width in a media query, the
	// storage key, a root class set by name.
	retyped := []*regexp.Regexp{
		regexp.MustCompile(`\((?:min-|max-)?width\b[^)]*\)`),
		regexp.MustCompile(`\binnerWidth\s*[<>]=?\s*\d`),
		regexp.MustCompile(regexp.QuoteMeta(`"` + web.HideHighlightsKey + `"`)),
		regexp.MustCompile(regexp.QuoteMeta(`"` + web.SeenKey + `"`)),
		regexp.MustCompile(regexp.QuoteMeta(`"` + web.UpdatedIDSuffix + `"`)),
		regexp.MustCompile(`"` + app.StateAttr + `"|"` + app.StateRunning + `"`),
	}
	for _, c := range web.RootClasses {
		retyped = append(retyped, regexp.MustCompile(`classList\.\w+\("`+c+`"`))
	}
	// The classes of what the scripts add are the contract's too: each
	// one in the served script, none typed in a module (the style sheet
	// names them).
	bundled := served(t, "gloss.js")
	for _, c := range web.ScriptClasses {
		if !strings.Contains(bundled, `"`+c+`"`) {
			t.Errorf("gloss.js never uses the class %s of what it adds", c)
		}
		re := regexp.MustCompile(`["'.]` + regexp.QuoteMeta(c) + `["'\s)\]]`)
		for _, m := range re.FindAllString(js, -1) {
			t.Errorf("web/js retypes the class %s: %s", c, m)
		}
	}
	retyped = append(retyped, regexp.MustCompile(`"gloss-theme-"`))
	for _, re := range retyped {
		for _, m := range re.FindAllString(css+js, -1) {
			t.Errorf("web/css or web/js retypes the contract: %s", m)
		}
	}
}
