package httpd

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A 1 MB request path is logged as a bounded line that says how much was
// cut, in both formats.
func TestAccessLogCapsFields(t *testing.T) {
	path := "/" + strings.Repeat("a", 1<<20)
	for _, format := range []string{"text", "json"} {
		var buf bytes.Buffer
		log, err := NewLogger(&buf, "info", format)
		if err != nil {
			t.Fatal(err)
		}
		h := AccessLog(log, http.NotFoundHandler())
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
		line := buf.String()
		if len(line) > 2*MaxField+200 {
			t.Errorf("%s: a 1 MB path made a %d-byte log line", format, len(line))
		}
		if !strings.Contains(line, path[:MaxField]+"…[1048321 more bytes]") {
			t.Errorf("%s: log line does not keep the path's first %d bytes with a marker: %.400q", format, MaxField, line)
		}
		if format == "json" {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Errorf("json: not one JSON object: %v", err)
			} else if rec["status"] != float64(404) || rec["msg"] != "request" {
				t.Errorf("json: status %v, msg %v; want 404, request", rec["status"], rec["msg"])
			}
		}
	}
}

// A cut never splits a character, so JSON logs stay valid UTF-8.
func TestClipKeepsCharacters(t *testing.T) {
	s := strings.Repeat("é", MaxField) // two bytes each
	c := clip(s)
	head, _, _ := strings.Cut(c, "…[")
	if !strings.HasPrefix(s, head) || len(head) > MaxField || !strings.Contains(c, "more bytes]") {
		t.Errorf("clip of %d bytes of é: %q", len(s), c)
	}
	if clip("short") != "short" {
		t.Error("clip changed a short string")
	}
}

// -log=info logs every request, warn only server errors, off nothing; a
// level or format Gloss does not know is an error.
func TestLogLevels(t *testing.T) {
	ok := http.NotFoundHandler()
	broken := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	for _, tc := range []struct {
		level     string
		wantLines int
	}{{"info", 2}, {"warn", 1}, {"off", 0}} {
		for _, format := range []string{"text", "json"} {
			var buf bytes.Buffer
			log, err := NewLogger(&buf, tc.level, format)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range []http.Handler{ok, broken} {
				AccessLog(log, h).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil))
			}
			if n := strings.Count(buf.String(), "\n"); n != tc.wantLines {
				t.Errorf("-log=%s -log-format=%s: %d lines for a 404 and a 500, want %d:\n%s", tc.level, format, n, tc.wantLines, buf.String())
			}
			if tc.level == "warn" && !strings.Contains(buf.String(), "500") {
				t.Errorf("-log=warn: the 500 is not logged: %s", buf.String())
			}
		}
	}
	for _, bad := range [][2]string{{"debug", "text"}, {"info", "xml"}} {
		if _, err := NewLogger(&bytes.Buffer{}, bad[0], bad[1]); err == nil {
			t.Errorf("NewLogger(%q, %q): no error", bad[0], bad[1])
		}
	}
}
