# Wadah — developer commands. `make run` and `make test` are the whole Quick start.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# The first interpreter on PATH that is Python >= 3.12 (Django 6.1 needs it).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)

# Tests run in parallel (pytest-xdist), one worker per core up to four; PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( n < 4 ? n : 4 )))

.PHONY: run test lint fmt check bench messages deps clean-db

$(VENV)/.installed: requirements/dev.txt
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 is required (Django 6.1). Install it and run make again."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

run: deps
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_translations
	$(PY) manage.py load_regions data/wilayah_kalteng.csv
	$(PY) manage.py seed_demo
	# The local demo lets staff in without pairing an authenticator app (DEBUG only; docs/two-factor.md).
	WADAH_DEMO_SKIP_TWO_FACTOR=1 $(PY) manage.py runserver 127.0.0.1:8000

test: deps
	mkdir -p var
	$(PY) manage.py compile_translations
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

fmt: deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: deps
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=node_modules --no-obsolete
	$(PY) manage.py compile_translations

bench: deps
	$(PY) bench/run.py

clean-db:
	rm -f var/db.sqlite3 var/db.sqlite3-wal var/db.sqlite3-shm
