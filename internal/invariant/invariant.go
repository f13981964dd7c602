// Package invariant holds the limits on the built widget that both
// make test (cmd/gloss's invariants test) and make bench check, so that
// the two cannot disagree.
package invariant

import "strings"

// EmbedJSGzip is the most web/embed.js may weigh compressed with gzip -9:
// it is the one script a publisher's page loads.
const EmbedJSGzip = 2048

// ServerOnly are packages that belong on the server: if the wasm has one
// that the go-app hello world (bench/floor) has not, server code leaked
// in. Each name stands for itself and every package below it.
var ServerOnly = []string{
	"github.com/gloss/gloss/server", "github.com/gloss/gloss/export", "github.com/gloss/gloss/site", "github.com/gloss/gloss/content/parse",
	"github.com/gloss/gloss/internal/", "github.com/yuin/goldmark", "gopkg.in/yaml.v3",
	"net/http", "html/template", "text/template", "log/slog", "compress/gzip", "os/exec", "os/signal", "flag",
}

// IsServerOnly reports whether pkg is, or is below, one of ServerOnly.
func IsServerOnly(pkg string) bool {
	for _, s := range ServerOnly {
		if pkg == s || strings.HasPrefix(pkg, strings.TrimSuffix(s, "/")+"/") {
			return true
		}
	}
	return false
}
