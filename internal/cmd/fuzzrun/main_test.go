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

func TestCoordinatorRace(t *testing.T) {
	// The tail of a real run that hit go.dev/issue/75804 (make fuzz in CI).
	race := `fuzz: elapsed: 4s, execs: 31293 (6464/sec), new interesting: 599 (total: 614)
--- FAIL: FuzzArticle (4.33s)
    context deadline exceeded
FAIL
exit status 1
FAIL	github.com/gloss/gloss/content/parse	4.339s
`
	if !coordinatorRace([]byte(race)) {
		t.Error("the coordinator's race was not recognised")
	}
	// A real failure names the input it wrote, and is never run again.
	crash := `fuzz: elapsed: 1s, execs: 2210 (2209/sec), new interesting: 3 (total: 17)
--- FAIL: FuzzArticle (1.02s)
    --- FAIL: FuzzArticle (0.00s)
        parse_test.go:40: article: line 3: index out of range

    Failing input written to testdata/fuzz/FuzzArticle/5b2c
    To re-run:
    go test -run=FuzzArticle/5b2c
FAIL
`
	deadline := `--- FAIL: FuzzArticle (4.33s)
    context deadline exceeded
panic: runtime error: index out of range [recovered]
`
	for _, out := range []string{crash, deadline, "", "exit status 1\n"} {
		if coordinatorRace([]byte(out)) {
			t.Errorf("a real failure was taken for the race:\n%s", out)
		}
	}
}
