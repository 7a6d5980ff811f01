# samverkan — build, demo, test. `make demo` and `make test` install what they need first.
SWIFT      ?= swift
BIN        := .build/debug/samverkan
RELEASE_BIN:= .build/release/samverkan
PREFIX     ?= /usr/local

.PHONY: all deps python-deps pdf-deps embed build release demo docs tutorial test lua-check test-asan test-tsan hostile fuzz bench install clean

all: build

# liblua5.4-dev, libedit-dev and zlib1g-dev (and pkg-config to find them) from Debian's packages, when
# missing; lua5.4 (luac5.4) and lua-check (luacheck), which lua-check uses.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists lua5.4 || ! pkg-config --exists libedit \
	    || ! pkg-config --exists zlib \
	    || ! command -v luac5.4 >/dev/null 2>&1 || ! command -v luacheck >/dev/null 2>&1; then \
	  echo "Installing liblua5.4-dev, libedit-dev, zlib1g-dev, lua5.4, lua-check and pkg-config (apt-get)…"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pkg-config liblua5.4-dev libedit-dev zlib1g-dev lua5.4 lua-check >/dev/null; \
	fi

# The compiler does not see that embed.S includes Sources/SamverkanLua/Lua/*.lua (.incbin):
# touch it when one of them is newer, so the build embeds the Lua as it is now.
embed:
	@if [ -n "$$(find Sources/SamverkanLua/Lua -name '*.lua' -newer Sources/SamverkanLuaCode/embed.S)" ]; then \
	  touch Sources/SamverkanLuaCode/embed.S; fi

build: deps embed
	$(SWIFT) build

release: deps embed
	$(SWIFT) build -c release

# The main job: a report on the shipped data.
demo: build
	$(BIN) report overview

# docs/lua-api.md is written from the Lua API's declaration (LuaAPIDocTests fails when it is stale).
docs: build
	$(BIN) help api --markdown > docs/lua-api.md

# The output under each command of docs/tutorial.md, run again (TutorialTests checks it).
tutorial: build
	python3 tools/tutorial_outputs.py docs/tutorial.md

test: deps embed lua-check python-deps pdf-deps
	$(SWIFT) test

# openpyxl, which the workbook tests read .xlsx files back with, in a virtual environment
# of its own (Debian's Python refuses pip installs into the system's).
python-deps:
	@if ! .build/venv/bin/python -c 'import openpyxl' >/dev/null 2>&1; then \
	  echo "Installing openpyxl into .build/venv (pip)…"; \
	  if ! python3 -m venv .build/venv >/dev/null 2>&1; then \
	    if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv >/dev/null; \
	    python3 -m venv .build/venv; \
	  fi; \
	  .build/venv/bin/pip install -q openpyxl; \
	fi

# Chromium, which --format pdf prints with, and pdftotext (poppler-utils), which the PDF
# tests read its text back with, from Debian's packages, when missing.
pdf-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  echo "Installing chromium and poppler-utils (apt-get)…"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null; \
	fi

# Every Lua file the project ships, the host's own (embedded in the binary) and scripts/,
# compiles. One file per luac run: Debian's luac5.4 (5.4.4) frees twice when given several.
# The host's own Lua is also clean for luacheck (methods may leave `self` unused).
lua-check: deps
	@failed=0; for f in Sources/SamverkanLua/Lua/*.lua $$(find scripts -name '*.lua' | sort); do \
	  luac5.4 -p "$$f" || failed=1; \
	done; [ $$failed -eq 0 ] && echo "lua-check: every .lua file compiles"
	@luacheck --quiet --no-color --std lua54 --no-max-line-length --no-self Sources/SamverkanLua/Lua/*.lua

# The same tests under AddressSanitizer / ThreadSanitizer, in build folders of their own.
# Under ASan every samverkan process the CLI tests start is also checked for leaks at exit
# (LeakSanitizer; Foundation's and XCTest's own leaks are suppressed in Tests/Sanitizers).
test-asan: deps embed python-deps pdf-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: deps embed
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# samverkan against its peers on the same questions (bench/bench.py): the DuckDB CLI and
# frictionless in a virtual environment of their own (.build/bench-venv), jq, lua5.4 and
# lua-cjson from Debian. BENCH_RECORDS, BENCH_SIZES and BENCH_RUNS change the sizes and rounds.
bench: release
	-@command -v jq >/dev/null 2>&1 && command -v lua5.4 >/dev/null 2>&1 && [ -n "$$(lua5.4 -e 'print(pcall(require, "cjson"))' | grep true)" ] || \
	  { if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq jq lua5.4 lua-cjson python3-venv >/dev/null 2>&1; }
	-@[ -x .build/bench-venv/bin/duckdb ] || { python3 -m venv .build/bench-venv && .build/bench-venv/bin/pip install -q duckdb-cli; }
	-@[ -x .build/bench-venv/bin/frictionless ] || .build/bench-venv/bin/pip install -q frictionless
	python3 bench/bench.py

# The hostile-script and malformed-data suites alone (also part of `make test`).
hostile: deps
	$(SWIFT) test --filter 'HostileScriptTests|MalformedDataTests'

# libFuzzer targets (Fuzz/, a package of its own that the main build never compiles): build
# each with ASan, run it FUZZ_SECONDS from its seeds, its dictionary, what earlier runs found
# (Fuzz/.build/corpus) and the kept crash inputs; a new crash, timeout or OOM input is kept in
# Tests/Fixtures/fuzz-regressions/<target>/ and fails the target. Prints executions per target.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz-csv fuzz-json fuzz-yaml fuzz-schema fuzz-xlsx fuzz-where fuzz-render
FUZZ_BUILD   := -c debug -Xswiftc -sanitize=fuzzer,address

fuzz: deps
	@mkdir -p Fuzz/.build
	@for t in $(FUZZ_TARGETS); do \
	  echo "Building $$t…"; \
	  (cd Fuzz && $(SWIFT) build $(FUZZ_BUILD) --product $$t) > Fuzz/.build/build-$$t.log 2>&1 \
	    || { grep -v 'Cannot export local symbol' Fuzz/.build/build-$$t.log; exit 1; }; \
	done
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p Fuzz/.build/corpus/$$t Tests/Fixtures/fuzz-regressions/$$t; \
	  dict=""; [ -f Fuzz/dictionaries/$$t.dict ] && dict="-dict=Fuzz/dictionaries/$$t.dict"; \
	  echo "Fuzzing $$t for $(FUZZ_SECONDS) s…"; \
	  ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
	    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=Tests/Fixtures/fuzz-regressions/$$t/ $$dict \
	    Fuzz/.build/corpus/$$t Fuzz/seeds/$$t Tests/Fixtures/fuzz-regressions/$$t > Fuzz/.build/$$t.log 2>&1 \
	    || { failed="$$failed $$t"; grep -E 'ERROR|SUMMARY|Test unit written' Fuzz/.build/$$t.log; }; \
	  echo "$$t: $$(sed -n 's/^stat::number_of_executed_units: *//p' Fuzz/.build/$$t.log) executions (log: Fuzz/.build/$$t.log)"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed (inputs in Tests/Fixtures/fuzz-regressions/)"; exit 1; fi

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/samverkan
	install -m 755 $(RELEASE_BIN) $(PREFIX)/bin/samverkan
	cp -R data scripts $(PREFIX)/share/samverkan/

clean:
	rm -rf .build .build-asan .build-tsan .build-bench Fuzz/.build
