package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
	"github.com/gloss/gloss/internal/fixtures"
	"github.com/gloss/gloss/server"
	glosssite "github.com/gloss/gloss/site"
	"github.com/gloss/gloss/watch"
)

// Shared cards (issue 28) in Chromium, on the fixtures' shared archive
// (internal/fixtures/testdata/shared) served live from a copy of its
// folder, as `gloss serve -content` serves one: three articles of
// 10 February 2022 (library-closes), 14 March 2023 (library-reopens) and
// 20 March 2024 (library-anniversary), each showing the cards
// library-roof and footbridge from cards/. The card's page and the
// reader's mark are in shared_reader_test.go.

// liveShared is a copy of the shared archive served with the live
// preview, and the watcher that refreshes the server as files change.
type liveShared struct {
	*site
	dir string
	// streams counts the live preview's event streams that have sent
	// their first event: a tab whose stream has is told of every change
	// after it.
	streams atomic.Int32
}

func serveShared(t *testing.T) *liveShared {
	t.Helper()
	l := &liveShared{dir: filepath.Join(t.TempDir(), "content")}
	if err := os.CopyFS(l.dir, fixtures.SharedFS()); err != nil {
		t.Fatal(err)
	}
	folder, err := watch.OpenArchive(l.dir)
	if err != nil {
		t.Fatal(err)
	}
	if problems := folder.Problems(); problems != nil {
		t.Fatal(problems)
	}
	l.site = startSiteOn(t, "127.0.0.1:0", server.Config{Archive: folder, Preview: true}, func(s *site) {
		s.wrap = func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/_gloss/events" {
					w = &countFirstFlush{ResponseWriter: w, n: &l.streams}
				}
				h.ServeHTTP(w, r)
			})
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		folder.Watch(ctx, func(_ []string, problem error) { l.srv.Refresh(problem) })
	}()
	t.Cleanup(func() { cancel(); <-done; l.srv.Close() })
	return l
}

// countFirstFlush counts a stream once it has flushed its first event
// (the server subscribes it to changes before that).
type countFirstFlush struct {
	http.ResponseWriter
	n       *atomic.Int32
	flushed bool
}

func (w *countFirstFlush) Flush() {
	http.NewResponseController(w.ResponseWriter).Flush()
	if !w.flushed {
		w.flushed = true
		w.n.Add(1)
	}
}

func (w *countFirstFlush) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// waitStreams waits until n event streams have started in all.
func (l *liveShared) waitStreams(t *testing.T, n int) {
	t.Helper()
	eventually(t, 10*time.Second, func() string {
		if got := int(l.streams.Load()); got < n {
			return "only " + strconv.Itoa(got) + " of " + strconv.Itoa(n) + " live preview streams started"
		}
		return ""
	})
}

