package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"

	"github.com/gloss/gloss/internal/goapp"
)

// versioned are the web assets every page links, which pages name by
// their content so that browsers may cache them for good.
var versioned = []string{"gloss.css", "gloss.js"}

// resourcesOf names the build's resources under root: the wasm by the
// hash of wasm, the assets every page links by theirs.
func resourcesOf(web fs.FS, root string, wasm []byte) (goapp.Resources, error) {
	res := goapp.Resources{Root: root, Wasm: root + "/web/app-" + hash16(wasm) + ".wasm", Query: make(map[string]string)}
	for _, name := range versioned {
		b, err := fs.ReadFile(web, name)
		if err != nil {
			if _, ok := err.(*fs.PathError); ok {
				continue // a test's web folder may hold only a wasm
			}
			return res, fmt.Errorf("site: %w", err)
		}
		res.Query[name] = "?v=" + hash16(b)
	}
	return res, nil
}

func hash16(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}
