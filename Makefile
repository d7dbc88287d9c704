# Village: the same targets locally and in CI.
#   make run    install into .venv, migrate, load demo content, start worker + web server
#   make test   install test needs (Python packages, Debian's chromium) and run the suite
#   make bench  page throughput, side by side with a trivial view
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

.PHONY: run test lint bench format chromium clean

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

bench: $(VENV)/.test-deps
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache .ruff_cache
