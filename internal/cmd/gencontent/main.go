// Command gencontent parses article folders and writes them as a Go file
// declaring one []content.Article variable.
//
// The WebAssembly client cannot read files nor carry the YAML and Markdown
// parsers, so the build turns the articles into Go literals beforehand:
//
//	go run ./internal/cmd/gencontent -pkg articles -var All -out articles/zz_articles.go articles
//
// The last arguments are roots of article folders, or article folders. On
// any problem in the articles it prints each as "file:line: message" on
// stderr, exits with status 1 and leaves the output file as it was, so a
// broken article can never be half-shipped. The output depends only on
// the articles, and is rewritten only when it changes.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gloss/gloss/content/parse"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("gencontent", flag.ContinueOnError)
	flags.SetOutput(stderr)
	pkg := flags.String("pkg", "", "package name of the generated file (default: the name of -out's folder)")
	name := flags.String("var", "All", "name of the generated variable")
	out := flags.String("out", "", "generated Go file to write (required)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: gencontent [-pkg name] [-var name] -out file.go DIR...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() == 0 {
		flags.Usage()
		return 2
	}
	if *pkg == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			fmt.Fprintln(stderr, "gencontent:", err)
			return 1
		}
		*pkg = filepath.Base(filepath.Dir(abs))
	}
	articles, err := parse.Load(flags.Args())
	if err != nil {
		// One problem per line: errors.Join separates them so.
		fmt.Fprintln(stderr, err)
		return 1
	}
	src, err := generate(*pkg, *name, articles)
	if err != nil {
		fmt.Fprintln(stderr, "gencontent:", err)
		return 1
	}
	if err := writeIfChanged(*out, src); err != nil {
		fmt.Fprintln(stderr, "gencontent:", err)
		return 1
	}
	return 0
}

// writeIfChanged writes data to name through a temporary file and a
// rename, so a failed run never leaves a truncated file, and skips the
// write when the content is the same, so make and go build see no change.
func writeIfChanged(name string, data []byte) error {
	old, err := os.ReadFile(name)
	if err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".gencontent-*.go")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
