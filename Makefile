# Gloss: `make run` builds and serves the widget at http://localhost:8000;
# `make test` installs what it lacks (`make deps`) and runs every test.

GO        ?= go
ADDR      ?= :8000
WASM      := web/app.wasm
GOFLAGS_RELEASE := -trimpath -ldflags='-s -w'

.PHONY: all build wasm bin run deps test check fmt vet staticcheck fuzz bench export clean

all: build

build: wasm bin

# The wasm holds the install and update prompts only: each page is the
# server's HTML, and no article is compiled in. It is written into web/,
# which bin/gloss embeds with the other assets, with its gzip and brotli
# copies. It is built with go-app as go.mod pins it, less its server side
# and its routes by pattern: a copy in .cache/wasm and a workspace file
# that uses it (internal/goapp/patch). internal/wasmbuild builds it, as the
# e2e tests and the bench do.
wasm:
	$(GO) run ./internal/cmd/wasmbuild -dir .cache/wasm -o $(WASM)

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
	@cmp -s bench/node/package-lock.json bench/node/node_modules/.gloss-package-lock.json || \
		(cd bench/node && npm ci --no-audit --no-fund --ignore-scripts && cp package-lock.json node_modules/.gloss-package-lock.json)
	$(GO) run ./bench/cmd/bench -buildflags "$(GOFLAGS_RELEASE)" -lighthouse bench/node/node_modules/.bin/lighthouse

check: bin
	./bin/gloss check articles internal/fixtures/testdata/articles

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./content ./cmd/gloss

# staticcheck, at a pinned version, fetched through the Go module proxy
# and installed in bin/ (once), so that it can check the wasm's packages
# too: "go run" would build it for the wasm.
STATICCHECK_VERSION := v0.8.2

staticcheck:
	@if ! bin/staticcheck -version 2>/dev/null | grep -q '$(STATICCHECK_VERSION:v%=%)'; then \
		GOBIN=$(CURDIR)/bin $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); fi
	bin/staticcheck ./...
	GOOS=js GOARCH=wasm bin/staticcheck ./app/... ./content ./cmd/gloss

# Every fuzz target of these packages runs FUZZTIME, without minimising
# the inputs it finds (go's default minimisation spent a 5 s run on its
# first new input, about 20 executions), each from its seeds (see
# internal/cmd/fuzzrun). It fails below FUZZFLOOR executions per second:
# a fifth of the slowest rate measured on the 2-core machine while other
# work ran (940/sec, FuzzAttributes; most runs gave 1,500 to 7,500).
FUZZPKGS  := ./content/parse ./server ./export ./internal/goapp ./internal/wasmpack
FUZZTIME  ?= 4s
FUZZFLOOR ?= 200

fuzz:
	$(GO) run ./internal/cmd/fuzzrun -fuzztime $(FUZZTIME) -fuzzminimizetime 0 -floor $(FUZZFLOOR) $(FUZZPKGS)

# What the tests need and a fresh Debian machine lacks: the browsers, Xvfb,
# nginx, wrk and brotli through apt-get (as root; otherwise it prints the
# command), and the Node tools of package-lock.json in node_modules.
deps:
	./scripts/setup.sh

# The browser tests run on their own, after the rest: they measure layout
# and timing in Chromium, which other packages' tests would compete with
# for the machine's two cores. They and the 200-article archive run
# without the race detector: it slows the servers they start, they measure
# timing, and 200 pages under it take minutes. Chromium's
# full suite, the Firefox and WebKit checks and the WordPress embed test
# take 4 to 10 minutes, with the machine idle or busy.
test: deps build fmt vet staticcheck check
	$(GO) test -race -count=1 $$($(GO) list ./... | grep -v -e /internal/e2e$$ -e /internal/scale$$)
	$(GO) test -count=1 ./internal/scale/
	$(GO) test -count=1 -timeout 25m ./internal/e2e/
	$(MAKE) fuzz

clean:
	rm -rf bin dist .cache/wasm $(WASM) $(WASM).br $(WASM).gz
