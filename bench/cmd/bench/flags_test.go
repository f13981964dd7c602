package main

import (
	"slices"
	"testing"
)

func TestSplitWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"-trimpath -ldflags='-s -w'", []string{"-trimpath", "-ldflags=-s -w"}},
		{`  -ldflags "-s -w -X main.v=\"1\""  `, []string{"-ldflags", `-s -w -X main.v="1"`}},
		{`a\ b c`, []string{"a b", "c"}},
		{"", nil},
		{"''", []string{""}},
	} {
		got, err := SplitWords(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("SplitWords(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"-ldflags='-s", `-ldflags="-s`} {
		if _, err := SplitWords(bad); err == nil {
			t.Errorf("SplitWords(%q): no error", bad)
		}
	}
}

func TestWithSymbols(t *testing.T) {
	for _, c := range []struct {
		in, want []string
	}{
		{[]string{"-trimpath", "-ldflags=-s -w"}, []string{"-trimpath", "-ldflags=-w"}},
		{[]string{"-ldflags", "-s -w -X a.b=c"}, []string{"-ldflags", "-w -X a.b=c"}},
		{[]string{"-ldflags=-s"}, []string{"-ldflags="}},
		{[]string{"-trimpath"}, []string{"-trimpath"}},
	} {
		in := slices.Clone(c.in)
		if got := WithSymbols(in); !slices.Equal(got, c.want) {
			t.Errorf("WithSymbols(%q) = %q, want %q", c.in, got, c.want)
		}
		if !slices.Equal(in, c.in) {
			t.Errorf("WithSymbols changed its argument: %q", in)
		}
	}
}
