package main

// Section 6's edit-to-visible: one-word edits of a note, timed until the
// open tab shows them.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

const (
	// editGoal is the edit-to-visible median aimed under, at each size.
	editGoal = time.Second
	// edits is how many one-word edits the edit-to-visible median is of.
	edits = 5
)

// editProbe records, in the tab's sessionStorage (which outlives the
// preview's reloads), when each marker word gloss<file><k>x first appears
// in the page's body, on the clock of performance.timeOrigin.
const editProbe = `(() => {
  if (window !== window.top) return;
  const key = "gloss-bench-edits";
  const check = () => {
    if (!document.body) return;
    const seen = JSON.parse(sessionStorage.getItem(key) || "{}");
    const re = /gloss(?:note|card)\d+x/g;
    let m, changed = false;
    const text = document.body.textContent;
    while ((m = re.exec(text))) {
      if (!(m[0] in seen)) { seen[m[0]] = performance.timeOrigin + performance.now(); changed = true; }
    }
    if (changed) sessionStorage.setItem(key, JSON.stringify(seen));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`

// editToVisible opens url in a fresh browser context, then edits one word
// of note (a file that article shows: one of its notes, or a card) at a
// time and times each until the tab shows it. Each edit writes a word of
// its own, gloss<what><k>x: a word an earlier run of edits left in the
// tab's record cannot stand for a later one.
func (b *Bench) editToVisible(ctx context.Context, browser context.Context, url, note, what string) ([]float64, error) {
	tab, cancel, err := newTab(browser)
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := within(tab, time.Minute, onNewDocument(editProbe), chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	// The article is the server's HTML, which the wasm never replaces:
	// a loaded page is settled.
	settled := `document.readyState === "complete"`
	if err := waitJS(tab, settled, time.Minute); err != nil {
		return nil, err
	}
	offset, err := clockOffset(tab)
	if err != nil {
		return nil, err
	}
	var ms []float64
	for k := 1; k <= edits; k++ {
		// The preview's event stream must be open before the edit, or
		// the tab would never hear of it.
		time.Sleep(500 * time.Millisecond)
		raw, err := os.ReadFile(note)
		if err != nil {
			return nil, err
		}
		marker := fmt.Sprintf("gloss%s%dx", what, k)
		edited, err := withLastWord(raw, marker)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", note, err)
		}
		tmp := filepath.Join(b.tempDir("scale-edits"), filepath.Base(note))
		if err := os.WriteFile(tmp, edited, 0o644); err != nil {
			return nil, err
		}
		written := epochMs(time.Now())
		// A rename, as editors save: the watcher never reads half a file.
		if err := os.Rename(tmp, note); err != nil {
			return nil, err
		}
		seenExpr := fmt.Sprintf(`JSON.parse(sessionStorage.getItem("gloss-bench-edits") || "{}")[%q] || 0`, marker)
		var seen float64
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) && seen == 0 {
			time.Sleep(20 * time.Millisecond)
			seen, _ = evalIn[float64](tab, 2*time.Second, seenExpr)
		}
		if seen == 0 {
			return nil, fmt.Errorf("edit %d: the tab did not show the new word within 20 s", k)
		}
		ms = append(ms, seen-offset-written)
		if err := waitJS(tab, settled, time.Minute); err != nil {
			return nil, err
		}
	}
	return ms, nil
}

// scaleEdits times edits seen in the open tab of article slug of the
// archive at dir, served at base: of its first note written in it, and
// of its first shared card (r.Page.Card), which r.Page.Uses articles
// show. Every file edited is put back: the folder is kept for the next
// run, before the next is edited. A server too slow to show an edit
// within the limit is a missed goal, not a bench that cannot measure:
// the error goes in r.
func (b *Bench) scaleEdits(ctx, browser context.Context, base, dir, slug string, r *scaleRun) error {
	note, err := firstNote(filepath.Join(dir, slug, "notes"))
	if err != nil {
		return err
	}
	card := filepath.Join(dir, "cards", r.Page.Card+".md")
	n := r.Articles
	b.logf("edit-to-visible, %d article(s): %d edits of %s", n, edits, note)
	if err := keepFile(note, func() error {
		r.EditMs, err = b.editToVisible(ctx, browser, base+"/a/"+slug, note, "note")
		return err
	}); err != nil {
		r.EditErr = err.Error()
		b.logf("edit-to-visible, %d article(s): %v", n, err)
	}
	b.logf("card edit-to-visible, %d article(s): %d edits of %s, shown by %d", n, edits, card, r.Page.Uses)
	if err := keepFile(card, func() error {
		r.CardEditMs, err = b.editToVisible(ctx, browser, base+"/a/"+slug, card, "card")
		return err
	}); err != nil {
		r.CardEditErr = err.Error()
		b.logf("card edit-to-visible, %d article(s): %v", n, err)
	}
	return nil
}

// keepFile runs edit, then puts file back as it was: the generated
// folder is kept for the next run, and an edit's marker words left in
// one file would be found in the page at once by the next file's edits.
func keepFile(file string, edit func() error) error {
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	err = edit()
	if werr := os.WriteFile(file, orig, 0o644); err == nil {
		err = werr
	}
	return err
}

// clockOffset is the tab's clock (performance.timeOrigin + now) minus
// the bench's, in ms, from the quickest of a few round trips.
func clockOffset(tab context.Context) (float64, error) {
	best, offset := math.Inf(1), 0.0
	for range 5 {
		t0 := time.Now()
		v, err := evalIn[float64](tab, 5*time.Second, `performance.timeOrigin + performance.now()`)
		t1 := time.Now()
		if err != nil {
			return 0, err
		}
		if rtt := t1.Sub(t0).Seconds(); rtt < best {
			best = rtt
			offset = v - (epochMs(t0)+epochMs(t1))/2
		}
	}
	return offset, nil
}

func epochMs(t time.Time) float64 { return float64(t.UnixMicro()) / 1000 }

// firstNote is the first note file of a notes folder that is a card
// written in its article (anchored to a phrase, not a reference to a
// shared card), whose text the page holds.
func firstNote(dir string) (string, error) {
	notes, err := readNotes(dir)
	if err != nil {
		return "", err
	}
	for _, n := range notes {
		if n.anchor != "" && n.card == "" {
			return filepath.Join(dir, n.name), nil
		}
	}
	return "", fmt.Errorf("no anchored note written in its article in %s", dir)
}

// withLastWord replaces the last word of a note's body with word.
func withLastWord(note []byte, word string) ([]byte, error) {
	front, body, err := splitFront(note)
	if err != nil {
		return nil, err
	}
	s := strings.TrimRight(string(body), " \n")
	i := strings.LastIndexAny(s, " \n")
	if i < 0 {
		return nil, errors.New("the note has no body text to edit")
	}
	return joinFront(front, []byte(s[:i+1]+word+"\n")), nil
}
