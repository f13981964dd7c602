package main

import (
	"reflect"
	"testing"
)

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
