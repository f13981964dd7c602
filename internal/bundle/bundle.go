package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// entries are the files served, each bundled from its entry under web/.
var entries = []struct{ out, in string }{
	{"gloss.js", "js/gloss.js"},
	{"embed.js", "js/embed.js"},
	{"gloss.css", "css/gloss.css"},
}

// sourceDirs are the folders of web/ that hold the sources: read by the
// bundler, not served.
var sourceDirs = []string{"js", "css"}

// Served reports whether name (a path under web/) is a bundle: minified
// here, not to be minified again.
func Served(name string) bool {
	for _, e := range entries {
		if e.out == name {
			return true
		}
	}
	return false
}

// Bundle bundles and minifies each entry src holds into the file served
// for it ("gloss.js", "gloss.css", "embed.js"). An entry src lacks is left
// out: a test's web folder may hold only a wasm.
func Bundle(src fs.FS) (map[string][]byte, error) {
	var points []api.EntryPoint
	for _, e := range entries {
		if _, err := fs.Stat(src, e.in); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("bundle: %w", err)
		}
		points = append(points, api.EntryPoint{InputPath: e.in, OutputPath: strings.TrimSuffix(e.out, path.Ext(e.out))})
	}
	out := make(map[string][]byte, len(points))
	if len(points) == 0 {
		return out, nil
	}
	res := api.Build(api.BuildOptions{
		EntryPointsAdvanced: points,
		Bundle:              true,
		Write:               false,
		Outdir:              "/web",
		AbsWorkingDir:       "/",
		// A classic script, strict as the sources (ES modules) are.
		Format: api.FormatIIFE,
		Banner: map[string]string{"js": `"use strict";`},
		// Syntax every browser that can run the page has, so that the
		// minifier does not write newer forms than the sources use.
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{sources(src)},
	})
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("bundle: %w", messages(res.Errors))
	}
	for _, f := range res.OutputFiles {
		out[path.Base(f.Path)] = f.Contents
	}
	for _, p := range points {
		if _, ok := out[p.OutputPath+path.Ext(p.InputPath)]; !ok {
			return nil, fmt.Errorf("bundle: %s gave no output", p.InputPath)
		}
	}
	return out, nil
}

// messages is esbuild's errors as one error, each as file:line:column:
// text, the file named as under the repository (web/js/...).
func messages(msgs []api.Message) error {
	errs := make([]error, 0, len(msgs))
	for _, m := range msgs {
		if l := m.Location; l != nil {
			errs = append(errs, fmt.Errorf("%s:%d:%d: %s", sourceName(l.Namespace, l.File), l.Line, l.Column+1, m.Text))
		} else {
			errs = append(errs, errors.New(m.Text))
		}
	}
	return errors.Join(errs...)
}

// sourceName is how an error names a file: "web/" and its path for a
// source file, the module's own name for the contract.
func sourceName(namespace, file string) string {
	if namespace == nsWeb || strings.HasPrefix(file, nsWeb+":") {
		return "web/" + strings.TrimPrefix(file, nsWeb+":")
	}
	return file
}
