package main

// Section 6: what grows with the archive. The same figures at 1 and at
// 10,000 articles, served with `gloss serve -content`: the wasm, a first
// visit, the worker's precache, the server's start-up and memory, a cold
// page read, gloss check and gloss export, the live preview's
// edit-to-visible delay for a note and for a shared card, what sharing
// cards costs a page, and the front page, feeds and sitemap.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

const secScale = "6 scale"

// scaleSizes are the archive sizes compared: the figures at the last are
// held to the goals, beside those at the first.
var scaleSizes = []int{1, 10000}

// How section 6 reads pages: coldReads pages spread over the archive,
// each timed on its first request; then readPages pages (at most the
// archive) before the server's memory is read again.
const (
	coldReads = 20
	readPages = 1000
)

// scaleRun is what one archive size measured.
type scaleRun struct {
	Articles     int       `json:"articles"`
	WasmURL      string    `json:"wasm_url"`
	WasmBytes    int       `json:"wasm_bytes"`
	WasmEncoding string    `json:"wasm_encoding"`
	VisitBytes   int       `json:"first_visit_bytes"`
	VisitFetches []fetched `json:"first_visit_fetches"`
	Precache     int       `json:"precache_entries"`
	StartMs      float64   `json:"server_start_ms"`
	StartRSSKB   int       `json:"server_rss_after_start_kb"`
	ColdMs       []float64 `json:"cold_page_ms"`
	PagesRead    int       `json:"pages_read"`
	ReadRSSKB    int       `json:"server_rss_after_reading_kb"`
	CheckMs      float64   `json:"check_ms"`
	ExportMs     float64   `json:"export_ms"`
	ExportErr    string    `json:"export_error,omitempty"`
	EditMs       []float64 `json:"edit_to_visible_ms"`
	EditErr      string    `json:"edit_to_visible_error,omitempty"`
	// The shared cards' figures: the newest article's page with its
	// cards shared and written into it, and edits of its first card.
	Page        sharedPage  `json:"shared_page"`
	Door        []doorFetch `json:"front_door"`
	CardEditMs  []float64   `json:"card_edit_to_visible_ms"`
	CardEditErr string      `json:"card_edit_to_visible_error,omitempty"`
}

// visitRequests counts the first visit's requests.
func (r scaleRun) visitRequests() int { return len(r.VisitFetches) }

func (b *Bench) measureScale(ctx context.Context) error {
	seed := filepath.Join(b.root, "articles", "ukraine-talks-2024")
	var browser context.Context
	if b.chrome == "" {
		b.rep.Fail("Chromium is needed for the first visit and edit-to-visible figures: apt-get install -y chromium (or set GLOSS_CHROME)")
	} else {
		bctx, stop, err := b.startBrowser(ctx, "chromium-scale")
		if err != nil {
			return err
		}
		defer stop()
		browser = bctx
	}
	var runs []scaleRun
	for _, n := range scaleSizes {
		r, err := b.scaleOnce(ctx, seed, n, browser)
		if err != nil {
			return fmt.Errorf("%d article(s): %w", n, err)
		}
		runs = append(runs, r)
	}
	b.rep.Samples["scale"] = runs
	b.addScaleRows(runs[0], runs[len(runs)-1], browser != nil)
	b.addSharedRows(runs, browser != nil)
	b.addDoorRows(runs[0], runs[len(runs)-1])
	return nil
}

