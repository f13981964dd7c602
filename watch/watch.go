// Package watch follows a content folder for `gloss serve -content`: it
// reads the folder's articles, then, whenever a file changes, reads again
// only the article the change is in. An article whose files stop parsing
// keeps its last good version, so the preview keeps showing it while the
// editor's problem is reported.
//
// Folder holds every article parsed; Archive holds only each article's
// Entry and reads an article when asked for it, so that its start and its
// memory do not grow with the text of the archive.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

// Folder is a content folder, one subfolder per article, every article
// parsed.
type Folder struct {
	dir string

	mu    sync.Mutex
	good  map[string]content.Article // by subfolder name: the last good version
	bad   map[string]error           // by subfolder name: its problems now
	order order                      // the good articles' entries, in site order
}

// Open reads every article of dir, on every core. It fails only when dir
// cannot be read; articles with problems are left out and reported by
// State.
func Open(dir string) (*Folder, error) {
	names, err := subfolders(dir)
	if err != nil {
		return nil, err
	}
	f := &Folder{dir: dir, good: make(map[string]content.Article), bad: make(map[string]error)}
	read := make([]readResult, len(names))
	each(len(names), func(i int) { read[i] = readArticle(dir, names[i]) })
	var entries []content.Entry
	for i, r := range read {
		f.apply(names[i], r)
		if a, ok := f.good[names[i]]; ok {
			entries = append(entries, content.EntryOf(a, ""))
		}
	}
	f.order = newOrder(entries)
	return f, nil
}

// subfolders lists the folders of dir that hold an article, or should.
func subfolders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
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

// readResult is what reading one subfolder found: the article, its
// problems, or that the folder is gone.
type readResult struct {
	article content.Article
	err     error
	gone    bool
}

// readArticle parses the article in subfolder name of dir.
func readArticle(dir, name string) readResult {
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return readResult{gone: true}
	}
	as, err := parse.Load([]string{path})
	switch {
	case err != nil:
		return readResult{err: err}
	case len(as) != 1:
		return readResult{err: fmt.Errorf("%s: no article.md", path)}
	}
	return readResult{article: as[0]}
}

// apply records what reading subfolder name found, keeping its last good
// version on a problem and forgetting it when the folder is gone. It
// leaves the order to its caller. f.mu is held, or f not yet shared.
func (f *Folder) apply(name string, r readResult) {
	switch {
	case r.gone:
		delete(f.good, name)
		delete(f.bad, name)
	case r.err != nil:
		f.bad[name] = r.err
	default:
		f.good[name] = r.article
		delete(f.bad, name)
	}
}

// read parses the article in subfolder name again, and moves its entry
// in the order: one article's work, whatever the size of the folder.
func (f *Folder) read(name string) {
	r := readArticle(f.dir, name)
	f.mu.Lock()
	defer f.mu.Unlock()
	var old, now *content.Entry
	if a, ok := f.good[name]; ok {
		e := content.EntryOf(a, "")
		old = &e
	}
	f.apply(name, r)
	if a, ok := f.good[name]; ok {
		e := content.EntryOf(a, "")
		now = &e
	}
	f.order = f.order.replace(old, now)
}

// State is the content to serve, in site order (each article's last good
// version), and the problems of the files as they are now, nil if none.
func (f *Folder) State() ([]content.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	articles := make([]content.Article, 0, len(f.order))
	for _, e := range f.order {
		articles = append(articles, f.good[e.Slug])
	}
	return articles, joinProblems(f.bad)
}

// joinProblems joins the problems of each subfolder, by folder name.
func joinProblems(bad map[string]error) error {
	names := make([]string, 0, len(bad))
	for n := range bad {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		errs = append(errs, bad[n])
	}
	return errors.Join(errs...)
}

// Watch calls changed with the new State after every change to the
// folder's files, until ctx ends.
func (f *Folder) Watch(ctx context.Context, changed func([]content.Article, error)) error {
	return followTree(ctx, f.dir, func(names []string) {
		for _, name := range names {
			f.read(name)
		}
		changed(f.State())
	})
}

// each calls do(i) for every i in [0, n) on every core, and returns when
// all calls have.
func each(n int, do func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range work {
				do(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
