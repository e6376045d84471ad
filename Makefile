# Two commands do all set-up on a fresh machine with python3, git and apt:
#   make demo   install into .venv, code the bundled sample articles into the default store, print a summary
#   make test   install, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint typecheck system-deps lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e ".[all]"
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the dashboard's browser tests (never a downloaded browser).
system-deps:
	@{ command -v chromium >/dev/null 2>&1 && test -d /usr/share/fonts/truetype/dejavu; } || { \
	  echo "installing Debian chromium and fonts for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

demo: install
	$(BIN)/geopol demo

test: install system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy --strict src

# Regenerate the hash-pinned lock file from pyproject.toml (needs network to PyPI).
lock:
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra all --extra dev --generate-hashes --python-version 3.11 \
	  --no-header -o requirements.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info
