package export

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"time"
)

// checkWasm checks the wasm is there, is a wasm, and that its compressed
// copies are of the same build: a static host sends them as they are,
// and a stale one would start an older program than the pages expect.
func checkWasm(web fs.FS, warn io.Writer) error {
	raw, err := fs.ReadFile(web, "app.wasm")
	if err != nil {
		return fmt.Errorf("export: %w: build the wasm first (make build)", err)
	}
	if !bytes.HasPrefix(raw, []byte("\x00asm")) {
		return errors.New("export: app.wasm is not a WebAssembly module")
	}
	info, err := fs.Stat(web, "app.wasm")
	if err != nil {
		return err
	}
	if gz, err := fs.ReadFile(web, "app.wasm.gz"); err == nil {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return fmt.Errorf("export: app.wasm.gz: %w", err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(plain, raw) {
			return errors.New("export: app.wasm.gz is not app.wasm compressed (a stale copy?): rebuild with make build")
		}
	}
	br, err := fs.ReadFile(web, "app.wasm.br")
	if err != nil {
		fmt.Fprintln(warn, "export: no web/app.wasm.br: hosts will send the gzip copy (install brotli and run make wasm for a ~25% smaller download)")
		return nil
	}
	brInfo, err := fs.Stat(web, "app.wasm.br")
	if err != nil {
		return err
	}
	if brInfo.ModTime().Before(info.ModTime().Truncate(time.Second)) { // brotli copies the mtime, to the second
		return errors.New("export: app.wasm.br is older than app.wasm (a stale copy?): rebuild with make build")
	}
	// Go has no brotli decoder; the brotli tool, when there, checks the
	// copy is of this build.
	if tool, err := exec.LookPath("brotli"); err == nil {
		cmd := exec.Command(tool, "-d", "-c")
		cmd.Stdin = bytes.NewReader(br)
		plain, err := cmd.Output()
		if err != nil || !bytes.Equal(plain, raw) {
			return errors.New("export: app.wasm.br is not app.wasm compressed (a stale copy?): rebuild with make build")
		}
	}
	return nil
}