// save writes the content folder's file rel as an editor saves it: a
// temporary file beside it, renamed into place.
func (l *liveShared) save(t *testing.T, rel, text string) {
	t.Helper()
	p := filepath.Join(l.dir, rel)
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// addDevelopment adds a timeline entry to card id, last, and brings its
// updated to asOf, as an editor brings a card up to date.
func (l *liveShared) addDevelopment(t *testing.T, id, date, text, asOf string) {
	t.Helper()
	rel := filepath.Join("cards", id+".md")
	old, err := os.ReadFile(filepath.Join(l.dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	s := string(old)
	// In the fixture's cards the timeline comes just before the sources.
	i, j := strings.Index(s, "\nsources:"), strings.Index(s, "\nupdated: ")
	if i < 0 || j < 0 {
		t.Fatalf("%s has no sources or updated line to edit", rel)
	}
	end := j + 1 + strings.Index(s[j+1:], "\n")
	s = s[:j] + "\nupdated: " + asOf + s[end:i] + "\n  - date: " + date + "\n    text: " + text + s[i:]
	l.save(t, rel, s)
}

// libraryCard reads card id from the served copy of the folder, as the
// server has it.
func (l *liveShared) libraryCard(t *testing.T, id string) content.Card {
	t.Helper()
	c, err := parse.CardPath(filepath.Join(l.dir, "cards", id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// shownCard is a shared card as an article's page shows it.
type shownCard struct {
	Note       string   `json:"note"`
	Version    string   `json:"version"`
	Background []string `json:"background"`
	Since      []string `json:"since"`
	SinceText  []string `json:"sinceText"`
	AsOf       string   `json:"asOf"`
	Body       string   `json:"body"`
}

// cardIn reads the card id off the page in ctx: the dates of its
// background and "Since publication" entries, and its as-of.
func cardIn(t *testing.T, ctx context.Context, id string) shownCard {
	t.Helper()
	return eval[shownCard](t, ctx, `(() => {
  const c = document.querySelector('.gloss-card[data-card="`+id+`"]');
  if (!c) return {};
  const dates = (lis) => lis.map((li) => li.querySelector("time").getAttribute("datetime"));
  const all = [...c.querySelectorAll(".gloss-timeline li")];
  const since = all.filter((li) => li.closest(".gloss-since"));
  const asOf = c.querySelector(".gloss-since .gloss-asof time");
  return { note: c.id, version: c.dataset.version, background: dates(all.filter((li) => !li.closest(".gloss-since"))),
    since: dates(since), sinceText: since.map((li) => li.querySelector("span:not(.gloss-new-label)").textContent),
    asOf: asOf ? asOf.getAttribute("datetime") : "", body: c.querySelector(".gloss-card-body > div").textContent };
})()`)
}

// Issue 28, item 2: one card file, three articles of different dates,
// three "Since publication" sections, each the card's developments after
// its article's date, all as of the card's updated; the rest of the
// card's timeline is each article's background.
func TestSharedSincePublicationIsEachArticlesOwn(t *testing.T) {
	l := serveShared(t)
	ctx := newBrowser(t)
	for _, c := range []struct {
		card  string
		since map[string][]string // by article: the dates since its publication
	}{
		{"footbridge", map[string][]string{
			// "2024" may be before 20 March 2024: background there.
			"library-closes":      {"2022-09", "2023-04", "2024", "2026-05-01"},
			"library-reopens":     {"2023-04", "2024", "2026-05-01"},
			"library-anniversary": {"2026-05-01"},
		}},
		{"library-roof", map[string][]string{
			"library-closes":      {"2022-05-05", "2023-03-13", "2023-06-01", "2024-09-02", "2026-10-01"},
			"library-reopens":     {"2023-06-01", "2024-09-02", "2026-10-01"},
			"library-anniversary": {"2024-09-02", "2026-10-01"},
		}},
	} {
		file := l.libraryCard(t, c.card)
		var timeline []string
		for _, e := range file.Timeline {
			timeline = append(timeline, e.Date.ISO())
		}
		var seen []string
		for _, slug := range []string{"library-closes", "library-reopens", "library-anniversary"} {
			do(t, ctx, chromedp.Navigate(l.URL+glosssite.ArticlePath(slug)))
			waitFor(t, ctx, `location.pathname === "`+glosssite.ArticlePath(slug)+`" && document.readyState === "complete"`, 10*time.Second)
			got := cardIn(t, ctx, c.card)
			if !slices.Equal(got.Since, c.since[slug]) {
				t.Errorf("%s, card %s: since publication %v, want %v", slug, c.card, got.Since, c.since[slug])
			}
			if all := append(slices.Clone(got.Background), got.Since...); !slices.Equal(all, timeline) {
				t.Errorf("%s, card %s: background %v then since %v, want the file's timeline %v", slug, c.card, got.Background, got.Since, timeline)
			}
			if got.AsOf != file.Updated.ISO() || got.Version != file.Version || !strings.Contains(got.Body, "invented test data") {
				t.Errorf("%s, card %s: as of %q, version %q, text %q: want the file's %s, %s and text", slug, c.card, got.AsOf, got.Version, got.Body, file.Updated.ISO(), file.Version)
			}
			if len(got.Since) == 0 {
				continue
			}
			if key := strings.Join(got.Since, " "); slices.Contains(seen, key) {
				t.Errorf("%s, card %s: the same since publication as an article of another date: %v", slug, c.card, got.Since)
			} else {
				seen = append(seen, key)
			}
			// Opened, the card shows its section.
			do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(got.Note))))
			waitFor(t, ctx, openCard(got.Note), 5*time.Second)
			// textContent: the headings are styled upper case.
			if text := eval[string](t, ctx, `document.getElementById("`+got.Note+`").textContent`); !strings.Contains(text, "Since publication") ||
				!strings.Contains(text, got.SinceText[len(got.SinceText)-1]) {
				t.Errorf("%s, card %s open reads:\n%s", slug, c.card, text)
			}
		}
	}
}

// sinceShows is true when the page shows card id with a development
// reading text under "Since publication", as of the date asOf (ISO).
func sinceShows(id, text, asOf string) string {
	return `(() => { const c = document.querySelector('.gloss-card[data-card="` + id + `"]');
  const a = c && c.querySelector(".gloss-since .gloss-asof time");
  return !!a && a.getAttribute("datetime") === "` + asOf + `" &&
    [...c.querySelectorAll(".gloss-since li")].some((li) => li.textContent.includes("` + text + `")); })()`
}

// Issue 28, item 3: with two articles that show the library roof open in
// two tabs, and the card's page in a third, an editor's save of
// cards/library-roof.md shows in all three by itself: the live preview
// reloads each tab, and each shows the new development (under "Since
// publication" in the articles) and the card's new as-of.
func TestSharedOneEditReachesEveryArticle(t *testing.T) {
	l := serveShared(t)
	const text, asOf = "Gutters are added to the new roof.", "2027-02-03"
	var tabs []context.Context
	for _, p := range []string{glosssite.ArticlePath("library-closes"), glosssite.ArticlePath("library-anniversary"), glosssite.CardPath("library-roof")} {
		ctx := newBrowser(t)
		do(t, ctx, chromedp.Navigate(l.URL+p))
		waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
		eval[bool](t, ctx, `(window.glossBeforeEdit = true)`)
		tabs = append(tabs, ctx)
	}
	l.waitStreams(t, len(tabs))
	for _, ctx := range tabs[:2] {
		if eval[bool](t, ctx, sinceShows("library-roof", text, asOf)) {
			t.Fatal("the development shows before the edit")
		}
	}
	start := time.Now()
	l.addDevelopment(t, "library-roof", "2 February 2027", text, "3 February 2027")
	for i, ctx := range tabs[:2] {
		waitFor(t, ctx, `!window.glossBeforeEdit && `+sinceShows("library-roof", text, asOf), 10*time.Second)
		t.Logf("article tab %d shows the edit after %v", i+1, time.Since(start))
	}
	waitFor(t, tabs[2], `!window.glossBeforeEdit && document.querySelector(".gloss-cardpage-asof time").getAttribute("datetime") === "`+asOf+`" &&
  [...document.querySelectorAll(".gloss-cardpage-card .gloss-timeline li")].some((li) => li.textContent.includes("`+text+`"))`, 10*time.Second)
	t.Logf("the card page shows the edit after %v", time.Since(start))
	for _, ctx := range tabs {
		if eval[bool](t, ctx, `!!document.getElementById("gloss-preview-problem")`) {
			t.Error("a tab shows a problem with the content")
		}
	}
}
