package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

// The preview's bands, as drawPreview lays them out: the publisher's
// name above y 130, the headline's four lines (baselines 210, 288, 366,
// 444) between 130 and 500, the date below 500.
var (
	ogNameBand     = image.Rect(0, 0, ogWidth, 130)
	ogHeadlineBand = image.Rect(0, 130, ogWidth, 500)
	ogDateBand     = image.Rect(0, 500, ogWidth, ogHeight)
)

// ink counts the pixels of r that are not the preview's background, and
// the leftmost and rightmost columns they are in.
func ink(img image.Image, r image.Rectangle) (n, left, right int) {
	bg := color.RGBAModel.Convert(color.RGBA{0x1f, 0x3a, 0x5f, 0xff})
	left, right = r.Max.X, -1
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) != bg {
				n++
				left, right = min(left, x), max(right, x)
			}
		}
	}
	return n, left, right
}

// previewOf builds a site of the rtl-sample article with its headline
// and language replaced by title and lang (unchanged where empty), and
// decodes its preview image.
func previewOf(t *testing.T, title, lang string) image.Image {
	t.Helper()
	var a content.Article
	for _, c := range catalog.Articles() {
		if c.Slug == "rtl-sample" {
			a = c
		}
	}
	if a.Slug == "" {
		t.Fatal("no rtl-sample article in the catalog")
	}
	if title != "" {
		a.Title = title
	}
	if lang != "" {
		a.Lang = lang
	}
	s := buildSite(t, Config{Origin: "https://gloss.example", Articles: []content.Article{a}})
	img, err := png.Decode(bytes.NewReader(body(t, s, "/og/rtl-sample.png")))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, ogWidth, ogHeight) {
		t.Fatalf("%v, want 1200 × 630", img.Bounds())
	}
	return img
}

// rightAligned checks that the ink of r in img is right-aligned inside
// the margins: it ends near the right margin and starts after the left.
func rightAligned(t *testing.T, img image.Image, r image.Rectangle, what string) {
	t.Helper()
	n, left, right := ink(img, r)
	if n < 500 {
		t.Fatalf("%s: %d pixels of ink in %v: not drawn", what, n, r)
	}
	if right < ogWidth-ogMargin-12 || right > ogWidth-ogMargin+2 {
		t.Errorf("%s: its ink ends at x %d, want near the right margin (%d)", what, right, ogWidth-ogMargin)
	}
	if left < ogMargin-2 {
		t.Errorf("%s: its ink starts at x %d, left of the margin (%d)", what, left, ogMargin)
	}
}

// The fixtures' Arabic article's preview has its headline drawn:
// shaped, right to left, its ink ending at the right margin.
func TestAnArabicHeadlineIsDrawnRightToLeft(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	img, err := png.Decode(bytes.NewReader(body(t, s, "/og/rtl-sample.png")))
	if err != nil {
		t.Fatal(err)
	}
	rightAligned(t, img, image.Rect(0, 130, ogWidth, 240), "the headline's first line")
	if n, _, _ := ink(img, image.Rect(0, 240, ogWidth, 500)); n != 0 {
		t.Errorf("%d pixels of ink under a headline that fits one line", n)
	}
	rightAligned(t, img, ogNameBand, "the publisher's name")
	rightAligned(t, img, ogDateBand, "the date")
}

// Arabic is shaped: its letters take their joined forms (the first
// letter of مكتبة its initial form, not the glyph it has alone), and
// laid out right to left (the word's last letter is its leftmost glyph).
func TestArabicIsShaped(t *testing.T) {
	word := "مكتبة"
	s, ok, err := shape(word, "ar", true, 64, 1000, 4)
	if err != nil || !ok || len(s.lines) != 1 || len(s.lines[0]) != 1 {
		t.Fatalf("shape(%q): %v, %v, %+v", word, ok, err, s)
	}
	glyphs := s.lines[0][0].Glyphs
	if len(glyphs) != 5 {
		t.Fatalf("%d glyphs for 5 letters", len(glyphs))
	}
	alone, _ := s.face.NominalGlyph('م')
	last, first := glyphs[0], glyphs[len(glyphs)-1]
	if last.TextIndex() != 4 || first.TextIndex() != 0 {
		t.Errorf("glyphs from left to right are of letters %d … %d, want 4 … 0", last.TextIndex(), first.TextIndex())
	}
	if first.GlyphID == alone {
		t.Errorf("the first letter is drawn with its isolated form (glyph %d)", alone)
	}
}

// A headline too long for a line is wrapped, right to left, each line
// right-aligned inside the margins, at most four lines.
func TestALongArabicHeadlineIsWrapped(t *testing.T) {
	long := strings.Repeat("مكتبة الحي تفتح أبوابها من جديد ", 6)
	img := previewOf(t, long, "")
	for i := range 4 {
		base := 210 + i*78
		rightAligned(t, img, image.Rect(0, base-60, ogWidth, base+10), "line "+string(rune('1'+i)))
	}
	if n, _, _ := ink(img, image.Rect(0, 444+25, ogWidth, 500)); n != 0 {
		t.Errorf("%d pixels of ink under the fourth line", n)
	}
	rightAligned(t, img, ogDateBand, "the date")
}

// Hebrew, which the Go fonts lack too, is drawn right to left.
func TestAHebrewHeadlineIsDrawn(t *testing.T) {
	img := previewOf(t, "ספריית השכונה נפתחת מחדש", "he")
	rightAligned(t, img, image.Rect(0, 130, ogWidth, 240), "the Hebrew headline")
}

// The control: a headline in a script no embedded font has (Chinese) is
// left out rather than drawn as boxes; the name and the date are drawn.
func TestAHeadlineNoFontHasIsLeftOut(t *testing.T) {
	img := previewOf(t, "社区图书馆重新开放", "zh")
	if n, _, _ := ink(img, ogHeadlineBand); n != 0 {
		t.Errorf("%d pixels of ink where a headline no font has would be", n)
	}
	for _, band := range []image.Rectangle{ogNameBand, ogDateBand} {
		if n, _, _ := ink(img, band); n < 500 {
			t.Errorf("%d pixels of ink in %v: the name or the date is missing", n, band)
		}
	}
}

// The time to draw one preview with a shaped headline, and one with a
// headline the Go fonts draw.
func BenchmarkPreview(b *testing.B) {
	s, err := Build(Config{Origin: "https://gloss.example", Articles: catalog.Articles(), Web: testWeb()})
	if err != nil {
		b.Fatal(err)
	}
	latin := catalog.Articles()[0].Slug
	for _, slug := range []string{"rtl-sample", latin} {
		b.Run(slug, func(b *testing.B) {
			o, ok := s.Lookup("/og/" + slug + ".png")
			if !ok {
				b.Fatal("no image")
			}
			for b.Loop() {
				if _, err := o.render(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
