// Command fuzzrun runs every fuzz target of some packages for a while
// each, and fails when one finds a problem or fuzzes too slowly to find
// any: a target that minimises its first new input for the whole run, or
// whose function got slow, executes a few dozen inputs and proves nothing.
//
//	go run ./internal/cmd/fuzzrun -fuzztime 5s -floor 300 ./content/parse ./server ./export
//
// It finds each package's targets in its test files, runs each one alone
// (go test -fuzz), prints its executions per second, and exits with
// status 1 if a target failed or ran below the floor; its output is then
// shown. The rate is the last "fuzz: elapsed: ..., execs: N" line's count
// over its elapsed time. Each run has a corpus cache of its own, so every
// make fuzz does the same work; a long campaign is go test -fuzz's job.
// A run that Go's fuzz coordinator failed by its own deadline, with no
// failing input (go.dev/issue/75804), is run once more.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("fuzzrun", flag.ContinueOnError)
	flags.SetOutput(stderr)
	fuzztime := flags.Duration("fuzztime", 5*time.Second, "how long to fuzz each target")
	minimize := flags.String("fuzzminimizetime", "0", "go test's -fuzzminimizetime: time or count (100x) to minimise each new input")
	floors := floorFlag{}
	flags.Var(&floors, "floor", "the fewest executions per second a target may run: N for every target, or Target=N for one (repeatable)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: fuzzrun [-fuzztime 5s] [-fuzzminimizetime 0] -floor N [-floor Target=N]... PACKAGE...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() == 0 || floors.all <= 0 {
		flags.Usage()
		return 2
	}
	goTool := "go"
	if root := os.Getenv("GOROOT"); root != "" {
		goTool = root + "/bin/go"
	}
	failed := false
	for _, pkg := range flags.Args() {
		targets, err := listTargets(ctx, goTool, pkg)
		if err != nil {
			fmt.Fprintln(stderr, err)
			failed = true
			continue
		}
		if len(targets) == 0 {
			fmt.Fprintf(stderr, "%s: no fuzz targets\n", pkg)
			failed = true
		}
		for _, target := range targets {
			r := fuzz(ctx, goTool, pkg, target, *fuzztime, *minimize)
			if r.err != nil && coordinatorRace(r.output) {
				// Go's fuzz coordinator can report its own -fuzztime
				// deadline as the target's failure (go.dev/issue/75804,
				// fixed in Go 1.27): no input failed. Run the target once
				// more; a second such failure counts as one.
				fmt.Fprintf(stdout, "%-14s %-26s stopped by Go's fuzztime race (go.dev/issue/75804), no failing input: once more\n", pkg, target)
				r = fuzz(ctx, goTool, pkg, target, *fuzztime, *minimize)
			}
			floor := floors.of(target)
			status := "ok"
			switch {
			case r.err != nil:
				status = "FAIL: " + r.err.Error()
			case r.rate() < floor:
				status = fmt.Sprintf("FAIL: below the floor of %.0f/sec", floor)
			}
			fmt.Fprintf(stdout, "%-14s %-26s %9d execs in %-4s %7.0f/sec (floor %.0f)  %s\n",
				pkg, target, r.execs, r.elapsed, r.rate(), floor, status)
			if status != "ok" {
				failed = true
				stderr.Write(r.output)
			}
		}
	}
	if failed {
		return 1
	}
	return 0
}

// listTargets returns the fuzz targets of a package: its test files'
// functions FuzzXxx(*testing.F). They are read from the source, as go
// test -list would build the test binary once more for nothing.
func listTargets(ctx context.Context, goTool, pkg string) ([]string, error) {
	out, err := exec.CommandContext(ctx, goTool, "list", "-f",
		"{{.Dir}}{{range .TestGoFiles}}\n{{.}}{{end}}{{range .XTestGoFiles}}\n{{.}}{{end}}", pkg).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %v\n%s", pkg, err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var targets []string
	fset := token.NewFileSet()
	for _, name := range lines[1:] {
		f, err := parser.ParseFile(fset, filepath.Join(lines[0], name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && isFuzzTarget(fn) {
				targets = append(targets, fn.Name.Name)
			}
		}
	}
	return targets, nil
}

// isFuzzTarget reports whether fn is a function FuzzXxx(f *testing.F).
func isFuzzTarget(fn *ast.FuncDecl) bool {
	name, ok := strings.CutPrefix(fn.Name.Name, "Fuzz")
	if !ok || fn.Recv != nil || name != "" && unicode.IsLower([]rune(name)[0]) || len(fn.Type.Params.List) != 1 {
		return false
	}
	star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "F"
}

// result is what one fuzzing run did.
type result struct {
	execs   int64
	elapsed time.Duration
	output  []byte
	err     error
}

func (r result) rate() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.execs) / r.elapsed.Seconds()
}

// fuzz runs one target. The run may take longer than fuzztime: the
// binary is built first and the cached corpus replayed.
func fuzz(ctx context.Context, goTool, pkg, target string, fuzztime time.Duration, minimize string) result {
	ctx, cancel := context.WithTimeout(ctx, fuzztime+5*time.Minute)
	defer cancel()
	// A corpus cache of its own, dropped after: go's shared one grows by
	// every new input of every run, and replaying it at the start came
	// to take the whole run. Each run starts from the seeds and the
	// package's testdata/fuzz, and fuzzes for the whole fuzztime.
	cache, err := os.MkdirTemp("", "fuzzrun-")
	if err != nil {
		return result{err: err}
	}
	defer os.RemoveAll(cache)
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, goTool, "test", "-run", "^$", "-fuzz", "^"+target+"$",
		"-fuzztime", fuzztime.String(), "-fuzzminimizetime", minimize, pkg,
		"-args", "-test.fuzzcachedir="+cache)
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	r := result{output: out.Bytes()}
	r.execs, r.elapsed = lastProgress(out.Bytes())
	switch {
	case err != nil:
		r.err = fmt.Errorf("go test -fuzz: %v", err)
	case r.elapsed == 0:
		r.err = fmt.Errorf("no progress line: the target did not fuzz")
	}
	return r
}

// lastProgress returns the count and elapsed time of the last progress
// line of go test -fuzz output, such as
//
//	fuzz: elapsed: 3s, execs: 12345 (4115/sec), new interesting: 2 (total: 16)
//
// and zeros when there is none.
func lastProgress(out []byte) (execs int64, elapsed time.Duration) {
	for _, line := range strings.Split(string(out), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "fuzz: elapsed: ")
		if !ok {
			continue
		}
		el, rest, ok := strings.Cut(rest, ", execs: ")
		if !ok {
			continue
		}
		d, err := time.ParseDuration(el)
		if err != nil {
			continue
		}
		var n int64
		if _, err := fmt.Sscanf(rest, "%d ", &n); err != nil {
			continue
		}
		execs, elapsed = n, d
	}
	return execs, elapsed
}

// coordinatorRace reports whether a failed go test -fuzz run is the
// coordinator's race at the end of -fuzztime: the target's failure is
// the bare "context deadline exceeded" of the deadline itself, and no
// input failed (go test names each failing input it writes).
func coordinatorRace(out []byte) bool {
	lines := strings.Split(string(out), "\n")
	race := false
	for i, line := range lines {
		if strings.Contains(line, "Failing input written to") || strings.HasPrefix(strings.TrimSpace(line), "panic:") {
			return false
		}
		if strings.HasPrefix(line, "--- FAIL: Fuzz") && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "context deadline exceeded" {
			race = true
		}
	}
	return race
}
