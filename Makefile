# The Makefile is the interface; CI calls the same targets.

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X main.Version=$(VERSION) -X main.Commit=$(COMMIT)

.PHONY: run test test-short build bench assets

# Start Elective on SQLite (elective.db) with the demo hospital.
run:
	go run ./cmd/elective serve --demo

# Every test: unit, store suite on SQLite and PostgreSQL, browser end to end.
test:
	scripts/test.sh

# Quick loop while coding: SQLite only, no browser, short booking race.
test-short:
	go test -short ./...

build:
	go build -ldflags "$(LDFLAGS)" -o bin/elective ./cmd/elective

# The figures of docs/benchmarks.md.
bench:
	scripts/bench.sh

# Refresh the NHS design system's CSS and JS from npm (needs Node).
assets:
	web/static/refresh.sh
