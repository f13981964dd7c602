package bundle

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/gloss/gloss/web"
)

// The plugin's namespaces: the files of the web fs.FS, and the contract's
// generated module.
const (
	nsWeb      = "web"
	nsContract = "gloss" // with the path "dom", errors name it gloss:dom
)

// sources has esbuild read every module from src: the entries by their
// paths in it, an import relative to its importer, "gloss:dom" as the
// contract's module. Nothing else resolves: no packages, no files outside
// src.
func sources(src fs.FS) api.Plugin {
	return api.Plugin{
		Name: "gloss-web",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				return resolve(src, a)
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsContract}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
				js := contractModule()
				return api.OnLoadResult{Contents: &js, Loader: api.LoaderJS}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: nsWeb}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				return load(src, a.Path)
			})
		},
	}
}

func resolve(src fs.FS, a api.OnResolveArgs) (api.OnResolveResult, error) {
	switch {
	case a.Kind == api.ResolveEntryPoint:
		return api.OnResolveResult{Path: a.Path, Namespace: nsWeb}, nil
	case a.Path == contractImport:
		return api.OnResolveResult{Path: "dom", Namespace: nsContract}, nil
	case a.Namespace == nsWeb && (strings.HasPrefix(a.Path, "./") || strings.HasPrefix(a.Path, "../")):
		p := path.Join(path.Dir(a.Importer), a.Path)
		if !fs.ValidPath(p) || strings.HasPrefix(p, "../") {
			return api.OnResolveResult{}, fmt.Errorf("%q is outside web/", a.Path)
		}
		if _, err := fs.Stat(src, p); err != nil {
			return api.OnResolveResult{}, fmt.Errorf("%q: no file web/%s", a.Path, p)
		}
		return api.OnResolveResult{Path: p, Namespace: nsWeb}, nil
	}
	return api.OnResolveResult{}, fmt.Errorf("%q: only files under web/, by a relative path, and %q may be imported", a.Path, contractImport)
}

func load(src fs.FS, name string) (api.OnLoadResult, error) {
	b, err := fs.ReadFile(src, name)
	if err != nil {
		return api.OnLoadResult{}, err
	}
	text := string(b)
	var loader api.Loader
	switch path.Ext(name) {
	case ".js":
		loader = api.LoaderJS
	case ".css":
		loader = api.LoaderCSS
		var errs []api.Message
		text, errs = customMedia(name, text)
		if len(errs) > 0 {
			return api.OnLoadResult{Errors: errs}, nil
		}
	default:
		return api.OnLoadResult{}, fmt.Errorf("not a script or a style sheet")
	}
	return api.OnLoadResult{Contents: &text, Loader: loader}, nil
}

// mediaQueries are the custom media queries a style sheet may use, the
// contract's breakpoint: a card beside its phrase from web.Wide on, a
// bottom sheet below it. One number, and two ranges that meet without a
// gap (no 599px beside 600px).
func mediaQueries() map[string]string {
	return map[string]string{
		"--wide":   fmt.Sprintf("(width >= %dpx)", web.Wide),
		"--narrow": fmt.Sprintf("(width < %dpx)", web.Wide),
	}
}

// A custom media query in a media query list, "(--wide)": not a var()'s
// argument, which a word comes before.
var customMediaRef = regexp.MustCompile(`(?:^|[^\w-])\((--[\w-]+)\)`)

// customMedia writes out each custom media query, "(--wide)", of a style
// sheet as the contract's; an unknown one is an error at its line.
func customMedia(name, css string) (string, []api.Message) {
	queries := mediaQueries()
	var out strings.Builder
	var errs []api.Message
	last := 0
	for _, loc := range customMediaRef.FindAllStringSubmatchIndex(css, -1) {
		ref, at := css[loc[2]:loc[3]], loc[2]-1
		q, ok := queries[ref]
		if !ok {
			start := strings.LastIndex(css[:at], "\n") + 1
			end := strings.IndexByte(css[at:], '\n')
			if end < 0 {
				end = len(css) - at
			}
			errs = append(errs, api.Message{
				Text: fmt.Sprintf("unknown custom media query (%s): the contract has (--wide) and (--narrow)", ref),
				Location: &api.Location{File: name, Namespace: nsWeb, Line: strings.Count(css[:at], "\n") + 1,
					Column: at - start, LineText: css[start : at+end]},
			})
			continue
		}
		out.WriteString(css[last:at])
		out.WriteString(q)
		last = loc[3] + 1
	}
	out.WriteString(css[last:])
	return out.String(), errs
}
