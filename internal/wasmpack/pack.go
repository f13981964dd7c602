// Package wasmpack rewrites the data section of a WebAssembly module that
// Go's linker wrote, so that the browser instantiates it sooner.
//
// Go writes the program's initial memory as one data segment per run of
// non-zero bytes, split wherever eight or more zero bytes lie between two
// (cmd/link: it saves bytes before compression). Gloss's module has some
// 76,000 segments, most of them two bytes long, and instantiating it copies
// each on its own: at CPU 4× that was about 19 ms of one main-thread task
// in Chromium, 13.5 ms once merged. Merging segments whose gap is small
// writes the zeros out; the module grows by about a tenth raw, and shrinks
// under brotli, as the segments' headers compress worse than zeros.
package wasmpack

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
)

// MaxGap is the longest run of zero bytes written out to join two
// segments. Gaps in Go's data are mostly 8 to 24 bytes; 1 KiB joins nearly
// all of them, and leaves apart the regions the linker lays out far apart.
const MaxGap = 1024

const (
	sectionData      = 11
	sectionDataCount = 12
)

var magic = []byte("\x00asm\x01\x00\x00\x00")

// Stats says what Pack did.
type Stats struct {
	Before, After int // data segments
	// Skipped says why the data section was left as it was, or is "".
	Skipped string
}

// segment is an active data segment of memory 0 at a constant offset.
type segment struct {
	offset int64
	data   []byte
}

// Pack returns module with its data segments merged where at most MaxGap
// zero bytes lie between them. The initial memory the module describes is
// unchanged, and so is every other section, byte for byte. A module whose
// data section Pack cannot prove it keeps the same (passive segments,
// segments that overlap, a data count section that code may index by) is
// returned as it is, with Stats.Skipped saying why; one that is not
// well-formed is an error.
func Pack(module []byte) ([]byte, Stats, error) {
	if !bytes.HasPrefix(module, magic) {
		return nil, Stats{}, errors.New("wasmpack: not a WebAssembly 1.0 module")
	}
	sections, err := readSections(module)
	if err != nil {
		return nil, Stats{}, err
	}
	data := -1
	for k, s := range sections {
		switch s.id {
		case sectionDataCount:
			return module, Stats{Skipped: "the module has a data count section"}, nil
		case sectionData:
			if data >= 0 {
				return nil, Stats{}, fmt.Errorf("wasmpack: a second data section at byte %d", s.head)
			}
			data = k
		}
	}
	if data < 0 {
		return module, Stats{Skipped: "the module has no data section"}, nil
	}
	sec := sections[data]
	segs, err := readSegments(module[sec.start:sec.end])
	if err != nil {
		return nil, Stats{}, fmt.Errorf("wasmpack: data section at byte %d: %w", sec.start, err)
	}
	st := Stats{Before: len(segs), After: len(segs)}
	if segs == nil {
		return module, Stats{Skipped: "the data section holds a segment other than an active one at a constant offset"}, nil
	}
	// Segments that never overlap give the same memory in any order, and
	// then no segment lies in a gap between two neighbours by offset.
	sort.SliceStable(segs, func(a, b int) bool { return segs[a].offset < segs[b].offset })
	for k := 1; k < len(segs); k++ {
		if segs[k].offset < segs[k-1].offset+int64(len(segs[k-1].data)) {
			return module, Stats{Before: st.Before, After: st.Before, Skipped: "two data segments overlap"}, nil
		}
	}
	var merged []segment
	for _, s := range segs {
		if k := len(merged) - 1; k >= 0 {
			last := &merged[k]
			gap := s.offset - (last.offset + int64(len(last.data)))
			if gap <= MaxGap {
				last.data = append(append(last.data, make([]byte, gap)...), s.data...)
				continue
			}
		}
		merged = append(merged, segment{s.offset, append([]byte(nil), s.data...)})
	}
	st.After = len(merged)

	var body []byte
	body = appendULEB(body, uint64(len(merged)))
	for _, s := range merged {
		body = append(body, 0x00, 0x41) // active, memory 0; i32.const
		body = appendSLEB(body, int64(int32(uint32(s.offset))))
		body = append(body, 0x0b) // end
		body = appendULEB(body, uint64(len(s.data)))
		body = append(body, s.data...)
	}
	out := make([]byte, 0, len(module)+len(body)-(sec.end-sec.start))
	out = append(out, module[:sec.head]...)
	out = append(out, sectionData)
	out = appendULEB(out, uint64(len(body)))
	out = append(out, body...)
	out = append(out, module[sec.end:]...)
	return out, st, nil
}

// span is a section of a module: the byte of its id, and its content.
type span struct{ id, head, start, end int }

// readSections lists the sections of module, which starts with magic.
func readSections(module []byte) ([]span, error) {
	var sections []span
	for i := len(magic); i < len(module); {
		id := int(module[i])
		size, n, err := uleb(module[i+1:])
		if err != nil {
			return nil, fmt.Errorf("wasmpack: section at byte %d: %w", i, err)
		}
		start := i + 1 + n
		if size > uint64(len(module)-start) {
			return nil, fmt.Errorf("wasmpack: section %d at byte %d runs past the end of the module", id, i)
		}
		sections = append(sections, span{id, i, start, start + int(size)})
		i = start + int(size)
	}
	return sections, nil
}

// readSegments reads a data section's segments; nil, nil when one is not
// an active segment of memory 0 at an i32.const offset.
func readSegments(b []byte) ([]segment, error) {
	count, n, err := uleb(b)
	if err != nil {
		return nil, err
	}
	b = b[n:]
	if count > uint64(len(b)) {
		return nil, fmt.Errorf("%d segments in %d bytes", count, len(b))
	}
	segs := make([]segment, 0, count)
	for k := uint64(0); k < count; k++ {
		if len(b) < 2 {
			return nil, fmt.Errorf("segment %d: truncated", k)
		}
		if b[0] != 0x00 || b[1] != 0x41 {
			return nil, nil
		}
		off, n, err := sleb32(b[2:])
		if err != nil {
			return nil, fmt.Errorf("segment %d: offset: %w", k, err)
		}
		b = b[2+n:]
		if len(b) == 0 || b[0] != 0x0b {
			return nil, nil
		}
		size, n, err := uleb(b[1:])
		if err != nil {
			return nil, fmt.Errorf("segment %d: size: %w", k, err)
		}
		b = b[1+n:]
		if size > uint64(len(b)) {
			return nil, fmt.Errorf("segment %d: %d bytes, %d left in the section", k, size, len(b))
		}
		// An offset is an i32 taken as unsigned.
		segs = append(segs, segment{int64(uint32(off)), b[:size]})
		b = b[size:]
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%d bytes after the last segment", len(b))
	}
	return segs, nil
}

// PackFile packs the module in the file at path, in place: what every
// build of the wasm (the Makefile's, the e2e harness's, the bench's)
// runs after go build. A module Pack leaves as it is is not rewritten.
func PackFile(path string) (Stats, error) {
	in, err := os.ReadFile(path)
	if err != nil {
		return Stats{}, err
	}
	out, st, err := Pack(in)
	if err != nil {
		return st, fmt.Errorf("%s: %w", path, err)
	}
	if st.Skipped != "" {
		return st, nil
	}
	return st, os.WriteFile(path, out, 0o644)
}
