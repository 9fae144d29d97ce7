# The README's two commands: `make run` and `make test`. Everything installs into .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: run test lint typecheck contracts pytest bench package package-check template screenshot clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Role Designer needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-run

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[package]'
	@touch $@

# With a display: the desktop app. Without one: the command-line flow, from the role library
# to a design, its review and a Word job specification.
run: $(VENV)/.installed-run
	@mkdir -p build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
		$(BIN)/roledesigner gui; \
	else \
		echo "No display found: running the command-line flow instead."; \
		$(BIN)/roledesigner new --from ics_executive_lead -o build/example.roledesign --force && \
		$(BIN)/roledesigner show build/example.roledesign && \
		{ $(BIN)/roledesigner check build/example.roledesign; test $$? -le 1; } && \
		$(BIN)/roledesigner export build/example.roledesign -o build/example.docx; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

contracts: $(VENV)/.installed-test
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: lint typecheck contracts pytest

template: $(VENV)/.installed-test
	$(BIN)/python -m roledesigner.documents.templatebuild
	$(BIN)/python -m roledesigner.documents.packs.templatebuild

screenshot: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m roledesigner.gui.screenshot docs/images/main-window.png

bench: $(VENV)/.installed-test package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The offline bundle for this machine's system: dist/RoleDesigner/ (packaging/README.md).
package: $(VENV)/.installed-package
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/roledesigner.spec
	@echo "Built dist/RoleDesigner/ ($$(du -sh --apparent-size dist/RoleDesigner | cut -f1))."

# What CI runs after the tests: build the bundle, then check it as IT would (its own self-test).
package-check: package
	bash packaging/check_bundle.sh dist/RoleDesigner

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
