//go:build !wasm

package main

import (
	"bytes"
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
