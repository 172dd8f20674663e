# Two commands on a fresh machine: `make chat` (set up, then chat with the bot) and `make test` (set up, then
# run every test). Everything else here is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: chat test setup i18n bench lint lock report

# The exact versions in requirements.lock, each checked against its hash (what CI tested is what runs), then
# Husly itself on top without touching them.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	# A first start trains the triage model and indexes the knowledge base (several seconds), then keeps both in
	# the data directory: done here, so that the first chat opens at once.
	$(BIN)/husly ask hej > /dev/null || echo "Could not prepare the data directory now; the first start will."
	touch $(STAMP)

setup: $(STAMP)

chat: $(STAMP)
	$(BIN)/husly listings demo --quiet
	$(BIN)/husly chat

# A first report for a newcomer: four weeks of made-up activity (marked DEMO) in a database of its own,
# then the HTML report. Open demo-report.html in a browser.
DEMO_DB := $(CURDIR)/.demo-report/husly-demo.sqlite3
report: $(STAMP)
	rm -rf .demo-report && mkdir -p .demo-report
	HUSLY_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/husly stats demo --days 28
	HUSLY_DATABASE_URL=sqlite:///$(DEMO_DB) $(BIN)/husly report --out demo-report.html

test: lint
	$(BIN)/python -m pytest -q

i18n: $(STAMP)
	$(BIN)/python scripts/catalogues.py

bench: $(STAMP)
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/triage.py
	$(BIN)/python benchmarks/real_messages.py
	$(BIN)/python benchmarks/listings.py
	$(BIN)/python benchmarks/case_delivery.py
	$(BIN)/python benchmarks/telegram_throughput.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/latency.py
	$(BIN)/python benchmarks/fuzz.py
	$(BIN)/python benchmarks/report.py

# Style and types; what to check is configured in pyproject.toml ([tool.ruff], [tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# After changing dependencies in pyproject.toml: pin every package (and what building needs) with its hashes.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml build-requirements.in --extra dev --generate-hashes --python-version 3.11 \
		--quiet -o requirements.lock
