package server

import (
	"fmt"
	"strings"
	"testing"
)

// The pages kept stay within their bound, the least recently read going
// first: an archive of any size costs the server at most the bound.
func TestPagesAreKeptWithinTheBound(t *testing.T) {
	page := func(i int) *encoded { return encode([]byte(strings.Repeat(fmt.Sprint(i), 3000)), brotliFast) }
	c := newLRU(10 * 4000) // ten pages of 3,000 bytes and their copies
	for i := range 30 {
		c.put(fmt.Sprint(i), page(i))
		if i == 5 {
			c.get("0") // read again: kept
		}
	}
	if c.len() > 10 || c.bytes > c.max {
		t.Errorf("%d pages, %d bytes kept, over the bound of %d bytes", c.len(), c.bytes, c.max)
	}
	if _, ok := c.get("1"); ok {
		t.Error("an old page is still kept")
	}
	if _, ok := c.get("29"); !ok {
		t.Error("the newest page is not kept")
	}
}

// A page that is no longer kept is rendered again when asked for.
func TestAPageNotKeptIsServedAgain(t *testing.T) {
	s := testServer(t, Config{})
	s.pages = newLRU(1)
	for range 3 {
		for _, p := range []string{"/", "/a/one", "/web/gloss.css"} {
			if res := fetch(s, p); res.StatusCode != 200 {
				t.Fatalf("%s: %d", p, res.StatusCode)
			}
		}
	}
	if s.pages.len() > 1 {
		t.Errorf("%d pages kept, bound 1", s.pages.len())
	}
}
