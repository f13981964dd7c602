package server

import "net/http"

// policy is the Content-Security-Policy of every response: only the
// widget's own origin, plus the compilation of its WebAssembly.
const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'none'"

func (s *Server) setSecurityHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Content-Security-Policy", policy+"; frame-ancestors "+s.frameAncestors(r))
}

// frameAncestors says who may frame the response: anyone (or the
// configured publishers) for the embed view, only Gloss itself otherwise.
func (s *Server) frameAncestors(r *http.Request) string {
	if r.URL.Query().Get("embed") != "1" {
		return "'self'"
	}
	if s.cfg.FrameAncestors == "" {
		return "*"
	}
	return s.cfg.FrameAncestors
}
