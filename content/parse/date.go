package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gloss/gloss/content"
	"gopkg.in/yaml.v3"
)

// parseDate reads a date as editors write it and Gloss shows it:
// "29 March 2022", "March 2022" or "2022". Month names are English and
// matched regardless of case; the day must exist in its month.
func parseDate(s string) (content.Date, error) {
	parts := strings.Fields(s)
	if len(parts) == 0 || len(parts) > 3 {
		return content.Date{}, notADate(s)
	}
	var d content.Date
	var ok bool
	if d.Year, ok = number(parts[len(parts)-1], 4, 4); !ok || d.Year < 1000 {
		return content.Date{}, notADate(s)
	}
	if len(parts) >= 2 {
		if d.Month = month(parts[len(parts)-2]); d.Month == 0 {
			return content.Date{}, notADate(s)
		}
	}
	if len(parts) == 3 {
		if d.Day, ok = number(parts[0], 1, 2); !ok || d.Day == 0 {
			return content.Date{}, notADate(s)
		}
		if n := daysIn(d.Month, d.Year); d.Day > n {
			return content.Date{}, fmt.Errorf("%q is not a date: %s %d has %d days", s, content.MonthName(d.Month), d.Year, n)
		}
	}
	return d, nil
}

// notADate is parseDate's error for text that is no date. It is built
// only when needed: the "bad" error made up front for every date read was
// a measurable share of reading a large archive.
func notADate(s string) error {
	return fmt.Errorf("%q is not a date; write it like \"29 March 2022\", \"March 2022\" or \"2022\"", s)
}

// number parses a decimal of minDigits to maxDigits ASCII digits; unlike
// strconv.Atoi it refuses signs, so "-5 March 2022" is not a date.
func number(s string, minDigits, maxDigits int) (int, bool) {
	if len(s) < minDigits || len(s) > maxDigits || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func month(name string) int {
	for m := 1; m <= 12; m++ {
		if strings.EqualFold(name, content.MonthName(m)) {
			return m
		}
	}
	return 0
}

func daysIn(month, year int) int {
	// Day 0 of the next month is the last day of this one.
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// date reads an optional date field; the zero Date when absent.
func (f *file) date(n *yaml.Node, path string) content.Date {
	s := f.text(n, path)
	if s == "" {
		return content.Date{}
	}
	d, err := parseDate(s)
	if err != nil {
		f.errorf(f.line(n), path, "%v", err)
	}
	return d
}

// requiredDate reads a date field that must be given: an empty value is
// reported (a missing one was reported by fields already).
func (f *file) requiredDate(n *yaml.Node, path string) content.Date {
	if f.nonEmpty(n, path) == "" {
		return content.Date{}
	}
	return f.date(n, path)
}
