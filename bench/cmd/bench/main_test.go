package main

import (
	"slices"
	"testing"
	"time"
)

func TestBenchDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{"": 10 * time.Second, "3s": 3 * time.Second, "5": 5 * time.Second, "1m": time.Minute, "2.4s": 2 * time.Second} {
		got, err := benchDuration(in)
		if err != nil || got != want {
			t.Errorf("benchDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "500ms", "2m", "fast", "5x"} {
		if _, err := benchDuration(bad); err == nil {
			t.Errorf("benchDuration(%q): no error", bad)
		}
	}
}

func TestServerPackages(t *testing.T) {
	floor := map[string]int{"net/http": 100, "text/template": 50, "runtime": 10}
	widget := map[string]int{
		"net/http": 120, "text/template": 50, "runtime": 10, // in the floor: go-app's
		"github.com/gloss/gloss/app":          5,
		"github.com/gloss/gloss/server":       7,
		"github.com/gloss/gloss/internal/foo": 1,
		"github.com/yuin/goldmark/parser":     3,
		"html/template":                       9,
		"net/url":                             2,
	}
	got := ServerPackages(widget, floor)
	want := []string{"github.com/gloss/gloss/internal/foo", "github.com/gloss/gloss/server", "github.com/yuin/goldmark/parser", "html/template"}
	if !slices.Equal(got, want) {
		t.Errorf("ServerPackages = %q, want %q", got, want)
	}
	if got := ServerPackages(floor, floor); len(got) != 0 {
		t.Errorf("the floor against itself: %q", got)
	}
}

func TestPageLoadPaintedFirst(t *testing.T) {
	for _, c := range []struct {
		l    pageLoad
		want bool
	}{
		{pageLoad{FCP: 100, WasmStart: 120}, true},
		{pageLoad{FCP: 100, WasmStart: 100}, true},
		{pageLoad{FCP: 130, WasmStart: 120}, false},
		{pageLoad{FCP: -1, WasmStart: 120}, false},
		{pageLoad{FCP: 100, WasmStart: -1}, true},
	} {
		if got := c.l.PaintedFirst(); got != c.want {
			t.Errorf("%+v: PaintedFirst = %t, want %t", c.l, got, c.want)
		}
	}
}
