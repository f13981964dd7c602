// Package web holds Gloss's static assets (icons, the sources of the
// scripts in js/ and of the style sheet in css/, which internal/bundle
// bundles into gloss.js, embed.js and gloss.css) and the built wasm with
// its compressed copies, embedded in the gloss binary so that one file is
// the whole server: `make build` writes the wasm here before it builds
// the binary.
package web

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *
var files embed.FS

// FS is the assets, without this package's Go source. The site (package
// site) serves them under /web/ as internal/bundle.FS gives them: the
// bundles in place of js/ and css/.
func FS() fs.FS { return assets{files} }

// assets hides the Go files the embed pattern takes along.
type assets struct{ fs.FS }

func (a assets) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".go") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return a.FS.Open(name)
}

func (a assets) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(a.FS, name)
	out := entries[:0]
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			out = append(out, e)
		}
	}
	return out, err
}
