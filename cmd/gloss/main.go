//go:build !wasm

// Command gloss serves the Gloss widget, exports it as a static site and
// checks content files.
//
//	gloss [serve] [-addr :8000] [-content DIR] [-web DIR] [-frame-ancestors "https://a.example"] [-origin https://gloss.example]
//	gloss export -out dist [-content DIR] [-base /sub/path/] [-origin https://cdn.example]
//	gloss check [FILES|DIRS]
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the process's exit code.
func run(args []string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "export":
		return runExport(args, stdout, stderr)
	case "help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "gloss: unknown command %q\n%s\n", cmd, usage)
		return 2
	}
}

const usage = `usage:
  gloss [serve] [-addr :8000] [-content DIR] [-preview=false] [-web DIR] [-frame-ancestors ORIGINS] [-origin URL] [-publisher NAME] [-publisher-logo URL]
  gloss export -out DIR [-content DIR] [-base /sub/path/] [-origin URL] [-web DIR] [-frame-ancestors ORIGINS] [-publisher NAME] [-publisher-logo URL]
  gloss check [FILES|DIRS]`
