package main

// Section 9: Lighthouse's mobile scores of the article and the embed
// demo, against the article with the wasm blocked.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

const secLighthouse = "9 lighthouse"

// lighthouseVersion is the pinned release: 13.x needs Node 22, and the
// goals were set against this one.
const lighthouseVersion = "12.2.3"

// Lighthouse's goals: scores out of 100, TBT in milliseconds.
const (
	lhPerformanceGoal = 95
	lhTBTGoal         = 200
)

// lhCategories are the categories measured, in the table's order.
var lhCategories = []struct{ id, name string }{
	{"performance", "performance"},
	{"accessibility", "accessibility"},
	{"best-practices", "best practices"},
	{"seo", "SEO"},
}

// lhRun is what one Lighthouse run reported.
type lhRun struct {
	Scores map[string]float64 `json:"scores"`
	TBT    float64            `json:"tbt_ms"`
	// Failing are the audits below Lighthouse's own pass mark (0.9 for
	// numeric audits, 1 for pass/fail ones), by id, with what they show.
	Failing map[string]string `json:"failing"`
	// Errors are the audits Lighthouse could not compute, by id, with its
	// message: not measured, never passes.
	Errors map[string]string `json:"errors"`
	// Breakdown is mainthread-work-breakdown's groups, in ms.
	Breakdown map[string]float64 `json:"main_thread_ms"`
	// LongTasks are the longest main-thread tasks, in ms.
	LongTasks []float64 `json:"long_tasks_ms"`
}

