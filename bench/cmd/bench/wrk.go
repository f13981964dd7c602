package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// WrkResult is what one wrk run reports.
type WrkResult struct {
	URL         string  `json:"url"`
	RequestsSec float64 `json:"requests_per_sec"`
	Requests    int     `json:"requests"`
	// Latency percentiles in milliseconds, from --latency.
	P50 float64 `json:"p50_ms"`
	P90 float64 `json:"p90_ms"`
	P99 float64 `json:"p99_ms"`
	// Errors counts socket errors (connect, read, write, timeout) and
	// responses with a status other than 2xx or 3xx.
	Errors int `json:"errors"`
	// BytesPerRequest is the transfer size per request, from wrk's
	// "N requests in T, X read" line.
	BytesPerRequest float64 `json:"bytes_per_request"`
	// Encoding is the Content-Encoding of the response ("raw" for none).
	Encoding string `json:"encoding"`
}

// wrkArgs are the load the bench puts on each URL: 2 threads, 50
// connections, and the Accept-Encoding a browser sends.
func wrkArgs(url string, d time.Duration) []string {
	return []string{"-t2", "-c50", "-d" + strconv.Itoa(int(d.Round(time.Second)/time.Second)) + "s",
		"--timeout", "5s", "--latency", "-H", "Accept-Encoding: br, gzip", url}
}

// RunWrk loads url for d with wrk and parses its report.
func RunWrk(ctx context.Context, wrk, url string, d time.Duration) (WrkResult, error) {
	ctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, wrk, wrkArgs(url, d)...)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		return WrkResult{}, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	res, err := ParseWrk(string(out))
	if err != nil {
		return WrkResult{}, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	res.URL = url
	return res, nil
}

// ParseWrk reads the report wrk prints with --latency.
func ParseWrk(out string) (WrkResult, error) {
	var r WrkResult
	var haveRPS, haveP99 bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return r, fmt.Errorf("requests/sec %q: %v", f[1], err)
			}
			r.RequestsSec, haveRPS = v, true
		case len(f) == 2 && strings.HasSuffix(f[0], "%") && !strings.HasSuffix(f[1], "%"):
			// A line of the latency distribution: "99%   3.50ms".
			ms, err := parseWrkDuration(f[1])
			if err != nil {
				return r, fmt.Errorf("latency %s: %v", f[0], err)
			}
			switch f[0] {
			case "50%":
				r.P50 = ms
			case "90%":
				r.P90 = ms
			case "99%":
				r.P99, haveP99 = ms, true
			}
		case len(f) >= 6 && f[1] == "requests" && f[2] == "in" && f[len(f)-1] == "read":
			// "400000 requests in 10.00s, 1.23GB read"
			n, err := strconv.Atoi(f[0])
			if err != nil {
				return r, fmt.Errorf("request count %q: %v", f[0], err)
			}
			r.Requests = n
			if b, err := parseWrkBytes(f[len(f)-2]); err == nil && n > 0 {
				r.BytesPerRequest = b / float64(n)
			}
		case len(f) >= 3 && f[0] == "Socket" && f[1] == "errors:":
			// "Socket errors: connect 0, read 0, write 0, timeout 0"
			for i := 2; i+1 < len(f); i += 2 {
				n, err := strconv.Atoi(strings.TrimSuffix(f[i+1], ","))
				if err != nil {
					return r, fmt.Errorf("socket errors %q: %v", sc.Text(), err)
				}
				r.Errors += n
			}
		case len(f) == 5 && f[0] == "Non-2xx":
			n, err := strconv.Atoi(f[4])
			if err != nil {
				return r, fmt.Errorf("non-2xx count %q: %v", f[4], err)
			}
			r.Errors += n
		}
	}
	if !haveRPS || !haveP99 {
		return r, errors.New("no Requests/sec or 99% latency in wrk's output (was --latency given?)")
	}
	return r, nil
}

// parseWrkDuration reads wrk's durations ("456.78us", "1.23ms", "2.00s",
// "1.50m", "1.00h") as milliseconds.
func parseWrkDuration(s string) (float64, error) {
	units := []struct {
		suffix string
		ms     float64
	}{{"us", 1e-3}, {"ms", 1}, {"s", 1e3}, {"m", 60e3}, {"h", 3600e3}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, fmt.Errorf("duration %q", s)
			}
			return v * u.ms, nil
		}
	}
	return 0, fmt.Errorf("duration %q: unknown unit", s)
}

// parseWrkBytes reads wrk's sizes ("512B", "1.23KB", "316.03MB",
// "1.27GB"), which count in powers of 1024.
func parseWrkBytes(s string) (float64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, fmt.Errorf("size %q", s)
			}
			return v * u.mult, nil
		}
	}
	return 0, fmt.Errorf("size %q: unknown unit", s)
}
