# `make` sets up .venv and builds; `make test` runs every check. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Set and dict print order must not vary between runs, or notebook outputs would.
export PYTHONHASHSEED := 0

.PHONY: all setup test lint validate codebook lab clean

all: setup validate

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

validate: setup
	$(PY) -m karabakh_figures validate data

codebook: setup
	$(PY) -m karabakh_figures codebook

lint: setup
	$(PY) -m ruff check .

test: setup lint
	$(PY) -m pytest

lab: setup
	$(VENV)/bin/jupyter lab notebooks

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache
