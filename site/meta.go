package site

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// modified is when article a last changed for a reader: the latest "as
// of" date of its cards' "since publication" sections, or its own date.
func modified(a *content.Article) content.Date {
	d := a.Date
	for _, n := range a.Notes {
		if !n.Since.IsZero() && d.Before(n.Since.AsOf) {
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

// metaTags are the tags link previews read, beyond go-app's og:title,
// og:description and og:type: the article's dates, the site's name, the
// language, and the card a preview draws. (No image yet: the summary
// card.)
func (b *build) metaTags(a *content.Article) string {
	var t strings.Builder
	meta := func(key, name, content string) {
		if content != "" {
			t.WriteString("<meta " + escape.Attr("content", content) + " " + key + "=\"" + name + "\">\n")
		}
	}
	meta("property", "og:site_name", Info.Name)
	meta("property", "og:locale", locale(a.Lang))
	if !a.Date.IsZero() {
		meta("property", "article:published_time", timestamp(a.Date))
		meta("property", "article:modified_time", timestamp(modified(a)))
	}
	meta("name", "twitter:card", "summary")
	meta("name", "twitter:title", a.Title)
	meta("name", "twitter:description", a.Description)
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
	publisher := map[string]any{
		"@type": "Organization",
		"name":  Info.Name,
		"logo":  map[string]any{"@type": "ImageObject", "url": b.origin + b.base + "web/icon-512.png"},
	}
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
		"image":            []string{b.origin + b.base + "web/icon-512.png"},
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
	// json.Marshal escapes <, > and & as \u003c…, so no text can end the
	// script element it is in.
	j, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("structured data of %s: %w", a.Slug, err)
	}
	return `<script type="application/ld+json">` + string(j) + "</script>\n", nil
}
