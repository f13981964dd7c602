// Package bundle builds the scripts and the style sheet Gloss serves from
// their source modules in web/, once, when the site is built (package
// site, for the server's start and the static export alike), with
// esbuild's Go API: nothing generated is committed, and
// `gloss serve -web DIR` bundles DIR's own sources.
//
// The served files and their entries:
//
//	gloss.js   web/js/gloss.js   the page script, which is also the wasm's compile worker
//	embed.js   web/js/embed.js   the publisher's script (publishers link it by name)
//	gloss.css  web/css/gloss.css the style sheet, its parts joined by @import
//
// Each is one file, minified, at the URL it has always had (/web/gloss.js,
// ...): the page names gloss.js and gloss.css through go-app, publishers
// name embed.js. The scripts are classic scripts (an IIFE, strict), not
// ES modules: the page runs gloss.js in its head before the article is
// parsed, and starts it again as a classic worker (importScripts needs
// one), by its own address, so the worker's script is the page's, already
// in the HTTP and service-worker caches. A module of gloss.js therefore
// does nothing when it is imported: it exports what the entry calls, in
// the order the page needs, and the worker calls only its own part.
//
// The source folders (web/js, web/css) are not served: FS gives the web
// assets as served, the bundles in place of their sources. Imports are
// relative paths to files under web/ (no packages, no bare names), read
// from the fs.FS given, so the embedded assets and a -web folder bundle
// alike; an error names the file and line (web/js/page/links.js:12:4: ...).
//
// The DOM contract of web/dom.go (with the prompts' running state of
// package app) reaches the scripts as a module generated from the Go
// values, imported as "gloss:dom" (contract.go), and the style sheet as
// two custom media queries, (--wide) and (--narrow), which the bundler
// writes out as the contract's breakpoint (no browser implements
// @custom-media yet). So the breakpoint, the storage key and the root
// classes are typed once, in Go: a script that imports a name the
// contract does not have, or a style sheet that names a custom media
// query it does not define, fails the bundle, hence the server's start and
// the tests.
package bundle
