# factionmap: `make demo` builds the sample corpus's map and serves it; `make test` runs every test.
# Both set everything up first (idempotent): Python deps from uv.lock, npm deps from package-lock.json,
# the web app's vendor assets, and (for tests) Debian's chromium and postgresql.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
DEMO_DB ?= demo.db
PORT ?= 8765
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
ifneq ($(wildcard /etc/ssl/certs/ca-certificates.crt),)
export SSL_CERT_FILE ?= /etc/ssl/certs/ca-certificates.crt
endif

.PHONY: setup setup-python setup-web setup-system demo test lint bench clean model

setup: setup-python setup-web

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

setup-python: $(UV)
	$(UV) sync --frozen --quiet

setup-web:
	@if [ -f package-lock.json ]; then \
	  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; fi; \
	  bash scripts/build-web.sh; \
	fi

setup-system:
	bash scripts/setup-system.sh

demo: setup
	$(VENV)/bin/factionmap build samples/corpus --db $(DEMO_DB)
	@if $(VENV)/bin/factionmap serve --help >/dev/null 2>&1; then \
	  $(VENV)/bin/factionmap serve --db $(DEMO_DB) --port $(PORT); \
	else $(VENV)/bin/factionmap stats --db $(DEMO_DB); fi

test: setup setup-system lint
	$(VENV)/bin/python -m pytest -q

# ruff (pyflakes, pycodestyle, bugbear) on the code and tests; mypy strict on model, relations, store
# and graph (pyproject.toml says which and how)
lint: setup-python
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

bench: setup
	$(VENV)/bin/python bench/bench_extract.py

clean:
	rm -rf $(VENV) .tools node_modules src/factionmap/web/static/vendor $(DEMO_DB) $(DEMO_DB)-*

# The shipped relation model, from the annotated corpus (needs ../shared/eval): `factionmap train`
# reproduces it exactly (deterministic: seeded solver, folds by document name; the same arithmetic on every
# x86-64 machine: OpenBLAS's Haswell kernels on 2 threads, numpy without AVX-512). The environment is read from
# training.FIXED_ARITHMETIC, which the reproduction test uses too (expanded when the recipe runs, after setup).
MODEL_ENV = $(shell $(VENV)/bin/python -c "import shlex; from factionmap.extract.scoring.training import FIXED_ARITHMETIC as F; print(' '.join(k + '=' + shlex.quote(v) for k, v in F.items()))")
MODEL_GOLD := --gold annotations/train.jsonl --gold ../shared/eval/dev/gold.jsonl --gold samples/gold.jsonl
MODEL_DOCS := ../shared/eval/train/docs ../shared/eval/dev/docs samples/corpus
model: setup
	$(MODEL_ENV) $(VENV)/bin/factionmap train $(MODEL_GOLD) $(MODEL_DOCS) -o src/factionmap/data/model
