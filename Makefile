# Casedesk developer commands (GNU make). `make` alone lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-x -k migrations".
# The suite runs in one worker process per core (pytest-xdist); TEST_WORKERS=0 runs it in one.
# Work-stealing: a worker with nothing left takes tests queued for the other, so the run
# does not end on one worker with a queue of slow tests.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=
# Where the tests write their files (SQLite databases, the private PostgreSQL clusters,
# reports): the memory file system /dev/shm when the machine has one with 1 GiB free
# (a container's is often 64 MiB); a run holds about 0.5 GiB there at most. On a disk the
# same run waits on its writes (a database copied per test, its journal synced) and on
# the file system's work for each PostgreSQL database made and dropped: 412-491 s against
# 322 s on 2 cores (BENCHMARKS.md). TEST_TMPDIR= (empty) keeps the system's temporary folder.
TEST_TMPDIR ?= $(shell d=/dev/shm; [ -d $$d ] && [ -w $$d ] && \
	[ "$$(df -Pk $$d | awk 'NR == 2 {print $$4}')" -ge 1048576 ] && echo $$d)
# Extra arguments for scripts/python-env.sh and scripts/system-deps.sh. CI (.ci/run) sets
# them to "--group package" and "package" so that every step keeps the same environment:
# a step's sync never removes what a step running beside it uses (e.g. PyInstaller).
PYTHON_ENV_ARGS ?=
SYSTEM_DEPS_ARGS ?=

.PHONY: help setup system-deps python-env run test lint bench screenshots translations \
	package package-test clean distclean

help:
	@echo "Casedesk: make TARGET"
	@echo "  setup      install the Debian packages and the Python environment (.venv)"
	@echo "  run        set up, load the demo data (once) and open the application"
	@echo "  test       set up and run the whole test suite (SQLite and PostgreSQL)"
	@echo "  lint       ruff, ruff format, mypy, import contracts, alembic check"
	@echo "  bench      set up, run the benchmarks, record benchmarks/results.json, update BENCHMARKS.md"
	@echo "  screenshots  drive the real app under Xvfb and refresh docs/screenshots"
	@echo "  translations refresh resources/translations/casedesk.ts from the GUI's strings"
	@echo "  package    build the installable application: dist/casedesk/ and the .deb"
	@echo "  package-test  smoke-test the built application and the .deb as a user runs them"
	@echo "  clean      remove caches and build output"
	@echo "  distclean  clean, and remove .venv and .tools as well"

setup:
	scripts/system-deps.sh $(SYSTEM_DEPS_ARGS)
	scripts/python-env.sh $(PYTHON_ENV_ARGS)

system-deps:
	scripts/system-deps.sh $(SYSTEM_DEPS_ARGS)

python-env:
	scripts/python-env.sh $(PYTHON_ENV_ARGS)

# The demo database is made once; the window opens on it with the login
# dialog filled in for the demo investigator (the README lists every account).
run: setup
	$(BIN)/casedesk demo --if-missing
	CASEDESK_USER=investigator CASEDESK_PASSWORD=demo-magnifier-trail $(BIN)/casedesk

test: setup
	QT_QPA_PLATFORM=offscreen $(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR)) \
		$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

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

screenshots: setup
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN)/casedesk --db "$$tmp/demo.sqlite3" demo > /dev/null; \
	XDG_CONFIG_HOME="$$tmp/config" XDG_STATE_HOME="$$tmp/state" \
		xvfb-run -a -s '-screen 0 1366x768x24' \
		$(BIN)/python scripts/screenshots.py "sqlite:///$$tmp/demo.sqlite3" docs/screenshots

# Every visible string goes through tr(); this collects them for translators.
# A translation is casedesk_<locale>.ts beside it, compiled with pyside6-lrelease.
# A module's strings, tr(_C, "..."), are written out for lupdate by scripts/module_strings.py
# (lupdate cannot resolve the context held in _C); a class's self.tr(...) it reads itself.
translations: python-env
	mkdir -p build/translations
	$(BIN)/python scripts/module_strings.py $$(git ls-files 'app/ui/*.py' 'app/ui/**/*.py') \
		> build/translations/module_strings.py
	$(BIN)/pyside6-lupdate $$(git ls-files 'app/ui/*.py' 'app/ui/**/*.py') \
		build/translations/module_strings.py -ts resources/translations/casedesk.ts

# dist/casedesk/ (PyInstaller, one folder) and dist/casedesk_<version>_<arch>.deb;
# packaging/README.md says how. Needs the Debian packages for building and
# checking, and PyInstaller (the "package" dependency group).
package:
	scripts/system-deps.sh package
	scripts/python-env.sh --group package
	packaging/build.sh

package-test:
	scripts/system-deps.sh package
	packaging/smoke-test.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . \( -path ./.git -o -path ./$(VENV) -o -path ./.tools \) -prune -o \
		-name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .tools
