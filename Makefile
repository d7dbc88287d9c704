# Village: the same targets locally and in CI.
#   make run    install into .venv, migrate, load demo content, start worker + web server
#   make test   install test needs (Python packages, Debian's chromium) and run the suite
#   make bench  real HTTP load (wrk) on gunicorn, side by side with a trivial view
#               (BENCH_DATABASES=sqlite,postgres BENCH_POSTS=1000,100000,1000000 for the table)
#   make lint   ruff lint and format check

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy

BENCH_DATABASES ?= sqlite
BENCH_POSTS ?= 1000

.PHONY: run test lint bench format chromium wrk clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.run-deps: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --inexact --no-default-groups
	@touch $@

$(VENV)/.test-deps: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --inexact --group test --group lint
	@touch $@

run: $(VENV)/.run-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py requeue_email
	PORT=$(PORT) exec scripts/serve

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

test: $(VENV)/.test-deps chromium
	$(PY) manage.py makemigrations --check --dry-run --verbosity 1
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the benchmarks"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }

bench: $(VENV)/.test-deps wrk
	$(PY) bench/load.py --databases $(BENCH_DATABASES) --posts $(BENCH_POSTS)

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache .ruff_cache
