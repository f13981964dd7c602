package main

// Section 1: the bytes of the wasm against the go-app hello world.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/internal/invariant"
	"github.com/gloss/gloss/internal/wasmbuild"
	"github.com/gloss/gloss/internal/wasmpack"
)

const secWasm = "1 wasm"

// wasmGoal is the widget's brotli size over the floor's that section 1
// aims under.
const wasmGoal = 1.15

// sizes are a file's bytes raw, gzip -9 and brotli -q 11.
type sizes struct{ Raw, Gzip, Brotli int }

func (b *Bench) measureWasm(ctx context.Context) error {
	out := b.outDir
	widget := filepath.Join(b.webDir, "app.wasm")
	if _, err := os.Stat(widget); err != nil {
		return fmt.Errorf("%s missing (make build makes it): %w", widget, err)
	}
	floor := filepath.Join(out, "floor.wasm")
	widgetSyms := filepath.Join(out, "app-symbols.wasm")
	floorSyms := filepath.Join(out, "floor-symbols.wasm")
	// Both are built as the Makefile builds the served wasm: with the
	// wasm's go-app (internal/goapp/patch).
	work, err := wasmbuild.Workspace(b.root, filepath.Join(out, "wasm"))
	if err != nil {
		return err
	}
	b.goWork = work
	b.logf("building the go-app hello world (bench/floor) with %s", strings.Join(b.buildFlags, " "))
	if err := b.goBuildWasm(ctx, b.buildFlags, floor, "./bench/floor"); err != nil {
		return err
	}
	b.logf("building both again with the wasm name section, for the package listing")
	syms := WithSymbols(b.buildFlags)
	if err := b.goBuildWasm(ctx, syms, widgetSyms, "./cmd/gloss"); err != nil {
		return err
	}
	if err := b.goBuildWasm(ctx, syms, floorSyms, "./bench/floor"); err != nil {
		return err
	}

	b.logf("compressing the wasm files (brotli -q 11 takes a while)")
	ws, err := b.compressedSizes(ctx, widget, true)
	if err != nil {
		return err
	}
	fs, err := b.compressedSizes(ctx, floor, false)
	if err != nil {
		return err
	}
	b.rep.Samples["wasm"] = map[string]sizes{"widget": ws, "floor": fs}
	for _, f := range []struct {
		name      string
		w, fl     int
		withGoal  bool
		extraNote string
	}{
		{"app.wasm raw (bytes)", ws.Raw, fs.Raw, false, ""},
		{"app.wasm gzip -9 (bytes)", ws.Gzip, fs.Gzip, false, ""},
		{"app.wasm brotli -q 11 (bytes)", ws.Brotli, fs.Brotli, true, ""},
	} {
		r := Row{Figure: f.name, Value: Bytes(f.w), Number: num(float64(f.w)),
			Anchor: Bytes(f.fl) + " (hello world)", Ratio: num(ratio(float64(f.w), float64(f.fl)))}
		if f.withGoal {
			r.Goal = fmt.Sprintf("≤ %.2f × hello world", wasmGoal)
			r.Status = status(float64(f.w) <= wasmGoal*float64(f.fl))
		}
		b.rep.Add(secWasm, r)
	}

	// Code and data sections, and the code by package.
	wRel, err := readSyms(widget)
	if err != nil {
		return err
	}
	fRel, err := readSyms(floor)
	if err != nil {
		return err
	}
	b.rep.Add(secWasm,
		Row{Figure: "code section (bytes)", Value: Bytes(wRel.Code), Number: num(float64(wRel.Code)),
			Anchor: Bytes(fRel.Code), Ratio: num(ratio(float64(wRel.Code), float64(fRel.Code)))},
		Row{Figure: "data section (bytes)", Value: Bytes(wRel.Data), Number: num(float64(wRel.Data)),
			Anchor: Bytes(fRel.Data), Ratio: num(ratio(float64(wRel.Data), float64(fRel.Data)))})
	raw, err := os.ReadFile(widget)
	if err != nil {
		return err
	}
	texts := longStrings(articles.All(), articleStringMin)
	inWasm := StringsIn(raw, texts)
	text := Row{Figure: "shipped article text in the wasm", Value: fmt.Sprintf("%d of %d strings", len(inWasm), len(texts)),
		Number: num(float64(len(inWasm))), Goal: "none", Status: status(len(inWasm) == 0 && len(texts) > 0),
		Note: fmt.Sprintf("every string of ≥ %d bytes of the %d shipped article(s), searched in app.wasm: each page is the server's HTML", articleStringMin, len(articles.All()))}
	if len(inWasm) > 0 {
		text.Note += fmt.Sprintf("; found %q", inWasm[0])
	}
	b.rep.Add(secWasm, text)

	wSyms, err := readSyms(widgetSyms)
	if err != nil {
		return err
	}
	fSyms, err := readSyms(floorSyms)
	if err != nil {
		return err
	}
	if len(wSyms.Funcs) == 0 || len(fSyms.Funcs) == 0 {
		return fmt.Errorf("no function names in %s or %s: was -s left in the flags?", widgetSyms, floorSyms)
	}
	wPkgs, err := b.goListDeps(ctx, "./cmd/gloss")
	if err != nil {
		return err
	}
	fPkgs, err := b.goListDeps(ctx, "./bench/floor")
	if err != nil {
		return err
	}
	wBy := NewPackages(wPkgs).ByPackage(wSyms.Funcs)
	fBy := NewPackages(fPkgs).ByPackage(fSyms.Funcs)
	added := AddedPackages(wBy, fBy)
	b.rep.AddedPackages = added
	total := 0
	for _, d := range added {
		total += d.Added
	}
	b.rep.Add(secWasm, Row{Figure: "code added beyond the hello world (bytes)", Value: Bytes(total), Number: num(float64(total)),
		Note: fmt.Sprintf("%d packages; largest below (from the wasm name section)", len(added))})
	const shown = 12
	rest := 0
	for i, d := range added {
		if i >= shown {
			rest += d.Added
			continue
		}
		note := ""
		if d.New {
			note = "not in the hello world"
		}
		b.rep.Add(secWasm, Row{Figure: "+ " + d.Package, Value: Bytes(d.Added), Number: num(float64(d.Added)),
			Anchor: Bytes(d.Floor), Note: note})
	}
	if rest > 0 {
		b.rep.Add(secWasm, Row{Figure: fmt.Sprintf("+ %d other packages", len(added)-shown), Value: Bytes(rest), Number: num(float64(rest))})
	}

	server := ServerPackages(wBy, fBy)
	r := Row{Figure: "server-side packages in the wasm", Value: "none", Goal: "none", Status: status(len(server) == 0),
		Note: "Gloss's server, export and parser, goldmark, yaml; std packages beyond the hello world's"}
	if len(server) > 0 {
		r.Value = strings.Join(server, ", ")
	}
	b.rep.Add(secWasm, r)
	return nil
}

