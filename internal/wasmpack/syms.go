package wasmpack

import (
	"bytes"
	"errors"
	"fmt"
)

// Which functions a module's code holds, for the bench's listing of the
// wasm by package (bench section 1). `go tool nm` does not read wasm
// files: the code section gives the size of every function body, and the
// "name" custom section (which Go's linker writes unless -s is given)
// every function's name. Data segments have no names: only the data
// section's size is given.

// Symbols is what a module holds, by function.
type Symbols struct {
	// Funcs maps a function's name to the size of its body in bytes.
	Funcs map[string]int
	// Code and Data are the sizes of the code and data sections.
	Code, Data int
	// Unnamed is the number of function bodies the name section does
	// not name (all of them in a module built with -s).
	Unnamed int
}

const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
)

// ReadSymbols reads the function sizes and names of module.
func ReadSymbols(module []byte) (*Symbols, error) {
	if !bytes.HasPrefix(module, magic) {
		return nil, errors.New("wasmpack: not a WebAssembly 1.0 module")
	}
	sections, err := readSections(module)
	if err != nil {
		return nil, err
	}
	out := &Symbols{Funcs: map[string]int{}}
	var imported int
	var bodies []int
	names := map[int]string{}
	for _, s := range sections {
		r := &reader{b: module[s.start:s.end]}
		switch s.id {
		case sectionImport:
			imported = r.funcImports()
		case sectionCode:
			out.Code = s.end - s.start
			n := r.count()
			for i := 0; i < n && r.err == nil; i++ {
				l := r.count()
				bodies = append(bodies, l)
				r.skip(l)
			}
		case sectionData:
			out.Data = s.end - s.start
		case sectionCustom:
			if r.name() == "name" {
				r.functionNames(names)
			}
		}
		if r.err != nil {
			return nil, fmt.Errorf("wasmpack: section %d at byte %d: %w", s.id, s.head, r.err)
		}
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

// reader reads the integers and vectors of one section's content,
// remembering the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("truncated %s at byte %d of the section", what, r.off)
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("byte")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

// count reads an unsigned LEB128 integer that counts bytes or items of
// the section, so is at most its length.
func (r *reader) count() int {
	if r.err != nil {
		return 0
	}
	v, n, err := uleb(r.b[r.off:])
	if err != nil || v > uint64(len(r.b)) {
		r.fail("LEB128 number")
		return 0
	}
	r.off += n
	return int(v)
}

// index reads an unsigned LEB128 integer of any size (a type or function
// index).
func (r *reader) index() int {
	if r.err != nil {
		return 0
	}
	v, n, err := uleb(r.b[r.off:])
	if err != nil || v > 1<<32-1 {
		r.fail("LEB128 number")
		return 0
	}
	r.off += n
	return int(v)
}

func (r *reader) skip(n int) {
	if r.err != nil {
		return
	}
	if n < 0 || r.off+n > len(r.b) {
		r.fail("vector")
		return
	}
	r.off += n
}

func (r *reader) name() string {
	n := r.count()
	start := r.off
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[start:r.off])
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.index()
	}
	r.index()
}

// funcImports counts the imported functions, which come first in the
// function index space.
func (r *reader) funcImports() int {
	n := r.count()
	funcs := 0
	for i := 0; i < n && r.err == nil; i++ {
		r.name() // module
		r.name() // field
		switch r.byte() {
		case 0: // function: type index
			r.index()
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
func (r *reader) functionNames(into map[int]string) {
	for r.off < len(r.b) && r.err == nil {
		id := r.byte()
		size := r.count()
		end := r.off + size
		if r.err != nil || end > len(r.b) {
			r.fail("name subsection")
			return
		}
		if id == 1 {
			n := r.count()
			for i := 0; i < n && r.err == nil; i++ {
				idx := r.index()
				into[idx] = r.name()
			}
		}
		r.off = end
	}
}
