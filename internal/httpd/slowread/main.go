// Command slowread is the slow-reader attack of issue 10, for measuring by
// hand: it holds -conns connections that ask for -path and read it at
// -rate bytes a second, opening a new one whenever the server closes one,
// while a probe asks for -probe every 50 ms on a fresh connection. At the
// end it prints the connections held and the probe's latencies.
//
//	go run ./internal/httpd/slowread -addr 127.0.0.1:8000 -conns 10000 -for 30s
//
// Loopback only: it is a load test, not a tool to point at others.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "server address (loopback)")
	conns := flag.Int("conns", 1000, "slow-reading connections to hold")
	rate := flag.Int("rate", 5, "bytes a second each connection reads")
	path := flag.String("path", "/web/app.wasm", "what the slow readers ask for")
	probe := flag.String("probe", "/", "what the normal requests ask for")
	dur := flag.Duration("for", 30*time.Second, "how long to attack")
	ramp := flag.Duration("ramp", 5*time.Second, "how long to take opening the connections")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fmt.Fprintln(os.Stderr, "slowread: -addr must be a loopback address")
		os.Exit(2)
	}

	var open, peak, opened, closed, dialErr atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	attack := func() {
		defer wg.Done()
		d := net.Dialer{Timeout: 10 * time.Second, Control: smallRcvbuf}
		for {
			select {
			case <-stop:
				return
			default:
			}
			c, err := d.Dial("tcp", *addr)
			if err != nil {
				dialErr.Add(1)
				time.Sleep(time.Second)
				continue
			}
			opened.Add(1)
			n := open.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", *path, *addr)
			buf := make([]byte, *rate)
			tick := time.NewTicker(time.Second)
		read:
			for {
				select {
				case <-stop:
					break read
				case <-tick.C:
				}
				if _, err := c.Read(buf); err != nil {
					closed.Add(1)
					break
				}
			}
			tick.Stop()
			c.Close()
			open.Add(-1)
		}
	}
	start := time.Now()
	for i := range *conns {
		wg.Add(1)
		go attack()
		time.Sleep(time.Until(start.Add(*ramp * time.Duration(i+1) / time.Duration(*conns))))
	}

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var lat []time.Duration
	fails := 0
	for time.Since(start) < *dur {
		t0 := time.Now()
		resp, err := client.Get("http://" + *addr + *probe)
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err == nil && resp.StatusCode != 200 {
				err = fmt.Errorf("status %d", resp.StatusCode)
			}
		}
		if err != nil {
			fails++
			fmt.Fprintf(os.Stderr, "probe at %v: %v\n", time.Since(start).Round(time.Millisecond), err)
		} else {
			lat = append(lat, time.Since(t0))
		}
		time.Sleep(50 * time.Millisecond)
	}
	held := open.Load()
	close(stop)
	slices.Sort(lat)
	q := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))]
	}
	fmt.Printf("attack: %d connections wanted, %d open at the end, %d at peak; %d opened, %d closed by the server, %d failed dials\n",
		*conns, held, peak.Load(), opened.Load(), closed.Load(), dialErr.Load())
	fmt.Printf("probe: %d answered, %d failed; p50 %v, p99 %v, max %v\n",
		len(lat), fails, q(0.5).Round(time.Millisecond), q(0.99).Round(time.Millisecond), q(1).Round(time.Millisecond))
	wg.Wait()
}

// smallRcvbuf gives each attacking socket a small receive buffer, as a
// phone's window would be: what the server has sent waits in its own
// buffers.
func smallRcvbuf(_, _ string, c syscall.RawConn) error {
	return c.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
	})
}
