// Command goapppatch writes the copy of go-app the wasm is built with, and
// the workspace file that builds with it (internal/goapppatch), into a
// folder of build outputs: the Makefile then builds the wasm with
// GOWORK=FOLDER/wasm.work.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gloss/gloss/internal/goapppatch"
)

func main() {
	dir := flag.String("dir", ".cache/wasm", "the folder for the copy and its wasm.work")
	flag.Parse()
	if _, err := goapppatch.Prepare(".", *dir); err != nil {
		fmt.Fprintln(os.Stderr, "goapppatch:", err)
		os.Exit(1)
	}
}
