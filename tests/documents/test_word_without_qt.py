"""Exporting Word needs no Qt: the week is a native table, so the command line never loads PySide6.

Qt's import is most of the start-up cost of a one-file export (issue 17, Speed), so a whole
`roledesigner export` process for a design with protected days is run here and asked, at its
end, whether PySide6 was ever imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from docx import Document

from roledesigner.documents.sample import sample_design
from roledesigner.documents.weektable import PROTECTED_TEXT
from roledesigner.files.designfile import save_design
from roledesigner.library.catalogue import Library

#: Runs the command line as `roledesigner export` does, then says whether Qt was loaded.
SCRIPT = """
import sys
from roledesigner.cli.main import main
code = main(sys.argv[1:])
print("QT-LOADED" if "PySide6" in sys.modules else "QT-NOT-LOADED")
sys.exit(code)
"""


def test_exporting_word_from_the_command_line_never_imports_qt(library: Library, tmp_path: Path) -> None:
    design = sample_design(library)
    assert design.time.protected_days  # the week table has protected days to mark
    source = tmp_path / "sample.roledesign"
    save_design(design, source)
    target = tmp_path / "sample.docx"
    environment = {
        **os.environ,
        "ROLEDESIGNER_CONFIG_DIR": str(tmp_path / "config"),
        "ROLEDESIGNER_DATA_DIR": str(tmp_path / "data"),
    }
    environment.pop("ROLEDESIGNER_TEMPLATE", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "export", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "QT-NOT-LOADED", result.stdout + result.stderr
    cells = [cell.text for table in Document(str(target)).tables for row in table.rows for cell in row.cells]
    assert cells.count(PROTECTED_TEXT) == len(design.time.protected_days)