// lhReport is the part of Lighthouse's JSON the bench reads.
type lhReport struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	RuntimeError      *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID string `json:"id"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Score        *float64 `json:"score"`
		Mode         string   `json:"scoreDisplayMode"`
		NumericValue float64  `json:"numericValue"`
		DisplayValue string   `json:"displayValue"`
		ErrorMessage string   `json:"errorMessage"`
		Details      struct {
			Items []struct {
				Group    string  `json:"group"`
				Duration float64 `json:"duration"`
			} `json:"items"`
		} `json:"details"`
	} `json:"audits"`
}

// lighthouseCommand finds the pinned Lighthouse: -lighthouse, else the
// repository's node_modules, else whatever `npx --no-install` finds. It
// checks the version, so that scores are never read from another release.
func (b *Bench) lighthouseCommand(ctx context.Context) ([]string, error) {
	var candidates [][]string
	if b.lighthouse != "" {
		candidates = append(candidates, []string{b.lighthouse})
	} else {
		local := filepath.Join(b.root, "bench", "node", "node_modules", ".bin", "lighthouse")
		if _, err := os.Stat(local); err == nil {
			candidates = append(candidates, []string{local})
		}
		if npx, err := exec.LookPath("npx"); err == nil {
			candidates = append(candidates, []string{npx, "--no-install", "lighthouse"})
		}
	}
	var tried []string
	for _, c := range candidates {
		vctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		out, err := exec.CommandContext(vctx, c[0], append(c[1:], "--version")...).Output()
		cancel()
		v := strings.TrimSpace(string(out))
		if err == nil && v == lighthouseVersion {
			return c, nil
		}
		if err != nil {
			v = err.Error()
		}
		tried = append(tried, fmt.Sprintf("%s: %s", strings.Join(c, " "), v))
	}
	if len(tried) == 0 {
		tried = []string{"no node_modules/.bin/lighthouse, no npx"}
	}
	return nil, fmt.Errorf("lighthouse %s is needed (make bench installs it into bench/node: cd bench/node && npm ci; lighthouse@%s; or -lighthouse PATH); tried %s",
		lighthouseVersion, lighthouseVersion, strings.Join(tried, "; "))
}

func (b *Bench) measureLighthouse(ctx context.Context) error {
	cmd, err := b.lighthouseCommand(ctx)
	if err != nil {
		b.rep.Skip(secLighthouse, "Lighthouse not installed", "performance, TBT, accessibility, best practices, SEO")
		return err
	}
	type target struct {
		name, path string
		block      bool
		runs       int
	}
	// The anchor is the article with the wasm blocked: the same page and
	// assets, less what the wasm costs. It runs first, so that a missing
	// tool or a crash shows before the long runs.
	targets := []target{
		{"article (wasm blocked)", seedPath, true, b.lhAnchorRuns},
		{"article", seedPath, false, b.lhRuns},
		{"/demo/embed", "/demo/embed", false, b.lhRuns},
	}
	runs := map[string][]lhRun{}
	for _, t := range targets {
		for i := 0; i < t.runs; i++ {
			b.logf("lighthouse %s, run %d/%d", t.name, i+1, t.runs)
			r, err := b.lighthouseOnce(ctx, cmd, b.glossURL+t.path, t.block, fmt.Sprintf("%s-%d", strings.Trim(strings.ReplaceAll(t.path, "/", "-"), "-"), i))
			if err != nil {
				return fmt.Errorf("lighthouse %s run %d: %w", t.name, i+1, err)
			}
			runs[t.name] = append(runs[t.name], r)
		}
	}
	b.rep.Samples["lighthouse"] = runs
	anchor := runs["article (wasm blocked)"]
	for _, page := range []string{"article", "/demo/embed"} {
		b.addLighthouseRows(page, runs[page], anchor)
	}
	return nil
}

func (b *Bench) addLighthouseRows(page string, runs, anchor []lhRun) {
	median := func(rs []lhRun, f func(lhRun) float64) float64 {
		var xs []float64
		for _, r := range rs {
			if x := f(r); !math.IsNaN(x) {
				xs = append(xs, x)
			}
		}
		return Median(xs)
	}
	score := func(id string) func(lhRun) float64 {
		return func(r lhRun) float64 {
			if s, ok := r.Scores[id]; ok {
				return s
			}
			return math.NaN()
		}
	}
	of := fmt.Sprintf("median of %d runs", len(runs))
	for _, c := range lhCategories {
		m, am := median(runs, score(c.id)), median(anchor, score(c.id))
		goal := 100.0
		if c.id == "performance" {
			goal = lhPerformanceGoal
		}
		row := Row{Figure: fmt.Sprintf("%s, %s", page, c.name), Value: fmt.Sprintf("%.0f", m), Number: num(m),
			Anchor: fmt.Sprintf("%.0f (/, wasm blocked)", am), Ratio: num(ratio(m, am)),
			Goal: fmt.Sprintf("≥ %.0f", goal), Status: status(m >= goal),
			Note: of + scoreRange(runs, score(c.id)) + failingNote(runs, c.id) + anchorFailing(anchor, c.id)}
		if math.IsNaN(m) {
			row.Value, row.Status = "—", NotMeasured
		}
		b.rep.Add(secLighthouse, row)
		if c.id == "performance" {
			tbt := func(r lhRun) float64 { return r.TBT }
			t, at := median(runs, tbt), median(anchor, tbt)
			b.rep.Add(secLighthouse, Row{Figure: page + ", total blocking time", Value: Ms(t), Number: num(t),
				Anchor: Ms(at) + " (/, wasm blocked)", Ratio: num(ratio(t, at)),
				Goal: fmt.Sprintf("≤ %d ms", lhTBTGoal), Status: status(t <= lhTBTGoal),
				Note: of + msRange(runs, tbt) + "; main thread: " + breakdownNote(runs) + "; longest tasks: " + longTaskNote(runs)})
		}
	}
	if errs := erroredAudits(runs); errs != "" {
		b.rep.Add(secLighthouse, Row{Figure: page + ", audits Lighthouse could not compute", Value: "—", Status: NotMeasured, Note: errs})
	}
}

func scoreRange(runs []lhRun, f func(lhRun) float64) string {
	var xs []float64
	for _, r := range runs {
		if x := f(r); !math.IsNaN(x) {
			xs = append(xs, x)
		}
	}
	if len(xs) < 2 {
		return ""
	}
	s := sorted(xs)
	return fmt.Sprintf(", %.0f–%.0f", s[0], s[len(s)-1])
}

func msRange(runs []lhRun, f func(lhRun) float64) string {
	var xs []float64
	for _, r := range runs {
		xs = append(xs, f(r))
	}
	if len(xs) < 2 {
		return ""
	}
	s := sorted(xs)
	return fmt.Sprintf(", %s–%s", Ms(s[0]), Ms(s[len(s)-1]))
}

// failingNote lists the category's failing audits with how many runs they
// failed in and what the median run's audit showed.
func failingNote(runs []lhRun, category string) string {
	count := map[string]int{}
	shown := map[string]string{}
	for _, r := range runs {
		for id, v := range r.Failing {
			if cat, audit, _ := strings.Cut(id, "/"); cat == category {
				count[audit]++
				shown[audit] = v
			}
		}
	}
	if len(count) == 0 {
		return "; no failing audit"
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var parts []string
	for _, id := range ids {
		p := fmt.Sprintf("%s (%d/%d", id, count[id], len(runs))
		if shown[id] != "" {
			p += ", " + shown[id]
		}
		parts = append(parts, p+")")
	}
	return "; failing: " + strings.Join(parts, ", ")
}

// anchorFailing lists the anchor's failing audits of the category, which
// the wasm-blocked page fails on its own (go-app's loader stays there).
func anchorFailing(anchor []lhRun, category string) string {
	n := failingNote(anchor, category)
	if strings.HasPrefix(n, "; no failing") {
		return ""
	}
	return "; anchor " + strings.TrimPrefix(n, "; ")
}

// erroredAudits lists the audits that errored in any run, and why.
func erroredAudits(runs []lhRun) string {
	why := map[string]string{}
	for _, r := range runs {
		for id, msg := range r.Errors {
			why[id] = msg
		}
	}
	if len(why) == 0 {
		return ""
	}
	ids := make([]string, 0, len(why))
	frameSequence := 0
	for id, msg := range why {
		ids = append(ids, id)
		if strings.Contains(msg, "frame_sequence") {
			frameSequence++
		}
	}
	slices.Sort(ids)
	note := strings.Join(ids, ", ")
	if frameSequence == len(ids) {
		return note + ` (Lighthouse 12.2.3 cannot read Chromium's trace: "frame_sequence")`
	}
	var other []string
	for _, id := range ids {
		if !strings.Contains(why[id], "frame_sequence") {
			other = append(other, id+": "+firstLine(why[id]))
		}
	}
	return note + "; other than frame_sequence: " + strings.Join(other, "; ")
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// breakdownNote is the median run's main-thread work by group, largest
// first.
func breakdownNote(runs []lhRun) string {
	groups := map[string][]float64{}
	for _, r := range runs {
		for g, ms := range r.Breakdown {
			groups[g] = append(groups[g], ms)
		}
	}
	type g struct {
		name string
		ms   float64
	}
	var gs []g
	for name, xs := range groups {
		gs = append(gs, g{name, Median(xs)})
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].ms > gs[j].ms })
	var parts []string
	for _, x := range gs[:min(len(gs), 4)] {
		parts = append(parts, fmt.Sprintf("%s %s", x.name, Ms(x.ms)))
	}
	return strings.Join(parts, ", ")
}

