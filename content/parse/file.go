package parse

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"
)

// file is one Markdown file with YAML front matter, split into its parts,
// and the place its problems go. Every line it reports is a line of the
// file as the editor sees it.
type file struct {
	path string
	errs *problems

	// meta is the YAML between the "---" lines; its line 1 is the file's
	// line metaLine.
	meta     []byte
	metaLine int
	// body is the Markdown after the closing "---"; its first line is the
	// file's line bodyLine.
	body      []byte
	bodyLine  int
	bodyLines lineIndex // built on the first problem reported in body
}

// errorf reports a problem at a line of the file. A non-empty field path
// prefixes the message ("sources[1].url: ..."), because a line alone does
// not say which of two fields on it is wrong.
func (f *file) errorf(line int, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	f.errs.add(f.path, line, msg)
}

var (
	bom  = []byte("\uFEFF")
	crlf = []byte("\r\n")
)

// split reads data into a file. It reports a missing or unterminated front
// matter and invalid UTF-8, and returns false when there is then no front
// matter or body to read.
func split(path string, data []byte, errs *problems) (*file, bool) {
	f := &file{path: path, errs: errs}
	if !utf8.Valid(data) {
		f.errorf(invalidUTF8Line(data), "", "the file is not valid UTF-8 text")
		return f, false
	}
	// Line numbers are counted in "\n", so Windows line ends become plain
	// ones; a lone "\r" is kept as text.
	data = bytes.TrimPrefix(data, bom)
	if bytes.Contains(data, crlf) {
		data = bytes.ReplaceAll(data, crlf, []byte("\n"))
	}
	first, _, found := bytes.Cut(data, []byte("\n"))
	if !isDelimiter(first) {
		f.errorf(1, "", `missing front matter: the file must start with a "---" line`)
		return f, false
	}
	metaStart := len(first) + 1
	for off, line := metaStart, 2; found && off <= len(data); line++ {
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i
		} else {
			found = false
		}
		if isDelimiter(data[off:end]) {
			f.meta, f.metaLine = data[metaStart:off], 2
			f.body, f.bodyLine = data[min(end+1, len(data)):], line+1
			return f, true
		}
		off = end + 1
	}
	f.errorf(1, "", `unterminated front matter: no closing "---" line`)
	return f, false
}

// isDelimiter reports whether a line is the front matter's "---",
// forgiving trailing blanks that editors cannot see.
func isDelimiter(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "---"
}

// invalidUTF8Line returns the line of the first byte that is not UTF-8.
func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// bodyLineAt returns the file line of a byte offset in the body.
func (f *file) bodyLineAt(off int) int {
	if f.bodyLines == nil {
		f.bodyLines = newLineIndex(f.body)
	}
	return f.bodyLine + f.bodyLines.before(off)
}

// lineIndex holds the offsets of a text's line ends, so that the line of
// an offset is found by binary search: a file with a problem on each of
// its 100,000 lines asks for 100,000 lines, and counting from the start of
// the text each time took seconds.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	x := lineIndex{}
	for i, c := range src {
		if c == '\n' {
			x = append(x, i)
		}
	}
	return x
}

// before counts the line ends before offset off.
func (x lineIndex) before(off int) int {
	return sort.SearchInts(x, off)
}
