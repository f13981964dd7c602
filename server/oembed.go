package server

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gloss/gloss/site"
)

// publicOrigin is the origin absolute URLs are built on for r: the
// site's, or else the request's own scheme and Host. A Host a client
// made up only ever comes back to that client: the oEmbed endpoint serves
// only URLs on that same host, and everything built from it is escaped.
func publicOrigin(st *site.Site, r *http.Request) (string, bool) {
	if o := st.Origin(); o != "" {
		return o, true
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host, ok := site.CanonicalHost(scheme, r.Host)
	if !ok {
		return "", false
	}
	return scheme + "://" + host, true
}

// serveOEmbed answers GET /oembed?url=<article URL>&format=json
// [&maxwidth=N][&maxheight=N]: 400 for a malformed query, 404 for a URL
// this server does not serve, 501 for a format other than JSON. Pages on
// a site with an origin link their static documents (outputs of the
// site); this endpoint is for consumers that send limits.
func (s *Server) serveOEmbed(w http.ResponseWriter, r *http.Request, st *site.Site) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		http.Error(w, "oembed: malformed query", http.StatusBadRequest)
		return
	}
	for name, vals := range q {
		if len(vals) > 1 {
			http.Error(w, "oembed: "+name+" given more than once", http.StatusBadRequest)
			return
		}
	}
	raw := q.Get("url")
	if raw == "" {
		http.Error(w, "oembed: the url parameter is required", http.StatusBadRequest)
		return
	}
	var limits [2]int
	for i, name := range []string{"maxwidth", "maxheight"} {
		v, ok := q[name]
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v[0])
		if err != nil || n <= 0 || n > 100000 {
			http.Error(w, "oembed: "+name+" must be a positive whole number of pixels", http.StatusBadRequest)
			return
		}
		limits[i] = n
	}
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "oembed: only format=json is implemented", http.StatusNotImplemented)
		return
	}
	target, err := url.Parse(raw)
	if err != nil {
		http.Error(w, "oembed: url is not a URL", http.StatusBadRequest)
		return
	}
	origin, ok := publicOrigin(st, r)
	path := target.EscapedPath()
	if path == "" {
		path = "/"
	}
	o, served := st.Lookup(path)
	if !ok || !served || o.Kind != site.KindPage || !site.SameHost(target, origin) {
		http.Error(w, "oembed: not a page of this Gloss server", http.StatusNotFound)
		return
	}
	a, err := st.Article(o)
	if err != nil {
		http.Error(w, "oembed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	body, err := site.OEmbedJSON(origin, st.Base(), a, limits[0], limits[1])
	if err != nil {
		http.Error(w, "oembed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", site.CacheRevalidate)
	// The document is public; a CMS may fetch it from its editor's page.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}
