package main

import (
	"reflect"
	"testing"
)

// wasmVec is a wasm vector: a LEB128 length, then the bytes.
func wasmVec(b []byte) []byte { return append(leb(len(b)), b...) }

func leb(n int) []byte {
	var out []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n != 0 {
			out = append(out, c|0x80)
			continue
		}
		return append(out, c)
	}
}

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
	imports := cat(leb(2),
		wasmVec([]byte("go")), wasmVec([]byte("debug")), []byte{0}, leb(0),
		wasmVec([]byte("env")), wasmVec([]byte("mem")), []byte{2, 1}, leb(1), leb(2))
	code := cat(leb(2), wasmVec([]byte{0, 0, 0x0b}), wasmVec(make([]byte, 200)))
	names := cat(leb(2),
		leb(0), wasmVec([]byte("go.debug")),
		leb(2), wasmVec([]byte("github.com_a_b_c.__T_.M")))
	custom := cat(wasmVec([]byte("name")),
		[]byte{0}, wasmVec(wasmVec([]byte("module"))), // module name subsection, skipped
		[]byte{1}, wasmVec(names))
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(2, imports),
		section(10, code),
		section(11, make([]byte, 17)),
		section(0, custom))
}

func TestParseWasmSyms(t *testing.T) {
	s, err := ParseWasmSyms(tinyWasm())
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

func TestParseWasmSymsRejectsBadInput(t *testing.T) {
	good := tinyWasm()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"not wasm":  []byte("\x7fELF\x02\x01\x01\x00"),
		"truncated": good[:len(good)-5],
		"long LEB":  append([]byte("\x00asm\x01\x00\x00\x00\x0a"), 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
	} {
		if _, err := ParseWasmSyms(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestPackagesOf(t *testing.T) {
	p := NewPackages([]string{
		"fmt", "encoding/json", "encoding", "github.com/a/b-c", "github.com/a/b-c/d",
		"gopkg.in/yaml.v3", "github.com/maxence-charriere/go-app/v9/pkg/app",
	})
	for sym, want := range map[string]string{
		"fmt.__pp_.doPrintf":                 "fmt",
		"encoding_json.Marshal":              "encoding/json",
		"github.com_a_b_c.__T_.M":            "github.com/a/b-c",
		"github.com_a_b_c_d.F.func1":         "github.com/a/b-c/d",
		"gopkg.in_yaml_2ev3.Unmarshal":       "gopkg.in/yaml.v3",
		"main.main":                          "main",
		"type_.eq.encoding_json.SyntaxError": "encoding/json",
		"type_.eq._2_interface___":           "type: (compiler-generated)",
		"slices.Sort_go.shape.string_":       "slices (not in go list)",
		"runtime_debug.setGCPercent":         "runtime_debug (not in go list)",
		"_rt0_wasm_js":                       "(no package)",
		"github.com_maxence_charriere_go_app_v9_pkg_app.__htmlDiv_.Aria": "github.com/maxence-charriere/go-app/v9/pkg/app",
		// A generic instantiation belongs to the generic's package, not
		// to its type argument's.
		"encoding_json.f_github.com_a_b_c.T_": "encoding/json",
	} {
		if got := p.Of(sym); got != want {
			t.Errorf("Of(%q) = %q, want %q", sym, got, want)
		}
	}
}

func TestAddedPackages(t *testing.T) {
	widget := map[string]int{"runtime": 100, "fmt": 50, "gloss/app": 30, "strings": 12, "time": 5}
	floor := map[string]int{"runtime": 100, "fmt": 20, "strings": 2, "time": 9, "regexp": 40}
	got := AddedPackages(widget, floor)
	want := []PackageDelta{
		{Package: "fmt", Widget: 50, Floor: 20, Added: 30},
		{Package: "gloss/app", Widget: 30, Floor: 0, Added: 30, New: true},
		{Package: "strings", Widget: 12, Floor: 2, Added: 10},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AddedPackages = %+v\nwant %+v", got, want)
	}
}
