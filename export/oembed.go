package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gloss/gloss/server"
)

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
