# Two commands on a fresh machine: `make chat` (set up, then chat with the bot) and `make test` (set up, then
# run every test). Everything else here is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: chat test setup i18n bench lint lock

# The exact versions in requirements.lock, each checked against its hash (what CI tested is what runs), then
# Husly itself on top without touching them.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

chat: $(STAMP)
	$(BIN)/husly listings demo --quiet
	$(BIN)/husly chat

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

i18n: $(STAMP)
	$(BIN)/python scripts/catalogues.py

bench: $(STAMP)
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/triage.py
	$(BIN)/python benchmarks/listings.py
	$(BIN)/python benchmarks/case_delivery.py
	$(BIN)/python benchmarks/telegram_throughput.py

lint: $(STAMP)
	$(BIN)/ruff check .

# After changing dependencies in pyproject.toml: pin every package (and what building needs) with its hashes.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml build-requirements.in --extra dev --generate-hashes --python-version 3.11 \
		--quiet -o requirements.lock
