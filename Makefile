# iso20k: `make run` serves the demo, `make test` runs the whole suite. Both install what they need.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := run
PYTHON_BIN := $(shell scripts/find_python.sh)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip --disable-pip-version-check --quiet
# Some machines list package mirrors that do not exist; pip says so once per package.
QUIET_PIP := 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2 || true)

.PHONY: run test lint format lock assets messages messages-update migrate demo bench clean check-python system-test-deps

check-python:
	@test -n "$(PYTHON_BIN)" || (scripts/find_python.sh; exit 1)

$(VENV)/.stamp-python: | check-python
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	@# Make the project importable from the venv (pytest plugins load before conftest).
	@$(PY) -c 'import site, pathlib; pathlib.Path(site.getsitepackages()[0], "iso20k-project.pth").write_text("$(CURDIR)\n")'
	@touch $@

$(VENV)/.stamp-run: requirements.lock $(VENV)/.stamp-python
	$(PIP) install --require-hashes --no-deps -r requirements.lock $(QUIET_PIP)
	@$(PY) -c "import django" && touch $@

$(VENV)/.stamp-dev: requirements-dev.lock $(VENV)/.stamp-python
	$(PIP) install --require-hashes --no-deps -r requirements-dev.lock $(QUIET_PIP)
	@$(PY) -c "import django, pytest" && touch $@ $(VENV)/.stamp-run

node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

var/vendor/.stamp: node_modules/.package-lock.json scripts/vendor_assets.py | $(VENV)/.stamp-python
	$(PY) scripts/vendor_assets.py
	@touch $@

assets: var/vendor/.stamp

messages: $(VENV)/.stamp-run
	@$(PY) scripts/compile_messages.py

messages-update: $(VENV)/.stamp-dev
	ISO20K_ENV_FILE= DEBUG=true $(PY) manage.py makemessages -l zh_Hans --add-location file \
	  --no-obsolete --ignore ".venv/*" --ignore "node_modules/*" --ignore "var/*" --ignore "artifacts/*"

.env:
	@$(PYTHON_BIN) scripts/ensure_env.py

migrate: $(VENV)/.stamp-run .env
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py load_demo

run: $(VENV)/.stamp-run assets messages demo
	@scripts/run.sh

system-test-deps:
	@scripts/install_system_packages.sh

test: $(VENV)/.stamp-dev assets messages system-test-deps
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: check-python
	$(PYTHON_BIN) -m venv var/lock-tools && var/lock-tools/bin/pip install --quiet pip-tools
	var/lock-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	var/lock-tools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements-dev.lock requirements-dev.in

# Benchmarks (docs/benchmarks.md): `make bench PROFILE=small DATABASES=sqlite BENCH_ARGS=--no-peer`.
PROFILE ?= default
DATABASES ?= sqlite,postgres
BENCH_ARGS ?=
bench: $(VENV)/.stamp-dev
	@mkdir -p var/bench
	$(PY) -m bench --profile "$(PROFILE)" --databases "$(DATABASES)" $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var/vendor
