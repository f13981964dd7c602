package wasmpack

import (
	"reflect"
	"testing"
)

// wasmVec is a wasm vector: a LEB128 length, then the bytes.
func wasmVec(b []byte) []byte { return append(lebOf(len(b)), b...) }

func lebOf(n int) []byte { return appendULEB(nil, uint64(n)) }

func section(id byte, content []byte) []byte { return append([]byte{id}, wasmVec(content)...) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// tinyWasm has one imported function, a memory import, two function
// bodies of 3 and 200 bytes (a two-byte LEB128 length), a data section
// and a name section naming the imported function and the second body.
func tinyWasm() []byte {
	imports := cat(lebOf(2),
		wasmVec([]byte("go")), wasmVec([]byte("debug")), []byte{0}, lebOf(0),
		wasmVec([]byte("env")), wasmVec([]byte("mem")), []byte{2, 1}, lebOf(1), lebOf(2))
	code := cat(lebOf(2), wasmVec([]byte{0, 0, 0x0b}), wasmVec(make([]byte, 200)))
	names := cat(lebOf(2),
		lebOf(0), wasmVec([]byte("go.debug")),
		lebOf(2), wasmVec([]byte("github.com_a_b_c.__T_.M")))
	custom := cat(wasmVec([]byte("name")),
		[]byte{0}, wasmVec(wasmVec([]byte("module"))), // module name subsection, skipped
		[]byte{1}, wasmVec(names))
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(2, imports),
		section(10, code),
		section(11, make([]byte, 17)),
		section(0, custom))
}

func TestReadSymbols(t *testing.T) {
	s, err := ReadSymbols(tinyWasm())
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"github.com_a_b_c.__T_.M": 200}; !reflect.DeepEqual(s.Funcs, want) {
		t.Errorf("Funcs = %v, want %v", s.Funcs, want)
	}
	if s.Unnamed != 1 {
		t.Errorf("Unnamed = %d, want 1", s.Unnamed)
	}
	if s.Data != 17 || s.Code != 1+1+3+2+200 {
		t.Errorf("Code, Data = %d, %d; want 207, 17", s.Code, s.Data)
	}
}

func TestReadSymbolsRejectsBadInput(t *testing.T) {
	good := tinyWasm()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"not wasm":  []byte("\x7fELF\x02\x01\x01\x00"),
		"truncated": good[:len(good)-5],
		"long LEB":  append([]byte("\x00asm\x01\x00\x00\x00\x0a"), 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
	} {
		if _, err := ReadSymbols(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
