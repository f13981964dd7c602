package parse

import (
	"bytes"
	"fmt"
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
	body     []byte
	bodyLine int
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

var bom = []byte("\uFEFF")

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
	data = bytes.ReplaceAll(bytes.TrimPrefix(data, bom), []byte("\r\n"), []byte("\n"))
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
	return f.bodyLine + linesBefore(f.body, off)
}

// linesBefore counts the line ends in src before offset off.
func linesBefore(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(src[:off], []byte("\n"))
}
