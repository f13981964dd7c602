package main

// Section 6's front door (issue 29): the front page, the feeds and the
// sitemaps, each fetched once, cold, at every size. The front page and
// the feeds hold a fixed number of articles, so their cost is bounded by
// that number and not by the archive; a sitemap lists every article and
// card page, so its bytes are reported per address.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// doorPaths are the front door's outputs, fetched in this order.
var doorPaths = []string{"/", "/feed.xml", "/feed.json", "/sitemap.xml"}

// doorFetch is one cold GET of a front-door output.
type doorFetch struct {
	Path  string  `json:"path"`
	Bytes int     `json:"bytes"`
	Ms    float64 `json:"ms"`
	// URLs counts a sitemap's <loc> entries.
	URLs int `json:"urls,omitempty"`
}

// measureDoor fetches each front-door output of the site at base once,
// uncompressed, timing each from request to its last byte.
func measureDoor(ctx context.Context, base string) ([]doorFetch, error) {
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableCompression: true}}
	var out []doorFetch
	for _, p := range doorPaths {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+p, nil)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		res, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		ms := float64(time.Since(start).Microseconds()) / 1000
		if err != nil || res.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %d %v", p, res.StatusCode, err)
		}
		out = append(out, doorFetch{Path: p, Bytes: len(body), Ms: ms, URLs: strings.Count(string(body), "<loc>")})
	}
	return out, nil
}

// doorGoalMs is the slowest a cold front-door output may be at the
// largest size: it reads a page's worth of articles at the most.
const doorGoalMs = 1000

// addDoorRows adds a row per front-door output: its bytes and its cold
// time at the largest size beside one article.
func (b *Bench) addDoorRows(one, many scaleRun) {
	for i, m := range many.Door {
		if i >= len(one.Door) {
			break
		}
		o := one.Door[i]
		if m.Path == "/sitemap.xml" {
			per, per1 := float64(m.Bytes)/float64(max(m.URLs, 1)), float64(o.Bytes)/float64(max(o.URLs, 1))
			b.rep.Add(secScale, Row{Figure: fmt.Sprintf("sitemap bytes per address, %s articles", thousands(many.Articles)),
				Value: fmt.Sprintf("%.0f B", per), Number: num(per), Anchor: fmt.Sprintf("%.0f B (1 article)", per1), Ratio: num(ratio(per, per1)),
				Goal: "≤ 1.05 × at 1", Status: status(per <= 1.05*per1),
				Note: fmt.Sprintf("%s for %d addresses (articles, cards and the front page's), against %s for %d; fetched cold in %s",
					Bytes(m.Bytes), m.URLs, Bytes(o.Bytes), o.URLs, Ms(m.Ms))})
			continue
		}
		figure := fmt.Sprintf("GET %s cold, %s articles", m.Path, thousands(many.Articles))
		if m.Path == "/" {
			// Start-up's timing ends when / first answers.
			figure = fmt.Sprintf("GET / (the front page) after start-up's, %s articles", thousands(many.Articles))
		}
		b.rep.Add(secScale, Row{Figure: figure,
			Value: Ms(m.Ms), Number: num(m.Ms), Anchor: Ms(o.Ms) + " (1 article)", Ratio: num(ratio(m.Ms, o.Ms)),
			Goal: "≤ " + Ms(doorGoalMs), Status: status(m.Ms <= doorGoalMs),
			Note: fmt.Sprintf("%s uncompressed, %s at 1 article: it lists a fixed number of articles, so its size stops growing at that number",
				Bytes(m.Bytes), Bytes(o.Bytes))})
	}
}
