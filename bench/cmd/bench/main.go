// Command bench measures Gloss against its anchors and prints one table:
// the wasm's bytes against a go-app hello world, the page's paint and
// start-up in headless Chromium, the cards' click latency against bare
// native popovers, the embed's cost to a publisher's page, the server's
// throughput against nginx serving the static export, and what grows
// with the archive (200 articles against 1, served with -content); then
// the main thread during the wasm's takeover (its longest task and a
// reader's click, against the page with the wasm blocked and bare
// popovers), the embed's blocking time on a publisher's page against the
// same page without it, and Lighthouse's scores. It writes
// the same figures, with the samples behind them, to bench/results.json.
//
// Run it with `make bench`, which builds what it needs first. It exits
// non-zero only when it cannot measure (a missing tool, a process that
// does not start), never because a goal is missed. Everything it starts
// listens on loopback only and is stopped before it exits.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/gloss/gloss/internal/browsertest"
)

// Bench holds one run's configuration, the processes it started and the
// report it fills.
type Bench struct {
	root   string
	outDir string
	// goWork is the workspace file the wasm is built with
	// (internal/goapp/patch), once section 1 has written it.
	goWork      string
	buildFlags  []string
	loads       int
	cardRounds  int
	wrkDuration time.Duration
	glossBin    string
	webDir      string
	goTool      string
	chrome      string
	wrk, nginx  string
	gzip        string
	brotli      string
	verbose     bool
	// Sections 7–9: clicks during the takeover, publisher loads of each
	// kind, Lighthouse runs per page and for its anchor, and the
	// Lighthouse to run.
	takeoverClicks int
	publisherRuns  int
	lhRuns         int
	lhAnchorRuns   int
	lighthouse     string
	only           map[string]bool

	tmp   string
	rep   *Report
	procs []*Proc

	gloss    *Proc
	glossURL string
	host     *host
	hostURL  string
	browser  context.Context
}

func main() { os.Exit(run()) }

