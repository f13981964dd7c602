package main

import (
	"context"
	"slices"
	"testing"
	"time"
)

func TestLastProgress(t *testing.T) {
	// The output of a real run, with go test's lines around it.
	out := `warning: starting with empty corpus
fuzz: elapsed: 0s, gathering baseline coverage: 0/14 completed
fuzz: elapsed: 0s, gathering baseline coverage: 14/14 completed, now fuzzing with 2 workers
fuzz: elapsed: 3s, execs: 8312 (2770/sec), new interesting: 4 (total: 18)
fuzz: elapsed: 1m5s, execs: 13864 (982/sec)
PASS
ok  	github.com/gloss/gloss/content/parse	5.071s
`
	execs, elapsed := lastProgress([]byte(out))
	if execs != 13864 || elapsed != 65*time.Second {
		t.Errorf("lastProgress = %d, %v; want 13864, 1m5s", execs, elapsed)
	}
	for _, out := range []string{"", "fuzz: elapsed: 0s, gathering baseline coverage: 0/14 completed\n", "--- FAIL: FuzzX\n"} {
		if execs, elapsed := lastProgress([]byte(out)); execs != 0 || elapsed != 0 {
			t.Errorf("lastProgress(%q) = %d, %v; want zeros", out, execs, elapsed)
		}
	}
}

func TestFloorFlag(t *testing.T) {
	var f floorFlag
	for _, s := range []string{"300", "FuzzAttrs=5000"} {
		if err := f.Set(s); err != nil {
			t.Fatal(err)
		}
	}
	if f.of("FuzzArticle") != 300 || f.of("FuzzAttrs") != 5000 {
		t.Errorf("floors %v", f)
	}
	for _, bad := range []string{"", "0", "-5", "fast", "Attrs=5", "FuzzX="} {
		if err := f.Set(bad); err == nil {
			t.Errorf("Set(%q): no error", bad)
		}
	}
}

func TestRate(t *testing.T) {
	if r := (result{execs: 10000, elapsed: 4 * time.Second}).rate(); r != 2500 {
		t.Errorf("rate = %v", r)
	}
	if r := (result{execs: 10}).rate(); r != 0 {
		t.Errorf("rate without time = %v", r)
	}
}

func TestListTargets(t *testing.T) {
	got, err := listTargets(context.Background(), "go", "./testdata/pkg")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"FuzzOne", "Fuzz", "FuzzTwo"}; !slices.Equal(got, want) {
		t.Errorf("listTargets = %q, want %q", got, want)
	}
}