// scaleOnce serves n articles (generated once, then kept in bench/out)
// and measures.
func (b *Bench) scaleOnce(ctx context.Context, seed string, n int, browser context.Context) (scaleRun, error) {
	r := scaleRun{Articles: n}
	b.logf("%d article(s): generating, or reusing those of an earlier run", n)
	dir, slugs, err := CachedArticles(seed, filepath.Join(b.root, "bench", "out", "scale"), n)
	if err != nil {
		return r, err
	}
	b.logf("%d article(s) in %s", n, dir)
	start := time.Now()
	p, base, err := b.startGlossContent(ctx, dir, n)
	if err != nil {
		return r, err
	}
	defer p.Stop(5 * time.Second)
	r.StartMs = float64(time.Since(start).Microseconds()) / 1000
	if r.StartRSSKB, err = rssKB(p.cmd.Process.Pid); err != nil {
		return r, err
	}
	b.logf("%d article(s): start-up %s, RSS %d kB", n, Ms(r.StartMs), r.StartRSSKB)

	// Cold reads first, before anything else asks for those pages. The
	// newest article's is left out: site.Build renders it at start, so
	// that a broken build fails there.
	paths := articlePaths(slugs)
	cold := paths
	if len(paths) > 1 {
		cold = paths[1:]
	}
	for _, path := range spread(cold, coldReads) {
		t := time.Now()
		if _, status, err := get(ctx, base+path); err != nil || status != http.StatusOK {
			return r, fmt.Errorf("GET %s: %d %v", path, status, err)
		}
		r.ColdMs = append(r.ColdMs, float64(time.Since(t).Microseconds())/1000)
	}

	if r.Door, err = measureDoor(ctx, base); err != nil {
		return r, err
	}
	b.logf("%d article(s): front door %+v", n, r.Door)

	if r.WasmURL, r.WasmBytes, r.WasmEncoding, err = servedWasm(ctx, base); err != nil {
		return r, err
	}
	worker, status, err := get(ctx, base+"/app-worker.js")
	if err != nil || status != http.StatusOK {
		return r, fmt.Errorf("GET /app-worker.js: %d %v", status, err)
	}
	entries, err := PrecacheList(string(worker))
	if err != nil {
		return r, err
	}
	r.Precache = len(withoutRoot(entries))

	if browser != nil {
		b.logf("first visit, %d article(s)", n)
		if r.VisitFetches, err = b.firstVisit(ctx, browser, base, paths[0]); err != nil {
			return r, fmt.Errorf("first visit: %w", err)
		}
		for _, f := range r.VisitFetches {
			r.VisitBytes += f.Bytes
		}
	}

	read := spread(paths, readPages)
	b.logf("requesting %d pages", len(read))
	for _, path := range read {
		if _, status, err := get(ctx, base+path); err != nil || status != http.StatusOK {
			return r, fmt.Errorf("GET %s: %d %v", path, status, err)
		}
	}
	r.PagesRead = len(read)
	if r.ReadRSSKB, err = rssKB(p.cmd.Process.Pid); err != nil {
		return r, err
	}
	b.logf("%d article(s): cold reads %v ms, RSS after %d pages %d kB", n, r.ColdMs, r.PagesRead, r.ReadRSSKB)

	b.logf("gloss check, %d article(s)", n)
	if r.CheckMs, err = b.timeGloss(ctx, "check", dir); err != nil {
		return r, err
	}
	b.logf("%d article(s): check %s", n, Ms(r.CheckMs))
	b.logf("gloss export, %d article(s)", n)
	out := filepath.Join(b.tempDir(fmt.Sprintf("scale-%d", n)), "export")
	// An export past timeGloss's limit is a missed goal, not a section
	// that cannot report (today's eager export at 10,000 articles on a
	// loaded machine).
	if r.ExportMs, err = b.timeGloss(ctx, "export", "-content", dir, "-out", out); err != nil {
		if ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
			return r, err
		}
		r.ExportMs = 0 // JSON has no NaN: the error says there is no figure
		r.ExportErr = fmt.Sprintf("not done within %s", glossLimit)
	}
	b.logf("%d article(s): export %s %s", n, Ms(r.ExportMs), r.ExportErr)
	os.RemoveAll(out)

	if r.Page, err = sharedPageBytes(os.DirFS(b.webDir), dir, slugs[0]); err != nil {
		return r, err
	}
	b.logf("%d article(s): page %d B gzip with shared cards, %d B with its own; card %s shown by %d", n, r.Page.Shared, r.Page.Local, r.Page.Card, r.Page.Uses)
	if browser != nil {
		if err := b.scaleEdits(ctx, browser, base, dir, slugs[0], &r); err != nil {
			return r, err
		}
	}
	return r, nil
}

func articlePaths(slugs []string) []string {
	var out []string
	for _, s := range slugs {
		out = append(out, "/a/"+s)
	}
	return out
}

// spread picks at most k of items, evenly spaced from the first, so that
// reads cover the archive from its newest article to its oldest.
func spread(items []string, k int) []string {
	if len(items) <= k {
		return items
	}
	out := make([]string, k)
	for i := range k {
		out[i] = items[i*len(items)/k]
	}
	return out
}

// firstVisit opens the page at path (the newest article's) of the site
// at base in a fresh browser context through a counting proxy and
// returns every response until the network is idle, the service worker
// installed and idle again.
func (b *Bench) firstVisit(ctx context.Context, browser context.Context, base, page string) ([]fetched, error) {
	proxy, err := startCountProxy(base)
	if err != nil {
		return nil, err
	}
	defer proxy.stop()
	tab, cancel, err := newTab(browser)
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := within(tab, time.Minute, chromedp.Navigate(proxy.URL+page)); err != nil {
		return nil, err
	}
	const quiet = time.Second
	if !proxy.WaitIdle(ctx, quiet, time.Minute) {
		return nil, errors.New("the network was not idle within a minute")
	}
	if _, err := evalIn[bool](tab, time.Minute, `navigator.serviceWorker.ready.then((r) => !!r.active)`); err != nil {
		return nil, fmt.Errorf("no service worker became active: %w", err)
	}
	if !proxy.WaitIdle(ctx, quiet, time.Minute) {
		return nil, errors.New("the network was not idle within a minute of the worker's activation")
	}
	return proxy.Fetched(), nil
}
