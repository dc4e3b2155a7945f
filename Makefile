# Casedesk developer commands (GNU make). `make` alone lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-x -k migrations"
PYTEST_ARGS ?=

.PHONY: help setup system-deps python-env run test lint bench clean distclean

help:
	@echo "Casedesk: make TARGET"
	@echo "  setup      install the Debian packages and the Python environment (.venv)"
	@echo "  run        set up, load the demo data (once) and list its cases"
	@echo "  test       set up and run the whole test suite (SQLite and PostgreSQL)"
	@echo "  lint       ruff, ruff format, mypy, import contracts, alembic check"
	@echo "  bench      set up and run the benchmarks"
	@echo "  clean      remove caches and build output"
	@echo "  distclean  clean, and remove .venv and .tools as well"

setup:
	scripts/system-deps.sh
	scripts/python-env.sh

system-deps:
	scripts/system-deps.sh

python-env:
	scripts/python-env.sh

# Until the desktop window lands, `make run` shows the demo through the CLI,
# signed in as the demo investigator (see the README for every demo account).
run: setup
	$(BIN)/casedesk demo --if-missing
	CASEDESK_USER=investigator CASEDESK_PASSWORD=demo-investigator-pass \
		$(BIN)/casedesk case list --limit 60

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

lint: python-env
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export CASEDESK_DATABASE_URL="sqlite:///$$tmp/check.sqlite3"; \
	$(BIN)/alembic upgrade head; \
	$(BIN)/alembic check

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . \( -path ./.git -o -path ./$(VENV) -o -path ./.tools \) -prune -o \
		-name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .tools
