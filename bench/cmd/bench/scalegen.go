package main

// The articles section 6 serves: copies of the seed article with their
// words shuffled, so that neither compression nor a cache can tell two
// copies alike, each with its own slug and date.

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/gloss/gloss/content/parse"
	"gopkg.in/yaml.v3"
)

// seedDateLayout is how article.md writes its date.
const seedDateLayout = "2 January 2006"

// GenArticles writes n copies of the article folder seed into dir and
// returns their slugs, the newest first: copy i is dated i days before
// the seed. The words of every paragraph of the article's body and of
// each note's body are shuffled; each note's anchor phrase moves as one
// word, so that it is still found exactly once. The copies are checked
// with the parser. The seed's card library (the cards folder beside it)
// is copied as planCards says, and each copy's references name the
// variants it shows.
func GenArticles(seed, dir string, n int, rng *rand.Rand) ([]string, error) {
	article, err := os.ReadFile(filepath.Join(seed, "article.md"))
	if err != nil {
		return nil, err
	}
	front, body, err := splitFront(article)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(seed, "article.md"), err)
	}
	var meta struct {
		Date string `yaml:"date"`
	}
	if err := yaml.Unmarshal(front, &meta); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(seed, "article.md"), err)
	}
	date, err := time.Parse(seedDateLayout, meta.Date)
	if err != nil {
		return nil, fmt.Errorf("%s: date: %w", filepath.Join(seed, "article.md"), err)
	}
	notes, err := readNotes(filepath.Join(seed, "notes"))
	if err != nil {
		return nil, err
	}
	cards, err := readCards(filepath.Join(filepath.Dir(seed), "cards"))
	if err != nil {
		return nil, err
	}
	for _, nt := range notes {
		if nt.card != "" && len(cards) == 0 {
			return nil, fmt.Errorf("%s shows the card %s, and there is no card library beside the seed", filepath.Join(seed, "notes", nt.name), nt.card)
		}
	}
	plan := planCards(n, len(cards))
	if err := writeCards(filepath.Join(dir, "cards"), cards, plan, rng); err != nil {
		return nil, err
	}
	var anchors []string
	for _, nt := range notes {
		if nt.anchor != "" { // a correction or the article's context
			anchors = append(anchors, nt.anchor)
		}
	}

	slugs := make([]string, n)
	for i := range n {
		slug := fmt.Sprintf("%s-%03d", filepath.Base(seed), i+1)
		slugs[i] = slug
		adir := filepath.Join(dir, slug)
		if err := os.MkdirAll(filepath.Join(adir, "notes"), 0o755); err != nil {
			return nil, err
		}
		d := date.AddDate(0, 0, -i).Format(seedDateLayout)
		f := withField(front, "date", d)
		b, err := shuffleArticle(body, anchors, rng)
		if err != nil {
			return nil, fmt.Errorf("copy %d: %w", i+1, err)
		}
		if err := os.WriteFile(filepath.Join(adir, "article.md"), joinFront(f, b), 0o644); err != nil {
			return nil, err
		}
		for _, nt := range notes {
			front, body := nt.front, shuffleParagraphs(nt.body, nil, rng)
			if nt.card != "" { // a reference: the variant this copy shows
				front, body = withField(front, "card", cardCopyID(nt.card, plan.variant(i))), nil
			}
			if err := os.WriteFile(filepath.Join(adir, "notes", nt.name), joinFront(front, body), 0o644); err != nil {
				return nil, err
			}
		}
	}
	got, err := parse.Load([]string{dir})
	if err != nil {
		return nil, fmt.Errorf("the generated articles do not parse: %w", err)
	}
	if len(got) != n {
		return nil, fmt.Errorf("generated %d articles, the parser read %d", n, len(got))
	}
	return slugs, nil
}

// seedNote is one note file of the seed: its name, front matter, body,
// the phrase its anchor finds (brackets removed) and the shared card it
// references, if it is a reference.
type seedNote struct {
	name        string
	front, body []byte
	anchor      string
	card        string
}

func readNotes(dir string) ([]seedNote, error) {
	files, err := readFronts(dir)
	if err != nil {
		return nil, err
	}
	notes := make([]seedNote, 0, len(files))
	for _, f := range files {
		var meta struct {
			Anchor string `yaml:"anchor"`
			Card   string `yaml:"card"`
		}
		if err := yaml.Unmarshal(f.front, &meta); err != nil {
			return nil, fmt.Errorf("%s: %w", f.path, err)
		}
		phrase := strings.NewReplacer("[", "", "]", "").Replace(meta.Anchor)
		notes = append(notes, seedNote{name: filepath.Base(f.path), front: f.front, body: f.body, anchor: phrase, card: meta.Card})
	}
	return notes, nil
}