// longTaskNote is the median over runs of the longest and second-longest
// task.
func longTaskNote(runs []lhRun) string {
	var first, second []float64
	for _, r := range runs {
		if len(r.LongTasks) > 0 {
			first = append(first, r.LongTasks[0])
		}
		if len(r.LongTasks) > 1 {
			second = append(second, r.LongTasks[1])
		}
	}
	return fmt.Sprintf("%s, %s", Ms(Median(first)), Ms(Median(second)))
}

// lighthouseOnce runs Lighthouse's default (mobile) configuration once on
// url, in a Chromium of its own with the bench's flags and a fresh
// profile.
func (b *Bench) lighthouseOnce(ctx context.Context, cmd []string, url string, blockWasm bool, name string) (lhRun, error) {
	dir := b.tempDir("lighthouse")
	out := filepath.Join(dir, name+".json")
	profile := filepath.Join(dir, name+"-profile")
	args := append(cmd[1:], url,
		"--quiet", "--output=json", "--output-path="+out,
		"--only-categories="+strings.Join(lhCategoryIDs(), ","),
		// Screenshots are not scored: skipping them saves seconds a run.
		"--disable-full-page-screenshot", "--skip-audits=screenshot-thumbnails,final-screenshot",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run --user-data-dir="+profile,
	)
	if blockWasm {
		args = append(args, "--blocked-url-patterns=*.wasm")
	}
	rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	c := exec.CommandContext(rctx, cmd[0], args...)
	c.Env = append(os.Environ(), "CHROME_PATH="+b.chrome)
	// Lighthouse starts Chromium itself: on a timeout, stop them both.
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error { return syscall.Kill(-c.Process.Pid, syscall.SIGKILL) }
	if msg, err := c.CombinedOutput(); err != nil {
		return lhRun{}, fmt.Errorf("%w: %s", err, lastLines(string(msg), 5))
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		return lhRun{}, err
	}
	return parseLighthouse(raw, blockWasm)
}

