// Package fonts holds the fonts Gloss draws with on the server, built
// into the binary so that the export and CI machines need no system fonts.
//
// DejaVuSansBold is DejaVu Sans Bold 2.37 (Debian's fonts-dejavu-core
// 2.37-6), whose licence, in LICENSE beside it, permits redistribution.
// It has the Arabic and Hebrew scripts (and Latin, Greek, Cyrillic,
// Armenian, Georgian), which the Go fonts lack; it has no CJK.
//
// Nothing here may reach the wasm: only the server side (site) imports it.
package fonts

import _ "embed"

// DejaVuSansBold is the TrueType file of DejaVu Sans Bold.
//
//go:embed DejaVuSans-Bold.ttf
var DejaVuSansBold []byte
