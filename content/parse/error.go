package parse

import (
	"errors"
	"io/fs"
	"sort"
	"strconv"
)

// Error is one problem in an article's files.
type Error struct {
	// File is the path of the file, joined from the folder given to the
	// parser; for a problem with a whole folder, the folder's path.
	File string
	// Line is the 1-based line in File, or 0 when the problem concerns the
	// whole file or folder (it is missing, or badly named).
	Line int
	Msg  string
}

// Error formats the problem the way compilers do, "file:line: message", so
// editors and IDEs can jump to it. Without a line it is "file: message".
func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// problems collects every Error found, so editors see them all in one run.
type problems []*Error

func (p *problems) add(file string, line int, msg string) {
	*p = append(*p, &Error{File: file, Line: line, Msg: msg})
}

// addFS reports an error from the file system. A *fs.PathError already
// names the file, so only its cause goes into the message.
func (p *problems) addFS(file string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	p.add(file, 0, err.Error())
}

// err sorts the problems by file, then line, keeping the order of
// discovery among equals, and joins them; nil when there are none. A
// problem found twice is reported once: a broken card is found by every
// article that shows it.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	sorted := make(problems, 0, len(p))
	seen := make(map[Error]bool, len(p))
	for _, e := range p {
		if !seen[*e] {
			seen[*e] = true
			sorted = append(sorted, e)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].File != sorted[j].File {
			return sorted[i].File < sorted[j].File
		}
		return sorted[i].Line < sorted[j].Line
	})
	errs := make([]error, len(sorted))
	for i, e := range sorted {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// unwrap returns the *Error values inside err as joined by problems.err,
// so callers that merge several results can re-sort or re-path them.
func unwrap(err error) problems {
	if err == nil {
		return nil
	}
	var out problems
	var e *Error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, err := range joined.Unwrap() {
			out = append(out, unwrap(err)...)
		}
	} else if errors.As(err, &e) {
		out = append(out, e)
	} else {
		out = append(out, &Error{Msg: err.Error()})
	}
	return out
}
