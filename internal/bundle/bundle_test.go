package bundle

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/web"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// An entry's imports, and theirs, end up in its one served file; what
// nothing uses does not.
func TestEntryWithImportsIsOneFile(t *testing.T) {
	out, err := Bundle(files(map[string]string{
		"js/gloss.js":       `import { greet } from "./page/greet.js"; greet("reader");`,
		"js/page/greet.js":  `import { mark } from "../shared/mark.js"; export function greet(who) { document.title = mark + who; } export function unused() { return "never-shipped"; }`,
		"js/shared/mark.js": `export const mark = "hello, ";`,
		"css/gloss.css":     `@import "./cards.css"; body { color: red }`,
		"css/cards.css":     `.gloss-card { margin: 0 }`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	js := string(out["gloss.js"])
	for _, want := range []string{`"hello, "`, `document.title`, `"reader"`} {
		if !strings.Contains(js, want) {
			t.Errorf("gloss.js lacks %s: %s", want, js)
		}
	}
	if strings.Contains(js, "never-shipped") || strings.Contains(js, "import") || strings.Contains(js, "export") {
		t.Errorf("gloss.js is not one tree-shaken script: %s", js)
	}
	if !strings.HasPrefix(js, `"use strict";`) {
		t.Errorf("gloss.js is not strict: %s", js)
	}
	css := string(out["gloss.css"])
	if !strings.Contains(css, ".gloss-card{margin:0}") || !strings.Contains(css, "body{color:red}") || strings.Contains(css, "@import") {
		t.Errorf("gloss.css is not its imports joined and minified: %s", css)
	}
	if _, ok := out["embed.js"]; ok || len(out) != 2 {
		t.Errorf("bundles for entries that are not there: %v", len(out))
	}
}

// A mistake in a module is reported at its file and line, and nothing is
// bundled.
func TestErrorsNameFileAndLine(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"syntax", map[string]string{
			"js/gloss.js":      `import { a } from "./page/links.js"; a();`,
			"js/page/links.js": "export function a() {\n  return 1;\n}\nexport function b() { return 1 +; }\n",
		}, "web/js/page/links.js:4:"},
		{"missing module", map[string]string{"js/gloss.js": "\nimport { a } from \"./nope.js\";\na();"}, `web/js/gloss.js:2:19: "./nope.js": no file web/js/nope.js`},
		{"package", map[string]string{"js/gloss.js": `import "left-pad";`}, `web/js/gloss.js:1:8: `},
		{"outside web", map[string]string{"js/gloss.js": `import "../../etc/x.js";`}, `outside web/`},
		{"contract name", map[string]string{"js/embed.js": "import { wider } from \"gloss:dom\";\nconsole.log(wider);"}, `web/js/embed.js:1:10: No matching export in "gloss:dom" for import "wider"`},
		{"css", map[string]string{"css/gloss.css": `@import "./cards.css";`, "css/cards.css": "a { color: red }\n@media (--wider) { a { color: blue } }\n"}, `web/css/cards.css:2:8: unknown custom media query (--wider)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := Bundle(files(c.files))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
			if out != nil {
				t.Errorf("bundles despite the error: %v", out)
			}
		})
	}
}

// The scripts get the contract's values from web/dom.go, the style sheet
// its breakpoint, each as one range: the narrow one ends where the wide
// one starts.
func TestContractReachesScriptsAndStyles(t *testing.T) {
	out, err := Bundle(files(map[string]string{
		"js/gloss.js": `import { plainClass, hideHighlights, wide, narrowQuery, themeClasses } from "gloss:dom";
			document.documentElement.classList.add(plainClass, themeClasses.dark);
			localStorage.setItem(hideHighlights, innerWidth >= wide);
			matchMedia(narrowQuery);`,
		"css/gloss.css": "a { color: var(--x) }\n@media (--wide) { a { color: red } }\n@media print and (--narrow) { a { color: blue } }",
	}))
	if err != nil {
		t.Fatal(err)
	}
	js, css := string(out["gloss.js"]), string(out["gloss.css"])
	for _, want := range []string{`"` + web.PlainClass + `"`, `"` + web.ThemeDarkClass + `"`, `"` + web.HideHighlightsKey + `"`,
		fmt.Sprintf("=%d", web.Wide), "innerWidth>=", fmt.Sprintf(`"(width < %dpx)"`, web.Wide)} {
		if !strings.Contains(js, want) {
			t.Errorf("gloss.js lacks %s: %s", want, js)
		}
	}
	for _, want := range []string{fmt.Sprintf("@media(width>=%dpx)", web.Wide), fmt.Sprintf("@media print and (width<%dpx)", web.Wide), "var(--x)"} {
		if !strings.Contains(css, want) {
			t.Errorf("gloss.css lacks %s: %s", want, css)
		}
	}
}

// Served, the bundles stand where their sources were: at the top, listed,
// and the source folders are gone.
func TestFSServesBundlesNotSources(t *testing.T) {
	src := files(map[string]string{
		"js/gloss.js":   `document.title = "x";`,
		"js/embed.js":   `document.title = "y";`,
		"css/gloss.css": `a { color: red }`,
		"robots.txt":    "User-agent: *\n",
	})
	fsys, err := FS(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "gloss.js", "embed.js", "gloss.css", "robots.txt"); err != nil {
		t.Error(err)
	}
	var names []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	})
	if got := strings.Join(names, " "); got != ". embed.js gloss.css gloss.js robots.txt" {
		t.Errorf("served files: %s", got)
	}
	if b, _ := fs.ReadFile(fsys, "gloss.js"); string(b) != "\"use strict\";\n(()=>{document.title=\"x\";})();\n" {
		t.Errorf("gloss.js: %q", b)
	}
}
