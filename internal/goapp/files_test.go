package goapp

import (
	"regexp"
	"strings"
	"testing"
)

// app.js leaves the wasm's start to web/gloss.js, asks web/gloss.js for
// the compiled module (compiled in a worker), and runs the Go program in
// a task after the one that instantiated it.
func TestAppJSCompilesTheWasmInAWorkerAndRunsItInATaskOfItsOwn(t *testing.T) {
	var js []byte
	for _, f := range testAdapter(t).Files() {
		if f.Path == "/app.js" {
			js = f.Body
		}
	}
	s := string(js)
	if !strings.Contains(s, `glossCompileWasm("/web/app-0123456789abcdef.wasm"`) || strings.Contains(s, `fetchWithProgress("/web/`) {
		t.Errorf("app.js does not ask web/gloss.js for the compiled wasm: %s", s)
	}
	if !regexp.MustCompile(`=await [a-zA-Z_$]+;[^}]*setTimeout\([a-zA-Z_$]+,0\)[^}]*\{instance:await WebAssembly\.instantiate\(`).MatchString(s) {
		t.Errorf("app.js does not instantiate the compiled module in a task after the one that received it: %s", s)
	}
	run := strings.Index(s, "go.run(") // minified, the name of go-app's variable may change
	if run < 0 {
		run = strings.Index(s, ".run(")
	}
	if !strings.Contains(s, "window.goappStartWasm=goappInitWebAssembly") || regexp.MustCompile(`goappInitWebAssembly\(\)[^{]`).MatchString(s) {
		t.Errorf("app.js starts the wasm itself, not on web/gloss.js's request: %s", s)
	}
	yield := strings.Index(s, "setTimeout(")
	if yield < 0 || run < 0 || yield > run {
		t.Errorf("app.js does not yield before it runs the Go program: %s", s)
	}
}
