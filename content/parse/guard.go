package parse

import "bytes"

// Limits on Markdown shapes whose parse time grows with the square of
// their size in goldmark. Both shapes are errors in Gloss anyway (it shows
// no block quotes nor nested lists) or appear in no real text, so they are
// refused before goldmark sees them.
const (
	// maxNesting is the deepest nesting of block quotes and list items
	// at the start of a line. goldmark measures the line's indentation
	// again at each level: 20,000 "> " on one line took 2.6 s, and a
	// 1 MiB line would take hours.
	maxNesting = 16
	// maxLinkScan bounds the bytes goldmark may scan for link
	// destinations: each "](" sends it reading to the next space, so a
	// line of 260,000 "[a](" took minutes. The measure is, summed over
	// lines, the line's "](" count times its length; a real article
	// (ten links on a 2 KB line) is far below it.
	maxLinkScan = 16 << 20
)

// guard reports the first shape in src that would make goldmark slow, and
// returns false then: the text is not parsed.
func (m *markdown) guard() bool {
	scan := 0
	for off := 0; off < len(m.src); {
		end := len(m.src)
		if i := bytes.IndexByte(m.src[off:], '\n'); i >= 0 {
			end = off + i
		}
		line := m.src[off:end]
		if d := nesting(line); d > maxNesting {
			m.f.errorf(m.lineAt(off), m.field, "block quotes or list items nested %d deep; %s may have neither block quotes nor nested lists", d, m.where)
			return false
		}
		scan += bytes.Count(line, []byte("](")) * len(line)
		if scan > maxLinkScan {
			m.f.errorf(m.lineAt(off), m.field, `too many links on long lines: from here on, the count of "](" times the line's length passes %d; break long lines`, maxLinkScan)
			return false
		}
		off = end + 1
	}
	return true
}

// nesting counts the block quote markers (">") and list markers ("-",
// "+", "*", or digits then "." or ")", each followed by a blank) that
// open a line, in any order: the containers CommonMark nests there.
func nesting(line []byte) int {
	d := 0
	for i := 0; i < len(line); {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i < len(line) && line[i] == '>' {
			d, i = d+1, i+1
			continue
		}
		j := i
		for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
			j++
		}
		switch {
		case j > i && j < len(line) && (line[j] == '.' || line[j] == ')'):
			j++
		case j == i && j < len(line) && (line[j] == '-' || line[j] == '+' || line[j] == '*'):
			j++
		default:
			return d
		}
		if j < len(line) && line[j] != ' ' && line[j] != '\t' {
			return d
		}
		d, i = d+1, j
	}
	return d
}
