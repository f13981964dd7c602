package parse

import (
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestZZProf(t *testing.T) {
	dir := os.Getenv("ZZ_DIR")
	if dir == "" {
		t.Skip()
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	cpu0 := cpuTime()
	start := time.Now()
	as, err := Load([]string{dir})
	d := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("Load CPU %v", cpuTime()-cpu0)
	t.Logf("Load %d articles: %v; live heap after GC %.1f MB (%.1f KB/article); total alloc %.1f MB",
		len(as), d, float64(m1.HeapAlloc-m0.HeapAlloc)/1e6, float64(m1.HeapAlloc-m0.HeapAlloc)/1e3/float64(len(as)), float64(m1.TotalAlloc-m0.TotalAlloc)/1e6)
	cpu0 = cpuTime()
	start = time.Now()
	na, nn, err := Check([]string{dir})
	t.Logf("Check %d/%d: %v %v", na, nn, time.Since(start), err)
	t.Logf("Check CPU %v", cpuTime()-cpu0)
	runtime.KeepAlive(as)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZIndex(t *testing.T) {
	dir := os.Getenv("ZZ_DIR")
	if dir == "" {
		t.Skip()
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	cpu0 := cpuTime()
	start := time.Now()
	a, err := OpenArchive(os.DirFS(dir), ".")
	d := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("Index %d: %v wall, %v CPU; heap %.2f MB (%.0f B/entry); alloc %.1f MB", len(a.Entries()), d, cpuTime()-cpu0,
		float64(m1.HeapAlloc-m0.HeapAlloc)/1e6, float64(m1.HeapAlloc-m0.HeapAlloc)/float64(len(a.Entries())), float64(m1.TotalAlloc-m0.TotalAlloc)/1e6)
	var ds []time.Duration
	for i, e := range a.Entries() {
		if i%100 != 0 {
			continue
		}
		s := time.Now()
		if _, _, err := a.Article(e.Slug); err != nil {
			t.Fatal(err)
		}
		ds = append(ds, time.Since(s))
	}
	t.Logf("Article: %v", ds)
	runtime.KeepAlive(a)
}
