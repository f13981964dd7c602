// Package watch follows a content folder for `gloss serve -content`
// (Archive): it indexes the folder's articles by their front matter, reads
// an article when asked for it, and, whenever a file changes, reads again
// only the article the change is in. An article whose files stop parsing
// keeps its last good version, so the preview keeps showing it while the
// editor's problem is reported.
package watch

import (
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

// subfolders lists the folders of dir that hold an article, or should.
func subfolders(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != cardsDir {
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

// readArticle parses the article in subfolder name of dir, with the
// cards of lib.
func readArticle(dir, name string, lib parse.Library) readResult {
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return readResult{gone: true}
	}
	a, err := parse.ArticlePath(path, lib)
	if err != nil {
		return readResult{err: err}
	}
	return readResult{article: a}
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
