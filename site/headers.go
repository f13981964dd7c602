package site

// Header is one HTTP response header.
type Header struct {
	Name, Value string
}

// AssetCORS is the header that lets any origin read a static asset: the
// outputs a page loads (web/'s files, the wasm, go-app's app.js,
// wasm_exec.js and app.css) carry it. The embed view in a sandbox without
// allow-same-origin (WordPress sandboxes its embeds allow-scripts only)
// has an opaque origin: every request it makes is cross-origin, with
// Origin: null, and what it fetches in CORS mode (the wasm, by fetch;
// fonts and module scripts, were there any) is refused unless the
// response allows it. Those assets are public and the same for everyone;
// pages, the service worker and the manifest do not allow it.
var AssetCORS = Header{"Access-Control-Allow-Origin", "*"}

// policy is the Content-Security-Policy of Gloss's documents and worker:
// only the site's own origin, plus the compilation of its WebAssembly.
const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'none'"

// SecurityHeaders are the security headers of a response that
// frameAncestors (a CSP frame-ancestors list) may frame: CommonHeaders
// and the page policy. The server sends them and the export's host
// configuration says the same.
func SecurityHeaders(frameAncestors string) []Header {
	return append(CommonHeaders(), PolicyHeader(frameAncestors))
}

// CommonHeaders are the headers of every response, whatever it is.
func CommonHeaders() []Header {
	return []Header{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}
}

// PolicyHeader is the Content-Security-Policy of Gloss's documents and
// worker, for a response that frameAncestors may frame.
func PolicyHeader(frameAncestors string) Header {
	return Header{"Content-Security-Policy", policy + "; frame-ancestors " + frameAncestors}
}

// The cache policies, the server's and the export's host configuration's
// alike. Only URLs named by their content are cached for good; pages,
// go-app's scripts and the oEmbed answers keep their URL across edits and
// are revalidated on every use.
const (
	CacheForever    = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// FrameAncestors says who may frame a response of the site: anyone, or
// the configured publishers, for the embed view of a page (?embed=1);
// only the site itself otherwise.
func (s *Site) FrameAncestors(o *Output, embedView bool) string {
	if o.Kind != KindPage || !embedView {
		return "'self'"
	}
	return s.build.ancestors
}

// Headers are the headers of a response of o beyond its type and cache
// policy: the security headers, and o's own (a page's policy, the
// wasm's length, CORS for the oEmbed documents and the static assets).
func (s *Site) Headers(o *Output, embedView bool) []Header {
	hs := CommonHeaders()
	if o.Policy != "" {
		hs = append(hs, Header{"Content-Security-Policy", o.Policy})
	} else {
		hs = append(hs, PolicyHeader(s.FrameAncestors(o, embedView)))
	}
	return append(hs, o.Headers...)
}
