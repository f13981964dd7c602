//go:build !wasm

package main

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gloss/gloss/internal/bundle"
	"github.com/gloss/gloss/internal/invariant"
	"github.com/gloss/gloss/internal/wasmbuild"
)

// The wasm every reader downloads carries no server code: not Gloss's
// server, export or parser, nor goldmark or yaml, nor the standard
// library's server packages (net/http, compress/gzip, ...). Its packages
// are listed as the wasm is built: with the wasm's copy of go-app
// (internal/wasmbuild), which has no server side. (go-app as go.mod pins
// it brings net/http into any wasm, the hello world's too, and so hid a
// net/http that Gloss's own code added.)
func TestWasmHasNoServerCode(t *testing.T) {
	work, err := wasmbuild.Workspace("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if leaked := serverPackages(goListDeps(t, "js", work, ".")); len(leaked) > 0 {
		t.Errorf("the wasm imports server-side packages: %s", strings.Join(leaked, ", "))
	}
	// Control: the server build of the same command has them, so the
	// check above can fail.
	found := serverPackages(goListDeps(t, runtime.GOOS, "", "."))
	for _, want := range []string{"github.com/gloss/gloss/server", "github.com/gloss/gloss/content/parse", "github.com/yuin/goldmark", "gopkg.in/yaml.v3", "net/http", "github.com/evanw/esbuild/pkg/api"} {
		if !slices.Contains(found, want) {
			t.Errorf("control: %s not found among the server build's packages %v", want, found)
		}
	}
}

func serverPackages(deps []string) []string {
	var out []string
	for _, pkg := range deps {
		if invariant.IsServerOnly(pkg) {
			out = append(out, pkg)
		}
	}
	return out
}

// goListDeps lists the packages pkg imports, directly or not, when built
// for goos (js means js/wasm), in the workspace file work when not "".
func goListDeps(t *testing.T, goos, work, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", pkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+map[bool]string{true: "wasm", false: runtime.GOARCH}[goos == "js"])
	if work != "" {
		cmd.Env = append(cmd.Env, "GOWORK="+work)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("GOOS=%s go list -deps %s: %v\n%s", goos, pkg, err, stderr.String())
	}
	return strings.Fields(string(out))
}

// The script a publisher's page loads stays small: embed.js as served,
// as gzip -9 compresses it (the measure make bench reports).
func TestEmbedJSSize(t *testing.T) {
	gzip, err := exec.LookPath("gzip")
	if err != nil {
		t.Fatal("gzip not found: apt-get install gzip")
	}
	bundles, err := bundle.Bundle(os.DirFS("../../web"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gzip, "-9", "-n", "-c")
	cmd.Stdin = bytes.NewReader(bundles["embed.js"])
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gzip -9 embed.js: %v", err)
	}
	if len(out) > invariant.EmbedJSGzip {
		t.Errorf("embed.js is %d bytes with gzip -9; the limit is %d", len(out), invariant.EmbedJSGzip)
	}
	if len(out) < 100 {
		t.Errorf("embed.js is %d bytes with gzip -9: is it empty?", len(out))
	}
}
