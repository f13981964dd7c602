# Gloss: `make run` builds and serves the widget at http://localhost:8000;
# `make test` installs what it lacks (`make deps`) and runs every test.

GO        ?= go
ADDR      ?= :8000
WASM      := web/app.wasm
GOFLAGS_RELEASE := -trimpath -ldflags='-s -w'

.PHONY: all build generate wasm bin run deps test check fmt vet fuzz bench export clean

all: build

build: generate wasm bin

# Content is compiled in: parse the Markdown articles (and the test
# fixtures under testdata/articles) into Go values.
generate:
	$(GO) generate ./articles ./internal/fixtures

wasm: generate
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_RELEASE) -o $(WASM) ./cmd/gloss
	gzip -9 -k -f -n $(WASM)
	@if command -v brotli >/dev/null; then brotli -q 11 -k -f $(WASM); \
	else rm -f $(WASM).br; echo "brotli not installed: the wasm is served gzip-compressed only (apt-get install brotli)"; fi

bin: generate
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
	./bin/gloss check articles testdata/articles

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app ./content ./articles ./cmd/gloss

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzArticle -fuzztime=5s ./content/parse

# What the tests need and a fresh Debian machine lacks: the browsers, Xvfb,
# nginx, wrk and brotli through apt-get (as root; otherwise it prints the
# command), and the Node tools of package-lock.json in node_modules.
deps:
	./scripts/setup.sh

# The browser tests run on their own, after the rest: they measure layout
# and timing in Chromium, which other packages' tests would compete with
# for the machine's two cores.
test: deps build fmt vet check
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /internal/e2e$$)
	$(GO) test -count=1 ./internal/e2e/
	$(MAKE) fuzz

clean:
	rm -rf bin dist $(WASM) $(WASM).br $(WASM).gz
