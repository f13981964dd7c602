// Package wasmbuild builds Gloss's wasm the one way make, the e2e harness
// and the bench all build it: with the wasm's copy of go-app
// (internal/goapp/patch), for GOOS=js, its data segments merged
// (internal/wasmpack), and, when asked, with the gzip and brotli copies
// the server sends.
package wasmbuild

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/gloss/gloss/internal/goapp/patch"
	"github.com/gloss/gloss/internal/wasmpack"
)

// Release are the go build flags of the served wasm: no paths of the
// build machine, no symbol table, no DWARF.
var Release = []string{"-trimpath", "-ldflags=-s -w"}

// A Build is one wasm to build.
type Build struct {
	// Root is the module's folder; Pkg the package built, from Root
	// ("./cmd/gloss" when empty).
	Root, Pkg string
	// Out is the wasm file written.
	Out string
	// Flags are go build's flags: Release when nil.
	Flags []string
	// Work is the workspace file of Workspace: written into Cache when
	// empty.
	Work, Cache string
	// Gzip writes Out.gz beside Out (gzip -9 -n); Brotli writes Out.br
	// (brotli -q 11), or removes a stale one and says so in
	// Result.NoBrotli when brotli is not installed.
	Gzip, Brotli bool
}

// Result says what a Build did.
type Result struct {
	Work     string         // the workspace file it built with, for GOWORK
	Pack     wasmpack.Stats // what wasmpack did
	NoBrotli bool           // asked for Out.br, and brotli is not installed
}

// Workspace writes into cache the wasm's copy of go-app and the workspace
// file that builds root with it, and returns that file's path.
func Workspace(root, cache string) (string, error) {
	return goapppatch.Prepare(root, cache)
}

// Run builds b.
func (b Build) Run(ctx context.Context) (Result, error) {
	var res Result
	res.Work = b.Work
	if res.Work == "" {
		if b.Cache == "" {
			return res, fmt.Errorf("wasmbuild %s: neither a workspace file nor a folder for one", b.Out)
		}
		w, err := Workspace(b.Root, b.Cache)
		if err != nil {
			return res, err
		}
		res.Work = w
	}
	pkg, flags := b.Pkg, b.Flags
	if pkg == "" {
		pkg = "./cmd/gloss"
	}
	if flags == nil {
		flags = Release
	}
	out, err := filepath.Abs(b.Out)
	if err != nil {
		return res, err
	}
	args := append(append([]string{"build"}, flags...), "-o", out, pkg)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = b.Root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+res.Work)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return res, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	if res.Pack, err = wasmpack.PackFile(out); err != nil {
		return res, err
	}
	if b.Gzip {
		if err := run(ctx, "gzip", "-9", "-k", "-f", "-n", out); err != nil {
			return res, err
		}
	}
	if b.Brotli {
		if _, err := exec.LookPath("brotli"); err != nil {
			res.NoBrotli = true
			if err := os.Remove(out + ".br"); err != nil && !os.IsNotExist(err) {
				return res, err
			}
		} else if err := run(ctx, "brotli", "-q", "11", "-k", "-f", out); err != nil {
			return res, err
		}
	}
	return res, nil
}

func run(ctx context.Context, tool string, args ...string) error {
	cmd := exec.CommandContext(ctx, tool, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, stderr.String())
	}
	return nil
}
