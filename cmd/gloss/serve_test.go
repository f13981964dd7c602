//go:build !wasm

package main

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that the server and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `gloss serve` on a loopback port with a stand-in wasm of
// size bytes, and returns its URL and the channel its exit code comes on.
func startServe(t *testing.T, size int, args ...string) (string, []byte, *syncBuffer, <-chan int) {
	t.Helper()
	web := t.TempDir()
	wasm := make([]byte, size)
	rand.Read(wasm)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- run(append([]string{"serve", "-web", web, "-addr", addr}, args...), io.Discard, stderr)
	}()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr, wasm, stderr, code
		}
		select {
		case c := <-code:
			t.Fatalf("gloss serve exited %d: %s", c, stderr.String())
		default:
		}
	}
	t.Fatalf("gloss serve did not start: %s", stderr.String())
	return "", nil, nil, nil
}

// SIGTERM during a download: the download completes, and gloss exits 0.
func TestServeStopsOnSignal(t *testing.T) {
	url, wasm, stderr, code := startServe(t, 8<<20, "-grace", "20s", "-log-format", "json")
	resp, err := http.Get(url + wasmPath(wasm))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	head := make([]byte, 64<<10)
	if _, err := io.ReadFull(resp.Body, head); err != nil {
		t.Fatal(err)
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	time.Sleep(500 * time.Millisecond)
	select {
	case c := <-code:
		t.Fatalf("gloss exited %d with a download in progress", c)
	default:
	}
	rest, err := io.ReadAll(resp.Body)
	if err != nil || !bytes.Equal(append(head, rest...), wasm) {
		t.Fatalf("download across SIGTERM: %d of %d bytes (%v)", len(head)+len(rest), len(wasm), err)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("gloss after SIGTERM: exit %d; want 0\n%s", c, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("gloss did not exit within its grace period")
	}
	if !bytes.Contains([]byte(stderr.String()), []byte(`"path":"`+wasmPath(wasm)+`","status":200`)) {
		t.Errorf("-log-format json: no JSON access-log line for the download:\n%s", stderr.String())
	}
}

// With a stalled download, gloss still exits 0 soon after -grace.
func TestServeGraceEnds(t *testing.T) {
	url, wasm, stderr, code := startServe(t, 8<<20, "-grace", "500ms", "-log", "warn")
	resp, err := http.Get(url + wasmPath(wasm))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close() // never read: the download stalls
	t0 := time.Now()
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("gloss after SIGTERM with a stalled download: exit %d; want 0\n%s", c, stderr.String())
		}
		if d := time.Since(t0); d < 500*time.Millisecond {
			t.Errorf("gloss exited after %v, before its 500ms grace period", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("gloss did not exit within 10 s of a 500ms grace period")
	}
	if !bytes.Contains([]byte(stderr.String()), []byte("grace period over")) || bytes.Contains([]byte(stderr.String()), []byte("level=INFO")) {
		t.Errorf("-log=warn: want the grace warning and no INFO lines:\n%s", stderr.String())
	}
}

// wasmPath is the URL path the server names the wasm by: its content's
// hash.
func wasmPath(wasm []byte) string {
	sum := sha256.Sum256(wasm)
	return "/web/app-" + hex.EncodeToString(sum[:8]) + ".wasm"
}
