package httpd

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// A download in progress when the server is told to stop completes, and
// Serve then returns nil.
func TestStopFinishesDownload(t *testing.T) {
	_, addr, stop := start(t, bigHandler(), 8, Options{Grace: 20 * time.Second})
	resp, err := http.Get("http://" + addr + "/big")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 64<<10)
	if _, err := io.ReadFull(resp.Body, buf); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-stopped:
		t.Fatalf("serve returned (%v) with a download in progress", err)
	default:
	}
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || int(n)+len(buf) != len(body) {
		t.Fatalf("download cut by the stop: %d of %d bytes (%v)", int(n)+len(buf), len(body), err)
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve after a graceful stop: %v; want nil", err)
	}
}

// A download still running when the grace period ends is cut, and Serve
// returns nil soon after the grace period, not an error.
func TestStopAfterGrace(t *testing.T) {
	const grace = 300 * time.Millisecond
	_, addr, stop := start(t, bigHandler(), 8, Options{Grace: grace})
	c := stall(t, addr)
	defer c.Close()
	time.Sleep(100 * time.Millisecond)
	t0 := time.Now()
	if err := stop(); err != nil {
		t.Errorf("serve after the grace period: %v; want nil", err)
	}
	if d := time.Since(t0); d > grace+5*time.Second {
		t.Errorf("serve took %v to return after a %v grace period", d, grace)
	}
}

// At a stop, an idle keep-alive connection is closed with a FIN (the
// client reads EOF, not a reset), and a request in flight is answered in
// full with "Connection: close" before its connection closes.
func TestStopClosesKeepAlivesCleanly(t *testing.T) {
	slow := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-slow
		}
		w.Write([]byte("ok\n"))
	})
	_, addr, stop := start(t, h, 8, Options{Grace: 10 * time.Second})

	idle := dial(t, addr)
	idleR := bufio.NewReader(idle)
	get(t, idle, idleR, "/ok")
	busy := dial(t, addr)
	busyR := bufio.NewReader(busy)
	if _, err := busy.Write([]byte("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	idle.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := idleR.ReadByte(); err != io.EOF {
		t.Errorf("idle keep-alive connection at a stop: read %v; want EOF", err)
	}
	close(slow)
	resp, err := http.ReadResponse(busyR, nil)
	if err != nil {
		t.Fatalf("request in flight at a stop: %v", err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil || string(b) != "ok\n" || !resp.Close {
		t.Errorf("request in flight at a stop: body %q (%v), Connection: close %v; want ok with Connection: close", b, err, resp.Close)
	}
	busy.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := busyR.ReadByte(); err != io.EOF {
		t.Errorf("connection after its last response: read %v; want EOF", err)
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve: %v", err)
	}
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func get(t *testing.T, c net.Conn, r *bufio.Reader, path string) {
	t.Helper()
	if _, err := c.Write([]byte("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		t.Fatalf("GET %s before the stop: Connection: close; want keep-alive", path)
	}
}
