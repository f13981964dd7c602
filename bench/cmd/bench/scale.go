package main

// Section 6: what grows with the archive. The same figures at 1 and at
// 200 articles, served with `gloss serve -content`: the wasm, a first
// visit, the worker's precache, the server's memory, the export's time
// and the live preview's edit-to-visible delay.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

const secScale = "6 scale"

// scaleSizes are the archive sizes compared: the figures at the last are
// held to the goals against the first.
var scaleSizes = []int{1, 200}

// The goals, as the figure at 200 articles over the figure at 1.
const (
	scaleWasmGoal  = 1.01
	scaleVisitGoal = 1.05
	// editGoal is the edit-to-visible median aimed under, at each size.
	editGoal = time.Second
	// edits is how many one-word edits the edit-to-visible median is of.
	edits = 5
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
	RSSKB        int       `json:"server_rss_kb"`
	ExportMs     float64   `json:"export_ms"`
	EditMs       []float64 `json:"edit_to_visible_ms"`
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
	return nil
}

func (b *Bench) addScaleRows(one, many scaleRun, browser bool) {
	at := func(n int) string {
		if n == 1 {
			return "(1 article)"
		}
		return fmt.Sprintf("(%d articles)", n)
	}
	row := func(figure string, v1, vn float64, format func(float64) string, goal float64) Row {
		r := Row{Figure: fmt.Sprintf("%s, %d articles", figure, many.Articles), Value: format(vn), Number: num(vn),
			Anchor: format(v1) + " " + at(one.Articles), Ratio: num(ratio(vn, v1))}
		if goal > 0 {
			r.Goal = fmt.Sprintf("≤ %.2f × at %d", goal, one.Articles)
			r.Status = status(vn <= goal*v1)
		}
		return r
	}
	bytesOf := func(x float64) string { return Bytes(int(x)) }
	count := func(x float64) string { return strconv.Itoa(int(x)) }
	mb := func(x float64) string { return fmt.Sprintf("%.1f MB", x/1024) }

	wasm := row("served wasm, "+many.WasmEncoding+" (bytes)", float64(one.WasmBytes), float64(many.WasmBytes), bytesOf, scaleWasmGoal)
	wasm.Note = "GET of the URL app.js loads, Accept-Encoding: br"
	if many.WasmEncoding != "br" {
		wasm.Note += "; not sent brotli-compressed"
	}
	b.rep.Add(secScale, wasm)
	if browser {
		visit := row("first visit (bytes)", float64(one.VisitBytes), float64(many.VisitBytes), bytesOf, scaleVisitGoal)
		visit.Note = fmt.Sprintf("headless Chromium at / until the network is idle, service worker's fetches included: response bodies as sent; wasm sent %d× at %d",
			wasmFetches(many), many.Articles)
		b.rep.Add(secScale, visit,
			row("first visit (requests)", float64(one.visitRequests()), float64(many.visitRequests()), count, 0))
	} else {
		b.rep.Skip(secScale, "Chromium not installed", "first visit (bytes)", "first visit (requests)")
	}
	pre := row("precache entries", float64(one.Precache), float64(many.Precache), count, 0)
	pre.Note = "resourcesToCache of /app-worker.js, less the root page the worker leaves out"
	up := row("gloss serve -content start-up (until / answers)", one.StartMs, many.StartMs, Ms, 0)
	up.Note = "every page is rendered before the server listens"
	rss := row("server RSS after every page once", float64(one.RSSKB), float64(many.RSSKB), mb, 0)
	rss.Note = "VmRSS of gloss serve -content"
	exp := row("gloss export -content (wall time)", one.ExportMs, many.ExportMs, Ms, 0)
	exp.Note = "one run each"
	b.rep.Add(secScale, pre, up, rss, exp)
	if !browser {
		b.rep.Skip(secScale, "Chromium not installed", "edit-to-visible")
		return
	}
	for _, r := range []scaleRun{one, many} {
		m := Median(r.EditMs)
		note := fmt.Sprintf("median of %d one-word note edits, from the file's rename to the open tab's DOM holding the word", len(r.EditMs))
		if len(r.EditMs) > 1 {
			s := sorted(r.EditMs)
			note += fmt.Sprintf("; %s–%s", Ms(s[0]), Ms(s[len(s)-1]))
		}
		b.rep.Add(secScale, Row{Figure: fmt.Sprintf("edit-to-visible, %s", strings.Trim(at(r.Articles), "()")),
			Value: Ms(m), Number: num(m), Goal: fmt.Sprintf("≤ %s", Ms(float64(editGoal.Milliseconds()))),
			Status: status(!math.IsNaN(m) && m <= float64(editGoal.Milliseconds())), Note: note})
	}
}

