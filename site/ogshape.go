package site

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	fx "golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/gloss/gloss/internal/fonts"
)

// A headline the Go fonts cannot draw (Arabic, Hebrew: scripts they
// lack, and Arabic's letters also join) is shaped with go-text's port of
// HarfBuzz in DejaVu Sans Bold, built into the binary, laid out in the
// article's direction by the Unicode bidirectional algorithm, wrapped at
// the line breaks Unicode allows, and its glyphs' outlines filled by
// golang.org/x/image/vector. Headlines the Go fonts draw are drawn with
// them as before, so their images do not change.

// ogShapeFont is DejaVu Sans Bold, parsed once; a font is safe for
// concurrent use, a face (one a drawing) is not.
var ogShapeFont = sync.OnceValues(func() (*font.Font, error) {
	face, err := font.ParseTTF(bytes.NewReader(fonts.DejaVuSansBold))
	if err != nil {
		return nil, err
	}
	return face.Font, nil
})

// oneFace is a font map of one face, for the segmenter.
type oneFace struct{ face *font.Face }

func (f oneFace) ResolveFace(rune) *font.Face { return f.face }

// shapedText is text shaped and wrapped in one face, its lines' runs in
// logical order (each run's VisualIndex gives its place on the line).
type shapedText struct {
	face  *font.Face
	lines []shaping.Line
}

// shape shapes text in DejaVu Sans Bold at size pixels, in language
// lang and direction dir, into at most max lines of at most width
// pixels, the last ending in "…" when the text goes on. It reports false
// when the font lacks a letter of text (a CJK headline, say): such text
// is left out rather than drawn as boxes.
func shape(text, lang string, rtl bool, size, width, max int) (*shapedText, bool, error) {
	f, err := ogShapeFont()
	if err != nil {
		return nil, false, err
	}
	face := font.NewFace(f)
	runes := []rune(text)
	for _, r := range runes {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if _, ok := face.NominalGlyph(r); !ok {
			return nil, false, nil
		}
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	input := func(text []rune) shaping.Input {
		return shaping.Input{
			Text: text, RunEnd: len(text), Direction: dir, Face: face,
			Size: fx.I(size), Language: language.NewLanguage(lang),
		}
	}
	var (
		seg    shaping.Segmenter
		shaper shaping.HarfbuzzShaper
		lw     shaping.LineWrapper
	)
	runs := seg.Split(input(runes), oneFace{face})
	outs := make([]shaping.Output, len(runs))
	for i, run := range runs {
		outs[i] = shaper.Shape(run)
	}
	config := shaping.WrapConfig{Direction: dir, TruncateAfterLines: max}.WithTruncator(&shaper, input([]rune("…")))
	lines, _ := lw.WrapParagraph(config, width, runes, shaping.NewSliceIterator(outs))
	// The wrapper's lines are its own until its next use; this one is
	// used no more.
	return &shapedText{face: face, lines: lines}, true, nil
}

// draw fills s's glyphs in c into img, the first line's baseline at y
// and each next one leading pixels lower, each line starting at x
// pixels from the left edge (left to right) or ending x pixels from the
// right edge (right to left).
func (s *shapedText) draw(img draw.Image, rtl bool, x, y, leading int, c color.Color) {
	// The rasterizer covers the lines' band only: from a leading above
	// the first baseline to half a leading under the last.
	b := img.Bounds()
	band := image.Rect(b.Min.X, b.Min.Y+y-leading, b.Max.X, b.Min.Y+y+(len(s.lines)-1)*leading+leading/2).Intersect(b)
	if band.Empty() {
		return
	}
	z := vector.NewRasterizer(band.Dx(), band.Dy())
	y -= band.Min.Y - b.Min.Y
	scale := float32(0)
	for i, line := range s.lines {
		visual := make([]shaping.Output, len(line))
		var width fx.Int26_6
		for _, run := range line {
			visual[run.VisualIndex] = run
			width += run.Advance
		}
		dot := fx.I(x)
		if rtl {
			dot = fx.I(b.Dx()-x) - width
		}
		baseline := float32(y + i*leading)
		for _, run := range visual {
			scale = float32(run.Size) / 64 / float32(run.Face.Upem())
			for _, g := range run.Glyphs {
				ox := float32(dot+g.XOffset) / 64
				oy := baseline - float32(g.YOffset)/64
				if outline, ok := run.Face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
					fill(z, outline, scale, ox, oy)
				}
				dot += g.Advance
			}
		}
	}
	z.Draw(img, band, image.NewUniform(c), image.Point{})
}

// fill adds a glyph's outline, in font units with y up, to z, scaled and
// moved to (x, y) in pixels with y down.
func fill(z *vector.Rasterizer, o font.GlyphOutline, scale, x, y float32) {
	pt := func(p opentype.SegmentPoint) (float32, float32) { return x + p.X*scale, y - p.Y*scale }
	open := false
	for _, s := range o.Segments {
		switch s.Op {
		case opentype.SegmentOpMoveTo:
			if open {
				z.ClosePath()
			}
			z.MoveTo(pt(s.Args[0]))
			open = true
		case opentype.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case opentype.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case opentype.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	if open {
		z.ClosePath()
	}
}
