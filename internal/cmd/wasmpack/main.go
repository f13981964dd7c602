// Command wasmpack merges the data segments of the wasm files it is given,
// in place (internal/wasmpack): the Makefile runs it on the wasm it builds.
package main

import (
	"fmt"
	"os"

	"github.com/gloss/gloss/internal/wasmpack"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmpack FILE.wasm...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		if err := pack(path); err != nil {
			fmt.Fprintln(os.Stderr, "wasmpack:", err)
			os.Exit(1)
		}
	}
}

func pack(path string) error {
	st, err := wasmpack.PackFile(path)
	if err != nil {
		return err
	}
	if st.Skipped != "" {
		fmt.Printf("wasmpack: %s left as it is: %s\n", path, st.Skipped)
		return nil
	}
	if st.Before == st.After {
		// go build leaves a file it finds up to date: packed already.
		fmt.Printf("wasmpack: %s: %d data segments, none to merge\n", path, st.Before)
		return nil
	}
	fmt.Printf("wasmpack: %s: %d data segments merged into %d\n", path, st.Before, st.After)
	return nil
}
