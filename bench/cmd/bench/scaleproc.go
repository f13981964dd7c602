package main

// Section 6's processes: gloss serve -content on the generated archive,
// its memory, and timed runs of gloss check and export.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// startGlossContent starts gloss serve -content dir on a free loopback
// port.
func (b *Bench) startGlossContent(ctx context.Context, dir string, n int) (*Proc, string, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := FreePort()
		if err != nil {
			return nil, "", err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		// With its origin, as a deployment has one: the feeds and the
		// sitemaps need absolute addresses.
		cmd := exec.Command(b.glossBin, "serve", "-content", dir, "-addr", addr, "-origin", "http://"+addr)
		cmd.Dir = b.root
		p, err := StartProc("gloss serve -content", cmd, filepath.Join(b.tempDir("logs"), fmt.Sprintf("gloss-scale-%d-%d.log", n, attempt)))
		if err != nil {
			return nil, "", err
		}
		url := "http://" + addr
		if lastErr = WaitHTTP(ctx, p, url+"/", 10*time.Minute); lastErr == nil {
			return p, url, nil
		}
		p.Stop(5 * time.Second)
	}
	return nil, "", lastErr
}

// rssKB reads a process's resident set size from /proc.
func rssKB(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	return VmRSS(string(b))
}

// VmRSS reads the VmRSS line of a /proc/PID/status file, in kB.
func VmRSS(status string) (int, error) {
	for _, l := range strings.Split(status, "\n") {
		rest, ok := strings.CutPrefix(l, "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			break
		}
		return strconv.Atoi(f[0])
	}
	return 0, errors.New("no VmRSS line in /proc/PID/status")
}

// glossLimit is how long one gloss check or export may run.
const glossLimit = 10 * time.Minute

// timeGloss times one run of gloss with args (check, export), to its
// exit; at 10,000 articles and today's eager server, export takes
// minutes.
func (b *Bench) timeGloss(ctx context.Context, args ...string) (float64, error) {
	limited, cancel := context.WithTimeout(ctx, glossLimit)
	defer cancel()
	cmd := exec.CommandContext(limited, b.glossBin, args...)
	cmd.Dir = b.root
	start := time.Now()
	msg, err := cmd.CombinedOutput()
	d := time.Since(start)
	if limited.Err() != nil {
		return 0, fmt.Errorf("gloss %s: %w", strings.Join(args, " "), limited.Err())
	}
	if err != nil {
		return 0, fmt.Errorf("gloss %s: %v\n%s", strings.Join(args, " "), err, tail(msg))
	}
	return float64(d.Microseconds()) / 1000, nil
}

// tail is the end of a command's output, for error messages.
func tail(b []byte) []byte {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return b
}
