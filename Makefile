# `make` sets up .venv and builds; `make test` runs every check. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Set and dict print order must not vary between runs, or notebook outputs would.
export PYTHONHASHSEED := 0

.PHONY: all setup test lint validate build codebook lab clean

all: setup validate build

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

validate: setup
	$(PY) -m karabakh_figures validate data

# Executes in place the notebooks whose inputs changed (FORCE=1: all of them) and rewrites figures/; an unchanged
# tree comes out byte for byte the same.
build: setup
	$(PY) -m karabakh_figures build $(if $(FORCE),--force)

codebook: setup
	$(PY) -m karabakh_figures codebook

lint: setup
	$(PY) -m ruff check --no-cache .
	$(VENV)/bin/lint-imports --no-cache

# The data and code tests, and nbval re-running every notebook against its committed outputs, on two
# workers; --dist loadfile keeps each notebook (and each test file) on one worker, as nbval needs, and
# --no-loadscope-reorder keeps conftest.py's order (the slowest files first) instead of largest-count first.
test: setup lint
	$(PY) -m pytest -n 2 --dist loadfile --no-loadscope-reorder --nbval --nbval-current-env tests notebooks

lab: setup
	$(VENV)/bin/jupyter lab notebooks

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache
