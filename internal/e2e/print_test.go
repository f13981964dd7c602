package e2e

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printMedia emulates print media, as when the reader prints the page.
func printMedia() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}

// TestPrintedArticleHasEndnotes prints the article (print media after
// the wasm has run): each phrase has a superscript number, the cards
// follow the article as endnotes in the same order, and the loader and
// buttons are gone.
func TestPrintedArticleHasEndnotes(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(800, 1000), chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)
	do(t, ctx, printMedia())
	got := eval[map[string]any](t, ctx, `(() => {
	  const shown = e => !!e && getComputedStyle(e).display !== "none" && e.getClientRects().length > 0;
	  const phrases = [...document.querySelectorAll(".gloss-article .gloss-phrase")];
	  const cards = [...document.querySelectorAll(".gloss-cards .gloss-card")];
	  const article = document.querySelector(".gloss-article").getBoundingClientRect();
	  return {
	    phrases: phrases.length,
	    supers: phrases.filter(p => { const a = getComputedStyle(p, "::after"); return a.content.includes("counter(gloss-note)") && a.verticalAlign === "super"; }).length,
	    order: phrases.map(p => p.querySelector(".gloss-mark").getAttribute("popovertarget")).join(" ") === cards.map(c => c.id).join(" "),
	    cardsShown: cards.filter(c => shown(c) && getComputedStyle(c).position === "static" && c.getBoundingClientRect().top >= article.bottom).length,
	    numbered: cards.filter(c => getComputedStyle(c, "::before").content.includes("counter(gloss-endnote)")).length,
	    sources: cards.filter(c => shown(c.querySelector(".gloss-sources"))).length,
	    chrome: [...document.querySelectorAll("button:not(.gloss-mark), .goapp-app-info, .gloss-card-foot")].filter(shown).map(e => e.id || e.className),
	  };
	})()`)
	n := float64(len(anchored(seed)))
	if got["phrases"] != n || got["supers"] != n {
		t.Errorf("printed, %v of %v phrases have a superscript number (want %v)", got["supers"], got["phrases"], n)
	}
	if got["order"] != true {
		t.Error("printed, the endnotes are not in the order of their phrases: the numbers would not match")
	}
	if got["cardsShown"] != n || got["numbered"] != n || got["sources"] != n {
		t.Errorf("printed, %v cards are endnotes after the article, %v numbered, %v with their sources; want %v", got["cardsShown"], got["numbered"], got["sources"], n)
	}
	if c := got["chrome"].([]any); len(c) > 0 {
		t.Errorf("printed, the page still shows %v", c)
	}
}

// TestPrintToPDF prints the served page to PDF with Chromium's own
// --print-to-pdf, as a reader's "Save as PDF", and reads the PDF's text:
// the phrases carry their numbers, the endnotes the cards' titles,
// sources and as-of dates, and none of the page's chrome is there.
func TestPrintToPDF(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("the PDF check needs pdftotext and found none.\n  Install it with: apt-get install -y poppler-utils")
	}
	s := startSite(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "article.pdf")
	args := []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf=" + pdf, s.URL + seedPath}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, env.chrome, args...).CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	if !strings.Contains(text, seed.Title) {
		t.Fatalf("the PDF does not hold the article (%d characters of text):\n%.500s", len(text), text)
	}
	notes := anchored(seed)
	for i, n := range notes {
		// The phrase, then its number (pdftotext may set a space between).
		phrase := ""
		for _, b := range seed.Body {
			for _, r := range b.Text {
				if r.Note == n.ID {
					phrase = r.Text
				}
			}
		}
		if !regexp.MustCompile(regexp.QuoteMeta(phrase) + ` ?` + fmt.Sprint(i+1) + `\b`).MatchString(text) {
			t.Errorf("the PDF has no %q followed by its number %d", phrase, i+1)
		}
		if !regexp.MustCompile(`\b` + fmt.Sprint(i+1) + `\. ?` + regexp.QuoteMeta(strings.ToUpper(n.Kind.Label())) + ` ` + regexp.QuoteMeta(n.Title)).MatchString(text) {
			t.Errorf("the PDF has no endnote %d. %s %s", i+1, strings.ToUpper(n.Kind.Label()), n.Title)
		}
		for _, src := range n.Sources {
			if !strings.Contains(text, src.Title) {
				t.Errorf("endnote %d lacks its source %q", i+1, src.Title)
			}
		}
		if !n.Since.AsOf.IsZero() && !strings.Contains(text, "as of "+n.Since.AsOf.String()) {
			t.Errorf("endnote %d lacks its as-of date %s", i+1, n.Since.AsOf.String())
		}
	}
	for _, chrome := range []string{"Hide highlights", "Loading interactive features", "Copy link", "×", "About this article ·"} {
		if strings.Contains(text, chrome) {
			t.Errorf("the PDF shows %q", chrome)
		}
	}
	t.Logf("PDF: %d characters of text, %d endnotes", len(text), len(notes))
}