func lhCategoryIDs() []string {
	var ids []string
	for _, c := range lhCategories {
		ids = append(ids, c.id)
	}
	return ids
}

// parseLighthouse reads one run's JSON report. With the wasm blocked,
// the console error the blocked request logs is expected and not counted
// against best practices' audit list (the score still includes it).
func parseLighthouse(raw []byte, blockedWasm bool) (lhRun, error) {
	var rep lhReport
	if err := json.Unmarshal(raw, &rep); err != nil {
		return lhRun{}, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return lhRun{}, fmt.Errorf("lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	if rep.LighthouseVersion != lighthouseVersion {
		return lhRun{}, fmt.Errorf("lighthouse %s reported, want %s", rep.LighthouseVersion, lighthouseVersion)
	}
	r := lhRun{Scores: map[string]float64{}, Failing: map[string]string{}, Errors: map[string]string{}, Breakdown: map[string]float64{}}
	for _, c := range lhCategories {
		cat, ok := rep.Categories[c.id]
		if !ok {
			return lhRun{}, fmt.Errorf("lighthouse: no %s category in the report", c.id)
		}
		if cat.Score != nil {
			r.Scores[c.id] = math.Round(*cat.Score * 100)
		}
		for _, ref := range cat.AuditRefs {
			a, ok := rep.Audits[ref.ID]
			if !ok {
				continue
			}
			switch {
			case a.Mode == "error":
				r.Errors[ref.ID] = a.ErrorMessage
			case a.Score == nil || a.Mode == "informative" || a.Mode == "manual" || a.Mode == "notApplicable":
			case a.Mode == "binary" && *a.Score < 1, a.Mode != "binary" && *a.Score < 0.9:
				if blockedWasm && ref.ID == "errors-in-console" {
					continue
				}
				r.Failing[c.id+"/"+ref.ID] = a.DisplayValue
			}
		}
	}
	tbt, ok := rep.Audits["total-blocking-time"]
	if !ok || tbt.Mode == "error" {
		return lhRun{}, errors.New("lighthouse: no total-blocking-time in the report")
	}
	r.TBT = tbt.NumericValue
	for _, it := range rep.Audits["mainthread-work-breakdown"].Details.Items {
		r.Breakdown[it.Group] = it.Duration
	}
	for _, it := range rep.Audits["long-tasks"].Details.Items {
		r.LongTasks = append(r.LongTasks, it.Duration)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(r.LongTasks)))
	return r, nil
}

// lastLines is the end of a tool's output, for an error message.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], " / ")
}
