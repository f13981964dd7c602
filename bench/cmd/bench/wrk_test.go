package main

import (
	"math"
	"strings"
	"testing"
	"time"
)

const wrkOutput = `Running 2s test @ http://127.0.0.1:18232/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    38.17ms   96.09ms 479.44ms   89.20%
    Req/Sec     7.18k     2.61k   10.56k    73.53%
  Latency Distribution
     50%    3.01ms
     75%    6.34ms
     90%  156.09ms
     99%    1.20s
  25345 requests in 2.10s, 316.03MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 7
Requests/sec:  12059.31
Transfer/sec:    150.37MB
`

func TestParseWrk(t *testing.T) {
	r, err := ParseWrk(wrkOutput)
	if err != nil {
		t.Fatal(err)
	}
	want := WrkResult{RequestsSec: 12059.31, Requests: 25345, P50: 3.01, P90: 156.09, P99: 1200, Errors: 12}
	got := r
	got.BytesPerRequest = 0
	if got != want {
		t.Errorf("ParseWrk = %+v, want %+v", got, want)
	}
	if per := 316.03 * (1 << 20) / 25345; math.Abs(r.BytesPerRequest-per) > 1 {
		t.Errorf("bytes per request %v, want %v", r.BytesPerRequest, per)
	}
}

func TestParseWrkMicroseconds(t *testing.T) {
	out := strings.Replace(wrkOutput, "1.20s", "812.50us", 1)
	r, err := ParseWrk(out)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.P99-0.8125) > 1e-9 {
		t.Errorf("p99 %v ms, want 0.8125", r.P99)
	}
}

func TestParseWrkWithoutLatency(t *testing.T) {
	// Without --latency there is no distribution: the p99 cannot be read.
	out := strings.Replace(wrkOutput, "     99%    1.20s\n", "", 1)
	if _, err := ParseWrk(out); err == nil {
		t.Error("no error for output without a 99% line")
	}
	if _, err := ParseWrk("unable to connect to 127.0.0.1:1 Connection refused\n"); err == nil {
		t.Error("no error for a failed run")
	}
}

func TestParseWrkBadNumber(t *testing.T) {
	out := strings.Replace(wrkOutput, "3.01ms", "3.01parsecs", 1)
	if _, err := ParseWrk(out); err == nil {
		t.Error("no error for an unknown unit")
	}
}

func TestWrkArgs(t *testing.T) {
	got := strings.Join(wrkArgs("http://127.0.0.1:1/", 10*time.Second), " ")
	want := "-t2 -c50 -d10s --timeout 5s --latency -H Accept-Encoding: br, gzip http://127.0.0.1:1/"
	if got != want {
		t.Errorf("wrkArgs = %q, want %q", got, want)
	}
}