// wasmFetches counts the wasm downloads of r's first visit.
func wasmFetches(r scaleRun) int {
	n := 0
	for _, f := range r.VisitFetches {
		if strings.HasSuffix(strings.SplitN(f.Path, "?", 2)[0], ".wasm") && f.Status == http.StatusOK {
			n++
		}
	}
	return n
}

// scaleOnce generates n articles, serves them and measures.
func (b *Bench) scaleOnce(ctx context.Context, seed string, n int, browser context.Context) (scaleRun, error) {
	r := scaleRun{Articles: n}
	dir := filepath.Join(b.tempDir(fmt.Sprintf("scale-%d", n)), "content")
	b.logf("generating %d article(s) in %s", n, dir)
	slugs, err := GenArticles(seed, dir, n, rand.New(rand.NewPCG(uint64(n), 9)))
	if err != nil {
		return r, err
	}
	start := time.Now()
	p, base, err := b.startGlossContent(ctx, dir, n)
	if err != nil {
		return r, err
	}
	defer p.Stop(5 * time.Second)
	r.StartMs = float64(time.Since(start).Microseconds()) / 1000

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
		if r.VisitFetches, err = b.firstVisit(ctx, browser, base); err != nil {
			return r, fmt.Errorf("first visit: %w", err)
		}
		for _, f := range r.VisitFetches {
			r.VisitBytes += f.Bytes
		}
	}

	b.logf("requesting all %d pages", n+1)
	for _, path := range append([]string{"/"}, articlePaths(slugs)...) {
		if _, status, err := get(ctx, base+path); err != nil || status != http.StatusOK {
			return r, fmt.Errorf("GET %s: %d %v", path, status, err)
		}
	}
	if r.RSSKB, err = rssKB(p.cmd.Process.Pid); err != nil {
		return r, err
	}

	b.logf("gloss export, %d article(s)", n)
	if r.ExportMs, err = b.timeExport(ctx, dir, n); err != nil {
		return r, err
	}

	if browser != nil {
		note, err := firstNote(filepath.Join(dir, slugs[0], "notes"))
		if err != nil {
			return r, err
		}
		b.logf("edit-to-visible, %d article(s): %d edits of %s", n, edits, note)
		if r.EditMs, err = b.editToVisible(ctx, browser, base+"/a/"+slugs[0], note); err != nil {
			return r, fmt.Errorf("edit-to-visible: %w", err)
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

// startGlossContent starts gloss serve -content dir on a free loopback
// port.
func (b *Bench) startGlossContent(ctx context.Context, dir string, n int) (*Proc, string, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := FreePort()
		if err != nil {
			return nil, "", err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		cmd := exec.Command(b.glossBin, "serve", "-content", dir, "-addr", addr)
		cmd.Dir = b.root
		p, err := StartProc("gloss serve -content", cmd, filepath.Join(b.tempDir("logs"), fmt.Sprintf("gloss-scale-%d-%d.log", n, attempt)))
		if err != nil {
			return nil, "", err
		}
		url := "http://" + addr
		if lastErr = WaitHTTP(ctx, p, url+"/", 2*time.Minute); lastErr == nil {
			return p, url, nil
		}
		p.Stop(5 * time.Second)
	}
	return nil, "", lastErr
}

// servedWasm finds the wasm URL in the app.js the root page loads and
// counts what a GET of it sends to a client that accepts brotli.
func servedWasm(ctx context.Context, base string) (url string, n int, encoding string, err error) {
	page, status, err := get(ctx, base+"/")
	if err != nil || status != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET /: %d %v", status, err)
	}
	appJS := ScriptSrc(string(page), "app.js")
	if appJS == "" {
		return "", 0, "", errors.New("the page loads no app.js")
	}
	js, status, err := get(ctx, base+appJS)
	if err != nil || status != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET %s: %d %v", appJS, status, err)
	}
	if url = WasmURL(string(js)); url == "" {
		return "", 0, "", fmt.Errorf("%s names no .wasm", appJS)
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableCompression: true}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+url, nil)
	req.Header.Set("Accept-Encoding", "br")
	res, err := client.Do(req)
	if err != nil {
		return "", 0, "", err
	}
	defer res.Body.Close()
	c, err := io.Copy(io.Discard, res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET %s: %s %v", url, res.Status, err)
	}
	return url, int(c), res.Header.Get("Content-Encoding"), nil
}

