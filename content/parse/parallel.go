package parse

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls do(i) for every i in [0, n) on every core, and returns
// when all calls have. Each call writes only its own result slot, so the
// results keep the order of i whatever order the calls ran in: reading an
// archive on every core must report the same problems in the same order
// as reading it on one.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		})
	}
	wg.Wait()
}
