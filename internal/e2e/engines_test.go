package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gloss/gloss/internal/browsertest"
	glosssite "github.com/gloss/gloss/site"
)

// The reader-facing checks in Firefox and WebKit: one list of checks in
// internal/e2e/engines/checks.mjs, run by Node with each engine's driver
// against servers this test starts. Each check is a subtest, so a failure
// names it. GLOSS_ENGINE_CHECKS=name,name runs only those.

func TestFirefox(t *testing.T) { runEngine(t, "firefox") }

func TestWebKit(t *testing.T) { runEngine(t, "webkit") }

// engineConfig is what the checks are given: the servers' addresses and
// what the reader should see there.
type engineConfig struct {
	Main         string        `json:"main"`
	SeedPath     string        `json:"seedPath"`
	Gated        string        `json:"gated"`
	Offline      string        `json:"offline"`
	FirstSecond  string        `json:"firstSecond"`
	Blocked      string        `json:"blocked"`
	Publisher    string        `json:"publisher"`
	Widget       string        `json:"widget"`
	ControlURL   string        `json:"controlURL"`
	Control      string        `json:"control"`
	Notes        []engineNote  `json:"notes"`
	OfflinePages []offlinePage `json:"offlinePages"`
	AxeSource    string        `json:"axeSource"`
}

type engineNote struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
}

type offlinePage struct {
	Path string `json:"path"`
	Text string `json:"text"`
	Card string `json:"card"`
}

type engineResult struct {
	Engine  string `json:"engine"`
	Version string `json:"version"`
	Fatal   string `json:"fatal"`
	Checks  []struct {
		Name     string   `json:"name"`
		Problems []string `json:"problems"`
		MS       int      `json:"ms"`
	} `json:"checks"`
}

func runEngine(t *testing.T, engine string) {
	axe, err := os.ReadFile(env.axe)
	if err != nil {
		t.Fatal(err)
	}
	main := startSite(t)
	offline := startSite(t)
	var held atomic.Int32
	firstSecond := startSite(t, slowPageKeep(&held))
	cfg := engineConfig{
		Main:    main.URL,
		Gated:   startSite(t, gated).URL,
		Offline: offline.URL,
		// The worker's fetch of the page it keeps takes a second there.
		FirstSecond: firstSecond.URL,
		Blocked:     startBlockedWasm(t),
		// The publisher on localhost, the widget on 127.0.0.1: two sites.
		Publisher: startPublisher(t, publisherPage{href: main.URL + glosssite.ArticlePath(seed.Slug), headline: seed.Title, before: 2, after: 12, reserve: true}.html(main.URL)),
		Widget:    main.URL,
		AxeSource: string(axe),
	}
	cfg.SeedPath = seedPath
	for _, n := range anchored(seed) {
		cfg.Notes = append(cfg.Notes, engineNote{ID: n.ID, Title: n.Title, Kind: string(n.Kind)})
	}
	other := articleNamed(t, "riverside-library")
	for _, p := range []string{seedPath + "?utm_source=x", seedPath, seedPath + "?embed=1"} {
		cfg.OfflinePages = append(cfg.OfflinePages, offlinePage{Path: p, Text: plain(seed.Body[0])[:40], Card: anchored(seed)[0].ID})
	}
	cfg.OfflinePages = append(cfg.OfflinePages, offlinePage{Path: glosssite.ArticlePath(other.Slug), Text: plain(other.Body[0])[:40], Card: anchored(other)[0].ID})
	control := startControl(t, offline, firstSecond)
	cfg.ControlURL, cfg.Control = control, control+"/control"

	runChecks(t, engine, "", cfg)
}

// runChecks runs the checks of module (internal/e2e/engines/checks.mjs
// when empty) in engine with Node, given cfg as JSON, and turns each
// into a subtest.
func runChecks(t *testing.T, engine, module string, cfg any) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("the cross-engine checks need Node.js: apt-get install -y nodejs npm, then make deps")
	}
	in, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	args := []string{filepath.Join("internal", "e2e", "engines", "run.mjs"), "--engine", engine}
	if module != "" {
		args = append(args, "--checks", module)
	}
	if only := os.Getenv("GLOSS_ENGINE_CHECKS"); only != "" {
		args = append(args, "--only", only)
	}
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = env.root
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var res engineResult
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("%s checks: %v (%v)\nstdout: %s\nstderr: %s", engine, err, runErr, stdout.String(), stderr.String())
	}
	if res.Fatal != "" {
		t.Fatalf("%s: %s\nstderr: %s", engine, res.Fatal, stderr.String())
	}
	if len(res.Checks) == 0 {
		t.Fatalf("%s ran no check", engine)
	}
	t.Logf("%s %s", engine, res.Version)
	for _, c := range res.Checks {
		t.Run(c.Name, func(t *testing.T) {
			t.Logf("%d ms", c.MS)
			for _, p := range c.Problems {
				t.Error(p)
			}
		})
	}
}

// startBlockedWasm serves a site whose wasm never arrives: the connection
// is cut, as a network filter or a dropped download would. It returns the
// site's URL.
func startBlockedWasm(t *testing.T) string {
	t.Helper()
	return startSite(t, cutWasm).URL
}

// controlPage is the drivers' control case: a plain page without Gloss.
const controlPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Control</title></head><body>
<button id="b" onclick="this.textContent = Number(this.textContent) + 1">0</button>
<button id="t" popovertarget="pop">Open</button><div id="pop" popover>A popover</div></body></html>`

// startControl serves what the checks need beside the sites: the control
// page, POST /stop, which stops the offline site, and POST
// /stop-first-second, which stops the site whose page the worker is slow
// to keep.
func startControl(t *testing.T, offline, firstSecond *site) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /control", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, controlPage)
	})
	mux.HandleFunc("POST /stop", func(w http.ResponseWriter, r *http.Request) {
		offline.Stop()
	})
	mux.HandleFunc("POST /stop-first-second", func(w http.ResponseWriter, r *http.Request) {
		firstSecond.Stop()
	})
	return serveLoopback(t, mux)
}

// serveLoopback serves h on a loopback port for the test's duration.
func serveLoopback(t *testing.T, h http.Handler) string {
	t.Helper()
	s, err := browsertest.Serve("", h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.URL
}
