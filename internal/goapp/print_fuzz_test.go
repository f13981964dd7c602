package goapp

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gloss/gloss/internal/escape"

	"golang.org/x/net/html"
)

// FuzzAttributes writes a start tag as go-app prints it, with two
// attributes of arbitrary value (Go-quoted) and some text, and passes it
// through printAttributes; and one value through Attr. The output must
// keep every value inside its quotes (no raw '"', '<' or '>' in a value)
// and an HTML tokenizer must read back the same tag, attributes and
// values: whatever an editor writes in a field stays that field's value.
func FuzzAttributes(f *testing.F) {
	for _, v := range []string{
		`0;url=http://127.0.0.1:9402/pwned.html" http-equiv=refresh x="`,
		`Putin says "we are open"`, `a'b`, `<script>alert(1)</script>`, `&amp; &lt;`, `\"`, "caf\u00e9 \u00a0", "\x00\xff\r\n\t", "",
	} {
		f.Add(uint8(0), "content", v, "name", "description", "text & <more>")
	}
	f.Add(uint8(3), "href", "https://example.com/?a=1&b=2", "title", `"quoted"`, "")
	f.Fuzz(func(t *testing.T, tagIndex uint8, name1, value1, name2, value2, text string) {
		tags := []string{"meta", "p", "a", "link", "button", "div", "img", "span"}
		tag := tags[int(tagIndex)%len(tags)]
		// go-app keeps attributes in a map: a name appears once.
		n1, n2 := attrName(name1), attrName(name2)
		if n2 == n1 {
			n2 += "-2"
		}
		want := []html.Attribute{{Key: n1, Val: value1}, {Key: n2, Val: value2}, {Key: "hidden"}}
		var doc strings.Builder
		doc.WriteString("<" + tag)
		for _, a := range want {
			doc.WriteString(" " + a.Key)
			if a.Key != "hidden" {
				doc.WriteString("=" + strconv.Quote(a.Val))
			}
		}
		doc.WriteString(">" + html.EscapeString(text) + "</" + tag + ">")
		out, err := printAttributes([]byte(doc.String()))
		if err != nil {
			t.Fatalf("printAttributes(%q): %v", doc.String(), err)
		}
		slices.SortStableFunc(want, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
		checkTag(t, out, tag, want)

		// Attr, as Gloss's own head tags use it.
		out = []byte("<meta " + escape.Attr("content", value1) + ">")
		checkTag(t, out, "meta", []html.Attribute{{Key: "content", Val: value1}})
	})
}

// attrName makes an attribute name of fuzzed bytes, as go-app's names
// are: lower-case letters and hyphens, never "hidden" (the bare one).
func attrName(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'a' <= c && c <= 'z' || c == '-' {
			b.WriteByte(c)
		}
	}
	if b.Len() == 0 || b.String() == "hidden" {
		return "x" + b.String()
	}
	return b.String()
}

// checkTag asserts that out opens with the start tag tag, with attrs in
// that order, and that no value holds a raw quote or angle bracket.
func checkTag(t *testing.T, out []byte, tag string, attrs []html.Attribute) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(out))
	if z.Next() != html.StartTagToken {
		t.Fatalf("%q: no start tag", out)
	}
	raw := string(z.Raw())
	tok := z.Token()
	if tok.Data != tag {
		t.Errorf("%q: tag %q, want %q", out, tok.Data, tag)
	}
	for i := range attrs {
		// As a browser reads it: NUL becomes U+FFFD, a CR a line feed.
		attrs[i].Val = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD").Replace(attrs[i].Val)
	}
	if !slices.Equal(tok.Attr, attrs) {
		t.Errorf("%q reads as attributes %q, want %q", out, tok.Attr, attrs)
	}
	// Between the tag's own '<' and '>', a quote only opens or closes a
	// value, and no '<' or '>' appears.
	inner := raw[1 : len(raw)-1]
	if strings.ContainsAny(inner, "<>") {
		t.Errorf("%q: raw angle bracket in an attribute", raw)
	}
	valued := 0
	for _, a := range attrs {
		if a.Key != "hidden" {
			valued++
		}
	}
	if n := strings.Count(inner, `"`); n != 2*valued {
		t.Errorf("%q: %d quotes for %d values", raw, n, valued)
	}
}
