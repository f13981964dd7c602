package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Check reads every text file of the exported site in dir, served at
// base on origin (empty when unknown), and reports what would break it
// on a static host: a reference to localhost, a URL outside base, and a
// page, script, style, manifest or precached resource that names a file
// the site does not hold.
func Check(dir, base, origin string) error {
	c := &checker{dir: dir, base: base, origin: strings.TrimSuffix(origin, "/")}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !isText(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c.file(rel, b)
		return nil
	})
	if err != nil {
		return err
	}
	if len(c.problems) > 0 {
		if len(c.problems) > 20 {
			c.problems = append(c.problems[:20], fmt.Sprintf("… and %d more", len(c.problems)-20))
		}
		return errors.New("export: the site would break:\n  " + strings.Join(c.problems, "\n  "))
	}
	return nil
}

func isText(rel string) bool {
	switch path.Ext(rel) {
	case ".html", ".js", ".css", ".json", ".webmanifest", ".txt", ".svg", ".conf", ".xml":
		return true
	}
	return path.Base(rel) == headersFile
}

type checker struct {
	dir, base, origin string
	problems          []string
}

func (c *checker) problem(rel, format string, args ...any) {
	c.problems = append(c.problems, rel+": "+fmt.Sprintf(format, args...))
}

var (
	quotedPath = regexp.MustCompile("[\"'`](/[^\"'`\\s]*)[\"'`]")
	cssURL     = regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`)
	workerList = regexp.MustCompile(`(?m)^const resourcesToCache = (\[.*\]);$`)
)

func (c *checker) file(rel string, b []byte) {
	if m := localRef(b); m != "" {
		c.problem(rel, "refers to this machine (%q)", m)
	}
	switch {
	case strings.HasSuffix(rel, ".html"):
		for _, ref := range htmlRefs(b) {
			c.ref(rel, ref, true)
		}
	case strings.HasSuffix(rel, ".css"):
		for _, m := range cssURL.FindAllSubmatch(b, -1) {
			c.ref(rel, string(m[1]), true)
		}
	case rel == "manifest.webmanifest":
		c.manifest(rel, b)
	case path.Base(rel) == headersFile || path.Ext(rel) == ".conf":
		c.config(rel, b)
	}
	if rel == "app-worker.js" {
		c.worker(rel, b)
	}
	switch path.Ext(rel) {
	case ".js", ".json", ".webmanifest", ".css":
		for _, m := range quotedPath.FindAllSubmatch(b, -1) {
			// A lone "/" in a script is a character (path.endsWith("/")),
			// or go-app's default for push notifications, unused.
			if string(m[1]) == "/" && path.Ext(rel) == ".js" {
				continue
			}
			c.ref(rel, string(m[1]), false)
		}
	}
}

// ref checks a URL found in file rel: when it is the site's, it must be
// under base and, when mustExist, name a file of the site.
func (c *checker) ref(rel, ref string, mustExist bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "//") {
		return
	}
	u, err := url.Parse(ref)
	if err != nil {
		c.problem(rel, "bad URL %q", ref)
		return
	}
	if u.Scheme != "" || u.Host != "" {
		if c.origin == "" || !strings.HasPrefix(ref, c.origin+"/") {
			return // another site's, or data:, mailto:
		}
		u, _ = url.Parse(strings.TrimPrefix(ref, c.origin))
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(c.base+rel), p)
		if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "" {
			p += "/"
		}
	}
	if !c.under(p) {
		c.problem(rel, "refers to %s, outside the base %s", ref, c.base)
		return
	}
	if mustExist && !c.exists(p) {
		c.problem(rel, "refers to %s, which the site does not hold", ref)
	}
}

// under reports whether the URL path p is in the site: base itself (with
// or without its slash) or below it.
func (c *checker) under(p string) bool {
	return strings.HasPrefix(p, c.base) || p+"/" == c.base
}

// exists reports whether a static host serves a file at the URL path p:
// the file itself, a folder's index.html, or p.html.
func (c *checker) exists(p string) bool {
	rel := strings.TrimPrefix(p, c.base)
	if p+"/" == c.base {
		rel = ""
	}
	var candidates []string
	if rel == "" || strings.HasSuffix(rel, "/") {
		candidates = []string{rel + "index.html"}
	} else {
		candidates = []string{rel, rel + "/index.html", rel + ".html"}
	}
	for _, f := range candidates {
		if info, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(f))); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	return false
}

func (c *checker) manifest(rel string, b []byte) {
	var m struct {
		StartURL string `json:"start_url"`
		Scope    string `json:"scope"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		c.problem(rel, "not JSON: %v", err)
		return
	}
	c.ref(rel, m.StartURL, true)
	c.ref(rel, m.Scope, true)
	for _, i := range m.Icons {
		c.ref(rel, i.Src, true)
	}
}

