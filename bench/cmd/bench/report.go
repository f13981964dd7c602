package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Status of a figure against its goal.
const (
	Pass        = "pass"
	Miss        = "miss"
	Info        = ""
	NotMeasured = "not measured"
)

// Row is one figure of the table.
type Row struct {
	Figure string `json:"figure"`
	// Value is Gloss's figure as printed; Number the same, unformatted
	// (absent when there is none).
	Value  string   `json:"value"`
	Number *float64 `json:"number,omitempty"`
	// Anchor is the same figure for the anchor (the go-app hello world,
	// nginx, a bare native popover), and Ratio Gloss's figure over it.
	Anchor string   `json:"anchor,omitempty"`
	Ratio  *float64 `json:"ratio,omitempty"`
	Goal   string   `json:"goal,omitempty"`
	Status string   `json:"status,omitempty"`
	// Note says why a figure was not measured, or what it rests on.
	Note string `json:"note,omitempty"`
}

// Section is one numbered part of the table.
type Section struct {
	Name string `json:"name"`
	Rows []Row  `json:"rows"`
}

// Report is everything one run of the bench measured: the table and the
// samples behind it. It is written as bench/results.json.
type Report struct {
	Started  time.Time  `json:"started"`
	Seconds  float64    `json:"seconds"`
	Machine  string     `json:"machine"`
	Article  string     `json:"article"`
	Command  string     `json:"command"`
	Notes    []string   `json:"notes"`
	Sections []*Section `json:"sections"`
	// AddedPackages is the full list behind section 1's package rows.
	AddedPackages []PackageDelta `json:"added_packages,omitempty"`
	// Samples are the raw measurements: page loads, card latencies, wrk
	// runs, by name.
	Samples map[string]any `json:"samples"`
	// Errors are what stopped a figure from being measured although it
	// should have been (a missing tool, a process that did not start).
	Errors []string `json:"errors,omitempty"`
}

func NewReport() *Report {
	return &Report{Started: time.Now(), Samples: map[string]any{}}
}

// Section returns the section named name, adding it if needed.
func (r *Report) Section(name string) *Section {
	for _, s := range r.Sections {
		if s.Name == name {
			return s
		}
	}
	s := &Section{Name: name}
	r.Sections = append(r.Sections, s)
	return s
}

// Add appends rows to the section named name.
func (r *Report) Add(name string, rows ...Row) {
	s := r.Section(name)
	s.Rows = append(s.Rows, rows...)
}

// Skip records figures that could not be measured, and why.
func (r *Report) Skip(name, why string, figures ...string) {
	for _, f := range figures {
		r.Add(name, Row{Figure: f, Value: "—", Status: NotMeasured, Note: why})
	}
}

// Fail records an error that kept the bench from measuring.
func (r *Report) Fail(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// Table is the report as one Markdown table.
func (r *Report) Table() string {
	var b strings.Builder
	b.WriteString("| # | figure | Gloss | anchor | ratio | goal | result |\n")
	b.WriteString("|---|---|---:|---:|---:|---|---|\n")
	for _, s := range r.Sections {
		for _, row := range s.Rows {
			ratio := ""
			if row.Ratio != nil {
				ratio = fmt.Sprintf("%.2f", *row.Ratio)
			}
			result := row.Status
			if row.Note != "" {
				if result != "" {
					result += ": "
				}
				result += row.Note
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n",
				s.Name, cell(row.Figure), cell(row.Value), cell(row.Anchor), ratio, cell(row.Goal), cell(result))
		}
	}
	return b.String()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// WriteJSON writes the report to path.
func (r *Report) WriteJSON(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// num returns a pointer to x for Row.Number and Row.Ratio, or nil when x
// is not a number.
func num(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// status is Pass when ok, else Miss.
func status(ok bool) string {
	if ok {
		return Pass
	}
	return Miss
}

// Bytes formats a byte count with thousands separators.
func Bytes(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Ms formats a duration in milliseconds.
func Ms(x float64) string {
	switch {
	case math.IsNaN(x):
		return "—"
	case x >= 100:
		return fmt.Sprintf("%.0f ms", x)
	default:
		return fmt.Sprintf("%.1f ms", x)
	}
}

// ratio is a / b, NaN when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
