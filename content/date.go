package content

import "strconv"

// Date is a calendar date that may be known only to the month or the year,
// as news dates often are ("November 2025").
type Date struct {
	Year  int `json:"y,omitempty"`
	Month int // 1–12, or 0 when only the year is known `json:"m,omitempty"`
	Day   int // 1–31, or 0 when only the month or year is known `json:"d,omitempty"`
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// MonthName returns the English name of month m (1–12), or "" when m is
// out of range.
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m-1]
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as Gloss shows it: "29 March 2022",
// "March 2022" or "2022".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return MonthName(d.Month) + " " + strconv.Itoa(d.Year)
	default:
		return strconv.Itoa(d.Day) + " " + MonthName(d.Month) + " " + strconv.Itoa(d.Year)
	}
}

// ISO formats the date for a <time datetime> attribute: "2022-03-29",
// "2022-03" or "2022".
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	s := pad(d.Year, 4)
	if d.Month > 0 {
		s += "-" + pad(d.Month, 2)
		if d.Day > 0 {
			s += "-" + pad(d.Day, 2)
		}
	}
	return s
}

// Before reports whether d is earlier than e, comparing only what both
// dates know.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month == 0 || e.Month == 0 || d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
