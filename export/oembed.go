package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/server"
)

// withDiscovery adds to a page the oEmbed discovery link of its article,
// pointing at the static answer oembed/<slug>.json, as the server adds
// one pointing at its /oembed endpoint. An oEmbed answer holds absolute
// URLs only, so without an origin there is neither.
func (s *site) withDiscovery(p server.Page, a content.Article) (server.Page, error) {
	if s.origin == "" {
		return p, nil
	}
	return server.WithOEmbedLink(p, server.FileHref(s.origin, s.base, a.Slug), a.Title)
}

// writeOEmbed writes oembed/<slug>.json, the static oEmbed answer of
// each article, and the demo publisher page.
func (s *site) writeOEmbed() error {
	if s.origin != "" {
		for _, a := range s.o.Articles {
			doc, err := json.Marshal(server.OEmbedFor(s.origin, s.base, a, 0, 0))
			if err != nil {
				return err
			}
			href := server.FileHref(s.origin, s.base, a.Slug)
			rel := strings.TrimPrefix(href, s.origin+s.base)
			if rel == href || !strings.HasPrefix(rel, "oembed/") {
				return fmt.Errorf("export: oEmbed answer %s is not under %s%s", href, s.origin, s.base)
			}
			if err := s.writeFile(rel, doc); err != nil {
				return err
			}
		}
		s.oembed = true
	}
	// The demo page is on the site itself: its snippet may be relative.
	page, policy, err := server.DemoPage(s.origin, s.base, s.o.Articles[0])
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	s.demoPolicy = policy
	if err := s.writeFile(demoPath+".html", page); err != nil {
		return err
	}
	return s.writeFile(demoPath+"/index.html", page)
}

// demoPath is where the server serves the demo publisher page.
const demoPath = "demo/embed"
