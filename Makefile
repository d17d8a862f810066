# zhichong — two commands: `make run` and `make test`. Everything installs what is missing first.
SHELL := /bin/bash
BUILD ?= build/release
ASAN_BUILD ?= build/asan
JOBS ?= $(shell nproc)

.PHONY: run test build web deps bench fmt clean

deps:
	@scripts/install-deps.sh build

build: deps
	@scripts/build.sh $(BUILD) Release
	@scripts/build-web.sh

web: deps
	@scripts/build-web.sh

run: build
	@scripts/run-demo.sh $(BUILD)

test:
	@scripts/install-deps.sh test
	@scripts/test.sh

bench: build
	@bench/http/run.sh $(BUILD)

fmt:
	@find src tests/unit bench tools -name '*.cpp' -o -name '*.hpp' 2>/dev/null | xargs clang-format -i

clean:
	rm -rf build web/admin/dist web/driver/dist
