"""Make the README's picture of the main window: 1280 x 800, offscreen, a real design open.

Run `make screenshot` (or `python -m roledesigner.gui.screenshot OUT.png [TAB]`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ROLEDESIGNER_CONFIG_DIR", tempfile.mkdtemp(prefix="roledesigner-shot-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    from roledesigner.documents.sample import sample_design
    from roledesigner.files.designfile import save_design
    from roledesigner.gui.app import create_window

    target = Path(argv[0]) if argv else Path("docs/images/main-window.png")
    tab = int(argv[1]) if len(argv) > 1 else 4
    window = create_window()
    design_file = Path(tempfile.mkdtemp()) / "Joint mental health lead.roledesign"
    # As a design made in the app: no imported text waiting to be placed.
    save_design(sample_design(window.controller.library).model_copy(update={"unmapped": []}), design_file)
    window.open_file(design_file)
    window.resize(1280, 800)
    window.show()
    window.editor.setCurrentIndex(tab)
    window.library_panel.search_box.setText("relationships")
    window.preview.refresh_now()
    for _ in range(10):
        app.processEvents()
    window.editor._update_picture()
    app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    print(f"Wrote {target}")
    window.controller.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
