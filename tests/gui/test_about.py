# mypy: disable-error-code="no-untyped-call"
"""The About box: the app and its research on one tab, and on the other every third-party package
with its version and licence, the LGPL ones marked, with the offer their licence asks for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from roledesigner import __version__
from roledesigner.files import licences
from roledesigner.files.licences import Dependency
from roledesigner.gui.dialogs.about import COLUMNS, AboutDialog, show_about


def open_licence_tab(qtbot: QtBot, dialog: AboutDialog) -> None:
    """Click the "Third-party licences" tab, as a person would."""
    bar = dialog.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Third-party licences")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def cell(dialog: AboutDialog, row: int, column: int) -> QTableWidgetItem:
    item = dialog.table.item(row, column)
    assert item is not None
    return item


def rows(dialog: AboutDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [
        tuple(cell(dialog, row, column).text() for column in range(table.columnCount()))
        for row in range(table.rowCount())
    ]


def test_the_about_box_opens_without_blocking_and_closes_with_escape(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_about(parent)  # returns at once: the About box only informs
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "About Role Designer"
    assert dialog.tabs.currentIndex() == 0
    assert __version__ in dialog.about_label.text()
    assert "Gaucher, Friesen and Kay (2011)" in dialog.about_label.text()
    for citation in ("SCIE) (2018)", "Creighton (2022)", "SCIE (2021)", "Timmins (2015)", "King (2019)"):
        assert citation in dialog.about_label.text()
    with qtbot.waitSignal(dialog.destroyed):  # closed and deleted, not kept hidden
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_licence_tab_lists_every_dependency_with_version_and_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    open_licence_tab(qtbot, dialog)
    headers = [dialog.table.horizontalHeaderItem(column) for column in range(len(COLUMNS))]
    assert tuple(header.text() for header in headers if header is not None) == COLUMNS
    installed = licences.installed_dependencies()
    expected = [(d.name, d.version, d.licence, "Yes (LGPL)" if d.lgpl else "") for d in installed]
    assert rows(dialog) == expected
    replaceable = {licences.canonical(name) for name, _v, _l, mark in rows(dialog) if mark}
    assert replaceable == {"pyside6-essentials", "shiboken6", "docxtpl"}


def test_the_licence_tab_gives_the_lgpl_offer_with_links_to_the_source(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    open_licence_tab(qtbot, dialog)
    text = dialog.offer.toPlainText()
    assert "GNU Lesser General Public License (LGPL)" in text
    assert "delivered as a folder" in text
    assert "in place of the files of the same name" in text
    assert "installed with the package itself" in text  # run from source: no bundle folder
    html = dialog.offer.toHtml()
    for dependency in licences.installed_dependencies():
        if dependency.lgpl:
            assert f'href="{dependency.source}"' in html
    assert 'href="https://download.qt.io/official_releases/qt/"' in html
    assert dialog.offer.openExternalLinks()


def test_a_bundle_shows_its_own_list_and_where_its_licence_folder_is(qtbot: QtBot, tmp_path: Path) -> None:
    found = [
        Dependency("Python", "3.11.9", "PSF-2.0", "https://www.python.org/downloads/source/"),
        Dependency("somelib", "1.2", "LGPL-2.1-only", "https://example.org/somelib"),
    ]
    dialog = AboutDialog(found=found, folder=tmp_path / "licences")
    qtbot.addWidget(dialog)
    dialog.show()
    open_licence_tab(qtbot, dialog)
    assert rows(dialog) == [("Python", "3.11.9", "PSF-2.0", ""), ("somelib", "1.2", "LGPL-2.1-only", "Yes (LGPL)")]
    text = dialog.offer.toPlainText()
    assert "somelib 1.2" in text
    assert f"The full text of every licence is in the folder {tmp_path / 'licences'}." in text
    assert cell(dialog, 1, 0).toolTip() == "https://example.org/somelib"


def test_the_close_button_closes_it(qtbot: QtBot) -> None:
    dialog = AboutDialog(found=[])
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
