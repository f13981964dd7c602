package site

import (
	"fmt"
	"strconv"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
	"github.com/gloss/gloss/internal/goapp"
)

// FrontSize is how many articles one page of the front page lists: a
// fixed number, so a page costs the same whatever the archive's size.
const FrontSize = 20

// frontPath is the path of the front page's page k (from 1): the base
// for the first, base/page/k/ for the others.
func (b *build) frontPath(k int) string {
	if k <= 1 {
		return b.base
	}
	return b.base + "page/" + strconv.Itoa(k) + "/"
}

// frontOutputs are the front page's pages: the archive newest first,
// FrontSize articles a page. The first is at the base: the page the
// installed app opens on (the manifest's start_url).
func (b *build) frontOutputs(entries []*entry, cards map[string]*card, archive content.Archive, lang string) []*Output {
	pages := (len(entries) + FrontSize - 1) / FrontSize
	out := make([]*Output, 0, pages)
	for k := 1; k <= pages; k++ {
		list := entries[(k-1)*FrontSize : min(len(entries), k*FrontSize)]
		paths := []string{b.frontPath(k)}
		if k > 1 {
			paths = append([]string{paths[0][:len(paths[0])-1]}, paths[0])
		}
		out = append(out, &Output{
			Paths: paths, Kind: KindFront, Type: TypeOf(".html"), Cache: CacheRevalidate,
			key:    "front-" + strconv.Itoa(k) + "-" + strconv.Itoa(pages) + "-" + lang + "-" + listKey(list),
			render: func() ([]byte, error) { return b.renderFront(archive, cards, list, k, pages, lang) },
		})
	}
	return out
}

// renderFront prints page k of pages of the front page, listing entries:
// each with its summary, read if need be, and none kept. An entry is
// marked "updated since publication" when one of its own notes says what
// changed after its date, or a shared card it shows has developments
// after it.
func (b *build) renderFront(archive content.Archive, cards map[string]*card, entries []*entry, k, pages int, lang string) ([]byte, error) {
	f := ui.Front{Lang: lang, Title: b.publisher.Name, Description: Info.Description, Page: k, Pages: pages}
	if k > 1 {
		f.Newer = b.frontPath(k - 1)
	}
	if k < pages {
		f.Older = b.frontPath(k + 1)
	}
	for _, e := range entries {
		sum, err := b.sums.of(archive, e.Entry)
		if err != nil {
			return nil, fmt.Errorf("front page %d: %w", k, err)
		}
		f.Entries = append(f.Entries, ui.FrontEntry{
			Href: ArticleURL("", b.base, e.Slug), Title: e.Title, Description: e.Description, Lang: e.Lang,
			Date: e.Date, Cards: sum.cards, Updated: e.Date.Before(sum.modified) || sharedChanged(e, cards),
		})
	}
	title := b.publisher.Name
	if k > 1 {
		t := i18n.For(lang)
		title += " · " + t.PageOf[0] + strconv.Itoa(k) + t.PageOf[1] + strconv.Itoa(pages)
	}
	head := `<link ` + escape.Attr("href", b.origin+b.frontPath(k)) + ` rel="canonical">` + "\n" + b.feedLinks(lang)
	if b.cfg.Preview {
		head += `<script defer src="` + PreviewScript + `"></script>` + "\n"
	}
	return b.goapp.Render(goapp.Page{
		Lang: lang, Dir: i18n.Dir(lang), Title: title, Description: Info.Description,
		Head: []byte(head), Root: &ui.Prompts{Lang: lang}, Main: ui.FrontPage(f), Loading: i18n.For(lang).Loading,
	})
}

// cards counts a's context cards: the notes anchored to its phrases.
func cards(a *content.Article) int {
	n := 0
	for _, note := range a.Notes {
		if note.Anchor != "" {
			n++
		}
	}
	return n
}

// sharedChanged reports whether a shared card e shows has developments
// after e's date (content.Card.Changed).
func sharedChanged(e *entry, cards map[string]*card) bool {
	for _, id := range e.Cards {
		if c, ok := cards[id]; ok && c.Changed(e.Date) {
			return true
		}
	}
	return false
}
