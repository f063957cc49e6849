# Two commands for a newcomer: `make demo` and `make test`. Everything else is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The generators the post-build command serves, each in a venv of its own (they pin their own
# Markdown, Jinja and click). Each Zensical 0.1.x pins one exact zensical-ui: 0.1.2 takes
# 0.0.42; 0.1.3 and 0.1.4 pin 0.0.43 and 0.0.44, which the registry here does not serve.
ZENSICAL_VERSION := 0.1.2
MKDOCS2_VERSION := 2.0.dev6
ZENSICAL := .venv-zensical/bin/zensical
MKDOCS2 := .venv-mkdocs2/bin/mkdocs
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; it is not about this project.
export NO_MKDOCS_2_WARNING := 1

.PHONY: demo lint test chromium generators serve bench bench-command screenshots compat fuzz dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[mkdocs,test,demo,dist,lint]"
	touch $(STAMP)

$(ZENSICAL):
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install -q "zensical==$(ZENSICAL_VERSION)"
	touch $(ZENSICAL)

$(MKDOCS2):
	$(PYTHON) -m venv .venv-mkdocs2
	.venv-mkdocs2/bin/python -m pip install -q --pre "mkdocs==$(MKDOCS2_VERSION)"
	touch $(MKDOCS2)

## generators: the venvs with Zensical and the MkDocs 2.0 pre-release the command's tests build with
generators: $(ZENSICAL) $(MKDOCS2)

## demo: create .venv, install the plugin and build the documentation (example_site/) with it
demo: $(STAMP)
	cd example_site && ../$(BIN)/mkdocs build --strict
	@echo
	@echo "Built the documentation, with the plugin, into example_site/site/."
	@echo "Open example_site/site/index.html and look at the 'Pages linking here' panel, with"
	@echo "its local graph, at the bottom of any page (e.g. example_site/site/guide/panel/index.html);"
	@echo "the whole site's graph is example_site/site/graph.html, the link report example_site/site/link-report.html."
	@echo "Or browse it with: make serve   (then open http://127.0.0.1:8000/backlinks/)"

## serve: browse the documentation with live reload
serve: $(STAMP)
	cd example_site && ../$(BIN)/mkdocs serve

## lint: ruff (lint rules and formatting) on the repository, mypy (strict) on the package
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

## test: lint, then install what the tests need and run them all
test: lint $(STAMP) $(ZENSICAL) $(MKDOCS2) chromium
	$(BIN)/python -m pytest -n 2

# The browser tests (tests/test_browser.py, tests/test_graph_browser.py) look at the sites in
# headless Chromium. When it is missing, it is installed where that asks for no password (root,
# with apt-get: CI containers); anywhere else the browser tests are skipped, and this says how to
# get them. Never sudo: `make test` must not stop to ask for a password.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
		echo "make test: no Chromium, so the browser tests are skipped; to run them, install Chromium (e.g. 'sudo apt-get install chromium') and run make test again"; \
	fi

# The screenshots need Chromium (installed as root with apt-get).
/usr/bin/chromium:
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

## screenshots: refresh the README's pictures of the example site's panel in each theme (and built by Zensical)
screenshots: $(STAMP) $(ZENSICAL) /usr/bin/chromium
	$(BIN)/python tests/browser.py docs/screenshots

## compat: the compatibility matrix, one virtualenv per environment in .compat/ (ENVS="material i18n" for some)
compat:
	$(PYTHON) tests/compat/run.py $(ENVS)

## fuzz: the property tests with many times more cases each, new ones on every run
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py tests/core/test_html_select.py

## dist: the sdist and the wheel into dist/ (then: pip install dist/mkdocs_backlinks_plugin-*.whl)
# `build` makes the sdist, then the wheel from that sdist, so a file missing from the sdist is
# missing from the wheel too (tests/test_dist.py installs that wheel). Each is built in its own
# isolated environment with hatchling from PyPI. dist/ is emptied first so the glob above matches
# one wheel.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	@echo
	@echo "Install the wheel with: pip install dist/mkdocs_backlinks_plugin-*.whl"

## bench: the overhead table of the README: 1k, 5k and 10k pages, plain vs this plugin vs the
## two earlier PyPI backlink plugins (about an hour on 2 cores; `make bench SIZES=1000` for a taste)
SIZES ?= 1000,5000,10000
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e ".[bench]"
	$(BIN)/python benchmarks/run.py --sizes $(SIZES) --profile docs,dense --variants plain,backlinks,titles,section-plugin,mkdocs-backlinks --check

## bench-command: the post-build command timed beside Zensical's own build of the same site
bench-command: $(STAMP) $(ZENSICAL)
	$(BIN)/python benchmarks/command.py --sizes $(SIZES) --zensical $(ZENSICAL)

clean:
	rm -rf $(VENV) .venv-zensical .venv-mkdocs2 example_site/site .pytest_cache .compat dist
