//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		args        []string
		code        int
		out, errOut string
	}{
		{[]string{"check", "../../articles"}, 0, "ok: 1 article", ""},
		{[]string{"check", "../../content/parse/testdata/broken"}, 1, "", "bad-notes"},
		// Warnings do not fail the check.
		{[]string{"check", "../../internal/fixtures/testdata/shared"}, 0, "  tram-line: 0 articles, updated 2026-11-20\n", `cards/tram-line.md: warning: card "tram-line" is shown by no article`},
		{[]string{"check", "-stale", "-1"}, 2, "", "-stale must be a number of days"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"help"}, 0, "gloss export", ""},
		{[]string{"serve", "-addr"}, 2, "", "flag needs an argument"},
		{[]string{"serve", "-web", t.TempDir(), "-addr", "127.0.0.1:0"}, 1, "", "make build"},
	} {
		var out, errOut bytes.Buffer
		code := run(tc.args, &out, &errOut)
		if code != tc.code || !strings.Contains(out.String(), tc.out) || !strings.Contains(errOut.String(), tc.errOut) {
			t.Errorf("gloss %s: exit %d, stdout %q, stderr %q; want exit %d with %q / %q",
				strings.Join(tc.args, " "), code, out.String(), errOut.String(), tc.code, tc.out, tc.errOut)
		}
	}
}

// gloss check -json gives CI the problems, the warnings and each shared
// card's usage as one document; -stale sets how old a card may grow.
func TestCheckJSON(t *testing.T) {
	check := func(args ...string) (int, checkReport) {
		t.Helper()
		var out, errOut bytes.Buffer
		code := run(append([]string{"check", "-json"}, args...), &out, &errOut)
		var r checkReport
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("gloss check -json %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
		}
		return code, r
	}
	code, r := check("../../internal/fixtures/testdata/shared")
	kinds := map[string]int{}
	for _, w := range r.Warnings {
		kinds[w.Kind]++
	}
	if code != 0 || !r.OK || r.Articles != 3 || len(r.Problems) != 0 || len(r.Usage) != 4 ||
		kinds["stale"] != 1 || kinds["unused"] != 1 || kinds["not-included"] != 1 {
		t.Errorf("the shared fixture: exit %d, %+v", code, r)
	}
	// With 100,000 days, nothing is stale.
	if _, r := check("-stale", "100000", "../../internal/fixtures/testdata/shared"); len(r.Warnings) != 2 {
		t.Errorf("-stale 100000: %+v", r.Warnings)
	}
	code, r = check("../../content/parse/testdata/broken")
	if code != 1 || r.OK || len(r.Problems) < 2 || r.Problems[0].File == "" || r.Problems[0].Line == 0 {
		t.Errorf("a broken folder: exit %d, %+v", code, r)
	}
}
