package httpd

import (
	"bufio"
	"io"
	"net/http"
	"testing"
	"time"
)

// A reader that stops reading is closed after one write timeout; a slow
// reader that keeps reading gets the whole response, though it takes many
// timeouts.
func TestWriteDeadline(t *testing.T) {
	const timeout = time.Second
	_, addr, _ := start(t, bigHandler(), 64, Options{WriteTimeout: timeout})

	stalled := stall(t, addr)
	defer stalled.Close()
	cut := make(chan int64)
	go func() {
		time.Sleep(4 * timeout)
		n, _ := io.Copy(io.Discard, stalled)
		cut <- n
	}()

	// 32 KB every 100 ms, 1 MB in all: each 32 KB write is taken well
	// within its deadline only because the reader keeps reading, as a
	// phone's would, scaled up.
	slow := stall(t, addr)
	defer slow.Close()
	resp, err := http.ReadResponse(bufio.NewReader(slow), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, buf := 0, make([]byte, 32<<10)
	for got < 1<<20 {
		m, err := io.ReadFull(resp.Body, buf)
		got += m
		if err != nil {
			t.Fatalf("slow but steady reader cut after %d bytes: %v", got, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	rest, err := io.Copy(io.Discard, resp.Body)
	if err != nil || got+int(rest) != len(body) {
		t.Errorf("slow but steady reader got %d of %d bytes (%v)", got+int(rest), len(body), err)
	}

	if n := <-cut; n >= int64(len(body)) {
		t.Errorf("stalled reader got the whole response (%d bytes) after stopping for 4 write timeouts; want it closed", n)
	} else {
		t.Logf("stalled reader: closed after %d bytes", n)
	}
}

// A stream that is quiet for longer than the write and read timeouts stays
// open, and its flushed events arrive as they are written.
func TestQuietStreamStaysOpen(t *testing.T) {
	events := make(chan string)
	h := AccessLog(discard(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := KeepOpen(w); err != nil {
			t.Errorf("KeepOpen: %v", err)
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.(http.Flusher).Flush()
		for ev := range events {
			if _, err := io.WriteString(w, "data: "+ev+"\n\n"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}))
	_, addr, _ := start(t, h, 8, Options{WriteTimeout: 200 * time.Millisecond, ReadTimeout: 200 * time.Millisecond})
	resp, err := http.Get("http://" + addr + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	for _, ev := range []string{"one", "two"} {
		go func() { events <- ev }()
		line, err := br.ReadString('\n')
		if err != nil || line != "data: "+ev+"\n" {
			t.Fatalf("event %q: got %q, %v", ev, line, err)
		}
		br.ReadString('\n')
		time.Sleep(700 * time.Millisecond) // quiet past both timeouts
	}
	close(events)
}

// Range requests through the wrapped connection and the access log still
// get their part.
func TestServeContentRange(t *testing.T) {
	h := AccessLog(discard(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "big.bin", time.Time{}, bytesReader())
	}))
	_, addr, _ := start(t, h, 8, Options{})
	req, _ := http.NewRequest("GET", "http://"+addr+"/big.bin", nil)
	req.Header.Set("Range", "bytes=100-199")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusPartialContent || string(got) != string(body[100:200]) {
		t.Errorf("Range bytes=100-199: status %d, %d bytes; want 206 with bytes 100 to 199", resp.StatusCode, len(got))
	}
}
