// Command wasmbuild builds the served wasm, as internal/wasmbuild builds
// it for the e2e harness and the bench too, with its gzip and brotli
// copies: the Makefile's wasm target.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/gloss/gloss/internal/wasmbuild"
)

func main() {
	out := flag.String("o", "web/app.wasm", "the wasm to write (and its .gz and .br copies)")
	cache := flag.String("dir", ".cache/wasm", "the folder for the wasm's copy of go-app and its workspace file")
	flag.Parse()
	res, err := wasmbuild.Build{Root: ".", Out: *out, Cache: *cache, Gzip: true, Brotli: true}.Run(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmbuild:", err)
		os.Exit(1)
	}
	switch st := res.Pack; {
	case st.Skipped != "":
		fmt.Printf("wasmbuild: %s: data segments left as they are: %s\n", *out, st.Skipped)
	case st.Before == st.After:
		fmt.Printf("wasmbuild: %s: %d data segments, none to merge\n", *out, st.Before)
	default:
		fmt.Printf("wasmbuild: %s: %d data segments merged into %d\n", *out, st.Before, st.After)
	}
	if res.NoBrotli {
		fmt.Println("wasmbuild: brotli not installed: the wasm is served gzip-compressed only (apt-get install brotli)")
	}
}
