package bundle

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
)

// FS is src as served: each bundle in place of its entry's sources, and
// the source folders (web/js, web/css) left out.
func FS(src fs.FS) (fs.FS, error) {
	out, err := Bundle(src)
	if err != nil {
		return nil, err
	}
	return served{src: src, out: out}, nil
}

type served struct {
	src fs.FS
	out map[string][]byte
}

func (s served) hidden(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	return slices.Contains(sourceDirs, top)
}

func (s served) Open(name string) (fs.File, error) {
	if b, ok := s.out[name]; ok {
		return &file{Reader: bytes.NewReader(b), info: info{name: name, size: int64(len(b))}}, nil
	}
	if !fs.ValidPath(name) || s.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := s.src.Open(name)
	if err != nil || name != "." {
		return f, err
	}
	// The top folder lists the bundles, not the source folders.
	list, err := s.ReadDir(".")
	if err != nil {
		f.Close()
		return nil, err
	}
	return &top{File: f, list: list}, nil
}

// top is the top folder, opened.
type top struct {
	fs.File
	list []fs.DirEntry
}

func (d *top) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		list := d.list
		d.list = nil
		return list, nil
	}
	if len(d.list) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.list))
	list := d.list[:n]
	d.list = d.list[n:]
	return list, nil
}

func (s served) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) || s.hidden(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(s.src, name)
	if err != nil && (name != "." || !errors.Is(err, fs.ErrNotExist)) {
		return nil, err
	}
	var list []fs.DirEntry
	for _, e := range entries {
		p := e.Name()
		if name != "." {
			p = name + "/" + p
		}
		if _, ok := s.out[p]; !ok && !s.hidden(p) {
			list = append(list, e)
		}
	}
	if name == "." {
		for n, b := range s.out {
			list = append(list, fs.FileInfoToDirEntry(info{name: n, size: int64(len(b))}))
		}
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, nil
}

// file is a bundle, opened; it seeks, as http.FileServer wants.
type file struct {
	*bytes.Reader
	info info
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }

type info struct {
	name string
	size int64
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return 0o444 }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return nil }
