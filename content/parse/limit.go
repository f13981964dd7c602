package parse

import (
	"fmt"
	"io"
	"io/fs"
)

// The largest files the parser reads. They are far above any real article
// (the seed article.md is 3.5 KB, its notes 1 to 3 KB each) and keep a mistaken
// or hostile file, a log pasted in or /dev/zero linked in, from costing
// gloss check and the server more than a moment and a few megabytes.
const (
	maxArticleSize = 1 << 20   // article.md: 1 MiB
	maxNoteSize    = 256 << 10 // each notes/<id>.md: 256 KiB
)

// readFile reads a file of at most limit bytes. A larger one is reported
// as an error naming its size, without reading it into memory.
func readFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size, regular := 512, false
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		regular = true
		if fi.Size() > limit {
			return nil, fmt.Errorf("too large: %d bytes, the limit is %d", fi.Size(), limit)
		}
		// One buffer of the file's size (and a byte to see its end):
		// growing one from 512 bytes was a tenth of the bytes a large
		// archive's reading allocated.
		size = int(fi.Size()) + 1
	}
	// The size a file reports may be wrong (it grows as it is read, or it
	// is not a regular file), so the read itself stops past the limit.
	r := io.LimitReader(f, limit+1)
	data := make([]byte, 0, size)
	for {
		want := cap(data) - len(data)
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		// A regular file reads short only at its end: asking again just
		// to be told so was a system call for each of an archive's files.
		if err == io.EOF || (regular && err == nil && n < want) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large: over the limit of %d bytes", limit)
	}
	return data, nil
}
