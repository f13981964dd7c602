package main

import (
	"strings"
	"testing"
)

// lhFixture is a Lighthouse 12.2.3 report cut down to what the bench
// reads: one failing numeric audit, one failing pass/fail audit, one
// numeric audit above the pass mark, one audit that errored on the trace
// and a console error.
const lhFixture = `{
  "lighthouseVersion": "12.2.3",
  "categories": {
    "performance": {"score": 0.72, "auditRefs": [{"id": "total-blocking-time"}, {"id": "first-contentful-paint"}, {"id": "layout-shifts"}]},
    "accessibility": {"score": 0.92, "auditRefs": [{"id": "image-alt"}]},
    "best-practices": {"score": 0.96, "auditRefs": [{"id": "errors-in-console"}]},
    "seo": {"score": 1, "auditRefs": [{"id": "meta-description"}]}
  },
  "audits": {
    "total-blocking-time": {"score": 0.02, "scoreDisplayMode": "numeric", "numericValue": 2120.4, "displayValue": "2,120 ms"},
    "first-contentful-paint": {"score": 0.95, "scoreDisplayMode": "numeric", "numericValue": 1100},
    "layout-shifts": {"score": null, "scoreDisplayMode": "error", "errorMessage": "Cannot read properties of undefined (reading 'frame_sequence')"},
    "image-alt": {"score": 0, "scoreDisplayMode": "binary"},
    "errors-in-console": {"score": 0, "scoreDisplayMode": "binary"},
    "meta-description": {"score": 1, "scoreDisplayMode": "binary"},
    "mainthread-work-breakdown": {"score": 0, "scoreDisplayMode": "metricSavings", "details": {"items": [{"group": "scriptEvaluation", "duration": 2030}]}},
    "long-tasks": {"score": 1, "scoreDisplayMode": "informative", "details": {"items": [{"duration": 295}, {"duration": 1997}]}}
  }
}`

func TestParseLighthouse(t *testing.T) {
	r, err := parseLighthouse([]byte(lhFixture), false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Scores["performance"] != 72 || r.Scores["accessibility"] != 92 || r.Scores["seo"] != 100 {
		t.Errorf("scores %v, want performance 72, accessibility 92, seo 100", r.Scores)
	}
	if r.TBT != 2120.4 {
		t.Errorf("TBT %v, want 2120.4", r.TBT)
	}
	for _, id := range []string{"performance/total-blocking-time", "accessibility/image-alt", "best-practices/errors-in-console"} {
		if _, ok := r.Failing[id]; !ok {
			t.Errorf("%s not failing in %v", id, r.Failing)
		}
	}
	for _, id := range []string{"performance/first-contentful-paint", "seo/meta-description", "performance/layout-shifts"} {
		if _, ok := r.Failing[id]; ok {
			t.Errorf("%s counted as failing", id)
		}
	}
	if _, ok := r.Errors["layout-shifts"]; !ok || len(r.Errors) != 1 {
		t.Errorf("errors %v, want layout-shifts only", r.Errors)
	}
	if note := erroredAudits([]lhRun{r}); !strings.Contains(note, "layout-shifts") || !strings.Contains(note, "frame_sequence") {
		t.Errorf("errored audits note %q", note)
	}
	if r.LongTasks[0] != 1997 || r.Breakdown["scriptEvaluation"] != 2030 {
		t.Errorf("long tasks %v, breakdown %v", r.LongTasks, r.Breakdown)
	}

	blocked, err := parseLighthouse([]byte(lhFixture), true)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := blocked.Failing["best-practices/errors-in-console"]; ok {
		t.Error("with the wasm blocked, the blocked request's console error is expected, not listed")
	}
}

func TestParseLighthouseOtherVersion(t *testing.T) {
	raw := strings.Replace(lhFixture, `"12.2.3"`, `"13.0.0"`, 1)
	if _, err := parseLighthouse([]byte(raw), false); err == nil || !strings.Contains(err.Error(), "13.0.0") {
		t.Errorf("a report from another Lighthouse was read: %v", err)
	}
}

func TestFailingNote(t *testing.T) {
	runs := []lhRun{
		{Failing: map[string]string{"seo/meta-description": "", "performance/total-blocking-time": "2,120 ms"}},
		{Failing: map[string]string{"performance/total-blocking-time": "1,900 ms"}},
	}
	if got := failingNote(runs, "performance"); got != "; failing: total-blocking-time (2/2, 1,900 ms)" {
		t.Errorf("performance: %q", got)
	}
	if got := failingNote(runs, "accessibility"); got != "; no failing audit" {
		t.Errorf("accessibility: %q", got)
	}
}
