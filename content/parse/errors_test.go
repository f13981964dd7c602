package parse

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// A small valid article: each case of TestArticleErrors replaces or adds
// files to break exactly one thing.
const (
	okArticle = `---
title: Leader open to talks
description: A test article.
date: 8 February 2024
---
The leader said he was open to talks, and *talks* began in Istanbul.
The talks failed.
`
	okNote = `---
title: The talks
kind: context
anchor: open to talks
sources:
  - title: A source
    publisher: A publisher
    url: https://example.com/a
---
Some context.
`
)

// note returns a note file with the given front matter lines between
// title/kind and sources, for cases that only add fields.
func note(fields string) string {
	return "---\ntitle: The talks\nkind: context\n" + fields +
		"sources:\n  - title: A source\n    publisher: A publisher\n    url: https://example.com/a\n---\nSome context.\n"
}

func TestArticleErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // replaces or adds files of x/
		want  []string
	}{
		// Front matter.
		{"missing front matter", map[string]string{"notes/n.md": "title: x\n"},
			[]string{`x/notes/n.md:1: missing front matter: the file must start with a "---" line`}},
		{"unterminated front matter", map[string]string{"notes/n.md": "---\ntitle: x\nkind: context\n"},
			[]string{`x/notes/n.md:1: unterminated front matter: no closing "---" line`}},
		{"invalid YAML", map[string]string{"notes/n.md": "---\ntitle: x\nkind context\nsources: []\n---\n"},
			[]string{`x/notes/n.md:3: invalid YAML: could not find expected ':'`}},
		{"two YAML documents", map[string]string{"notes/n.md": strings.Replace(okNote, "anchor: open to talks\n", "...\nanchor: open to talks\n", 1)},
			[]string{`x/notes/n.md:4: invalid YAML: did not find expected <document start>`}},
		{"front matter not fields", map[string]string{"notes/n.md": "---\n- a\n---\n"},
			[]string{`x/notes/n.md:2: front matter must be fields, one "name: value" per line`}},
		{"author without a name", map[string]string{"article.md": strings.Replace(okArticle, "date:", "author: {url: https://example.com/me}\ndate:", 1)},
			[]string{`x/article.md:4: author: missing required field "name"`}},
		{"author's page not a web address", map[string]string{"article.md": strings.Replace(okArticle, "date:", "author: {name: Jane Doe, url: javascript:alert(1)}\ndate:", 1)},
			[]string{`x/article.md:4: author.url: "javascript:alert(1)" is not an http or https URL`}},
		{"unknown field", map[string]string{"notes/n.md": note("amout: 3\n")},
			[]string{`x/notes/n.md:4: unknown field "amout"`}},
		{"unknown nested field", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: Grants\n      amout: 17\n      currency: EUR\n")},
			[]string{
				`x/notes/n.md:7: figures.items[1]: missing required field "amount"`,
				`x/notes/n.md:8: unknown field "amout"`,
			}},
		{"field given twice", map[string]string{"notes/n.md": note("title: Again\n")},
			[]string{`x/notes/n.md:4: field "title" is given twice (first on line 2)`}},
		{"missing required fields", map[string]string{"notes/n.md": "---\ntitle: The talks\n---\nText.\n"},
			[]string{
				`x/notes/n.md:2: missing required field "kind"`,
				`x/notes/n.md:2: missing required field "sources"`,
			}},
		{"empty front matter", map[string]string{"article.md": "---\n---\nText.\n"},
			[]string{
				`x/article.md:1: missing required field "title"`,
				`x/article.md:1: missing required field "description"`,
				`x/article.md:1: missing required field "date"`,
				`x/notes/n.md:4: anchor: "open to talks" does not occur in the article`,
			}},
		{"empty title", map[string]string{"article.md": strings.Replace(okArticle, "title: Leader open to talks", "title: \"\"", 1)},
			[]string{`x/article.md:2: title: must not be empty`}},
		{"title not text", map[string]string{"notes/n.md": strings.Replace(okNote, "title: The talks", "title: [a, b]", 1)},
			[]string{`x/notes/n.md:2: title: must be text, not a list ("- item")`}},
		{"YAML alias", map[string]string{"notes/n.md": strings.Replace(okNote, "title: The talks", "title: &t The talks\nanchor: *t", 1)},
			[]string{
				`x/notes/n.md:3: anchor: YAML aliases (*t) are not supported`,
				`x/notes/n.md:5: field "anchor" is given twice (first on line 3)`,
			}},
		{"bad kind", map[string]string{"notes/n.md": strings.Replace(okNote, "kind: context", "kind: opinion", 1)},
			[]string{`x/notes/n.md:3: kind: "opinion" is not a kind; use context, contested, figure, correction`}},
		{"bad lang", map[string]string{"article.md": strings.Replace(okArticle, "---\nThe", "lang: English language\n---\nThe", 1)},
			[]string{`x/article.md:5: lang: "English language" is not a BCP 47 language tag such as "en" or "en-GB"`}},

		// Dates.
		{"bad date", map[string]string{"article.md": strings.Replace(okArticle, "8 February 2024", "8 Feb 2024", 1)},
			[]string{`x/article.md:4: date: "8 Feb 2024" is not a date; write it like "29 March 2022", "March 2022" or "2022"`}},
		{"ISO date", map[string]string{"notes/n.md": note("timeline:\n  - date: 2022-03-29\n    text: Talks.\n")},
			[]string{`x/notes/n.md:5: timeline[1].date: "2022-03-29" is not a date; write it like "29 March 2022", "March 2022" or "2022"`}},
		{"day not in month", map[string]string{"article.md": strings.Replace(okArticle, "8 February 2024", "30 February 2024", 1)},
			[]string{`x/article.md:4: date: "30 February 2024" is not a date: February 2024 has 29 days`}},
		{"article date without day", map[string]string{"article.md": strings.Replace(okArticle, "8 February 2024", "February 2024", 1)},
			[]string{`x/article.md:4: date: "February 2024" must give the day of publication, like "8 February 2024"`}},
		{"timeline out of order", map[string]string{"notes/n.md": note(
			"timeline:\n  - date: April 2022\n    text: Talks stall.\n  - date: 29 March 2022\n    text: Talks.\n")},
			[]string{`x/notes/n.md:7: timeline[2].date: 29 March 2022 is before the event above it (April 2022): list events oldest first`}},
		{"timeline text not a paragraph", map[string]string{"notes/n.md": note(
			"timeline:\n  - date: 2022\n    text: |\n      Talks.\n\n      More talks.\n")},
			[]string{`x/notes/n.md:9: timeline[1].text: must be a single paragraph`}},

		// Sources and URLs.
		{"zero sources", map[string]string{"notes/n.md": "---\ntitle: T\nkind: context\nsources: []\n---\n"},
			[]string{`x/notes/n.md:4: sources: must list at least one source`}},
		{"source missing url", map[string]string{"notes/n.md": strings.Replace(okNote, "    url: https://example.com/a\n", "", 1)},
			[]string{`x/notes/n.md:6: sources[1]: missing required field "url"`}},
		{"non-http URL", map[string]string{"notes/n.md": strings.Replace(okNote, "https://example.com/a", "ftp://example.com/a", 1)},
			[]string{`x/notes/n.md:8: sources[1].url: "ftp://example.com/a" is not an http or https URL`}},
		{"URL without host", map[string]string{"notes/n.md": strings.Replace(okNote, "https://example.com/a", "https:///a", 1)},
			[]string{`x/notes/n.md:8: sources[1].url: "https:///a" has no host`}},
		{"relative link in body", map[string]string{"article.md": okArticle + "See [the notes](/a/notes).\n"},
			[]string{`x/article.md:8: link "/a/notes" is not an http or https URL`}},
		{"javascript link in note", map[string]string{"notes/n.md": okNote + "\nSee [this](javascript:alert(1)).\n"},
			[]string{`x/notes/n.md:12: link "javascript:alert(1)" is not an http or https URL`}},
		{"bad link in timeline", map[string]string{"notes/n.md": note("timeline:\n  - date: 2022\n    text: See [this](mailto:a@b.c).\n")},
			[]string{`x/notes/n.md:6: timeline[1].text: link "mailto:a@b.c" is not an http or https URL`}},

		// Figures.
		{"mixed currencies", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n      currency: EUR\n    - label: US\n      amount: 20\n      currency: USD\n")},
			[]string{`x/notes/n.md:10: figures.items[2]: currency "USD" differs from currency "EUR" of figures.items[1]: all items must share one currency or unit`}},
		{"currency and unit mixed", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n      currency: EUR\n    - label: Troops\n      amount: 20\n      unit: troops\n")},
			[]string{`x/notes/n.md:10: figures.items[2]: unit "troops" differs from currency "EUR" of figures.items[1]: all items must share one currency or unit`}},
		{"currency and unit", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n      currency: EUR\n      unit: troops\n")},
			[]string{`x/notes/n.md:7: figures.items[1]: give a currency or a unit, not both`}},
		{"neither currency nor unit", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n")},
			[]string{`x/notes/n.md:7: figures.items[1]: missing a currency or a unit`}},
		{"bad currency", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n      currency: euro\n")},
			[]string{`x/notes/n.md:9: figures.items[1].currency: "euro" is not an ISO 4217 currency code such as EUR or USD`}},
		{"negative amount", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: -17\n      currency: EUR\n")},
			[]string{`x/notes/n.md:8: figures.items[1].amount: must not be negative (-17)`}},
		{"amount not a number", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17bn\n      currency: EUR\n")},
			[]string{`x/notes/n.md:8: figures.items[1].amount: "17bn" is not a number`}},
		{"bad scale", map[string]string{"notes/n.md": note(
			"figures:\n  caption: Aid\n  items:\n    - label: EU\n      amount: 17\n      currency: EUR\n      scale: b\n")},
			[]string{`x/notes/n.md:10: figures.items[1].scale: "b" is not a scale; use k, m or bn`}},
		{"no figure items", map[string]string{"notes/n.md": note("figures:\n  caption: Aid\n  items: []\n")},
			[]string{`x/notes/n.md:6: figures.items: must list at least one item`}},

		// Bodies.
		{"empty article body", map[string]string{"article.md": "---\ntitle: T\ndescription: D\ndate: 8 February 2024\n---\n\n"},
			[]string{
				`x/article.md:5: the article body is empty: write the text after the closing "---"`,
				`x/notes/n.md:4: anchor: "open to talks" does not occur in the article`,
			}},
		{"image", map[string]string{"article.md": okArticle + "\n![a map](https://example.com/map.png)\n"},
			[]string{`x/article.md:9: images are not supported in the article`}},
		{"code span", map[string]string{"notes/n.md": okNote + "Use `code`.\n"},
			[]string{`x/notes/n.md:11: code spans (` + "`code`" + `) are not supported in a note`}},
		{"block quote", map[string]string{"article.md": okArticle + "\n> quoted\n"},
			[]string{`x/article.md:9: block quotes (>) are not supported in the article`}},
		{"h1 in article", map[string]string{"article.md": okArticle + "\n# Big\n"},
			[]string{`x/article.md:9: only ## headings are allowed in the article, not #`}},
		{"heading in note", map[string]string{"notes/n.md": okNote + "\n## More\n"},
			[]string{`x/notes/n.md:12: headings are not allowed in a note`}},
		{"list in article", map[string]string{"article.md": okArticle + "\n- one\n- two\n"},
			[]string{`x/article.md:9: lists are not allowed in the article`}},
		{"numbered list in note", map[string]string{"notes/n.md": okNote + "\n1. one\n2. two\n"},
			[]string{`x/notes/n.md:12: numbered lists are not supported; use a bulleted list (- item)`}},
		{"nested list in note", map[string]string{"notes/n.md": okNote + "\n- one\n  - two\n"},
			[]string{`x/notes/n.md:13: nested lists are not supported`}},
		{"invalid UTF-8", map[string]string{"notes/n.md": "---\ntitle: \xff\n---\n"},
			[]string{`x/notes/n.md:2: the file is not valid UTF-8 text`}},

		// Anchors.
		{"anchor not found", map[string]string{"notes/n.md": strings.Replace(okNote, "open to talks", "closed to talks", 1)},
			[]string{`x/notes/n.md:4: anchor: "closed to talks" does not occur in the article`}},
		{"anchor ambiguous", map[string]string{"notes/n.md": strings.Replace(okNote, "anchor: open to talks", "anchor: talks", 1)},
			[]string{`x/notes/n.md:4: anchor: "talks" occurs 3 times in the article; add words around it to make it unique, and put the phrase to highlight in [brackets]`}},
		{"anchor crosses formatting", map[string]string{"notes/n.md": strings.Replace(okNote, "open to talks", "and talks began", 1)},
			[]string{`x/notes/n.md:4: anchor: "and talks began" crosses formatting (emphasis or a link) in the article; anchor a phrase within one style`}},
		{"anchor inside link", map[string]string{
			"article.md": okArticle + "\nSee [the report](https://example.com/r).\n",
			"notes/n.md": strings.Replace(okNote, "open to talks", "the report", 1)},
			[]string{`x/notes/n.md:4: anchor: "the report" is inside a link in the article; a linked phrase cannot also open a note`}},
		{"anchor brackets unbalanced", map[string]string{"notes/n.md": strings.Replace(okNote, "open to talks", "open [to talks", 1)},
			[]string{`x/notes/n.md:4: anchor: "open [to talks" must mark one part with one pair of brackets, like "context [phrase] context"`}},
		{"anchor brackets empty", map[string]string{"notes/n.md": strings.Replace(okNote, "open to talks", "open [ ] to talks", 1)},
			[]string{`x/notes/n.md:4: anchor: the brackets in "open [ ] to talks" enclose no text`}},
		{"anchor empty", map[string]string{"notes/n.md": strings.Replace(okNote, "anchor: open to talks", "anchor: \"\"", 1)},
			[]string{`x/notes/n.md:4: anchor: must not be empty; remove the field for a note about the whole article`}},
		{"anchors overlap", map[string]string{"notes/m.md": strings.Replace(okNote, "open to talks", "he was open", 1)},
			[]string{
				`x/notes/m.md:4: anchor: "he was open" overlaps the anchor of note "n"`,
				`x/notes/n.md:4: anchor: "open to talks" overlaps the anchor of note "m"`,
			}},
		{"bracketed anchors overlap", map[string]string{"notes/m.md": strings.Replace(okNote, "open to talks", `"[open] to talks,"`, 1)},
			[]string{
				`x/notes/m.md:4: anchor: "open" overlaps the anchor of note "n"`,
				`x/notes/n.md:4: anchor: "open to talks" overlaps the anchor of note "m"`,
			}},

		// Names.
		{"bad note file name", map[string]string{"notes/EU_aid.md": strings.Replace(okNote, "open to talks", "Istanbul", 1)},
			[]string{`x/notes/EU_aid.md: invalid note file name "EU_aid.md": use lowercase letters, digits and hyphens, then .md`}},
		{"not a note", map[string]string{"notes/n.txt": "hello"},
			[]string{`x/notes/n.txt: not a note: notes are files named <id>.md`}},

		// All problems, in file then line order.
		{"several files", map[string]string{
			"article.md": strings.Replace(okArticle, "title: Leader open to talks\n", "", 1),
			"notes/m.md": note("anchor: Istanbul\nkind: context\n"),
			"notes/n.md": strings.Replace(okNote, "kind: context", "kind: fact", 1)},
			[]string{
				`x/article.md:2: missing required field "title"`,
				`x/notes/m.md:5: field "kind" is given twice (first on line 3)`,
				`x/notes/n.md:3: kind: "fact" is not a kind; use context, contested, figure, correction`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"x/article.md": {Data: []byte(okArticle)},
				"x/notes/n.md": {Data: []byte(okNote)},
			}
			for name, data := range tt.files {
				fsys["x/"+name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Article(fsys, "x")
			got := errorLines(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// errorLines returns the lines of err, checking that each is a *Error.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var lines []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var pe *Error
		if !errors.As(e, &pe) {
			t.Errorf("error %q is a %T, not a *parse.Error", e, e)
		}
		lines = append(lines, e.Error())
	}
	return lines
}

func TestArticleBadSlug(t *testing.T) {
	fsys := fstest.MapFS{
		"Bad_Slug/article.md": {Data: []byte(okArticle)},
	}
	_, err := Article(fsys, "Bad_Slug")
	want := `Bad_Slug: invalid article folder name "Bad_Slug": use lowercase letters, digits and hyphens`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestArticleMissing(t *testing.T) {
	_, err := Article(fstest.MapFS{"x/notes/n.md": {Data: []byte(okNote)}}, "x")
	want := "x/article.md: file does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
