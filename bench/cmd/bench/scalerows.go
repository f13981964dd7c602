package main

// Section 6's rows: each figure at the largest archive beside the same
// figure at one article, held to the goals of issue 27 at 10,000.

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The goals at the largest size: ratios to the figure at one article for
// what must not grow at all, limits for what may grow but not past them.
const (
	scaleWasmGoal  = 1.01
	scaleVisitGoal = 1.05
	startGoalMs    = 2000
	startRSSGoalKB = 300 * 1024
	readRSSGoalKB  = 400 * 1024
	coldGoalMs     = 50
	checkGoalMs    = 15000
	exportGoalMs   = 60000
)

func (b *Bench) addScaleRows(one, many scaleRun, browser bool) {
	at := func(n int) string {
		if n == 1 {
			return "(1 article)"
		}
		return fmt.Sprintf("(%s articles)", thousands(n))
	}
	row := func(figure string, v1, vn float64, format func(float64) string, goal float64) Row {
		r := Row{Figure: fmt.Sprintf("%s, %s articles", figure, thousands(many.Articles)), Value: format(vn), Number: num(vn),
			Anchor: format(v1) + " " + at(one.Articles), Ratio: num(ratio(vn, v1))}
		if goal > 0 {
			r.Goal = fmt.Sprintf("≤ %.2f × at %d", goal, one.Articles)
			r.Status = status(vn <= goal*v1)
		}
		return r
	}
	// limited is a row held to an absolute limit at the largest size.
	limited := func(figure string, v1, vn float64, format func(float64) string, limit float64) Row {
		r := row(figure, v1, vn, format, 0)
		r.Goal = "≤ " + format(limit)
		r.Status = status(!math.IsNaN(vn) && vn <= limit)
		return r
	}
	bytesOf := func(x float64) string { return Bytes(int(x)) }
	count := func(x float64) string { return strconv.Itoa(int(x)) }
	mb := func(x float64) string { return fmt.Sprintf("%.1f MB", x/1024) }
	secs := func(x float64) string {
		if x < 1000 {
			return Ms(x) // a check of one article: "0.0 s" would say nothing
		}
		return fmt.Sprintf("%.1f s", x/1000)
	}

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
	up := limited("gloss serve -content start-up (until / answers)", one.StartMs, many.StartMs, Ms, startGoalMs)
	up.Note = "from the process's start"
	startRSS := limited("server RSS after start", float64(one.StartRSSKB), float64(many.StartRSSKB), mb, startRSSGoalKB)
	startRSS.Note = "VmRSS of gloss serve -content once / answered"
	cold := limited("cold page read, slowest", slices.Max(one.ColdMs), slices.Max(many.ColdMs), Ms, coldGoalMs)
	cold.Note = fmt.Sprintf("first GET of each of %d pages spread over the archive, newest to oldest, one at a time; median %s (%s at 1)",
		len(many.ColdMs), Ms(Median(many.ColdMs)), Ms(Median(one.ColdMs)))
	readRSS := limited(fmt.Sprintf("server RSS after reading %s pages", thousands(many.PagesRead)),
		float64(one.ReadRSSKB), float64(many.ReadRSSKB), mb, readRSSGoalKB)
	readRSS.Note = fmt.Sprintf("VmRSS once %d pages spread over the archive were each requested (%d at 1 article)", many.PagesRead, one.PagesRead)
	check := limited("gloss check (wall time)", one.CheckMs, many.CheckMs, secs, checkGoalMs)
	check.Note = "one run each, the generated folder"
	exp := limited("gloss export -content (wall time)", one.ExportMs, many.ExportMs, secs, exportGoalMs)
	exp.Note = "one run each"
	if many.ExportErr != "" {
		exp.Value, exp.Number, exp.Ratio = "> "+secs(float64(glossLimit.Milliseconds())), nil, nil
		exp.Status, exp.Note = status(false), many.ExportErr
	}
	b.rep.Add(secScale, pre, up, startRSS, cold, readRSS, check, exp)
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
		if r.EditErr != "" {
			note = fmt.Sprintf("%d of %d edits shown; then: %s", len(r.EditMs), edits, r.EditErr)
		}
		b.rep.Add(secScale, Row{Figure: fmt.Sprintf("edit-to-visible, %s", strings.Trim(at(r.Articles), "()")),
			Value: Ms(m), Number: num(m), Goal: fmt.Sprintf("≤ %s", Ms(float64(editGoal.Milliseconds()))),
			Status: status(r.EditErr == "" && !math.IsNaN(m) && m <= float64(editGoal.Milliseconds())), Note: note})
	}
}

// thousands writes n with a comma every three digits: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
