package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	glosssite "github.com/gloss/gloss/site"
)

// sdtt runs the structured-data-testing-tool (npm, pinned in
// package.json) on HTML from stdin, with its Google, Twitter and Facebook
// presets and the schemas asked for, and prints what failed as JSON.
const sdtt = `
const { structuredDataTest } = require(process.env.SDTT);
const { Google, Twitter, Facebook } = require(process.env.SDTT + "/presets");
let html = "";
process.stdin.on("data", (d) => (html += d));
process.stdin.on("end", () => {
  const out = (res) => console.log(JSON.stringify({
    passed: res.passed.length,
    failed: res.failed.map((t) => (t.description || t.test) + (t.error ? ": " + (t.error.message || t.error) : "")),
    schemas: res.schemas,
  }));
  structuredDataTest(html, { presets: [Google, Twitter, Facebook], schemas: JSON.parse(process.env.SCHEMAS) })
    .then(out)
    .catch((err) => { if (err.type === "VALIDATION_FAILED") out(err.res); else { console.error(err); process.exit(2); } });
});
`

// An article page's structured data and social tags pass a well-kept
// validator's checks for Google's NewsArticle and for Twitter's and
// Facebook's cards, and a shared card's page for BackgroundNewsArticle;
// a page stripped of them fails (the control).
func TestStructuredDataValidates(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found: apt-get install nodejs (make deps)")
	}
	tool := filepath.Join(env.root, "node_modules", "structured-data-testing-tool")
	if _, err := os.Stat(tool); err != nil {
		t.Fatal("structured-data-testing-tool not installed: make deps (npm ci)")
	}
	s := startSiteWithOrigin(t)
	for _, c := range []struct{ path, schema string }{
		{seedPath, "NewsArticle"},
		{glosssite.CardPath(sharedCard(t, "library-roof").ID), "BackgroundNewsArticle"},
	} {
		validates(t, node, tool, s.URL+c.path, c.schema)
	}
}

// validates checks the page at url with the validator, for schema.
func validates(t *testing.T, node, tool, url, schema string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	check := func(html string) (passed int, failed []string, schemas []string) {
		t.Helper()
		cmd := exec.Command(node, "-e", sdtt)
		cmd.Env = append(os.Environ(), "SDTT="+tool, `SCHEMAS=["`+schema+`"]`)
		cmd.Stdin = strings.NewReader(html)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("structured-data-testing-tool: %v\n%s", err, out)
		}
		var r struct {
			Passed  int
			Failed  []string
			Schemas []string
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return r.Passed, r.Failed, r.Schemas
	}
	passed, failed, schemas := check(string(page))
	for _, f := range failed {
		t.Errorf("%s: %s", url, f)
	}
	if passed < 20 || !slices.Contains(schemas, schema) {
		t.Errorf("%s: %d checks passed, schemas %v: the validator saw little", url, passed, schemas)
	}
	// Control: without its JSON-LD and social tags, the page fails.
	head, rest, _ := strings.Cut(string(page), "</head>")
	var kept []string
	for _, line := range strings.Split(head, "\n") {
		if !strings.Contains(line, "ld+json") && !strings.Contains(line, `property="og:`) && !strings.Contains(line, `name="twitter:`) {
			kept = append(kept, line)
		}
	}
	if _, failed, _ := check(strings.Join(kept, "\n") + "</head>" + rest); len(failed) == 0 {
		t.Errorf("control: %s without its structured data passed too: the check proves nothing", url)
	}
}
