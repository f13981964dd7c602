package main

// gloss serve, started by the bench on a free loopback port, serving the
// articles and assets built into the binary: the one binary as shipped.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

func (b *Bench) startGloss(ctx context.Context) error {
	if _, err := os.Stat(b.glossBin); err != nil {
		return fmt.Errorf("%s missing (make build makes it): %w", b.glossBin, err)
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := FreePort()
		if err != nil {
			return err
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		// With its public origin given, as in production, gloss serves
		// pages compressed once; for a loopback Host without one it would
		// build each page's absolute links per request.
		cmd := exec.Command(b.glossBin, "serve", "-addr", addr, "-origin", "http://"+addr)
		cmd.Dir = b.root
		p, err := StartProc("gloss serve", cmd, filepath.Join(b.tempDir("logs"), fmt.Sprintf("gloss-serve-%d.log", attempt)))
		if err != nil {
			return err
		}
		b.procs = append(b.procs, p)
		url := "http://" + addr
		if lastErr = WaitHTTP(ctx, p, url+"/", 30*time.Second); lastErr == nil {
			b.gloss, b.glossURL = p, url
			return nil
		}
		p.Stop(5 * time.Second)
	}
	return lastErr
}
