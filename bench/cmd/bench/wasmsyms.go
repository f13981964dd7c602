package main

// Which packages a wasm binary's bytes belong to. `go tool nm` does not
// read wasm files, so this reads the binary itself: the code section gives
// the size of every function body, and the "name" custom section (which
// the Go linker writes unless -s is given) gives every function's name.
// Data segments have no names, so only code is attributed to packages;
// the data total is reported beside it.

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// WasmSyms is what a wasm binary holds, by function.
type WasmSyms struct {
	// Funcs maps a function's name to the size of its body in bytes.
	Funcs map[string]int
	// Code and Data are the sizes of the code and data sections.
	Code, Data int
	// Unnamed is the number of function bodies the name section does
	// not name (all of them in a binary built with -s).
	Unnamed int
}

// ParseWasmSyms reads the function sizes and names of a wasm binary.
func ParseWasmSyms(b []byte) (*WasmSyms, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm binary")
	}
	r := &wasmReader{b: b, off: 8}
	var imported int
	var bodies []int
	names := map[int]string{}
	out := &WasmSyms{Funcs: map[string]int{}}
	for r.off < len(r.b) {
		id := r.byte()
		size := int(r.u32())
		if r.err != nil {
			return nil, r.err
		}
		if size < 0 || r.off+size > len(r.b) {
			return nil, fmt.Errorf("section %d: size %d beyond the end of the file", id, size)
		}
		sec := &wasmReader{b: r.b[:r.off+size], off: r.off}
		switch id {
		case 2: // imports
			imported = sec.countFuncImports()
		case 10: // code
			out.Code = size
			n := int(sec.u32())
			for i := 0; i < n && sec.err == nil; i++ {
				l := int(sec.u32())
				bodies = append(bodies, l)
				sec.skip(l)
			}
		case 11: // data
			out.Data = size
		case 0: // custom
			if sec.name() == "name" {
				sec.functionNames(names)
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sec.err)
		}
		r.off += size
	}
	for i, size := range bodies {
		name, ok := names[imported+i]
		if !ok {
			out.Unnamed++
			continue
		}
		out.Funcs[name] += size
	}
	return out, nil
}

// wasmReader reads the LEB128 and vector encodings of the wasm format,
// remembering the first error.
type wasmReader struct {
	b   []byte
	off int
	err error
}

func (r *wasmReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("truncated %s at byte %d", what, r.off)
	}
}

func (r *wasmReader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("byte")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *wasmReader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.fail("LEB128 number")
	return 0
}

func (r *wasmReader) skip(n int) {
	if r.err != nil {
		return
	}
	if n < 0 || r.off+n > len(r.b) {
		r.fail("vector")
		return
	}
	r.off += n
}

func (r *wasmReader) name() string {
	n := int(r.u32())
	start := r.off
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[start:r.off])
}

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}

// countFuncImports counts the imported functions, which come first in the
// function index space.
func (r *wasmReader) countFuncImports() int {
	n := int(r.u32())
	funcs := 0
	for i := 0; i < n && r.err == nil; i++ {
		r.name() // module
		r.name() // field
		switch r.byte() {
		case 0: // function: type index
			r.u32()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		default:
			r.fail("import kind")
		}
	}
	return funcs
}

// functionNames reads the function-names subsection of a name section.
func (r *wasmReader) functionNames(into map[int]string) {
	for r.off < len(r.b) && r.err == nil {
		id := r.byte()
		size := int(r.u32())
		end := r.off + size
		if r.err != nil || size < 0 || end > len(r.b) {
			r.fail("name subsection")
			return
		}
		if id == 1 {
			n := int(r.u32())
			for i := 0; i < n && r.err == nil; i++ {
				idx := int(r.u32())
				into[idx] = r.name()
			}
		}
		r.off = end
	}
}

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
