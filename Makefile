# Gloss: `make run` builds and serves the widget at http://localhost:8000;
# `make test` runs every test (it needs Chromium: see README).

GO        ?= go
ADDR      ?= :8000
WASM      := web/app.wasm
GOFLAGS_RELEASE := -trimpath -ldflags='-s -w'

.PHONY: all build wasm bin run test check fmt vet fuzz bench export clean

all: build

build: wasm bin

# The wasm holds the UI only: each page brings its article as data. It is
# written into web/, which bin/gloss embeds with the other assets.
wasm:
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_RELEASE) -o $(WASM) ./cmd/gloss
	gzip -9 -k -f -n $(WASM)
	@if command -v brotli >/dev/null; then brotli -q 11 -k -f $(WASM); \
	else rm -f $(WASM).br; echo "brotli not installed: the wasm is served gzip-compressed only (apt-get install brotli)"; fi

bin: wasm
	$(GO) build -trimpath -o bin/gloss ./cmd/gloss

run: build
	./bin/gloss serve -addr $(ADDR)

# The static site for a CDN or static host, in dist/: see docs/deploy.md.
# make export BASE=/gloss/ ORIGIN=https://user.github.io
export: build
	./bin/gloss export -out dist $(if $(BASE),-base $(BASE)) $(if $(ORIGIN),-origin $(ORIGIN))

# The performance bench (docs/performance.md): builds what it needs, then
# prints one table and writes bench/results.json. It needs Chromium, wrk,
# gzip and brotli (nginx for the export anchor); BENCH_DURATION=3s
# shortens each wrk run (10s by default).
bench: build
	$(GO) run ./bench/cmd/bench -buildflags "$(GOFLAGS_RELEASE)"

check: bin
	./bin/gloss check articles internal/fixtures/testdata/articles

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app ./content ./articles ./cmd/gloss

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzArticle -fuzztime=5s ./content/parse

# The browser tests run on their own, after the rest: they measure layout
# and timing in Chromium, which other packages' tests would compete with
# for the machine's two cores.
test: build fmt vet check
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /internal/e2e$$)
	$(GO) test -count=1 ./internal/e2e/
	$(MAKE) fuzz

clean:
	rm -rf bin dist $(WASM) $(WASM).br $(WASM).gz
