// Package goapppatch makes the copy of go-app that the wasm is built
// with: go-app as go.mod pins it, with Changes made and Added files, and a
// Go workspace that puts it in place of the module cache's for that build
// only (the server, the tests and the tools use go-app as it is).
//
// The wasm runs go-app's client only: the install and update prompts.
// Two parts of go-app that it never uses were linked into it all the same
// (docs/performance.md, item 12, step 20):
//   - its HTTP handler and resource providers (http.go, resource.go),
//     which have no build constraint: their imports brought net/http,
//     crypto/tls, text/template and mime into every reader's wasm, with
//     their inits, for nothing the wasm calls;
//   - its routes by pattern, which Gloss never registers: the matching
//     code kept regexp.Regexp's UnmarshalText (encoding/json can call it),
//     and with it regexp's parser and the Unicode tables it names, whose
//     initialisation V8 optimised in the background on every first visit.
//
// Each change is an exact text that must occur once, and each added file
// must not exist yet: a go-app that differs fails the build, never the
// reader.
package goapppatch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Module is the module the changes are made to.
const Module = "github.com/maxence-charriere/go-app/v9"

// A Change replaces Old, which must occur exactly once in File, with New:
// a go-app whose file differs fails the build, never the reader.
type Change struct {
	File, Old, New, Why string
}

// Changes are what the wasm's go-app differs by, with Added.
var Changes = []Change{
	{"pkg/app/http.go", "package app\n", "//go:build !wasm\n\npackage app\n", "the HTTP handler, server side only"},
	{"pkg/app/resource.go", "package app\n", "//go:build !wasm\n\npackage app\n", "the resource providers, server side only"},
	{"pkg/app/route.go", "\t\"regexp\"\n", "", "no regexp import"},
	{"pkg/app/route.go", "\tregexp       *regexp.Regexp\n", "\tmatch        func(string) bool\n", "a route's matcher in place of its regexp"},
	{"pkg/app/route.go", "\t\tregexp:       regexp.MustCompile(pattern),\n", "\t\tmatch:        noRegexp(pattern),\n", "RouteWithRegexp says it is left out"},
	{"pkg/app/route.go", "\t\t\tif rwr.regexp.MatchString(path) {\n", "\t\t\tif rwr.match(path) {\n", "the matcher in place of the regexp"},
	{"pkg/app/route.go", "type regexpRoute struct {\n", `// noRegexp stands for regexp.MustCompile in Gloss's wasm, which leaves
// Go's regexp out (github.com/gloss/gloss/internal/goapp/patch).
func noRegexp(pattern string) func(string) bool {
	panic("app.RouteWithRegexp(" + pattern + "): Gloss's wasm is built without Go's regexp (internal/goapp/patch); register the page's path with app.Route")
}

type regexpRoute struct {
`, "the stand-in for regexp.MustCompile"},
}

// Added are files the wasm's go-app has that go-app has not: what the
// client's code names of the files Changes leave out of the wasm. The two
// path tests are http.go's, as go-app v9.8.0 writes them: the test of
// this package builds the wasm with them, not their agreement with
// http.go, so a go-app that changes them needs them copied again.
var Added = map[string]string{
	"pkg/app/gloss_wasm.go": `//go:build wasm

// Written by github.com/gloss/gloss/internal/goapp/patch, which leaves
// go-app's server side (http.go, resource.go) out of Gloss's wasm: what
// the client's code names of it.

package app

import "strings"

// Handler stands for go-app's HTTP handler, which the wasm leaves out,
// in wasm.go's stub of GenerateStaticWebsite.
type Handler struct{}

func isRemoteLocation(path string) bool {
	return strings.HasPrefix(path, "https://") ||
		strings.HasPrefix(path, "http://")
}

func isStaticResourcePath(path string) bool {
	return strings.HasPrefix(path, "/web/") ||
		strings.HasPrefix(path, "web/")
}
`,
}

// Copy writes go-app from src (its module directory) into dst with
// Changes made and Added files: its go.mod, go.sum, licence and Go
// packages, not its documentation. dst is replaced.
func Copy(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	changes := map[string][]Change{}
	for _, c := range Changes {
		changes[c.File] = append(changes[c.File], c)
	}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && rel != "pkg" && !strings.HasPrefix(rel, "pkg/") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasPrefix(rel, "pkg/") && rel != "go.mod" && rel != "go.sum" && rel != "LICENSE" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, c := range changes[rel] {
			if n := bytes.Count(b, []byte(c.Old)); n != 1 {
				return fmt.Errorf("%s: %s: the text to change occurs %d times, want once (%s): this go-app needs the change updating", Module, rel, n, c.Why)
			}
			b = bytes.Replace(b, []byte(c.Old), []byte(c.New), 1)
		}
		delete(changes, rel)
		out := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		return fmt.Errorf("%s: no file %s to change", Module, slices.Sorted(maps.Keys(changes))[0])
	}
	for _, rel := range slices.Sorted(maps.Keys(Added)) {
		out := filepath.Join(dst, filepath.FromSlash(rel))
		if _, err := os.Stat(out); err == nil {
			return fmt.Errorf("%s: %s exists already, which goapppatch adds: this go-app needs the addition updating", Module, rel)
		}
		if err := os.WriteFile(out, []byte(Added[rel]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Prepare writes into dir the copy of go-app that the module at root
// pins, with Changes made and Added files, and a workspace file that builds that module
// with it; it returns the workspace file's path, for GOWORK. The module
// comes from the module cache, downloaded if it is not there yet.
func Prepare(root, dir string) (string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var mod struct{ Version, Dir string }
	if err := goJSON(root, &mod, "mod", "download", "-json", Module); err != nil {
		return "", err
	}
	var main struct{ GoVersion string }
	if err := goJSON(root, &main, "list", "-m", "-json"); err != nil {
		return "", err
	}
	if mod.Dir == "" || mod.Version == "" || main.GoVersion == "" {
		return "", fmt.Errorf("%s: the go command did not say where it is (%+v, main module's go %q)", Module, mod, main.GoVersion)
	}
	copied := filepath.Join(dir, "go-app")
	if err := Copy(mod.Dir, copied); err != nil {
		return "", err
	}
	work := filepath.Join(dir, "wasm.work")
	text := fmt.Sprintf("// Written by github.com/gloss/gloss/internal/goapp/patch, for the wasm's build.\ngo %s\n\nuse %s\n\nreplace %s %s => %s\n",
		main.GoVersion, strconv.Quote(root), Module, mod.Version, strconv.Quote(copied))
	return work, os.WriteFile(work, []byte(text), 0o644)
}

// goJSON runs the go command in dir, outside any workspace, and decodes
// its JSON output into v.
func goJSON(dir string, v any, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return json.Unmarshal(out, v)
}
