package site

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// modified is when article a last changed for a reader: the latest "as
// of" date of its cards' "since publication" sections (a shared card's
// is its updated), or its own date.
func modified(a *content.Article) content.Date {
	return lastAsOf(a, true)
}

// ownModified is modified of the article's own notes, leaving out the
// shared cards it shows: a shared card's "as of" is its updated, which
// says how current the card is, not that anything changed after the
// article.
func ownModified(a *content.Article) content.Date {
	return lastAsOf(a, false)
}

func lastAsOf(a *content.Article, shared bool) content.Date {
	d := a.Date
	for _, n := range a.Notes {
		if (shared || n.Card == "") && !n.Since.IsZero() && d.Before(n.Since.AsOf) {
			d = n.Since.AsOf
		}
	}
	return d
}

// timestamp is d as an RFC 3339 time, as feeds and structured data want
// one: a date known to the month or year is its first day.
func timestamp(d content.Date) string {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", d.Year, m, day)
}

// locale is a BCP 47 language as Open Graph's og:locale wants it: "en"
// stays "en", "pt-BR" becomes "pt_BR".
func locale(lang string) string { return strings.ReplaceAll(lang, "-", "_") }

// preview is what a page's link preview says: its title, description,
// language, author (empty: none), dates, and the path of its image.
type preview struct {
	title, description, lang, author string
	published, modified              content.Date
	image                            string
}

// metaTags are the tags link previews read of article a's page.
func (b *build) metaTags(a *content.Article) string {
	return b.previewTags(preview{
		title: a.Title, description: a.Description, lang: a.Lang, author: a.Author.Name,
		published: a.Date, modified: modified(a), image: ogImagePath(b.base, a.Slug),
	})
}

// previewTags are the tags link previews read, beyond go-app's
// og:title, og:description and og:type: the page's dates, the site's
// name, the language, the image (where the site has an origin, as it
// needs an absolute URL) and the card a preview draws.
func (b *build) previewTags(p preview) string {
	var t strings.Builder
	meta := func(key, name, content string) {
		if content != "" {
			t.WriteString("<meta " + escape.Attr("content", content) + " " + key + "=\"" + name + "\">\n")
		}
	}
	meta("name", "author", p.author)
	meta("property", "og:site_name", b.publisher.Name)
	meta("property", "og:locale", locale(p.lang))
	if !p.published.IsZero() {
		meta("property", "article:published_time", timestamp(p.published))
		meta("property", "article:modified_time", timestamp(p.modified))
	}
	card := "summary"
	if b.origin != "" {
		img := b.origin + p.image
		meta("property", "og:image", img)
		meta("property", "og:image:type", "image/png")
		meta("property", "og:image:width", strconv.Itoa(ogWidth))
		meta("property", "og:image:height", strconv.Itoa(ogHeight))
		meta("property", "og:image:alt", p.title)
		meta("name", "twitter:image", img)
		meta("name", "twitter:image:alt", p.title)
		card = "summary_large_image"
	}
	meta("name", "twitter:card", card)
	meta("name", "twitter:title", p.title)
	meta("name", "twitter:description", p.description)
	return t.String()
}

// newsArticle is a's schema.org NewsArticle, as JSON-LD for its page's
// head: what search engines and Mastodon read of an article. Without an
// origin it is left out, as its URLs must be absolute.
func (b *build) newsArticle(a *content.Article) (string, error) {
	if b.origin == "" {
		return "", nil
	}
	url := ArticleURL(b.origin, b.base, a.Slug)
	publisher := b.publisherLD()
	doc := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"description":      a.Description,
		"inLanguage":       a.Lang,
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": url},
		"url":              url,
		"publisher":        publisher,
		"author":           publisher,
		"image":            []string{b.origin + ogImagePath(b.base, a.Slug)},
	}
	if !a.Author.IsZero() {
		author := map[string]any{"@type": "Person", "name": a.Author.Name}
		if a.Author.URL != "" {
			author["url"] = a.Author.URL
		}
		doc["author"] = author
	}
	if !a.Date.IsZero() {
		doc["datePublished"] = timestamp(a.Date)
		doc["dateModified"] = timestamp(modified(a))
	}
	for _, n := range a.Notes {
		if n.Kind == content.KindCorrection {
			doc["correction"] = map[string]any{"@type": "CorrectionComment", "text": n.Title}
			break
		}
	}
	ld, err := jsonLD(doc)
	if err != nil {
		return "", fmt.Errorf("structured data of %s: %w", a.Slug, err)
	}
	return ld, nil
}

// publisherLD is the site's publisher as schema.org's Organization, with
// its logo.
func (b *build) publisherLD() map[string]any {
	return map[string]any{
		"@type": "Organization",
		"name":  b.publisher.Name,
		"logo":  map[string]any{"@type": "ImageObject", "url": b.logoURL()},
	}
}

// jsonLD is doc as a script element for a page's head. json.Marshal
// escapes <, > and & as \u003c…, so no text can end the element.
func jsonLD(doc map[string]any) (string, error) {
	j, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return `<script type="application/ld+json">` + string(j) + "</script>\n", nil
}
