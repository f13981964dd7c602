package httpd

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"
)

// MaxField is the most bytes of one logged value: a 1 MB request path
// must not become a 1 MB log line.
const MaxField = 256

// NewLogger is the server's logger: level is "info", "warn" or "off",
// format "text" or "json". Every string value it writes, the message
// included, is cut to MaxField bytes with a marker saying how much was cut.
func NewLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	switch level {
	case "info":
		lv = slog.LevelInfo
	case "warn":
		lv = slog.LevelWarn
	case "off":
		return slog.New(slog.DiscardHandler), nil
	default:
		return nil, fmt.Errorf("log level %q: want info, warn or off", level)
	}
	opts := &slog.HandlerOptions{Level: lv, ReplaceAttr: clipAttr}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}

// clipAttr cuts long strings, errors and Stringers in a log record.
func clipAttr(_ []string, a slog.Attr) slog.Attr {
	v := a.Value
	switch v.Kind() {
	case slog.KindString:
		if len(v.String()) > MaxField {
			a.Value = slog.StringValue(clip(v.String()))
		}
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(clip(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(clip(x.String()))
		}
	}
	return a
}

// clip cuts s to at most MaxField bytes, on a character boundary, and says
// how many bytes it left out.
func clip(s string) string {
	if len(s) <= MaxField {
		return s
	}
	cut := MaxField
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	var b strings.Builder
	b.WriteString(s[:cut])
	fmt.Fprintf(&b, "…[%d more bytes]", len(s)-cut)
	return b.String()
}
