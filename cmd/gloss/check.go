//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/gloss/gloss/content/parse"
	"github.com/gloss/gloss/content/review"
)

// runCheck implements "gloss check [-json] [-stale DAYS] [FILES|DIRS]": it
// checks articles without building anything, so editors can validate
// their files before a commit. Each problem is printed on stderr as
// "file:line: message", the form editors and IDEs link to the line. With
// no argument it checks the "articles" folder of the repository.
//
// For a folder of articles it also reviews the shared cards (package
// review), as warnings that do not fail the check, and says how many
// articles show each card. -json prints all of it as one JSON document
// on stdout, for CI.
//
// It returns the exit status: 0 when all is well (warnings or not), 1
// when there are problems, 2 for bad usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "print problems, warnings and card usage as JSON on stdout")
	stale := flags.Int("stale", 180, "warn of a shared card whose updated date is more than this many `days` before today")
	flags.Usage = func() {
		fmt.Fprintln(stderr, `usage: gloss check [-json] [-stale DAYS] [FILES|DIRS]

Checks articles and reports every problem as file:line: message.
A path may be a folder of articles, an article folder, an article.md or
a note file; the default is "articles". A folder of articles also has
its shared cards reviewed: cards no article shows, cards not updated
within -stale days, and sentences naming a card in an article without a
note for it, as warnings that do not fail the check.`)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *stale < 0 {
		fmt.Fprintln(stderr, "gloss check: -stale must be a number of days, 0 or more")
		return 2
	}
	paths := flags.Args()
	if len(paths) == 0 {
		paths = []string{"articles"}
	}
	// A check holds one article per core at a time, a few megabytes, and
	// allocates about 0.7 MB per article it reads: with Go's default
	// (100), collecting that garbage took about 30 % of its processor
	// time at 2,000 articles; at 400 its memory stays near 50 MB.
	debug.SetGCPercent(400)
	o := review.Options{Now: time.Now(), Stale: time.Duration(*stale) * 24 * time.Hour}
	articles, notes, r, err := parse.CheckReview(paths, o)
	if *asJSON {
		return printJSON(stdout, stderr, articles, notes, r, err)
	}
	if err != nil {
		// errors.Join puts each problem on its own line.
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(stderr, w)
	}
	fmt.Fprintf(stdout, "ok: %s, %s, %s\n", count(articles, "article"), count(notes, "note"), count(len(r.Usage), "shared card"))
	for _, u := range r.Usage {
		fmt.Fprintf(stdout, "  %s: %s, updated %s\n", u.Card, count(u.Articles, "article"), u.Updated)
	}
	return 0
}

// checkReport is gloss check -json's document.
type checkReport struct {
	OK       bool             `json:"ok"`
	Articles int              `json:"articles"`
	Notes    int              `json:"notes"`
	Problems []problem        `json:"problems"`
	Warnings []review.Warning `json:"warnings"`
	Usage    []review.Usage   `json:"usage"`
}

type problem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func printJSON(stdout, stderr io.Writer, articles, notes int, r review.Report, err error) int {
	rep := checkReport{OK: err == nil, Articles: articles, Notes: notes, Problems: problems(err), Warnings: r.Warnings, Usage: r.Usage}
	if rep.Warnings == nil {
		rep.Warnings = []review.Warning{}
	}
	if rep.Usage == nil {
		rep.Usage = []review.Usage{}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if e := enc.Encode(rep); e != nil {
		fmt.Fprintln(stderr, e)
		return 1
	}
	if err != nil {
		return 1
	}
	return 0
}

// problems lists the problems of a check's error, each with its file and
// line where it has them.
func problems(err error) []problem {
	out := []problem{}
	if err == nil {
		return out
	}
	var walk func(error)
	walk = func(err error) {
		var pe *parse.Error
		switch {
		case isJoined(err):
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				walk(e)
			}
		case errors.As(err, &pe):
			out = append(out, problem{File: pe.File, Line: pe.Line, Message: pe.Msg})
		default:
			out = append(out, problem{Message: err.Error()})
		}
	}
	walk(err)
	return out
}

func isJoined(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}

// count spells n things in English: "1 article", "14 notes".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
