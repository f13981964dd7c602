package server

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/articles"
)

func TestPrintAttributes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<!DOCTYPE html>
<meta name="b" content="x">`, `<!DOCTYPE html>
<meta content="x" name="b">`},
		{`<p id="a" class="c">x &lt; y</p>`, `<p class="c" id="a">x &lt; y</p>`},
		{`<button type="button" disabled aria-x="a\"b>c">`, `<button aria-x="a&#34;b&gt;c" disabled type="button">`},
		{`<meta content="\u00a0caf\u00e9 &'">`, "<meta content=\"\u00a0café &amp;&#39;\">"},
		{`<span aria-hidden id="r">`, `<span aria-hidden="true" id="r">`},
		{`<br/><img src="/x" alt=""/>`, `<br/><img alt="" src="/x"/>`},
		{`<script src="/a.js" defer>if (a<b) x()</script><i b="1" a="2"></i>`, `<script defer src="/a.js">if (a<b) x()</script><i a="2" b="1"></i>`},
	} {
		got, err := printAttributes([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("printAttributes(%q)\n got %q, %v\nwant %q", c.in, got, err, c.want)
		}
	}
	// Not go-app's printing: refused, never passed through unescaped.
	for _, in := range []string{`<p class='x' id="y">`, `<p id="y`, `<p id="\q">`, `<script>x`} {
		if got, err := printAttributes([]byte(in)); err == nil {
			t.Errorf("printAttributes(%q) = %q, want an error", in, got)
		}
	}
}

// Two renderings of a page are byte for byte the same, although go-app
// prints attributes in map order.
func TestRenderIsDeterministic(t *testing.T) {
	web := fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}}
	var first []byte
	for i := 0; i < 5; i++ {
		s, err := New(Config{Articles: articles.All(), Web: web})
		if err != nil {
			t.Fatal(err)
		}
		p := s.content.Load().pages["/"].identity
		if i == 0 {
			first = p
			continue
		}
		if string(p) != string(first) {
			os.WriteFile(t.TempDir()+"/a.html", first, 0o644)
			t.Fatalf("rendering %d differs from the first", i)
		}
	}
	if !strings.Contains(string(first), `<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport">`) {
		t.Errorf("attributes not sorted:\n%.600s", first)
	}
}
