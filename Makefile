# clerc — the two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv when missing and installs only what is missing, so a warm run is fast.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/clerc demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

benchmark: $(STAMP)
	$(BIN)/python benchmarks/decomptes.py
	$(BIN)/python benchmarks/office.py --dossiers $(or $(DOSSIERS),1000000)
	$(BIN)/python benchmarks/actes.py
	$(BIN)/python benchmarks/actes_lot.py
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# PostgreSQL server binaries for the tests (tests/office start a throwaway server): the Debian
# package is installed only when no /usr/lib/postgresql/*/bin/pg_ctl exists (free otherwise).
PG_CTL := $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl))
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: postgresql
postgresql:
ifeq ($(PG_CTL),)
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; }
endif

pytest: postgresql

# Poppler (pdftotext, pdffonts, pdftoppm) for the tests of the acts (tests/actes read the PDFs
# they render): the Debian package is installed only when one of the three is missing.
POPPLER := $(wildcard /usr/bin/pdftotext /usr/bin/pdffonts /usr/bin/pdftoppm)

.PHONY: poppler-utils
poppler-utils:
ifneq ($(words $(POPPLER)),3)
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils; }
endif

pytest: poppler-utils

# Debian's Chromium for the end-to-end tests (tests/e2e drive it with Playwright, never
# `playwright install`): installed only when /usr/bin/chromium is missing.
CHROMIUM := $(wildcard /usr/bin/chromium)

.PHONY: chromium
chromium:
ifeq ($(CHROMIUM),)
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }
endif

pytest: chromium