// frontFile is a content file split at its front matter.
type frontFile struct {
	path        string
	front, body []byte
}

// readFronts reads every .md file of dir, split at its front matter.
func readFronts(dir string) ([]frontFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	files := make([]frontFile, 0, len(paths))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		front, body, err := splitFront(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		files = append(files, frontFile{path: p, front: front, body: body})
	}
	return files, nil
}

// splitFront splits a content file into its front matter (without the
// --- lines) and its body.
func splitFront(b []byte) (front, body []byte, err error) {
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return nil, nil, fmt.Errorf("no front matter (--- on the first line)")
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, nil, fmt.Errorf("front matter has no closing ---")
	}
	return append(front, '\n'), body, nil
}

func joinFront(front, body []byte) []byte {
	return slices.Concat([]byte("---\n"), front, []byte("---\n"), body)
}

// withField replaces the value of the top-level front matter field name.
func withField(front []byte, name, value string) []byte {
	lines := strings.Split(string(front), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, name+":") {
			lines[i] = name + ": " + value
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// shuffleArticle shuffles the article's body until every anchor phrase
// occurs exactly once, as in the seed: loose words could, by chance, spell
// a short phrase a second time.
func shuffleArticle(body []byte, anchors []string, rng *rand.Rand) ([]byte, error) {
	for range 50 {
		out := shuffleParagraphs(body, anchors, rng)
		ok := true
		for _, a := range anchors {
			if bytes.Count(out, []byte(a)) != 1 {
				ok = false
				break
			}
		}
		if ok {
			return out, nil
		}
	}
	return nil, fmt.Errorf("no shuffle keeps every anchor unique in 50 tries")
}

// shuffleParagraphs shuffles the words within each paragraph of a
// Markdown body (paragraphs are separated by blank lines), keeping each
// line's block marker (a heading's #s, a list item's -) in place and
// each occurrence of a phrase in keep as one word.
func shuffleParagraphs(body []byte, keep []string, rng *rand.Rand) []byte {
	paras := strings.Split(string(body), "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if len(lines) > 1 && !isMarked(lines[0]) {
			// A paragraph wrapped over lines: one run of words.
			lines = []string{strings.Join(lines, " ")}
		}
		for j, l := range lines {
			marker, text := splitMarker(l)
			if strings.TrimSpace(text) == "" {
				continue
			}
			lines[j] = marker + ShuffleWords(text, keep, rng)
		}
		paras[i] = strings.Join(lines, "\n")
	}
	out := strings.Join(paras, "\n\n")
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return []byte(out)
}

func isMarked(line string) bool {
	m, _ := splitMarker(line)
	return m != ""
}

// splitMarker splits a Markdown line into its block marker and its text.
func splitMarker(line string) (marker, text string) {
	for _, m := range []string{"#", "- ", "* ", "> "} {
		if !strings.HasPrefix(line, m) {
			continue
		}
		n := len(m)
		if m == "#" {
			n = len(line) - len(strings.TrimLeft(line, "#"))
			if n >= len(line) || line[n] != ' ' {
				return "", line
			}
			n++
		}
		return line[:n], line[n:]
	}
	return "", line
}

// ShuffleWords returns the words of text in a random order, single
// spaced, each occurrence of a phrase in keep moved as one word (with
// the punctuation that touches it).
func ShuffleWords(text string, keep []string, rng *rand.Rand) string {
	keep = slices.Clone(keep)
	// The longest phrase first, so that one inside another stays whole.
	slices.SortFunc(keep, func(a, b string) int { return len(b) - len(a) })
	var words []string
	free := 0 // start of the text not yet cut into words
	for i := 0; i < len(text); {
		found := ""
		for _, k := range keep {
			if k != "" && strings.HasPrefix(text[i:], k) {
				found = k
				break
			}
		}
		if found == "" {
			i++
			continue
		}
		start, end := i, i+len(found)
		for start > free && !unicode.IsSpace(rune(text[start-1])) {
			start--
		}
		for end < len(text) && !unicode.IsSpace(rune(text[end])) {
			end++
		}
		words = append(words, strings.Fields(text[free:start])...)
		words = append(words, text[start:end])
		i, free = end, end
	}
	words = append(words, strings.Fields(text[free:])...)
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	// A line may not start with a word that would make it another block.
	for i, w := range words {
		if !startsBlock.MatchString(w) {
			words[0], words[i] = words[i], words[0]
			break
		}
	}
	return strings.Join(words, " ")
}

// startsBlock matches the words that, first on a line, start a Markdown
// block: a list item's number or bullet, a heading, a quote, a fence.
var startsBlock = regexp.MustCompile("^([0-9]{1,9}[.)]|[-+*>#=|~`].*)$")
