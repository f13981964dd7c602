package httpd

import (
	"flag"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

var (
	attackConns = flag.Int("attack.conns", 600, "slow-reading connections TestSlowReaders holds")
	attackCap   = flag.Int("attack.cap", 100, "connection cap TestSlowReaders sets")
)

// With many more stalled readers than the cap allows, the server holds no
// more connections than the cap, and normal requests keep being answered.
func TestSlowReaders(t *testing.T) {
	l, addr, _ := start(t, bigHandler(), *attackCap, Options{WriteTimeout: 2 * time.Second})

	var mu sync.Mutex
	var attackers []net.Conn
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range attackers {
			c.Close()
		}
	}()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// Attackers: keep *attackConns stalled readers open, reconnecting
	// whenever the server closes one, as a real attack would.
	for i := range 4 {
		wg.Go(func() {
			for j := i; j < *attackConns; j += 4 {
				select {
				case <-stop:
					return
				default:
				}
				c := stall(t, addr)
				mu.Lock()
				attackers = append(attackers, c)
				mu.Unlock()
			}
		})
	}
	maxOpen := 0
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
			maxOpen = max(maxOpen, l.open())
		}
	})
	time.Sleep(500 * time.Millisecond)

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var lat []time.Duration
	for range 40 {
		t0 := time.Now()
		resp, err := client.Get("http://" + addr + "/ok")
		if err != nil {
			t.Fatalf("normal request under attack: %v", err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || string(b) != "ok\n" {
			t.Fatalf("normal request under attack: %q, %v", b, err)
		}
		lat = append(lat, time.Since(t0))
		time.Sleep(25 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	slices.Sort(lat)
	mu.Lock()
	held := len(attackers)
	mu.Unlock()
	t.Logf("%d stalled readers against a cap of %d: at most %d open; normal requests p50 %v, p99 %v, max %v",
		held, *attackCap, maxOpen, lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1])
	if maxOpen > *attackCap {
		t.Errorf("%d connections open at once; the cap is %d", maxOpen, *attackCap)
	}
	if held < *attackCap {
		t.Errorf("only %d stalled readers opened; the test must exceed the cap of %d", held, *attackCap)
	}
}
