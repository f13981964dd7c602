package main

import (
	"math"
	"strings"
	"testing"
)

func TestBytes(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 7641321: "7,641,321", -12345: "-12,345"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMs(t *testing.T) {
	for x, want := range map[float64]string{3.14159: "3.1 ms", 250.4: "250 ms", math.NaN(): "—"} {
		if got := Ms(x); got != want {
			t.Errorf("Ms(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestTable(t *testing.T) {
	r := NewReport()
	r.Add("1 wasm", Row{Figure: "brotli", Value: "1,509,189", Anchor: "1,423,766", Ratio: num(1.06), Goal: "≤ 1.15", Status: Pass})
	r.Skip("5 server", "gloss export not available", "nginx req/s")
	got := r.Table()
	for _, want := range []string{
		"| 1 wasm | brotli | 1,509,189 | 1,423,766 | 1.06 | ≤ 1.15 | pass |",
		"| 5 server | nginx req/s | — |  |  |  | not measured: gloss export not available |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if num(math.NaN()) != nil || num(math.Inf(1)) != nil {
		t.Error("num of NaN or Inf is not nil")
	}
}
