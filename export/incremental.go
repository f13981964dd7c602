package export

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// keepUnchanged gives each file of the new export in tmp that holds what
// the same file of the previous export in out holds that file's
// modification time, so that a sync to a CDN or a static host (rsync,
// aws s3 sync), which compares sizes and times, uploads only what an edit
// changed. It returns how many files are new or changed.
func keepUnchanged(tmp, out string) (changed int, err error) {
	err = filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(tmp, p)
		if err != nil {
			return err
		}
		old := filepath.Join(out, rel)
		info, err := os.Stat(old)
		if errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir() {
			changed++
			return nil
		}
		if err != nil {
			return err
		}
		same, err := sameContent(p, old, info.Size())
		if err != nil || !same {
			changed++
			return err
		}
		return os.Chtimes(p, info.ModTime(), info.ModTime())
	})
	return changed, err
}

func sameContent(a, b string, size int64) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil || ia.Size() != size {
		return false, err
	}
	ba, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	bb, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ba, bb), nil
}
