package fonts

import (
	"bytes"
	"testing"

	"github.com/go-text/typesetting/font"
)

// The embedded font parses and has a glyph for letters of the scripts
// it is there for (Arabic, Hebrew), and none for Chinese.
func TestDejaVuSansBoldHasArabicAndHebrew(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(DejaVuSansBold))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "مكتبة الحي שלום abc" {
		if r == ' ' {
			continue
		}
		if _, ok := face.NominalGlyph(r); !ok {
			t.Errorf("no glyph for %q (U+%04X)", r, r)
		}
	}
	if _, ok := face.NominalGlyph('图'); ok {
		t.Error("a glyph for 图: the fallback test's Chinese headline needs a script no embedded font has")
	}
}
