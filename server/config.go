package server

import (
	"io/fs"

	"github.com/gloss/gloss/content"
)

// Config says what a Gloss server serves.
type Config struct {
	// Archive holds the articles to serve, listed in site order and read
	// when a page needs one; Refresh serves it as it is after an edit.
	Archive content.Archive
	// Articles, when there is no Archive, are the articles to serve, in
	// site order, already read; SetArticles replaces them.
	Articles []content.Article
	// Web holds the static assets served under /web/: styles, icons,
	// scripts and the built app.wasm with its .br and .gz copies.
	Web fs.FS
	// Version names this build of the widget: it keys the service worker's
	// cache and every page's ETag. Empty means a hash of Web's contents.
	Version string
	// FrameAncestors are the origins allowed to frame the embed view
	// (?embed=1), as in a CSP frame-ancestors list. Empty means any site.
	FrameAncestors string
	// Origin is the public origin of the server, as "https://gloss.example",
	// for the absolute URLs of the oEmbed link and snippet. Empty means each
	// request's own scheme and Host; set it behind a proxy that terminates
	// TLS.
	Origin string
	// Preview makes every page follow the content as it changes: pages
	// load a script that listens to the server (server-sent events) and
	// reloads them after each change, or shows the problem Update was
	// given. For `gloss serve -content`; never in production.
	Preview bool
}
