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
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, st, err := wasmpack.Pack(in)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if st.Skipped != "" {
		fmt.Printf("wasmpack: %s left as it is: %s\n", path, st.Skipped)
		return nil
	}
	fmt.Printf("wasmpack: %s: %d data segments merged into %d (%d → %d bytes)\n", path, st.Before, st.After, len(in), len(out))
	return os.WriteFile(path, out, 0o644)
}
