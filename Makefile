# One task runner. `make` = test + lint. Every target creates the virtualenv on demand.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SHARED ?= ../shared

.DEFAULT_GOAL := check
.PHONY: check demo test lint format eval bench reliability clean

$(BIN)/peacewatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

check: test

## demo: ingest the bundled demo corpus, extract, print the events and where the database is
demo: $(BIN)/peacewatch
	$(BIN)/peacewatch demo

## test: lint, then the whole suite (accuracy gate included)
test: $(BIN)/peacewatch lint
	$(BIN)/pytest -q

lint: $(BIN)/peacewatch
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy src/peacewatch

format: $(BIN)/peacewatch
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

## eval: score the extractor on the dev seeds and on our labelled passages
eval: $(BIN)/peacewatch
	$(BIN)/python bench/eval.py --shared $(SHARED)

## bench: speed and memory of extraction against the tokenizer-only baseline
bench: $(BIN)/peacewatch
	$(BIN)/python bench/extract_speed.py

## reliability: crash, idempotence, hostile input, property, web-security and load tests at full
## size (10,000 property cases, 60 s load runs), then the figures they recorded
reliability: $(BIN)/peacewatch
	rm -rf tests/artifacts/reliability
	PEACEWATCH_RELIABILITY=full $(BIN)/pytest -q -m reliability -p no:cacheprovider; status=$$?; \
	$(BIN)/python scripts/reliability_summary.py; exit $$status

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache src/*.egg-info
