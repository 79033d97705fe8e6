# Two commands set everything up on a fresh Debian machine:
#   make site   builds the course into site/ (creates .venv, installs pinned dependencies)
#   make test   runs every test (installs what the tests need, including Debian's chromium and npm)

PYTHON ?= python3
ENGINE ?= mkdocs
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_FILES := /usr/bin/chromium /usr/bin/zbarimg /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: site check serve test test-deps lint fuzz schema clean

site: $(VENV)/.build-deps $(if $(filter zensical,$(ENGINE)),$(VENV)/.zensical-deps)  ## Build site/ (ENGINE=zensical to use Zensical).
	$(PY) build.py build --strict --engine $(ENGINE)

check: $(VENV)/.build-deps  ## Validate the course files only.
	$(PY) build.py check

serve: $(VENV)/.build-deps  ## Preview at http://127.0.0.1:8000/ with live reload.
	$(PY) build.py serve

schema: $(VENV)/.build-deps  ## Regenerate schema/*.json and the AUTHORING.md field tables.
	$(PY) build.py schema

test: test-deps lint  ## Run every test, two at a time (both cores).
	$(PY) -m pytest -q -n 2

lint: $(VENV)/.test-deps lint/node_modules/.installed  ## ruff, and the scripts checked for Safari on iPhones: the same check CI runs.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	lint/node_modules/.bin/eslint coursegen/theme/assets/

fuzz: $(VENV)/.test-deps  ## Feed 10,000+ generated YAML files to the loader and validator.
	FUZZ_EXAMPLES=10000 $(PY) -m pytest -q -p no:xdist tests/test_fuzz.py -s

test-deps: $(VENV)/.test-deps $(VENV)/.zensical-deps $(DEBIAN_FILES) $(if $(wildcard tests/browser/package-lock.json),tests/browser/node_modules/.installed)

$(VENV)/.build-deps: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(VENV)/.zensical-deps: requirements-zensical.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

# Debian packages the tests need: Chromium for the browser tests, zbar to read QR codes, DejaVu fonts.
/usr/bin/chromium:
	$(call apt_install,chromium)
/usr/bin/zbarimg:
	$(call apt_install,zbar-tools)
/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:
	$(call apt_install,fonts-dejavu-core)

define apt_install
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(1)
endef

# npm for the script checks and the browser tests' tools, from Debian where it is missing.
/usr/bin/npm:
	$(call apt_install,npm)

lint/node_modules/.installed: lint/package-lock.json | /usr/bin/npm
	cd lint && npm ci --no-audit --no-fund --loglevel=error
	touch $@

tests/browser/node_modules/.installed: tests/browser/package-lock.json | /usr/bin/npm
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:  ## Remove the built site and caches (keeps .venv).
	rm -rf site site.previous .site-* .pytest_cache .ruff_cache .hypothesis
