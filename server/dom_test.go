package server

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/articles"
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
// page and its embed view, as the server prints them, the prompts only the wasm
// renders, and the root classes gloss.js sets (package web's contract).
func pageNames(t *testing.T) map[string]bool {
	t.Helper()
	// Enough articles for the front page to have a second page.
	as := articles.All()
	for i := range 20 {
		a := as[0]
		a.Slug += "-" + strconv.Itoa(i)
		as = append(as, a)
	}
	s, err := New(Config{Articles: as, Web: fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}}})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range web.RootClasses {
		names["."+c] = true
	}
	// What only the wasm renders, once the browser offers it.
	for _, n := range []string{app.InstallID, app.UpdateID} {
		names["."+n], names["#"+n] = true, true
	}
	seed := "/a/" + articles.All()[0].Slug
	for _, target := range []string{"/", "/page/2/", seed, seed + "?embed=1"} {
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

func readWeb(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../web/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
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
	for _, sel := range cssSelectors(readWeb(t, "gloss.css")) {
		// Attribute values ([href^="http"]) are not names.
		sel = regexp.MustCompile(`\[[^\]]*\]`).ReplaceAllString(sel, "")
		for _, m := range selectorName.FindAllStringSubmatch(sel, -1) {
			if !names[m[1]+m[2]] {
				t.Errorf("gloss.css: %q names %s%s, which the page does not have", sel, m[1], m[2])
			}
		}
	}
}

// Every class and id gloss.js looks up is one the page has, and each
// root class of the contract is set by gloss.js.
func TestScriptLooksUpWhatThePageHas(t *testing.T) {
	names := pageNames(t)
	js := readWeb(t, "gloss.js")
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
		t.Fatalf("found only %d lookups in gloss.js: the patterns no longer match it", len(refs))
	}
	for _, r := range refs {
		if !names[r] {
			t.Errorf("gloss.js looks up %s, which the page does not have", r)
		}
	}
	for _, c := range web.RootClasses {
		// gloss.js builds the theme's class from its name.
		if !strings.Contains(js, `"`+c+`"`) && !(strings.HasPrefix(c, "gloss-theme-") && strings.Contains(js, `"gloss-theme-" + theme`)) {
			t.Errorf("gloss.js never sets the root class %s", c)
		}
	}
}

// The breakpoint, the storage key and the prompts' running state are the
// contract's in gloss.css and gloss.js alike.
func TestBreakpointAndStorageKeyAgree(t *testing.T) {
	css, js := readWeb(t, "gloss.css"), readWeb(t, "gloss.js")
	wide, narrow := fmt.Sprintf("(min-width: %dpx)", web.Wide), fmt.Sprintf("(max-width: %dpx)", web.Wide-1)
	for _, c := range []struct{ file, text, want string }{
		{"gloss.css", css, "@media " + wide},
		{"gloss.css", css, "@media " + narrow},
		{"gloss.js", js, fmt.Sprintf("innerWidth >= %d", web.Wide)},
		{"gloss.js", js, `matchMedia("` + narrow + `")`},
		{"gloss.js", js, `localStorage.getItem("` + web.HideHighlightsKey + `")`},
		{"gloss.js", js, `localStorage.setItem("` + web.HideHighlightsKey + `"`},
		// The warm-up's stand-in page stops at the prompts' running state.
		{"gloss.js", js, `k === "` + app.StateAttr + `" && this.attrs[k] === "` + app.StateRunning + `"`},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s does not have %s", c.file, c.want)
		}
	}
	for _, bp := range regexp.MustCompile(`\((?:min|max)-width: (\d+)px\)`).FindAllStringSubmatch(css+js, -1) {
		if bp[1] != fmt.Sprint(web.Wide) && bp[1] != fmt.Sprint(web.Wide-1) {
			t.Errorf("a breakpoint of %spx, not the contract's %dpx", bp[1], web.Wide)
		}
	}
	for _, n := range regexp.MustCompile(`innerWidth [<>]=? (\d+)`).FindAllStringSubmatch(js, -1) {
		if !slices.Contains([]string{fmt.Sprint(web.Wide)}, n[1]) {
			t.Errorf("gloss.js compares innerWidth with %s, not the contract's %d", n[1], web.Wide)
		}
	}
}