// worker checks the list the service worker precaches: one missing file
// and a reader's offline copy lacks it.
func (c *checker) worker(rel string, b []byte) {
	m := workerList.FindSubmatch(b)
	if m == nil {
		c.problem(rel, "no resourcesToCache list found")
		return
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		c.problem(rel, "resourcesToCache: %v", err)
		return
	}
	for _, r := range list {
		c.ref(rel, r, true)
	}
}

// config checks the URL paths of the host configuration.
func (c *checker) config(rel string, b []byte) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var p string
		switch {
		case strings.HasPrefix(f[0], "/"):
			p = f[0]
		case f[0] == "location" && len(f) > 2:
			p = f[len(f)-2]
		case f[0] == "rewrite" && len(f) > 2:
			p = f[2]
		default:
			continue
		}
		if !c.under(strings.TrimSuffix(p, "*")) {
			c.problem(rel, "configures %s, outside the base %s", p, c.base)
		}
	}
}

var localRefSlow = regexp.MustCompile(`(?i)localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0`)

// localNames are the names of this machine a site must not refer to.
var localNames = [][]byte{[]byte("localhost"), []byte("127.0.0.1"), []byte("[::1]"), []byte("0.0.0.0")}

// localRef is the first name of this machine in b, in any case, or "".
// (A search for each literal: a page is read whole, and an export of ten
// thousand articles reads two gigabytes, which a regular expression took
// most of the export's time over.)
func localRef(b []byte) string {
	// Two letters outside ASCII fold to letters of "localhost" (the long
	// s and the Kelvin sign), as a URL's host does: a page with either
	// is searched the slow way.
	if bytes.ContainsRune(b, '\u017f') || bytes.ContainsRune(b, '\u212a') {
		return string(localRefSlow.Find(b))
	}
	// ASCII only, so that an index in lower is one in b.
	lower := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	for _, n := range localNames {
		if i := bytes.Index(lower, n); i >= 0 {
			return string(b[i : i+len(n)])
		}
	}
	return ""
}

// refAttrs are the attributes of a page whose values are URLs of the
// site's files.
var refAttrs = []string{"href", "src", "action", "poster", "data"}

// htmlRefs are the values of the URL attributes of an HTML page: each
// name="…" after a space, left to right, as the export's pages are
// printed.
func htmlRefs(b []byte) []string {
	var refs []string
	for i := 0; i < len(b); i++ {
		if !isSpace(b[i]) {
			continue
		}
		for _, a := range refAttrs {
			rest := b[i+1:]
			if len(rest) < len(a)+2 || string(rest[:len(a)]) != a || rest[len(a)] != '=' || rest[len(a)+1] != '"' {
				continue
			}
			start := i + 1 + len(a) + 2
			end := bytes.IndexByte(b[start:], '"')
			if end < 0 {
				break
			}
			refs = append(refs, string(b[start:start+end]))
			i = start + end
			break
		}
	}
	return refs
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
