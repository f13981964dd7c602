package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	fx "golang.org/x/image/math/fixed"
)

// The link preview's image: 1200 × 630 pixels, the size Open Graph's,
// X's and Slack's large cards share.
const (
	ogWidth  = 1200
	ogHeight = 630
	ogMargin = 72
)

// ogFonts are the fonts the preview is drawn with: the Go fonts, built
// into the binary, which cover the Latin, Greek and Cyrillic scripts
// (other headlines: ogshape.go).
// Parsed once; each drawing makes faces of its own, as a face is for one
// goroutine (an export draws on every core).
var ogFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var fs [2]*opentype.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fs, err
		}
		fs[i] = f
	}
	return fs, nil
})

// ogFaces are the faces of one drawing: the site's name, the headline,
// the date.
func ogFaces() (map[string]font.Face, error) {
	fs, err := ogFonts()
	if err != nil {
		return nil, err
	}
	faces := map[string]font.Face{}
	for name, spec := range map[string]struct {
		f    *opentype.Font
		size float64
	}{"site": {fs[1], 34}, "headline": {fs[1], 64}, "date": {fs[0], 32}} {
		face, err := opentype.NewFace(spec.f, &opentype.FaceOptions{Size: spec.size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil, err
		}
		faces[name] = face
	}
	return faces, nil
}

// ogImagePath is the path of a's link preview image under base.
func ogImagePath(base, slug string) string { return base + "og/" + escape.PathSegment(slug) + ".png" }

// ogImageOutput is the link preview image of e's article: made when it
// is asked for, from the article's current version.
func (b *build) ogImageOutput(e *entry, archive content.Archive) *Output {
	return &Output{
		Paths: []string{ogImagePath(b.base, e.Slug)}, Kind: KindImage, Type: "image/png", Cache: CacheRevalidate,
		Slug: e.Slug, entry: e,
		render: func() ([]byte, error) {
			a, err := b.sums.readEntry(archive, e.Entry)
			if err != nil {
				return nil, err
			}
			return b.ogImage(&a)
		},
	}
}

// ogImage draws article a's link preview: the publisher's name, the
// headline and the date, in the article's language and direction.
func (b *build) ogImage(a *content.Article) ([]byte, error) {
	img, err := b.drawPreview(a.Title, a.Lang, i18n.For(a.Lang).Date(a.Date))
	if err != nil {
		return nil, fmt.Errorf("preview image of %s: %w", a.Slug, err)
	}
	return img, nil
}

// drawPreview draws a link preview: the publisher's name, a headline
// (up to four lines) and a line under it (a date), in language lang's
// direction. A headline in a script the Go fonts lack is shaped and
// drawn in DejaVu Sans Bold (ogshape.go: Arabic, Hebrew); one in a
// script neither has (Chinese, say) is left out rather than drawn as
// boxes: the preview then shows the name and the line.
func (b *build) drawPreview(headline, lang, line string) ([]byte, error) {
	faces, err := ogFaces()
	if err != nil {
		return nil, fmt.Errorf("preview image: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, ogWidth, ogHeight))
	bg := color.RGBA{0x1f, 0x3a, 0x5f, 0xff}
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	rtl := i18n.Dir(lang) == "rtl"
	write := func(face font.Face, text string, y int, c color.Color) {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face}
		x := fx.I(ogMargin)
		if rtl {
			x = fx.I(ogWidth-ogMargin) - d.MeasureString(text)
		}
		d.Dot = fx.Point26_6{X: x, Y: fx.I(y)}
		d.DrawString(text)
	}
	write(faces["site"], b.publisher.Name, ogMargin+30, color.RGBA{0x9c, 0xc0, 0xee, 0xff})
	if covers(faces["headline"], headline) {
		for i, l := range wrap(faces["headline"], headline, ogWidth-2*ogMargin, 4) {
			write(faces["headline"], l, 210+i*78, color.White)
		}
	} else {
		s, ok, err := shape(headline, lang, rtl, 64, ogWidth-2*ogMargin, 4)
		if err != nil {
			return nil, fmt.Errorf("preview image: %w", err)
		}
		if ok {
			s.draw(img, rtl, ogMargin, 210, 78, color.White)
		}
	}
	write(faces["date"], line, ogHeight-ogMargin, color.RGBA{0xd9, 0xd5, 0xcc, 0xff})
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// covers reports whether face has a glyph for every letter of s.
func covers(face font.Face, s string) bool {
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if _, ok := face.GlyphAdvance(r); !ok {
			return false
		}
	}
	return true
}

// wrap breaks s into lines of at most width pixels in face, at most max
// of them, the last ending in "…" when s goes on.
func wrap(face font.Face, s string, width, max int) []string {
	var lines []string
	line := ""
	words := strings.Fields(s)
	for i, w := range words {
		next := strings.TrimSpace(line + " " + w)
		if line != "" && font.MeasureString(face, next).Ceil() > width {
			if len(lines) == max-1 {
				lines = append(lines, ellipsis(face, line+" "+strings.Join(words[i:], " "), width))
				return lines
			}
			lines = append(lines, line)
			next = w
		}
		line = next
	}
	if line != "" {
		lines = append(lines, ellipsis(face, line, width))
	}
	return lines
}

// ellipsis shortens s to width pixels in face, ending in "…" if cut.
func ellipsis(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Ceil() <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(face, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
