package main

import (
	"slices"
	"strings"
	"testing"
)

func TestWasmURLFromThePage(t *testing.T) {
	page := `<head><script defer src="/wasm_exec.js"></script><script src="/app.js" type="gloss/after-paint"></script>` +
		`<script src="/web/gloss.js?v=4f7d771f86d6f6ac"></script></head>`
	if got := ScriptSrc(page, "app.js"); got != "/app.js" {
		t.Errorf("ScriptSrc(app.js) = %q, want /app.js", got)
	}
	if got := ScriptSrc(page, "gloss.js"); got != "/web/gloss.js?v=4f7d771f86d6f6ac" {
		t.Errorf("ScriptSrc(gloss.js) = %q", got)
	}
	if got := ScriptSrc(page, "missing.js"); got != "" {
		t.Errorf("ScriptSrc(missing.js) = %q, want none", got)
	}
	appJS := `const loader = document.getElementById("app-wasm-loader");
    const wasm = await instantiateStreaming(
      fetchWithProgress("/web/app-e76ff9db3fa50a23.wasm", showProgress),`
	if got := WasmURL(appJS); got != "/web/app-e76ff9db3fa50a23.wasm" {
		t.Errorf("WasmURL = %q", got)
	}
}

func TestPrecacheList(t *testing.T) {
	worker := "const cacheName = \"gloss-x\";\nconst resourcesToCache = [\"/\",\"/app.js\",\"/web/app-e76ff9db3fa50a23.wasm\"];\nconst shell = 1;"
	got, err := PrecacheList(worker)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/app.js", "/web/app-e76ff9db3fa50a23.wasm"}; !slices.Equal(withoutRoot(got), want) {
		t.Errorf("precache without the root = %q, want %q", withoutRoot(got), want)
	}
	if _, err := PrecacheList("self.addEventListener(...)"); err == nil {
		t.Error("a worker with no list gave no error")
	}
}

func TestVmRSS(t *testing.T) {
	kb, err := VmRSS("Name:\tgloss\nVmPeak:\t 1 kB\nVmRSS:\t   51234 kB\nThreads: 9\n")
	if err != nil || kb != 51234 {
		t.Errorf("VmRSS = %d, %v; want 51234", kb, err)
	}
	if _, err := VmRSS("Name:\tgloss\n"); err == nil {
		t.Error("no VmRSS line gave no error")
	}
}

func TestWithLastWord(t *testing.T) {
	note := "---\ntitle: T\nanchor: a b\n---\nFirst paragraph.\n\nSecond one ends here.\n"
	got, err := withLastWord([]byte(note), "glossedit1x")
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: T\nanchor: a b\n---\nFirst paragraph.\n\nSecond one ends glossedit1x\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	again, _ := withLastWord(got, "glossedit2x")
	if strings.Contains(string(again), "glossedit1x") || !strings.HasSuffix(string(again), "ends glossedit2x\n") {
		t.Errorf("a second edit gave\n%s", again)
	}
}

func TestSpreadCoversTheArchive(t *testing.T) {
	items := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	if got := spread(items, 5); !slices.Equal(got, []string{"a", "c", "e", "g", "i"}) {
		t.Errorf("spread(10, 5) = %q", got)
	}
	if got := spread(items[:3], 5); !slices.Equal(got, items[:3]) {
		t.Errorf("spread(3, 5) = %q, want all three", got)
	}
	if got := thousands(10000); got != "10,000" {
		t.Errorf("thousands(10000) = %q", got)
	}
	if got := thousands(200); got != "200" {
		t.Errorf("thousands(200) = %q", got)
	}
}
