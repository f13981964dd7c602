package main

// Section 4, in a WordPress post: Debian's WordPress on loopback
// (internal/wordpress) with a post whose content is the default
// article's URL, as a publisher pastes it, and the same post without it.
// What the embed costs there: the bytes the embed view loads until
// WordPress shows it, and the publisher's blocking time with it in view,
// against the same post without the embed.

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/internal/wordpress"
)

var wordpressFigures = []string{
	"embed view's bytes in a WordPress post, until WordPress shows it",
	"publisher's total blocking time in a WordPress post with the embed in view",
}

func (b *Bench) measureWordPressEmbed(ctx context.Context) error {
	u, err := url.Parse(b.glossURL)
	if err != nil {
		return err
	}
	_, p, _ := net.SplitHostPort(u.Host)
	port, _ := strconv.Atoi(p)
	a := articles.All()[0]
	article := b.glossURL + "/a/" + url.PathEscape(a.Slug)
	wp, err := wordpress.Start(b.tempDir("wordpress"), []int{port}, []wordpress.Post{
		{Name: "embed", Title: a.Title, Content: wordpress.ClassicEmbed(article)},
		{Name: "none", Title: a.Title},
	})
	if err != nil {
		b.rep.Skip(secEmbed, "WordPress did not start", wordpressFigures...)
		return err
	}
	defer wp.Stop()
	// The frame in the publisher's process, as on Android (section 8):
	// its requests and its main-thread work are the publisher tab's.
	bctx, stop, err := b.startBrowserWith(ctx, "chromium-wordpress", chromedp.Flag("disable-site-isolation-trials", true))
	if err != nil {
		return err
	}
	defer stop()

	bytes, requests, err := b.frameBytes(bctx, wp.Posts["embed"])
	if err != nil {
		return fmt.Errorf("wordpress: %w", err)
	}
	var with, without []float64
	var loads []publisherLoad
	requested := 0
	for i := 0; i < b.publisherRuns; i++ {
		for _, embed := range []bool{true, false} {
			name := map[bool]string{true: "embed", false: "none"}[embed]
			b.logf("WordPress post load %d/%d, %s", i+1, b.publisherRuns, name)
			l, err := b.publisherOnceAt(ctx, bctx, wp.Posts[name], embed)
			if err != nil {
				return fmt.Errorf("WordPress post load %d (%s): %w", i+1, name, err)
			}
			loads = append(loads, l)
			if embed {
				with = append(with, l.TBT)
				if l.WasmRequested {
					requested++
				}
			} else {
				without = append(without, l.TBT)
			}
		}
	}
	b.rep.Samples["wordpress"] = loads
	m, am := Median(with), Median(without)
	b.rep.Add(secEmbed,
		Row{Figure: wordpressFigures[0], Value: Bytes(bytes), Number: num(float64(bytes)),
			Note: fmt.Sprintf("%d requests to Gloss as sent over the wire (the page, gloss.js, gloss.css, go-app's style sheet and script loader); no wasm", requests)},
		Row{Figure: fmt.Sprintf("%s, first %.0f s at CPU %g×", wordpressFigures[1], publisherWindow.Seconds(), takeoverRate),
			Value: Ms(m), Number: num(m), Anchor: Ms(am) + " (same post, no embed)", Ratio: num(ratio(m, am)),
			Goal: fmt.Sprintf("≤ %.1f × without", publisherTBTGoal), Status: status(m <= publisherTBTGoal*am || m == 0),
			Note: fmt.Sprintf("median of %d loads each, with %s–%s, without %s–%s; Debian's WordPress, the URL pasted as a classic auto-embed; frame in the publisher's process; wasm requested in %d of %d loads",
				len(with), Ms(sorted(with)[0]), Ms(sorted(with)[len(with)-1]), Ms(sorted(without)[0]), Ms(sorted(without)[len(without)-1]), requested, len(with))})
	return nil
}

// frameBytes loads the WordPress post at pageURL in a fresh tab and sums
// the bytes received for Gloss's requests until WordPress shows the
// frame (wp-embed.js drops its clip on the frame's first height) and
// the network has been quiet for a second.
func (b *Bench) frameBytes(browser context.Context, pageURL string) (total, requests int, err error) {
	tab, cancel, err := newTab(browser)
	if err != nil {
		return 0, 0, err
	}
	defer cancel()
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	last := time.Now()
	if err := chromedp.Listen(tab, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
			last = time.Now()
		case *network.EventLoadingFinished:
			if strings.HasPrefix(urls[e.RequestID], b.glossURL) {
				total += int(e.EncodedDataLength)
				requests++
			}
			last = time.Now()
		}
	}); err != nil {
		return 0, 0, err
	}
	if err := within(tab, 60*time.Second, enableNetwork, chromedp.Navigate(pageURL)); err != nil {
		return 0, 0, err
	}
	const shown = `(() => { const f = document.querySelector("iframe.wp-embedded-content"); return !!f && !f.hasAttribute("style") && f.getBoundingClientRect().height >= 200; })()`
	if err := waitJS(tab, shown, 30*time.Second); err != nil {
		return 0, 0, fmt.Errorf("WordPress never showed the Gloss frame: %w", err)
	}
	for {
		mu.Lock()
		quiet := time.Since(last) > time.Second
		mu.Unlock()
		if quiet {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	return total, requests, nil
}
