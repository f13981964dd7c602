package site

import (
	"fmt"
	"net"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// NormalizeOrigin checks a public origin given on the command line
// ("https://gloss.example", "http://localhost:8000") and returns it in
// the form absolute URLs are built with: lower-case host, no default
// port, no trailing slash.
func NormalizeOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("origin %q: want scheme://host[:port], as https://gloss.example", s)
	}
	host, ok := CanonicalHost(u.Scheme, u.Host)
	if !ok {
		return "", fmt.Errorf("origin %q: bad host", s)
	}
	return u.Scheme + "://" + host, nil
}

// CanonicalHost validates a host[:port] and returns it lower-case and
// without the scheme's default port. It accepts DNS names, IPv4 and
// bracketed IPv6 addresses: nothing that could break out of a URL or an
// attribute.
func CanonicalHost(scheme, hostport string) (string, bool) {
	host, port := hostport, ""
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		host, port = hostport[:i], hostport[i+1:]
		if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 || strconv.Itoa(n) != port {
			return "", false
		}
	}
	host = strings.ToLower(host)
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		if ip := net.ParseIP(host[1 : len(host)-1]); ip == nil || ip.To4() != nil {
			return "", false
		}
	} else if host == "" || len(host) > 253 || strings.Trim(host, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
		return "", false
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	return host, true
}

// cleanBase makes a base path start and end with a slash.
func cleanBase(base string) string {
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base
}

// SameHost reports whether u is an http(s) URL on the host of origin.
// The scheme may differ: a CMS may be given the http address of an https
// site; the snippet always uses origin.
func SameHost(u *url.URL, origin string) bool {
	if (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Opaque != "" {
		return false
	}
	host, ok := CanonicalHost(u.Scheme, u.Host)
	if !ok {
		return false
	}
	_, want, _ := strings.Cut(origin, "://")
	return host == want
}

// The characters the base and the frame ancestors may hold. Both are
// written unescaped into _headers lines and nginx directives, where a
// tab, a line break, a brace, a semicolon or a "$" would start another
// header, directive or variable.
const (
	alnum           = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	basePathChars   = alnum + "-._~/"
	sourceListChars = alnum + " '*:/.-_+="
)

// NormalizeBase turns "", "gloss", "/gloss" or "/gloss/" into "/" or
// "/gloss/".
func NormalizeBase(b string) (string, error) {
	if b == "" {
		return "/", nil
	}
	if strings.Trim(b, basePathChars) != "" {
		return "", fmt.Errorf("base %q: a path, as /gloss/, of letters, digits and - . _ ~ / only", b)
	}
	for _, seg := range strings.Split(b, "/") {
		if seg == "." || seg == ".." {
			return "", fmt.Errorf("base %q: no . or .. segments", b)
		}
	}
	clean := path.Clean("/" + b)
	if clean == "/" {
		return "/", nil
	}
	return clean + "/", nil
}
