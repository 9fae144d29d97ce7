"""Make pictures of the main window: offscreen, a real design open, at a size and in a theme.

Run `make screenshot` (or `python -m roledesigner.gui.screenshot OUT.png [TAB] [--size 1024x768]
[--theme dark] [--start-page] [--findings]`). With `--findings` the design is left with a few things
for the review to find (a partner row added and not filled in, nothing said on job stability), so
the picture shows the review panel at work; the docs' window pictures use it. The window is laid out
as on a screen of that size (the default layout for its width: at 1024 x 768 the library shares the
preview's side as a tab), and the theme is set as the settings would set it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roledesigner.domain.models import RoleDesign


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m roledesigner.gui.screenshot")
    parser.add_argument("target", nargs="?", default="docs/images/main-window.png", type=Path)
    parser.add_argument("tab", nargs="?", default=4, type=int, help="the editor's tab to show (0 is Overview)")
    parser.add_argument("--size", default="1280x800", help="the window's width x height, such as 1024x768")
    parser.add_argument("--theme", default="light", choices=["system", "light", "dark"])
    parser.add_argument("--start-page", action="store_true", help="show the first-run page instead of a design")
    parser.add_argument(
        "--findings", action="store_true", help="leave a few things in the design for the review to find"
    )
    return parser.parse_args(argv)


def _with_findings(design: RoleDesign) -> RoleDesign:
    """The design as someone part-way through it: Add partner pressed and the row not filled in, and
    nothing yet said on job stability (an error and warnings for the review panel to list)."""
    from roledesigner.domain.models import Partner
    from roledesigner.domain.partnerentry import NEW_PARTNER
    from roledesigner.domain.vocabulary import Sector

    update: dict[str, object] = {"stability": ""}
    if design.joint is not None:
        added = Partner(
            organisation=NEW_PARTNER, sector=Sector.OTHER, funding_percent=Decimal(0), time_percent=Decimal(0)
        )
        update["joint"] = design.joint.model_copy(update={"partners": [*design.joint.partners, added]})
    return design.model_copy(update=update)


def main(argv: list[str]) -> int:
    options = _arguments(argv)
    width, height = (int(part) for part in options.size.lower().split("x"))
    # A settings folder of its own: the picture never reads, or writes over, the user's settings.
    config = Path(tempfile.mkdtemp(prefix="roledesigner-shot-"))
    os.environ["ROLEDESIGNER_CONFIG_DIR"] = str(config)
    (config / "settings.json").write_text(json.dumps({"theme": options.theme}), encoding="utf-8")
    if "QT_QPA_PLATFORM" not in os.environ:  # a screen of the picture's size, so the window fits it as on one
        screen = config / "screen.json"
        screen.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": width, "height": height}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])

    from roledesigner.documents.sample import sample_design
    from roledesigner.files.designfile import save_design
    from roledesigner.gui.app import create_window
    from roledesigner.gui.startpage import show_start_page

    window = create_window()
    if options.start_page:
        show_start_page(window)
    else:
        design_file = Path(tempfile.mkdtemp()) / "Joint mental health lead.roledesign"
        # As a design made in the app: no imported text waiting to be placed.
        design = sample_design(window.controller.library).model_copy(update={"unmapped": []})
        save_design(_with_findings(design) if options.findings else design, design_file)
        window.open_file(design_file)
    window.resize(width, height)
    window.show()
    for _ in range(10):
        app.processEvents()
    window.reset_layout()  # the default layout at this size
    if not options.start_page:
        window.editor.setCurrentIndex(options.tab)
        window.library_panel.search_box.setText("relationships")
    window.preview.refresh_now()
    for _ in range(20):
        app.processEvents()
    if not options.start_page:
        window.editor._update_picture()
    app.processEvents()
    options.target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(options.target))
    print(f"Wrote {options.target} ({width} x {height}, {options.theme})")
    window.controller.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
