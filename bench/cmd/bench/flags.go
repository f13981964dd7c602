package main

import (
	"errors"
	"slices"
	"strings"
)

// SplitWords splits a command line the way a POSIX shell splits words:
// on blanks, with single quotes, double quotes and backslashes quoting.
// It is enough for the Makefile's build flags (-ldflags='-s -w').
func SplitWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated ' in " + s)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				w.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New(`unterminated " in ` + s)
			}
			inWord = true
		case c == '\\':
			if i+1 < len(s) {
				i++
				w.WriteByte(s[i])
			}
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// WithSymbols returns the go build flags with -s taken out of -ldflags,
// so that the linker keeps the wasm name section the package listing
// reads. Everything else (-trimpath, -w, other linker flags) stays, so
// the code is the same as the release build's.
func WithSymbols(flags []string) []string {
	out := slices.Clone(flags)
	for i := 0; i < len(out); i++ {
		name, value, hasValue := strings.Cut(out[i], "=")
		if name != "-ldflags" && name != "--ldflags" {
			continue
		}
		if !hasValue {
			if i+1 >= len(out) {
				break
			}
			i++
			value = out[i]
		}
		var kept []string
		for _, f := range strings.Fields(value) {
			if f != "-s" {
				kept = append(kept, f)
			}
		}
		if hasValue {
			out[i] = name + "=" + strings.Join(kept, " ")
		} else {
			out[i] = strings.Join(kept, " ")
		}
	}
	return out
}
