# Two commands for a newcomer: `make demo` (digest the bundled example) and `make test` (lint, types, tests).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@# An editable install leaves our modules uncompiled; compile once so every run starts faster.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/presseschau digest examples/hafenbrand
	$(BIN)/presseschau digest examples/hafenbrand --format html -o out/hafenbrand.html
	@echo "HTML report: out/hafenbrand.html"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/digest_seeds.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
