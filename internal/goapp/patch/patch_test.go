package goapppatch

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The wasm every reader downloads carries none of go-app's server side
// nor Go's regexp: built with the copy Prepare writes, the widget's
// package graph has no net/http, crypto/tls, text/template, mime or
// regexp, where built with go-app as it is, it has them all (the control,
// so that the check can fail).
func TestTheWasmIsBuiltWithoutServerSideGoApp(t *testing.T) {
	work, err := Prepare("../../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	left := []string{"net/http", "crypto/tls", "text/template", "mime", "regexp", "regexp/syntax"}
	with := wasmDeps(t, "GOWORK="+work)
	for _, p := range left {
		if slices.Contains(with, p) {
			t.Errorf("the wasm built with the changed go-app still imports %s", p)
		}
	}
	if !slices.Contains(with, Module+"/pkg/app") {
		t.Errorf("control: the wasm's packages lack go-app: %v", with)
	}
	without := wasmDeps(t, "GOWORK=off")
	for _, p := range left {
		if !slices.Contains(without, p) {
			t.Errorf("control: with go-app as it is, the wasm does not import %s either, so this test cannot fail for it", p)
		}
	}
	// The stand-in says what it stands for, should a page ever be
	// registered by pattern.
	b, err := os.ReadFile(filepath.Join(filepath.Dir(work), "go-app", "pkg", "app", "route.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("register the page's path with app.Route")) {
		t.Error("the changed route.go does not say what to do instead of RouteWithRegexp")
	}
}

func wasmDeps(t *testing.T, env ...string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "./cmd/gloss")
	cmd.Dir = "../../.."
	cmd.Env = append(append(os.Environ(), "GOOS=js", "GOARCH=wasm"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, stderr.String())
	}
	return strings.Fields(string(out))
}

// A go-app whose file no longer has a text to change fails the build
// and names the file and the change.
func TestAGoAppThatNoLongerMatchesFails(t *testing.T) {
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "pkg", "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"go.mod": "module " + Module + "\n", "pkg/app/route.go": "package app\n"} {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := Copy(src, filepath.Join(t.TempDir(), "go-app"))
	if err == nil || !strings.Contains(err.Error(), "pkg/app/route.go") || !strings.Contains(err.Error(), "0 times") {
		t.Fatalf("Copy of a go-app without the text: %v, want an error naming route.go", err)
	}
	// A go-app that has a file goapppatch adds fails too.
	if err := os.WriteFile(filepath.Join(src, "pkg", "app", "route.go"), []byte(strings.Join(changedTexts("pkg/app/route.go"), "")), 0o644); err != nil {
		t.Fatal(err)
	}
	for rel := range Added {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(rel)), []byte("package app\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range Changes {
		if c.File != "pkg/app/route.go" {
			if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(c.File)), []byte(c.Old), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := Copy(src, filepath.Join(t.TempDir(), "go-app")); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Fatalf("Copy of a go-app that has an added file already: %v", err)
	}
	for rel := range Added {
		os.Remove(filepath.Join(src, filepath.FromSlash(rel)))
	}
	if err := Copy(src, filepath.Join(t.TempDir(), "go-app")); err != nil {
		t.Fatalf("control: Copy of a go-app with every text to change once: %v", err)
	}
	// A go-app without the file at all fails too.
	if err := os.Remove(filepath.Join(src, "pkg", "app", "route.go")); err != nil {
		t.Fatal(err)
	}
	if err := Copy(src, filepath.Join(t.TempDir(), "go-app")); err == nil || !strings.Contains(err.Error(), "no file pkg/app/route.go") {
		t.Fatalf("Copy of a go-app without route.go: %v", err)
	}
}

// changedTexts are the texts Changes change in file, in order.
func changedTexts(file string) []string {
	var out []string
	for _, c := range Changes {
		if c.File == file {
			out = append(out, c.Old)
		}
	}
	return out
}
