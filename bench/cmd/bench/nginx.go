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

// nginxConf is the configuration the bench runs nginx with: Debian's
// stock http settings (/etc/nginx/nginx.conf: sendfile, tcp_nopush,
// access log, gzip on), two workers for the two cores, extra directives
// for the http block, and a server block on a loopback port that
// includes the shipped snippet.
func nginxConf(dir, site, snippet, extra string, port int) string {
	return fmt.Sprintf(`# Written by make bench.
daemon off;
master_process on;
worker_processes 2;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events {
    worker_connections 1024;
}
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log %[1]s/access.log;
    gzip on;%[5]s
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    server {
        listen 127.0.0.1:%[4]d;
        server_name localhost;
        root %[2]s;
        include %[3]s;
    }
}
`, dir, site, snippet, port, extra)
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
		conf := filepath.Join(dir, "nginx.conf")
		if err := os.WriteFile(conf, []byte(nginxConf(dir, site, snippet, extra, port)), 0o644); err != nil {
			return nil, "", err
		}
		cmd := exec.Command(b.nginx, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", conf)
		p, err := StartProc("nginx", cmd, filepath.Join(dir, fmt.Sprintf("stderr-%d.log", attempt)))
		if err != nil {
			return nil, "", err
		}
		b.procs = append(b.procs, p)
		url := fmt.Sprintf("http://127.0.0.1:%d", port)
		if lastErr = WaitHTTP(ctx, p, url+"/", 15*time.Second); lastErr == nil {
			return p, url, nil
		}
		if b, err := os.ReadFile(filepath.Join(dir, "error.log")); err == nil {
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
