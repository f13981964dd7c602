package parse

import (
	"strings"
	"testing"
)

// Shapes that take goldmark time in the square of their size are refused
// with one error at their line, before goldmark reads them.
func TestGuard(t *testing.T) {
	head := okArticle[:strings.Index(okArticle, "The leader")]
	tests := []struct {
		name, body, want string
	}{
		{"block quotes nested on one line", "Text.\n\n" + strings.Repeat("> ", 20_000) + "a\n",
			"x/article.md:8: block quotes or list items nested 20000 deep; the article may have neither block quotes nor nested lists"},
		{"lists nested on one line", strings.Repeat("- 1. * + ", 5) + "a\n",
			"x/article.md:6: block quotes or list items nested 20 deep; the article may have neither block quotes nor nested lists"},
		{"unclosed links on one line", strings.Repeat("[a](", 260_000) + "\n",
			`x/article.md:6: too many links on long lines: from here on, the count of "](" times the line's length passes 16777216; break long lines`},
		{"unclosed links on many lines", "Text.\n" + strings.Repeat(strings.Repeat("[a](", 1024)+"\n\n", 100),
			`x/article.md:15: too many links on long lines: from here on, the count of "](" times the line's length passes 16777216; break long lines`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Article(mapFS(map[string]string{"x/article.md": head + tt.body}), "x")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// What real texts do stays allowed: a list in a note, a quotation mark or
// numbers opening a line, many links on short lines, a long line with a
// few links.
func TestGuardAllows(t *testing.T) {
	link := "[the talks](https://example.com/talks) "
	article := okArticle + "\nIn the year\n2024. 1999) - + a sentence.\n\n" +
		strings.Repeat("See "+link+"\n", 5000) + "\n" + strings.Repeat("word ", 100_000) + link + link + "\n"
	n := strings.Replace(okNote, "Some context.", "- "+strings.Repeat("an item ", 1000)+"\n- "+link, 1)
	if _, err := Article(mapFS(map[string]string{"x/article.md": article, "x/notes/n.md": n}), "x"); err != nil {
		t.Error(err)
	}
	if d := nesting([]byte("> > - 1. 2) * + a")); d != 7 {
		t.Errorf("nesting = %d, want 7", d)
	}
	for _, line := range []string{"1.5 million", "-1 degree", "*emphasis*", ">quoted", "10000000000. too long a number"} {
		if d := nesting([]byte(line)); d != map[bool]int{true: 1, false: 0}[line == ">quoted"] {
			t.Errorf("nesting(%q) = %d", line, d)
		}
	}
}