// ServerPackages lists the packages of widget that are server code:
// those of invariant.ServerOnly that the floor does not have (go-app
// itself brings net/http and text/template to every wasm).
func ServerPackages(widget, floor map[string]int) []string {
	var out []string
	for pkg := range widget {
		if floor[pkg] > 0 {
			continue
		}
		if invariant.IsServerOnly(pkg) {
			out = append(out, pkg)
		}
	}
	slices.Sort(out)
	return out
}

func readSyms(path string) (*wasmpack.Symbols, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := wasmpack.ReadSymbols(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func (b *Bench) goBuildWasm(ctx context.Context, flags []string, out, pkg string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	_, err := wasmbuild.Build{Root: b.root, Pkg: pkg, Out: out, Flags: flags, Work: b.goWork}.Run(ctx)
	return err
}

func (b *Bench) goListDeps(ctx context.Context, pkg string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.goTool, "list", "-deps", pkg)
	cmd.Dir = b.root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+b.goWork)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %v\n%s", pkg, err, stderr.String())
	}
	return strings.Fields(string(out)), nil
}

// compressedSizes measures path raw, with gzip -9 and with brotli -q 11.
// For the served wasm (reuse), the .gz and .br copies `make build` wrote
// beside it are used when they are at least as new as it: they are what
// the server sends.
func (b *Bench) compressedSizes(ctx context.Context, path string, reuse bool) (sizes, error) {
	st, err := os.Stat(path)
	if err != nil {
		return sizes{}, err
	}
	s := sizes{Raw: int(st.Size())}
	fresh := func(p string) (int, bool) {
		if !reuse {
			return 0, false
		}
		c, err := os.Stat(p)
		if err != nil || c.ModTime().Before(st.ModTime()) {
			return 0, false
		}
		return int(c.Size()), true
	}
	var ok bool
	if s.Gzip, ok = fresh(path + ".gz"); !ok {
		if s.Gzip, err = compressedLen(ctx, b.gzip, "-9", "-n", "-c", path); err != nil {
			return s, err
		}
	}
	if s.Brotli, ok = fresh(path + ".br"); !ok {
		if s.Brotli, err = compressedLen(ctx, b.brotli, "-q", "11", "-c", path); err != nil {
			return s, err
		}
	}
	return s, nil
}

// compressedLen runs a compressor writing to stdout and counts its bytes.
func compressedLen(ctx context.Context, tool string, args ...string) (int, error) {
	if tool == "" {
		return 0, fmt.Errorf("no compressor for %v", args)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, args...)
	var n countWriter
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &n, &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s %s: %v %s", tool, strings.Join(args, " "), err, stderr.String())
	}
	return int(n), nil
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// articleStringMin is the shortest article string looked for in the
// wasm: shorter ones (a slug, a currency, "bn") could be there as code's
// own words.
const articleStringMin = 24

// longStrings lists the strings of at least min bytes in v, walking its
// fields, elements and map entries: the text of an article.
func longStrings(v any, min int) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); len(s) >= min && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// StringsIn lists the strings of strs found verbatim in blob.
func StringsIn(blob []byte, strs []string) []string {
	var found []string
	for _, s := range strs {
		if bytes.Contains(blob, []byte(s)) {
			found = append(found, s)
		}
	}
	return found
}
