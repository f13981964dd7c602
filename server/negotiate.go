package server

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/gloss/gloss/site"
)

// negotiate picks the first of offered (in the server's order of
// preference) that the request's Accept-Encoding allows, or "" for the
// identity coding. Coding names and the q parameter are case-insensitive
// (RFC 9110 §12.5.3), x-gzip is gzip, and "*" stands for any coding not
// named.
func negotiate(r *http.Request, offered ...string) string {
	q := make(map[string]float64)
	star := -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				f = 0
			}
			weight = f
		}
		if name == "*" {
			star = weight
			continue
		}
		if old, ok := q[name]; !ok || weight > old {
			q[name] = weight
		}
	}
	for _, enc := range offered {
		w, ok := q[enc]
		if !ok {
			w = star
		}
		if w > 0 {
			return enc
		}
	}
	return ""
}

// noneMatch reports whether r's If-None-Match names etag (a quoted
// strong ETag), by the weak comparison GET uses: W/ prefixes are ignored,
// lists are searched, and "*" matches any.
func noneMatch(r *http.Request, etag string) bool {
	for _, v := range r.Header.Values("If-None-Match") {
		for _, t := range strings.Split(v, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
	}
	return false
}

// loopbackOrigin is the origin r was sent to when that is a loopback
// address (localhost, 127.0.0.0/8, ::1): a preview on the editor's own
// machine, or a test.
func loopbackOrigin(r *http.Request) (string, bool) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host, ok := site.CanonicalHost(scheme, r.Host)
	if !ok {
		return "", false
	}
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.Trim(name, "[]")
	if ip := net.ParseIP(name); !(name == "localhost" || ip != nil && ip.IsLoopback()) {
		return "", false
	}
	return scheme + "://" + host, true
}
