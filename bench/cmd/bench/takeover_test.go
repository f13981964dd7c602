package main

import "testing"

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
