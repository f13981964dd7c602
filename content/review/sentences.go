package review

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gloss/gloss/content"
)

// Sentences splits an article's text into its sentences, paragraph by
// paragraph (headings are sentences of their own): a sentence ends at
// ".", "!" or "?" (and any closing quotes or brackets) followed by a
// space and a capital letter, a digit or an opening quote. Abbreviations
// ("U.S. Senate") may split a sentence early; a warning then quotes a
// shorter sentence, which is harmless.
func Sentences(a content.Article) []string {
	var out []string
	for _, b := range a.Body {
		out = append(out, split(content.PlainText(b.Text))...)
	}
	return out
}

func split(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		if c := p[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune(`"')]`, rune(p[j])) {
			j++
		}
		if strings.HasPrefix(p[j:], "”") {
			j += len("”")
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(p[j:], " "))
		if unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘(`, next) {
			out = appendTrimmed(out, p[start:j])
			start = j
		}
	}
	return appendTrimmed(out, p[start:])
}

func appendTrimmed(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}
