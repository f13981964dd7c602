package main

// Section 6's wasm and worker figures: what a client fetches of the app
// whatever the size of the archive.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// servedWasm finds the wasm URL in the app.js the root page loads and
// counts what a GET of it sends to a client that accepts brotli.
func servedWasm(ctx context.Context, base string) (url string, n int, encoding string, err error) {
	page, status, err := get(ctx, base+"/")
	if err != nil || status != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET /: %d %v", status, err)
	}
	appJS := ScriptSrc(string(page), "app.js")
	if appJS == "" {
		return "", 0, "", errors.New("the page loads no app.js")
	}
	js, status, err := get(ctx, base+appJS)
	if err != nil || status != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET %s: %d %v", appJS, status, err)
	}
	if url = WasmURL(string(js)); url == "" {
		return "", 0, "", fmt.Errorf("%s names no .wasm", appJS)
	}
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableCompression: true}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+url, nil)
	req.Header.Set("Accept-Encoding", "br")
	res, err := client.Do(req)
	if err != nil {
		return "", 0, "", err
	}
	defer res.Body.Close()
	c, err := io.Copy(io.Discard, res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		return "", 0, "", fmt.Errorf("GET %s: %s %v", url, res.Status, err)
	}
	return url, int(c), res.Header.Get("Content-Encoding"), nil
}

var (
	scriptSrc = regexp.MustCompile(`<script[^>]*\s(?:data-)?src="([^"]+)"`)
	wasmURL   = regexp.MustCompile(`"([^"\s]+\.wasm)"`)
	precache  = regexp.MustCompile(`(?s)const resourcesToCache = (\[.*?\]);`)
)

// ScriptSrc is the src of the page's first script whose path ends in
// name, "" if none.
func ScriptSrc(page, name string) string {
	for _, m := range scriptSrc.FindAllStringSubmatch(page, -1) {
		if p, _, _ := strings.Cut(m[1], "?"); strings.HasSuffix(p, "/"+name) || p == name {
			return m[1]
		}
	}
	return ""
}

// WasmURL is the first .wasm URL quoted in go-app's app.js.
func WasmURL(appJS string) string {
	m := wasmURL.FindStringSubmatch(appJS)
	if m == nil {
		return ""
	}
	return m[1]
}

// PrecacheList reads the service worker's resourcesToCache array.
func PrecacheList(worker string) ([]string, error) {
	m := precache.FindStringSubmatch(worker)
	if m == nil {
		return nil, errors.New("app-worker.js: no const resourcesToCache = [...]")
	}
	var list []string
	if err := json.Unmarshal([]byte(m[1]), &list); err != nil {
		return nil, fmt.Errorf("app-worker.js: resourcesToCache: %w", err)
	}
	return list, nil
}

// withoutRoot drops the site's root page, which go-app lists and the
// worker leaves out: it is an article, kept when read.
func withoutRoot(list []string) []string {
	var out []string
	for _, u := range list {
		if u != "/" && u != "" {
			out = append(out, u)
		}
	}
	return out
}