func run() int {
	b := &Bench{rep: NewReport()}
	buildFlags := flag.String("buildflags", "-trimpath -ldflags='-s -w'", "go build flags of the release wasm (the Makefile passes GOFLAGS_RELEASE)")
	out := flag.String("out", "bench/results.json", "where to write the results")
	flag.IntVar(&b.loads, "loads", 5, "fresh page loads per CPU rate")
	flag.IntVar(&b.cardRounds, "card-rounds", 3, "times each card is clicked")
	flag.IntVar(&b.takeoverClicks, "takeover-clicks", 30, "clicks on a phrase during the takeover, one per fresh load")
	flag.IntVar(&b.publisherRuns, "publisher-loads", 7, "publisher page loads with the embed, and as many without")
	flag.IntVar(&b.lhRuns, "lighthouse-runs", 5, "Lighthouse runs per page (the median is reported)")
	flag.IntVar(&b.lhAnchorRuns, "lighthouse-anchor-runs", 3, "Lighthouse runs of the anchor, the article with the wasm blocked")
	flag.StringVar(&b.lighthouse, "lighthouse", "", "the lighthouse command (default: bench/node/node_modules/.bin/lighthouse, which make bench installs, else npx --no-install lighthouse)")
	flag.StringVar(&b.glossBin, "gloss", "bin/gloss", "the gloss binary (make build)")
	flag.StringVar(&b.webDir, "web", "web", "the web folder with the built app.wasm that section 1 measures (bin/gloss embeds the same)")
	flag.BoolVar(&b.verbose, "v", true, "print progress on stderr")
	timeout := flag.Duration("timeout", 20*time.Minute, "give up after this long")
	only := flag.String("only", "", "measure only these sections, as 1,3 (for working on the bench; make bench measures all)")
	flag.Parse()
	if *only != "" {
		b.only = map[string]bool{}
		for _, s := range strings.Split(*only, ",") {
			b.only[strings.TrimSpace(s)] = true
		}
	}

	var err error
	if b.buildFlags, err = SplitWords(*buildFlags); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	if b.wrkDuration, err = benchDuration(os.Getenv("BENCH_DURATION")); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	b.loads = min(max(b.loads, 1), 50)
	b.cardRounds = min(max(b.cardRounds, 1), 20)
	b.takeoverClicks = min(max(b.takeoverClicks, 1), 200)
	b.publisherRuns = min(max(b.publisherRuns, 1), 20)
	b.lhRuns = min(max(b.lhRuns, 1), 20)
	b.lhAnchorRuns = min(max(b.lhAnchorRuns, 1), 20)
	if b.root, err = os.Getwd(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	b.outDir = filepath.Join(b.root, "bench", "out")
	if err := os.MkdirAll(b.outDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	if b.tmp, err = os.MkdirTemp("", "gloss-bench-"); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	defer os.RemoveAll(b.tmp)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	defer b.stopAll()

	b.measure(ctx)

	b.rep.Seconds = time.Since(b.rep.Started).Seconds()
	fmt.Println()
	fmt.Printf("Gloss bench, %s — %s\n", b.rep.Started.Format("2006-01-02 15:04"), b.rep.Machine)
	fmt.Printf("Article: %s. Took %.0f s.\n", b.rep.Article, b.rep.Seconds)
	for _, n := range b.rep.Notes {
		fmt.Println("Note:", n)
	}
	fmt.Println()
	fmt.Print(b.rep.Table())
	if len(b.rep.Errors) > 0 {
		fmt.Println()
		for _, e := range b.rep.Errors {
			fmt.Println("could not measure:", e)
		}
	}
	if err := b.rep.WriteJSON(*out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	fmt.Printf("\nWrote %s.\n", *out)
	if len(b.rep.Errors) > 0 {
		return 1
	}
	return 0
}

// measure runs the nine sections, each as far as the tools and the
// landed features allow.
func (b *Bench) measure(ctx context.Context) {
	b.findTools()
	b.rep.Command = "make bench"
	b.rep.Article = defaultArticle()
	b.rep.Machine = b.machine()
	b.rep.Notes = append(b.rep.Notes,
		fmt.Sprintf("%d CPU cores, shared with whatever else runs: absolute times drift between runs; compare the ratios against the anchors measured in the same run.", runtime.NumCPU()),
		"Anchors: the go-app v9.8.0 hello world in bench/floor (same flags, same server/wasm split); bare native popovers on a page with no script; Debian's nginx serving `gloss export` with the shipped snippet (stock http settings: gzip on), and again with the pages pre-compressed (gzip_static).")

	step := func(name string, f func(context.Context) error) {
		if n, _, _ := strings.Cut(name, " "); b.only != nil && !b.only[n] && n != "gloss" {
			return
		}
		if ctx.Err() != nil {
			b.rep.Fail("%s: %v", name, ctx.Err())
			return
		}
		b.logf("== %s", name)
		start := time.Now()
		if err := f(ctx); err != nil {
			b.rep.Fail("%s: %v", name, err)
		}
		b.logf("   %s took %.0f s", name, time.Since(start).Seconds())
	}

	if b.gzip == "" || b.brotli == "" {
		b.rep.Fail("gzip and brotli are needed for the wasm sizes: apt-get install -y gzip brotli")
		b.rep.Skip(secWasm, "gzip or brotli not installed", "app.wasm brotli -q 11 (bytes)")
	} else {
		step("1 wasm bytes", b.measureWasm)
	}

	step("gloss serve", b.startGloss)
	if b.gloss == nil {
		b.rep.Skip(secPage, "gloss serve did not start", "page")
		b.rep.Skip(secCards, "gloss serve did not start", "cards")
		b.rep.Skip(secEmbed, "gloss serve did not start", "embed")
		b.rep.Skip(secTakeover, "gloss serve did not start", "takeover")
		b.rep.Skip(secPublisher, "gloss serve did not start", "publisher")
		b.rep.Skip(secLighthouse, "gloss serve did not start", "lighthouse")
		b.rep.Skip(secServer, "gloss serve did not start", "server")
		return
	}
	h, url, err := b.startHost()
	if err != nil {
		b.rep.Fail("starting the bench's own loopback server: %v", err)
		return
	}
	b.host, b.hostURL = h, url

	if b.chrome == "" {
		b.rep.Fail("Chromium is needed for the page, card and embed figures: apt-get install -y chromium (or set GLOSS_CHROME)")
		b.rep.Skip(secPage, "Chromium not installed", "page")
		b.rep.Skip(secCards, "Chromium not installed", "cards")
		b.rep.Skip(secEmbed, "Chromium not installed", "embed")
		b.rep.Skip(secTakeover, "Chromium not installed", "takeover")
		b.rep.Skip(secPublisher, "Chromium not installed", "publisher")
		b.rep.Skip(secLighthouse, "Chromium not installed", "lighthouse")
	} else {
		bctx, stopBrowser, err := b.startBrowser(ctx, "chromium")
		if err != nil {
			b.rep.Fail("%v", err)
			for _, sec := range []string{secPage, secCards, secEmbed, secTakeover} {
				b.rep.Skip(sec, "Chromium did not start", strings.SplitN(sec, " ", 2)[1])
			}
		} else {
			b.browser = bctx
			step("2 page", b.measurePage)
			step("3 cards", b.measureCards)
			step("4 embed", b.measureEmbed)
			step("7 takeover", b.measureTakeover)
			stopBrowser()
			b.browser = nil
			step("8 publisher", b.measurePublisher)
			// Section 4's WordPress post, in a browser like section 8's.
			step("4 embed in WordPress", b.measureWordPressEmbed)
		}
	}

	if b.wrk == "" {
		b.rep.Fail("wrk is needed for the server figures: apt-get install -y wrk")
		b.rep.Skip(secServer, "wrk not installed", "server")
	} else {
		step("5 server", b.measureServer)
	}
	step("6 scale", b.measureScale)
	if b.chrome != "" {
		step("9 lighthouse", b.measureLighthouse)
	}
}

// findTools looks up the programs the bench runs.
func (b *Bench) findTools() {
	look := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			return ""
		}
		return p
	}
	b.goTool = look("go")
	if b.goTool == "" {
		// Not on PATH: the go command that ran the bench (go run, go
		// test) says where it lives in GOROOT; failing that, running
		// "go" reports it missing.
		b.goTool = "go"
		if root := os.Getenv("GOROOT"); root != "" {
			b.goTool = filepath.Join(root, "bin", "go")
		}
	}
	b.chrome = browsertest.Find()
	b.wrk = look("wrk")
	b.nginx = look("nginx")
	if b.nginx == "" {
		if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
			b.nginx = "/usr/sbin/nginx"
		}
	}
	b.gzip = look("gzip")
	b.brotli = look("brotli")
}

