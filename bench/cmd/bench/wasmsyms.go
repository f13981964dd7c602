package main

// Which packages a wasm binary's bytes belong to, from the function
// names and sizes internal/wasmpack reads (ReadSymbols). Data segments
// have no names, so only code is attributed to packages; the data total
// is reported beside it.

import (
	"fmt"
	"sort"
	"strings"
)

// Packages maps the names the Go linker gives a package's symbols in a
// wasm name section to the package's import path. The linker writes
// symbol names with every character other than letters, digits, "_" and
// "." replaced by "_" (cmd/link/internal/wasm: nameRegexp), so
// "github.com/a/b-c.(*T).M" is written "github.com_a_b_c.__T_.M" and the
// package cannot be read back from the name alone: it is matched against
// the packages the binary was built from (`go list -deps`).
type Packages map[string]string

// NewPackages indexes import paths by the prefix their symbols carry.
// The package main's symbols carry "main".
func NewPackages(paths []string) Packages {
	p := Packages{"main": "main"}
	for _, path := range paths {
		p[wasmName(symPrefix(path))] = path
	}
	return p
}

// symPrefix is the linker's symbol prefix for an import path
// (cmd/internal/objabi.PathToPrefix): control characters, space, '%',
// '"' and non-ASCII bytes are %-escaped, and so are dots after the last
// slash.
func symPrefix(path string) string {
	slash := strings.LastIndexByte(path, '/')
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c <= ' ' || c == '%' || c == '"' || c >= 0x7f || (c == '.' && i > slash) {
			fmt.Fprintf(&b, "%%%02x", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// wasmName applies the linker's name-section mangling.
func wasmName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b[i] = '_'
		}
	}
	return string(b)
}

// generatedEq is the mangled prefix of the equality functions the
// compiler generates for a type ("type:.eq.pkg.T"); they are counted
// with the type's package.
const generatedEq = "type_.eq."

// Of returns the import path of the package a function belongs to: the
// longest known prefix followed by a dot. Names with no known package
// group by their text before the first dot (the compiler's "type:" and
// "go:" functions among them), or as
// "(no package)" when they have none (the runtime's assembly helpers).
func (p Packages) Of(sym string) string {
	if rest, ok := strings.CutPrefix(sym, generatedEq); ok {
		if pkg, ok := p.lookup(rest); ok {
			return pkg
		}
	}
	if pkg, ok := p.lookup(sym); ok {
		return pkg
	}
	if i := strings.IndexByte(sym, '.'); i > 0 {
		switch sym[:i] {
		case "type_":
			return "type: (compiler-generated)"
		case "go_":
			return "go: (compiler-generated)"
		}
		return sym[:i] + " (not in go list)"
	}
	return "(no package)"
}

func (p Packages) lookup(sym string) (string, bool) {
	var best string
	found := false
	for i := 0; i < len(sym); i++ {
		if sym[i] != '.' {
			continue
		}
		if pkg, ok := p[sym[:i]]; ok {
			best, found = pkg, true
		}
	}
	return best, found
}

// ByPackage sums function sizes by package.
func (p Packages) ByPackage(funcs map[string]int) map[string]int {
	out := map[string]int{}
	for name, size := range funcs {
		out[p.Of(name)] += size
	}
	return out
}

// PackageDelta is how much code a package has in the widget beyond the
// floor.
type PackageDelta struct {
	Package string `json:"package"`
	Widget  int    `json:"widget_bytes"`
	Floor   int    `json:"floor_bytes"`
	Added   int    `json:"added_bytes"`
	// New is true when the floor has no code from the package at all.
	New bool `json:"new"`
}

// AddedPackages lists the packages with more code in widget than in
// floor, largest addition first (then by name, for a stable order).
func AddedPackages(widget, floor map[string]int) []PackageDelta {
	var out []PackageDelta
	for pkg, w := range widget {
		f := floor[pkg]
		if w > f {
			out = append(out, PackageDelta{Package: pkg, Widget: w, Floor: f, Added: w - f, New: f == 0})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Added != out[j].Added {
			return out[i].Added > out[j].Added
		}
		return out[i].Package < out[j].Package
	})
	return out
}
