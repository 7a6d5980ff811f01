# samverkan — build, demo, test. `make demo` and `make test` install what they need first.
SWIFT      ?= swift
BIN        := .build/debug/samverkan
RELEASE_BIN:= .build/release/samverkan
PREFIX     ?= /usr/local

.PHONY: all deps build release demo test test-asan test-tsan hostile bench install clean

all: build

# liblua5.4-dev (and pkg-config to find it) from Debian's packages, when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4; then \
	  echo "Installing liblua5.4-dev and pkg-config (apt-get)…"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pkg-config liblua5.4-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The main job: a report on the shipped data.
demo: build
	$(BIN) run examples/six-regions.lua

test: deps
	$(SWIFT) test

# The same tests under AddressSanitizer / ThreadSanitizer, in build folders of their own.
test-asan: deps
	$(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# The hostile-script and malformed-data suites alone (also part of `make test`).
hostile: deps
	$(SWIFT) test --filter 'HostileScriptTests|MalformedDataTests'

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/samverkan
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/samverkan
	cp -R data scripts $(PREFIX)/share/samverkan/

clean:
	rm -rf .build .build-asan .build-tsan
