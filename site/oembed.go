package site

// Publisher embedding: the oEmbed document of each article, its
// discovery link in every article page, and the embed snippet they share.
// docs/embedding.md is the publisher's side of it. With a public origin,
// every page links its article's static document (FileHref), an output of
// the site served and exported alike; the server's /oembed endpoint
// (EndpointHref) answers consumers that send maxwidth, and pages served to
// a loopback address when no origin is set.

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// OEmbed is an oEmbed 1.0 response of type "rich".
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	// HTML is the embed snippet (OEmbedHTML): a blockquote linking to the
	// article and an iframe of its embed view, which web/embed.js sizes.
	HTML   string `json:"html"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// The width an embed is described with when the consumer sets no
// maxwidth: the widget's column (42rem) plus its padding. The iframe is
// as wide as its container whatever the number says.
const OEmbedWidth = 700

// OEmbedHref names the oEmbed document of an article page, from the
// site's public origin ("https://gloss.example"), the base path the site
// is served under ("/" or "/sub/path/") and the article's slug.
type OEmbedHref func(origin, base, slug string) string

// EndpointHref is the running server's OEmbedHref: its /oembed endpoint,
// asked for the article's URL in JSON.
func EndpointHref(origin, base, slug string) string {
	return origin + cleanBase(base) + "oembed?format=json&url=" + escape.QueryValue(ArticleURL(origin, base, slug))
}

// FileHref is a static site's OEmbedHref: the file oembed/<slug>.json,
// which the export writes from OEmbedFor.
func FileHref(origin, base, slug string) string {
	return origin + cleanBase(base) + "oembed/" + escape.PathSegment(slug) + ".json"
}

// ArticleURL is the absolute URL of an article's own page.
func ArticleURL(origin, base, slug string) string {
	return origin + strings.TrimSuffix(cleanBase(base), "/") + ArticlePath(escape.PathSegment(slug))
}

// EmbedScriptURL is the absolute URL of the embed script.
func EmbedScriptURL(origin, base string) string {
	return origin + cleanBase(base) + "web/embed.js"
}

// Snippet is the HTML a publisher pastes to embed the article: with no
// script it is a link to the article; web/embed.js replaces it with an
// iframe. data-height is the article's estimated height, which embed.js
// reserves so the frame rarely has to grow in front of the reader.
// Everything in it is escaped.
func Snippet(origin, base string, a content.Article) string {
	return snippetQuote(origin, base, a) + "\n" + snippetScript(origin, base)
}

// snippetQuote is the snippet's blockquote, its fallback link.
func snippetQuote(origin, base string, a content.Article) string {
	return `<blockquote class="gloss-embed" data-theme="auto" data-height="` + strconv.Itoa(estimateHeight(a, OEmbedWidth)) + `"><a ` +
		escape.Attr("href", ArticleURL(origin, base, a.Slug)) + `>` + escape.Text(a.Title) + `</a></blockquote>`
}

// snippetScript is the snippet's script tag.
func snippetScript(origin, base string) string {
	return `<script async ` + escape.Attr("src", EmbedScriptURL(origin, base)) + `></script>`
}

// EmbedFrameURL is the address of the article's embed view: the page an
// iframe of it shows.
func EmbedFrameURL(origin, base, slug string) string {
	return ArticleURL(origin, base, slug) + "?embed=1"
}

// OEmbedHTML is the html of the oEmbed answer for article a, w by h
// pixels: the blockquote of Snippet, then an iframe of the embed view,
// then the script. A consumer that runs the script (Ghost, a page with
// embed.js) gets the frame embed.js sizes, which adopts this iframe
// rather than making a second one. WordPress runs no script of a
// provider's: wp_filter_oembed_result keeps only a, blockquote and
// iframe (and nothing without an iframe), keeps the blockquote as the
// fallback only when the html starts with it, and shows the frame once
// it posts its height (web/js/embed/wordpress.js). Everything in it is
// escaped.
func OEmbedHTML(origin, base string, a content.Article, w, h int) string {
	return snippetQuote(origin, base, a) +
		`<iframe class="gloss-embed" ` + escape.Attr("src", EmbedFrameURL(origin, base, a.Slug)) + ` ` + escape.Attr("title", a.Title) +
		` width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" frameborder="0" scrolling="no" loading="lazy"` +
		` referrerpolicy="strict-origin" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>` + "\n" +
		snippetScript(origin, base)
}

// OEmbedFor is the oEmbed document of article a. maxwidth and maxheight
// are the consumer's limits, 0 for none.
func OEmbedFor(origin, base string, a content.Article, maxwidth, maxheight int) OEmbed {
	w := OEmbedWidth
	if maxwidth > 0 && maxwidth < w {
		w = maxwidth
	}
	h := estimateHeight(a, w)
	if maxheight > 0 && h > maxheight {
		h = maxheight
	}
	return OEmbed{
		Version:      "1.0",
		Type:         "rich",
		ProviderName: "Gloss",
		ProviderURL:  origin + cleanBase(base),
		Title:        a.Title,
		HTML:         OEmbedHTML(origin, base, a, w, h),
		Width:        w,
		Height:       h,
	}
}

// estimateHeight guesses how tall the embedded article is at width w
// pixels, for the oEmbed height, which a consumer may use to reserve
// space. The frame sizes itself to its content in any case. The numbers
// are those of web/gloss.css: a 17px serif at 1.6 line height, about
// 8px a character, 12px of padding each side.
func estimateHeight(a content.Article, w int) int {
	const line, char = 27.2, 8.0
	perLine := max(float64(w-24)/char, 20)
	h := 130.0 // headline, date, tools, padding
	for _, b := range a.Body {
		switch b.Kind {
		case content.Heading:
			h += 56
		case content.List:
			for _, it := range b.Items {
				h += line * float64(lines(content.PlainText(it), perLine-3))
			}
			h += 17
		default:
			h += line*float64(lines(content.PlainText(b.Text), perLine)) + 17
		}
	}
	return int(h)
}

func lines(s string, perLine float64) int {
	return int(float64(utf8.RuneCountInString(s))/perLine) + 1
}

// OEmbedLink is the discovery tag that lets a CMS find the oEmbed
// document at href from the article's page.
func OEmbedLink(href, title string) string {
	return `<link rel="alternate" type="application/json+oembed" ` + escape.Attr("href", href) + ` ` + escape.Attr("title", title) + `>`
}

// OEmbedJSON is the oEmbed document of article a as JSON.
func OEmbedJSON(origin, base string, a content.Article, maxwidth, maxheight int) ([]byte, error) {
	b, err := json.Marshal(OEmbedFor(origin, base, a, maxwidth, maxheight))
	if err != nil {
		return nil, fmt.Errorf("oembed %s: %w", a.Slug, err)
	}
	return b, nil
}