func (b *Bench) machine() string {
	parts := []string{fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())}
	if b.chrome != "" {
		if out, err := exec.Command(b.chrome, "--version").Output(); err == nil {
			parts = append(parts, strings.TrimSpace(string(out)))
		}
	}
	return strings.Join(parts, ", ")
}

// stopAll stops every process the bench started, the host server too.
func (b *Bench) stopAll() {
	if b.host != nil {
		b.host.stop()
	}
	for i := len(b.procs) - 1; i >= 0; i-- {
		b.procs[i].Stop(5 * time.Second)
	}
}

// tempDir returns a folder named name in the run's temporary folder.
func (b *Bench) tempDir(name string) string {
	d := filepath.Join(b.tmp, name)
	os.MkdirAll(d, 0o755)
	return d
}

func (b *Bench) logf(format string, args ...any) {
	if b.verbose {
		fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	}
}

// benchDuration reads BENCH_DURATION ("10s", "3s", or a number of
// seconds): how long each wrk run lasts, 10 s by default, 1 s to 60 s.
func benchDuration(s string) (time.Duration, error) {
	if s == "" {
		return 10 * time.Second, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		var secs int
		if _, err2 := fmt.Sscanf(s, "%d", &secs); err2 != nil || fmt.Sprint(secs) != s {
			return 0, fmt.Errorf("BENCH_DURATION=%q: want a duration such as 10s", s)
		}
		d = time.Duration(secs) * time.Second
	}
	if d < time.Second || d > time.Minute {
		return 0, fmt.Errorf("BENCH_DURATION=%q: want 1s to 60s", s)
	}
	return d.Round(time.Second), nil
}
