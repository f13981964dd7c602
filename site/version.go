package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"sort"
)

// Fingerprint hashes every file of web, so a version changes exactly when
// the wasm or an asset does, and is the same on every replica and restart.
// The wasm is built from the components the pages are printed with, so
// a change to them changes it too.
func Fingerprint(web fs.FS) (string, error) {
	var paths []string
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		f, err := web.Open(p)
		if err != nil {
			return "", err
		}
		io.WriteString(h, p+"\x00")
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
