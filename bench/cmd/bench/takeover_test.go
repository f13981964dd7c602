package main

import (
	"strings"
	"testing"
)

func TestLongestWithinWindow(t *testing.T) {
	l := takeoverLoad{Until: 1000, Tasks: []longTask{{Start: 100, Ms: 80}, {Start: 900, Ms: 400}, {Start: 1200, Ms: 900}}}
	if got := l.Longest(); got != 400 {
		t.Errorf("longest task started before the wasm ran: %v, want 400 (the 900 ms task came after)", got)
	}
	if got := (takeoverLoad{Until: 1000}).Longest(); got != 0 {
		t.Errorf("no long task: %v, want 0", got)
	}
}

func TestBlockingTime(t *testing.T) {
	if got := blockingTime([]longTask{{Ms: 50}, {Ms: 70}, {Ms: 850}}); got != 820 {
		t.Errorf("blocking time %v, want 20 + 800", got)
	}
}

func TestSpreadSharesCoverTheSpanEvenly(t *testing.T) {
	const n = 30
	shares := spreadShares(n, 14)
	seen := make([]bool, n)
	for _, s := range shares {
		i := int(s * n)
		if s < 0 || s >= 1 || seen[i] {
			t.Fatalf("share %v: outside 0–1 or a second one in its %d-th of the span; shares %v", s, n, shares)
		}
		seen[i] = true
	}
	again := spreadShares(n, 14)
	for i := range shares {
		if shares[i] != again[i] {
			t.Fatalf("the same seed gave other shares: %v, then %v", shares, again)
		}
	}
}

func TestControlRowCountsClicksDuringTheCompileOnly(t *testing.T) {
	control := []takeoverClick{{During: true, Ms: 60}, {During: true, Ms: 70}, {During: true, Ms: 80}, {During: false, Ms: 500}, {During: true, Ms: -1}}
	r := controlRow(control, compileWindow{Median: 150}, 140, 20)
	if r.Value != Ms(70)+" / "+Ms(Percentile([]float64{60, 70, 80}, 95)) {
		t.Errorf("value %q: want the median and p95 of the three clicks during the compile that opened a card", r.Value)
	}
	if !strings.HasPrefix(r.Note, "3 of 5 fresh loads") || !strings.Contains(r.Note, "take 2.00 ×") || !strings.Contains(r.Note, "its median is above the goal's 50 ms") || strings.Contains(r.Note, "p95 is above") {
		t.Errorf("note %q: want 3 of 5 clicks counted, the takeover at 2.00 × the control, its median above goal 3's and its p95 not", r.Note)
	}
	if r := controlRow([]takeoverClick{{During: true, Ms: 30}}, compileWindow{}, 60, 20); strings.Contains(r.Note, "above the goal") {
		t.Errorf("note %q: a control under both goals is above neither", r.Note)
	}
}
