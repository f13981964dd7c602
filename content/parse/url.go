package parse

import (
	"fmt"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"
)

// checkURL returns why s may not be linked, or nil. Only absolute http and
// https URLs are allowed: anything else (javascript:, data:, a relative
// path) would either be unsafe in a reader's browser or broken once the
// article is embedded elsewhere.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a valid URL", s)
	}
	if scheme := strings.ToLower(u.Scheme); scheme != "http" && scheme != "https" {
		return fmt.Errorf("%q is not an http or https URL", s)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host", s)
	}
	return nil
}

// url reads a required URL field.
func (f *file) url(n *yaml.Node, path string) string {
	s := f.nonEmpty(n, path)
	if s == "" {
		return ""
	}
	if err := checkURL(s); err != nil {
		f.errorf(f.line(n), path, "%v", err)
	}
	return s
}
