// Package watch follows a content folder for the live preview of `gloss
// serve -content`: it reads every article in the folder, then, whenever a
// file changes, reads again only the article the change is in. An article
// whose files stop parsing keeps its last good version, so the preview
// keeps showing it while the editor's problem is reported.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

// Folder is a content folder: one subfolder per article.
type Folder struct {
	dir string

	mu   sync.Mutex
	good map[string]content.Article // by subfolder name: the last good version
	bad  map[string]error           // by subfolder name: its problems now
}

// Open reads every article of dir. It fails only when dir cannot be read;
// articles with problems are left out and reported by State.
func Open(dir string) (*Folder, error) {
	if _, err := os.ReadDir(dir); err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	f := &Folder{dir: dir, good: make(map[string]content.Article), bad: make(map[string]error)}
	names, err := f.subfolders()
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		f.read(n)
	}
	return f, nil
}

// subfolders lists the folders of dir that hold an article, or should.
func (f *Folder) subfolders() ([]string, error) {
	entries, err := os.ReadDir(f.dir)
	if err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// read parses the article in subfolder name, keeping its last good
// version on a problem and forgetting it when the folder is gone.
func (f *Folder) read(name string) {
	path := filepath.Join(f.dir, name)
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		delete(f.good, name)
		delete(f.bad, name)
		return
	}
	as, err := parse.Load([]string{path})
	switch {
	case err != nil:
		f.bad[name] = err
	case len(as) != 1:
		f.bad[name] = fmt.Errorf("%s: no article.md", path)
	default:
		f.good[name] = as[0]
		delete(f.bad, name)
	}
}

// State is the content to serve, in site order (each article's last good
// version), and the problems of the files as they are now, nil if none.
func (f *Folder) State() ([]content.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	articles := make([]content.Article, 0, len(f.good))
	for _, a := range f.good {
		articles = append(articles, a)
	}
	parse.SortArticles(articles)
	names := make([]string, 0, len(f.bad))
	for n := range f.bad {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		errs = append(errs, f.bad[n])
	}
	return articles, errors.Join(errs...)
}

// settle is how long Watch waits after a change for the next one: an
// editor's save is often several writes (a temporary file, a rename).
const settle = 40 * time.Millisecond

// Watch calls changed with the new State after every change to the
// folder's files, until ctx ends.
func (f *Folder) Watch(ctx context.Context, changed func([]content.Article, error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", f.dir, err)
	}
	defer w.Close()
	if err := addTree(w, f.dir); err != nil {
		return err
	}
	dirty := make(map[string]bool) // subfolders to read again; "" = the folder list
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			return fmt.Errorf("watch %s: %w", f.dir, err)
		case ev := <-w.Events:
			rel, err := filepath.Rel(f.dir, ev.Name)
			if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
				continue
			}
			top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
			if strings.HasPrefix(top, ".") {
				continue
			}
			dirty[top] = true
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			timer.Reset(settle)
		case <-timer.C:
			for name := range dirty {
				f.read(name)
			}
			clear(dirty)
			changed(f.State())
		}
	}
}

// addTree watches dir and every folder under it (fsnotify watches one
// folder at a time).
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watch %s: %w", p, err)
			}
		}
		return nil
	})
}
