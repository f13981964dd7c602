package main

// The anchor for section 5: Debian's nginx serving `gloss export`'s
// output with the nginx snippet the export ships.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gloss/gloss/internal/browsertest"
)

// errNoExport says the gloss binary has no export command yet.
var errNoExport = errors.New("gloss export not available")

// export runs `gloss export` into a temporary folder and returns it.
func (b *Bench) export(ctx context.Context) (string, error) {
	dir := filepath.Join(b.tempDir("export"), "site")
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, b.glossBin, "export", "-out", dir)
	cmd.Dir = b.root
	out, err := cmd.CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "unknown command") {
			return "", errNoExport
		}
		return "", fmt.Errorf("gloss export -out %s: %v\n%s", dir, err, out)
	}
	return dir, nil
}

// findWasm returns the URL path of the wasm in an exported site (its
// name carries a hash there), or "" when there is none.
func findWasm(site string) string {
	var found string
	fs.WalkDir(os.DirFS(site), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".wasm") && found == "" {
			found = "/" + p
		}
		return nil
	})
	return found
}

// nginxSnippet returns the nginx configuration the export wrote.
func nginxSnippet(site string) (string, error) {
	matches, _ := filepath.Glob(filepath.Join(site, "*nginx*.conf"))
	if len(matches) == 0 {
		return "", errors.New("the export holds no nginx snippet (*nginx*.conf)")
	}
	return matches[0], nil
}

// startNginx runs nginx in the foreground on a free loopback port,
// serving site, with extra directives in its http block.
func (b *Bench) startNginx(ctx context.Context, site, extra string) (*Proc, string, error) {
	snippet, err := nginxSnippet(site)
	if err != nil {
		return nil, "", err
	}
	dir, err := os.MkdirTemp(b.tempDir("nginx"), "run-")
	if err != nil {
		return nil, "", err
	}
	// nginx's workers run as an unprivileged user when the bench runs as
	// root: they must be able to read the site.
	for _, d := range []string{b.tmp, filepath.Dir(dir), dir, filepath.Dir(site)} {
		os.Chmod(d, 0o755)
	}
	filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			if d.IsDir() {
				os.Chmod(p, 0o755)
			} else {
				os.Chmod(p, 0o644)
			}
		}
		return nil
	})
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := FreePort()
		if err != nil {
			return nil, "", err
		}
		// Two workers for the two cores, and an access log, as a
		// production nginx writes.
		n := browsertest.Nginx{Dir: dir, Root: site, Snippet: snippet, Listen: fmt.Sprintf("127.0.0.1:%d", port),
			Workers: 2, AccessLog: true, Extra: extra}
		cmd, err := n.Command(b.nginx)
		if err != nil {
			return nil, "", err
		}
		p, err := StartProc("nginx", cmd, filepath.Join(dir, fmt.Sprintf("stderr-%d.log", attempt)))
		if err != nil {
			return nil, "", err
		}
		b.procs = append(b.procs, p)
		url := fmt.Sprintf("http://127.0.0.1:%d", port)
		if lastErr = WaitHTTP(ctx, p, url+"/", 15*time.Second); lastErr == nil {
			return p, url, nil
		}
		if b, err := os.ReadFile(n.ErrorLog()); err == nil {
			lastErr = fmt.Errorf("%w\n%s", lastErr, b)
		}
		p.Stop(5 * time.Second)
	}
	return nil, "", lastErr
}

// precompressPages writes a gzip -9 copy beside every page of the site,
// for nginx's gzip_static.
func (b *Bench) precompressPages(ctx context.Context, site string) error {
	var pages []string
	filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	for _, p := range pages {
		cmd := exec.CommandContext(ctx, b.gzip, "-9", "-k", "-f", "-n", p)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("gzip %s: %v %s", p, err, out)
		}
		os.Chmod(p+".gz", 0o644)
	}
	return nil
}
