"""The layout is the architecture: every module in a layer folder, the contracts cover them all,
and the Qt-free folders of tests run with no Qt imported."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "roledesigner"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
#: A module at the bottom layer, one in the middle, and one of the command line's.
CORE_MODULES = ("domain/models.py", "library/search.py", "files/designfile.py", "review/structure.py", "cli/derived.py")
#: The longest a module may be, in lines as `wc -l` counts them (newline characters).
MAX_MODULE_LINES = 500


def test_only_the_entry_points_sit_at_the_package_root() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]


def test_no_module_is_over_500_lines() -> None:
    """Small modules named for what they hold: one past the limit is split by what it holds."""
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := path.read_bytes().count(b"\n")) > MAX_MODULE_LINES
    }
    assert not long, f"Modules over {MAX_MODULE_LINES} lines: " + ", ".join(f"{p} ({n})" for p, n in long.items())


def _lint_copy(tmp_path: Path, change: str, text: str) -> subprocess.CompletedProcess[str]:
    """Run the project's contracts over a copy of the package with one file changed or added."""
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed")
    shutil.copytree(PACKAGE, tmp_path / "roledesigner", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "roledesigner" / change
    target.write_text((target.read_text(encoding="utf-8") if target.exists() else "") + text, encoding="utf-8")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.slow
def test_the_contracts_hold_on_the_package_as_it_is(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "domain/__init__.py", "")
    assert result.returncode == 0, result.stdout
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("module", CORE_MODULES)
def test_a_qt_import_in_a_core_module_breaks_the_contracts(tmp_path: Path, module: str) -> None:
    result = _lint_copy(tmp_path, module, "\nimport PySide6.QtCore  # noqa: E402\n")
    assert result.returncode != 0
    dotted = "roledesigner." + module.removesuffix(".py").replace("/", ".")
    assert f"{dotted} -> PySide6" in result.stdout


@pytest.mark.slow
def test_a_module_left_at_the_package_root_breaks_the_layers(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "stray.py", "VALUE = 1\n")
    assert result.returncode != 0
    assert "roledesigner.stray" in result.stdout


@pytest.mark.slow
def test_a_lower_layer_reaching_up_breaks_the_layers(tmp_path: Path) -> None:
    result = _lint_copy(tmp_path, "files/paths.py", "\nfrom roledesigner.library import search  # noqa: E402\n")
    assert result.returncode != 0
    assert "roledesigner.files.paths -> roledesigner.library.search" in result.stdout


_NO_QT_PROBE = """
import sys, pytest
class Probe:
    def pytest_sessionfinish(self, exitstatus):
        loaded = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")
        print("QT MODULES:", loaded)
code = pytest.main(
    ["-q", "-p", "no:cacheprovider", "-p", "no:pytest-qt", "-p", "no:randomly",
     "tests/domain", "tests/library", "tests/review", "tests/files", "tests/importing"],
    plugins=[Probe()],
)
sys.exit(int(code))
"""


@pytest.mark.slow
def test_the_core_tests_run_with_no_qt_imported() -> None:
    """pytest-qt is switched off (it imports Qt when it starts); nothing else may import it."""
    result = subprocess.run(
        [sys.executable, "-c", _NO_QT_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "QT MODULES: []" in result.stdout