var (
	scriptSrc = regexp.MustCompile(`<script[^>]*\s(?:data-)?src="([^"]+)"`)
	wasmURL   = regexp.MustCompile(`"([^"\s]+\.wasm)"`)
	precache  = regexp.MustCompile(`(?s)const resourcesToCache = (\[.*?\]);`)
)

// ScriptSrc is the src of the page's first script whose path ends in
// name, "" if none.
func ScriptSrc(page, name string) string {
	for _, m := range scriptSrc.FindAllStringSubmatch(page, -1) {
		if p, _, _ := strings.Cut(m[1], "?"); strings.HasSuffix(p, "/"+name) || p == name {
			return m[1]
		}
	}
	return ""
}

// WasmURL is the first .wasm URL quoted in go-app's app.js.
func WasmURL(appJS string) string {
	m := wasmURL.FindStringSubmatch(appJS)
	if m == nil {
		return ""
	}
	return m[1]
}

// PrecacheList reads the service worker's resourcesToCache array.
func PrecacheList(worker string) ([]string, error) {
	m := precache.FindStringSubmatch(worker)
	if m == nil {
		return nil, errors.New("app-worker.js: no const resourcesToCache = [...]")
	}
	var list []string
	if err := json.Unmarshal([]byte(m[1]), &list); err != nil {
		return nil, fmt.Errorf("app-worker.js: resourcesToCache: %w", err)
	}
	return list, nil
}

// withoutRoot drops the site's root page, which go-app lists and the
// worker leaves out: it is an article, kept when read.
func withoutRoot(list []string) []string {
	var out []string
	for _, u := range list {
		if u != "/" && u != "" {
			out = append(out, u)
		}
	}
	return out
}

// rssKB reads a process's resident set size from /proc.
func rssKB(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	return VmRSS(string(b))
}

// VmRSS reads the VmRSS line of a /proc/PID/status file, in kB.
func VmRSS(status string) (int, error) {
	for _, l := range strings.Split(status, "\n") {
		rest, ok := strings.CutPrefix(l, "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			break
		}
		return strconv.Atoi(f[0])
	}
	return 0, errors.New("no VmRSS line in /proc/PID/status")
}

// timeExport times gloss export -content dir into a fresh folder.
func (b *Bench) timeExport(ctx context.Context, dir string, n int) (float64, error) {
	out := filepath.Join(b.tempDir(fmt.Sprintf("scale-%d", n)), "export")
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.glossBin, "export", "-content", dir, "-out", out)
	cmd.Dir = b.root
	start := time.Now()
	msg, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("gloss export -content %s -out %s: %v\n%s", dir, out, err, msg)
	}
	return float64(d.Microseconds()) / 1000, nil
}

// firstVisit opens base/ in a fresh browser context through a counting
// proxy and returns every response until the network is idle, the
// service worker installed and idle again.
func (b *Bench) firstVisit(ctx context.Context, browser context.Context, base string) ([]fetched, error) {
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
	if err := within(tab, time.Minute, chromedp.Navigate(proxy.URL+"/")); err != nil {
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

// editProbe records, in the tab's sessionStorage (which outlives the
// preview's reloads), when each marker word glossedit<k>x first appears
// in the page's body, on the clock of performance.timeOrigin.
const editProbe = `(() => {
  if (window !== window.top) return;
  const key = "gloss-bench-edits";
  const check = () => {
    if (!document.body) return;
    const seen = JSON.parse(sessionStorage.getItem(key) || "{}");
    const re = /glossedit(\d+)x/g;
    let m, changed = false;
    const text = document.body.textContent;
    while ((m = re.exec(text))) {
      if (!(m[1] in seen)) { seen[m[1]] = performance.timeOrigin + performance.now(); changed = true; }
    }
    if (changed) sessionStorage.setItem(key, JSON.stringify(seen));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`

// editToVisible opens url in a fresh browser context, then edits one word
// of note (a file of that article) at a time and times each until the
// tab shows it.
func (b *Bench) editToVisible(ctx context.Context, browser context.Context, url, note string) ([]float64, error) {
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
		edited, err := withLastWord(raw, fmt.Sprintf("glossedit%dx", k))
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
		seenExpr := fmt.Sprintf(`JSON.parse(sessionStorage.getItem("gloss-bench-edits") || "{}")["%d"] || 0`, k)
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
// (anchored to a phrase), whose text the page holds.
func firstNote(dir string) (string, error) {
	notes, err := readNotes(dir)
	if err != nil {
		return "", err
	}
	for _, n := range notes {
		if n.anchor != "" {
			return filepath.Join(dir, n.name), nil
		}
	}
	return "", fmt.Errorf("no anchored note in %s", dir)
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
