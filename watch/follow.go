package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long Watch waits after a change for the next one: an
// editor's save is often several writes (a temporary file, a rename).
const settle = 40 * time.Millisecond

// followTree watches dir's tree until ctx ends, and calls apply with the
// names of the subfolders (articles) changed, once the changes settle;
// in the card library, with "cards/<file>" for each file changed (or
// "cards" when the folder itself is), so that a card is read alone.
func followTree(ctx context.Context, dir string, apply func(names []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	defer w.Close()
	if err := addTree(w, dir); err != nil {
		return err
	}
	dirty := make(map[string]bool) // subfolders to read again
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			return fmt.Errorf("watch %s: %w", dir, err)
		case ev := <-w.Events:
			rel, err := filepath.Rel(dir, ev.Name)
			if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
				continue
			}
			top, rest, _ := strings.Cut(filepath.ToSlash(rel), "/")
			if strings.HasPrefix(top, ".") {
				continue
			}
			if file, _, _ := strings.Cut(rest, "/"); top == cardsDir && file != "" {
				if strings.HasPrefix(file, ".") {
					continue // an editor's swap file
				}
				top += "/" + file
			}
			dirty[top] = true
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			timer.Reset(settle)
		case <-timer.C:
			names := make([]string, 0, len(dirty))
			for name := range dirty {
				names = append(names, name)
			}
			clear(dirty)
			apply(names)
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
