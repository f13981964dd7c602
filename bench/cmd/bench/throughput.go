package main

// Section 5: requests/s and p99 latency with wrk, Gloss against nginx
// serving the static export.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

const secServer = "5 server"

// serverGoal: Gloss serves the article page at least this fraction of
// nginx's requests/s.
const serverGoal = 0.5

func (b *Bench) measureServer(ctx context.Context) error {
	type target struct{ page, wasm string }
	wasm, _, _, err := servedWasm(ctx, b.glossURL)
	if err != nil {
		return fmt.Errorf("the served wasm: %w", err)
	}
	gloss := target{b.glossURL + seedPath, b.glossURL + wasm}
	var nginx *target
	var whyNot string
	site, err := b.export(ctx)
	switch {
	case errors.Is(err, errNoExport):
		whyNot = "gloss export not available"
	case err != nil:
		b.rep.Fail("%v", err)
		whyNot = "gloss export failed"
	case b.nginx == "":
		whyNot = "nginx not installed (apt-get install nginx-light)"
	default:
		p, url, err := b.startNginx(ctx, site, "")
		if err != nil {
			b.rep.Fail("starting nginx: %v", err)
			whyNot = "nginx did not start"
			break
		}
		defer p.Stop(5 * time.Second)
		wasm := findWasm(site)
		if wasm == "" {
			b.rep.Fail("the export holds no .wasm")
			whyNot = "no wasm in the export"
			break
		}
		nginx = &target{url + seedPath, url + wasm}
	}

	run := func(name, url string) (WrkResult, error) {
		b.logf("wrk %s for %v: %s", name, b.wrkDuration, url)
		r, err := RunWrk(ctx, b.wrk, url, b.wrkDuration)
		if err != nil {
			return r, err
		}
		r.Encoding = contentEncoding(ctx, url)
		return r, nil
	}
	var runs []WrkResult
	results := map[string]WrkResult{}
	for _, kind := range []string{"page", "wasm"} {
		for _, srv := range []string{"gloss", "nginx"} {
			t := &gloss
			if srv == "nginx" {
				if nginx == nil {
					continue
				}
				t = nginx
			}
			url := t.page
			if kind == "wasm" {
				url = t.wasm
			}
			r, err := run(srv+" "+kind, url)
			if err != nil {
				return err
			}
			results[srv+" "+kind] = r
			runs = append(runs, r)
		}
	}
	// A second anchor: the same nginx with every page pre-compressed
	// once, as Gloss's own pages are, and gzip_static on. The shipped
	// snippet compresses pages per request (gzip on, level 1).
	var static *WrkResult
	if nginx != nil {
		if err := b.precompressPages(ctx, site); err != nil {
			return err
		}
		p, url, err := b.startNginx(ctx, site, "\n    gzip_static on;")
		if err != nil {
			b.rep.Fail("starting nginx with gzip_static: %v", err)
		} else {
			r, err := run("nginx page, gzip_static", url+seedPath)
			p.Stop(5 * time.Second)
			if err != nil {
				return err
			}
			static = &r
			runs = append(runs, r)
		}
	}
	b.rep.Samples["wrk"] = runs

	for _, kind := range []struct{ key, label string }{{"page", "article page"}, {"wasm", "app.wasm"}} {
		g := results["gloss "+kind.key]
		n, haveN := results["nginx "+kind.key]
		rps := Row{Figure: kind.label + " requests/s", Value: fmt.Sprintf("%.0f", g.RequestsSec), Number: num(g.RequestsSec)}
		p99 := Row{Figure: kind.label + " p99 latency", Value: Ms(g.P99), Number: num(g.P99)}
		size := Row{Figure: kind.label + " bytes per response", Value: Bytes(int(g.BytesPerRequest)) + " " + g.Encoding,
			Number: num(g.BytesPerRequest), Note: "read per response, headers included, with Accept-Encoding: br, gzip"}
		if haveN {
			rps.Anchor = fmt.Sprintf("%.0f (nginx)", n.RequestsSec)
			rps.Ratio = num(ratio(g.RequestsSec, n.RequestsSec))
			p99.Anchor = Ms(n.P99) + " (nginx)"
			p99.Ratio = num(ratio(g.P99, n.P99))
			size.Anchor = Bytes(int(n.BytesPerRequest)) + " " + n.Encoding
		} else {
			rps.Note = "nginx not measured: " + whyNot
		}
		if kind.key == "page" {
			rps.Goal = fmt.Sprintf("≥ %.1f × nginx", serverGoal)
			if haveN {
				rps.Status = status(g.RequestsSec >= serverGoal*n.RequestsSec)
			} else {
				rps.Status, rps.Note = NotMeasured, "the nginx anchor: "+whyNot
			}
		}
		if errs := g.Errors + n.Errors; errs > 0 {
			p99.Note = fmt.Sprintf("%d errors or non-2xx/3xx responses (gloss %d, nginx %d)", errs, g.Errors, n.Errors)
		}
		b.rep.Add(secServer, rps, p99, size)
		if kind.key == "page" && static != nil {
			b.rep.Add(secServer, Row{Figure: "article page requests/s, against nginx with pre-compressed pages",
				Value: rps.Value, Number: rps.Number,
				Anchor: fmt.Sprintf("%.0f (nginx, gzip_static)", static.RequestsSec),
				Ratio:  num(ratio(g.RequestsSec, static.RequestsSec)),
				Goal:   rps.Goal, Status: status(g.RequestsSec >= serverGoal*static.RequestsSec),
				Note: fmt.Sprintf("the export's pages gzip -9'd beside them, gzip_static on; p99 %s, %s B %s per response",
					Ms(static.P99), Bytes(int(static.BytesPerRequest)), static.Encoding)})
		}
	}
	return nil
}

// contentEncoding is the Content-Encoding url is sent with to a client
// accepting br and gzip ("raw" for none).
func contentEncoding(ctx context.Context, url string) string {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	res, err := client.Do(req)
	if err != nil {
		return "?"
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if e := res.Header.Get("Content-Encoding"); e != "" {
		return e
	}
	return "raw"
}
