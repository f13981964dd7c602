package wasmpack

import (
	"bytes"
	"testing"
)

// module assembles a module of a memory section and a data section of
// segs, with a custom section after them.
func module(segs ...segment) []byte {
	b := append([]byte(nil), magic...)
	b = append(b, 5, 3, 1, 0x00, 2) // memory: one, min 2 pages
	var data []byte
	data = appendULEB(data, uint64(len(segs)))
	for _, s := range segs {
		data = append(data, 0x00, 0x41)
		data = appendSLEB(data, s.offset)
		data = append(data, 0x0b)
		data = appendULEB(data, uint64(len(s.data)))
		data = append(data, s.data...)
	}
	b = append(b, sectionData)
	b = appendULEB(b, uint64(len(data)))
	b = append(b, data...)
	return append(b, 0, 5, 4, 'n', 'a', 'm', 'e')
}

// memory is the initial memory a module's data section describes, as the
// browser writes it at instantiation: each segment in order.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	var mem []byte
	for i := len(magic); i < len(m); {
		size, n, err := uleb(m[i+1:])
		if err != nil {
			t.Fatal(err)
		}
		if m[i] == sectionData {
			segs, err := readSegments(m[i+1+n : i+1+n+int(size)])
			if err != nil || segs == nil {
				t.Fatalf("data section: %v", err)
			}
			for _, s := range segs {
				if end := int(s.offset) + len(s.data); end > len(mem) {
					mem = append(mem, make([]byte, end-len(mem))...)
				}
				copy(mem[s.offset:], s.data)
			}
		}
		i += 1 + n + int(size)
	}
	return bytes.TrimRight(mem, "\x00")
}

// small is whether every segment of m ends in its first MiB, for a
// fuzzer that should not allocate gigabytes of memory to compare.
func small(m []byte) bool {
	for i := len(magic); i < len(m); {
		size, n, _ := uleb(m[i+1:])
		if m[i] == sectionData {
			segs, _ := readSegments(m[i+1+n : i+1+n+int(size)])
			for _, s := range segs {
				if s.offset+int64(len(s.data)) > 1<<20 {
					return false
				}
			}
		}
		i += 1 + n + int(size)
	}
	return true
}

func segments(t *testing.T, m []byte) int {
	t.Helper()
	i := len(magic) + 5
	if m[i] != sectionData {
		t.Fatalf("no data section at byte %d", i)
	}
	_, n, _ := uleb(m[i+1:])
	c, _, _ := uleb(m[i+1+n:])
	return int(c)
}

func TestPackKeepsTheMemoryWithFewerSegments(t *testing.T) {
	// Go's linker order: two regions, each by offset, the second below
	// the first; gaps of 8–24 bytes, and one too long to fill.
	in := module(
		segment{4096, []byte{1, 2}},
		segment{4106, []byte{3}},
		segment{4130, []byte{4, 5, 6}},
		segment{4133 + MaxGap + 1, []byte{7}},
		segment{100, []byte{8, 9}},
		segment{110, []byte{10}},
	)
	out, st, err := Pack(in)
	if err != nil {
		t.Fatal(err)
	}
	if st.Before != 6 || st.After != 3 || st.Skipped != "" {
		t.Errorf("stats %+v, want 6 segments merged into 3", st)
	}
	if got := segments(t, out); got != 3 {
		t.Errorf("%d segments in the module, want 3", got)
	}
	if !bytes.Equal(memory(t, in), memory(t, out)) {
		t.Error("the packed module's initial memory differs")
	}
	if !bytes.HasPrefix(out, in[:len(magic)+5]) || !bytes.HasSuffix(out, in[len(in)-7:]) {
		t.Error("the sections around the data section changed")
	}
}

func TestPackLeavesWhatItCannotProveTheSame(t *testing.T) {
	overlap := module(segment{100, []byte{1, 2, 3}}, segment{102, []byte{4}})
	passive := append([]byte(nil), magic...)
	passive = append(passive, sectionData, 4, 1, 0x01, 1, 7) // one passive segment
	count := append([]byte(nil), magic...)
	count = append(count, sectionDataCount, 1, 0)
	for name, in := range map[string][]byte{"overlap": overlap, "passive": passive, "data count": count, "no data": magic} {
		out, st, err := Pack(in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(out, in) || st.Skipped == "" {
			t.Errorf("%s: changed, or no reason given (%+v)", name, st)
		}
	}
}

func TestPackRejectsWhatIsNotAModule(t *testing.T) {
	good := module(segment{100, []byte{1}}, segment{110, []byte{2}})
	for name, in := range map[string][]byte{
		"empty":             nil,
		"not wasm":          []byte("<!doctype html>"),
		"truncated":         good[:len(good)-10],
		"two data sections": append(append([]byte(nil), good...), sectionData, 1, 0),
		"section too long":  append(append([]byte(nil), magic...), sectionData, 0x7f, 1),
		"bad LEB":           append(append([]byte(nil), magic...), sectionData, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
	} {
		if _, _, err := Pack(in); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestNegativeAndHighOffsetsRoundTrip(t *testing.T) {
	for _, v := range []int32{0, 63, 64, -1, -64, -65, 1 << 30, -1 << 31, 1<<31 - 1} {
		b := appendSLEB(nil, int64(v))
		got, n, err := sleb32(b)
		if err != nil || got != v || n != len(b) {
			t.Errorf("%d: got %d (%d of %d bytes, %v)", v, got, n, len(b), err)
		}
	}
}

func FuzzPack(f *testing.F) {
	f.Add(module(segment{100, []byte{1}}, segment{110, []byte{2}}))
	f.Add(module(segment{100, []byte{1, 2, 3}}, segment{102, []byte{4}}))
	f.Add(magic)
	f.Fuzz(func(t *testing.T, in []byte) {
		out, st, err := Pack(in)
		if err != nil {
			return
		}
		if st.Skipped != "" && !bytes.Equal(out, in) {
			t.Fatalf("skipped (%s) but changed", st.Skipped)
		}
		if st.Skipped == "" && st.Before > 0 && small(out) && !bytes.Equal(memory(t, in), memory(t, out)) {
			t.Fatal("the packed module's initial memory differs")
		}
		again, st2, err := Pack(out)
		if err != nil {
			t.Fatalf("its own output is an error: %v", err)
		}
		if st.Skipped == "" && (st2.After != st2.Before || !bytes.Equal(again, out)) {
			t.Fatalf("packing twice merged more: %+v then %+v", st, st2)
		}
	})
}
