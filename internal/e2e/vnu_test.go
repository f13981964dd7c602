package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	glosssite "github.com/gloss/gloss/site"

	"github.com/gloss/gloss/export"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

// vnuVersion is the Nu Html Checker the pages are held to, pinned so a
// new checker release cannot fail a build that has not changed.
const vnuVersion = "26.9.27"

// vnuInstall says how to get what the markup check needs.
const vnuInstall = "  Install them with: apt-get install -y default-jre-headless\n" +
	"  and, in the repository root: make deps (npm ci installs vnu-jar@" + vnuVersion + ")"

// TestPagesValidate runs the Nu Html Checker on every page the server
// serves (each article, with and without its slash, in embed mode, and
// the embed demo) and on every page of a static export: none may have an
// error. Publishers run it on pages that embed Gloss; browsers repair
// invalid markup in ways that differ between engines.
func TestPagesValidate(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("the markup check needs Java and found none.\n" + vnuInstall)
	}
	jar := filepath.Join(env.root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatal("the markup check needs the Nu Html Checker (npm vnu-jar) and found none at " + jar + ".\n" + vnuInstall)
	}
	if v := vnuJarVersion(t); v != vnuVersion {
		t.Fatalf("node_modules holds vnu-jar %s, want %s.\n%s", v, vnuVersion, vnuInstall)
	}

	dir := t.TempDir()
	var files []string
	save := func(name string, body []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}

	s := startSite(t)
	paths := []string{"/demo/embed"}
	for _, p := range glosssite.PagePaths(glosssite.Memory(catalog.Articles()).Entries()) {
		paths = append(paths, p, p+"?embed=1")
		if p != "/" {
			paths = append(paths, p+"/")
		}
	}
	for i, p := range paths {
		save(fmt.Sprintf("served/%02d.html", i), fetchPage(t, s.URL+p))
	}
	out := filepath.Join(dir, "export")
	if _, err := export.Export(export.Options{Out: out, Base: "/gloss/", Articles: catalog.Articles(), Web: os.DirFS(env.web)}); err != nil {
		t.Fatal(err)
	}
	exported := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
			exported++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if exported == 0 {
		t.Fatal("the export has no HTML page")
	}

	msgs := runVnu(t, java, jar, files)
	names := map[string]string{}
	for i, p := range paths {
		names[filepath.Join(dir, fmt.Sprintf("served/%02d.html", i))] = "served " + p
	}
	errs := 0
	for _, m := range msgs {
		file := strings.TrimPrefix(m.URL, "file:")
		name, ok := names[file]
		if !ok {
			rel, _ := filepath.Rel(dir, file)
			name = rel
		}
		if m.Type != "error" && m.SubType != "fatal" {
			t.Logf("%s:%d: %s %s: %s", name, m.LastLine, m.Type, m.SubType, m.Message)
			continue
		}
		errs++
		t.Errorf("%s:%d: %s\n    %s", name, m.LastLine, m.Message, strings.TrimSpace(m.Extract))
	}
	t.Logf("vnu %s: %d pages (%d served, %d exported), %d errors, %d other messages", vnuVersion, len(files), len(paths), exported, errs, len(msgs)-errs)
}

// vnuMessage is one message of the checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// runVnu checks files in one run of the checker (the JVM takes seconds to
// start) and returns its messages.
func runVnu(t *testing.T, java, jar string, files []string) []vnuMessage {
	t.Helper()
	args := append([]string{"-Xss4m", "-jar", jar, "--format", "json", "--exit-zero-always"}, files...)
	cmd := exec.Command(java, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vnu: %v\n%s", err, stderr.String())
	}
	var res struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal([]byte(stderr.String()), &res); err != nil {
		t.Fatalf("vnu: reading its report: %v\n%s", err, stderr.String())
	}
	return res.Messages
}

// vnuJarVersion is the version of the vnu-jar package in node_modules.
func vnuJarVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(env.root, "node_modules", "vnu-jar", "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Version string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatalf("vnu-jar's package.json: %v", err)
	}
	return pkg.Version
}

// fetchPage gets url's body, which must be a 200 HTML page.
func fetchPage(t *testing.T, url string) []byte {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("%s: status %d, type %q", url, res.StatusCode, res.Header.Get("Content-Type"))
	}
	return body
}
