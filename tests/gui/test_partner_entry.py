# mypy: disable-error-code="no-untyped-call"
"""Filling in a new partner row with keys (issue 18, the journey in 30 actions): its name gives the
sector it says, and its first funding share gives the time share too, each shown in the table at
once and undone with the edit that made it, as one step."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from roledesigner.domain.models import Partner
from roledesigner.domain.vocabulary import Sector
from roledesigner.gui.editor.editor import TABS
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import column, sample, type_into_cell

__all__ = ["sample"]


def partners(window: MainWindow) -> list[Partner]:
    joint = window.controller.design.joint
    assert joint is not None
    return joint.partners


def add_partner(window: MainWindow, qtbot: QtBot) -> tuple[ListTable, int]:
    """Click Add partner on the Joint post tab: a row called "New partner", its name being edited."""
    window.editor.setCurrentIndex(TABS.index("Joint post"))
    QApplication.processEvents()
    table = window.editor.tables["joint.partners"]
    add = next(b for b in window.editor.findChildren(QPushButton) if b.text().replace("&", "") == "Add partner")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    row = len(partners(window)) - 1
    assert partners(window)[row].organisation == "New partner"
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    return table, row


def typed(qtbot: QtBot, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into the cell being edited and press `then` (Tab: on to the next cell)."""
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit), "a cell is being edited"
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, then)


def shown(table: ListTable, row: int, attr: str) -> str:
    return str(table.list_model.index(row, column(table, attr)).data(Qt.ItemDataRole.DisplayRole))


def test_naming_a_new_partner_shows_the_sector_its_name_says_and_one_undo_takes_both_back(
    sample: MainWindow, qtbot: QtBot
) -> None:
    table, row = add_partner(sample, qtbot)
    typed(qtbot, "Westtown Borough Council")
    partner = partners(sample)[row]
    assert (partner.organisation, partner.sector) == ("Westtown Borough Council", Sector.LOCAL_AUTHORITY)
    assert shown(table, row, "sector") == "Local authority"
    assert table.currentIndex().column() == column(table, "sector"), "Tab went on to the sector, as before"
    stack = sample.controller.undo_stack
    stack.undo()
    assert (partners(sample)[row].organisation, partners(sample)[row].sector) == ("New partner", Sector.OTHER)
    assert stack.undoText() == "Add partner", "the name and its sector were one step"


def test_a_name_that_says_no_sector_leaves_other_and_a_rename_keeps_the_sector(
    sample: MainWindow, qtbot: QtBot
) -> None:
    table, row = add_partner(sample, qtbot)
    typed(qtbot, "Acme Care Ltd", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert partners(sample)[row].sector is Sector.OTHER
    type_into_cell(qtbot, table, row, "organisation", "Acme Council")
    assert partners(sample)[row].organisation == "Acme Council"
    assert partners(sample)[row].sector is Sector.OTHER, "only the first naming suggests a sector"


def test_a_new_partners_funding_share_shows_as_its_time_share_which_the_user_can_change(
    sample: MainWindow, qtbot: QtBot
) -> None:
    table, row = add_partner(sample, qtbot)
    typed(qtbot, "Riverside Health")  # on to the sector
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past the sector, to the funding share
    typed(qtbot, "25")  # on to the time share
    partner = partners(sample)[row]
    assert (partner.funding_percent, partner.time_percent) == (Decimal(25), Decimal(25))
    assert shown(table, row, "time_percent") == "25"
    assert table.currentIndex().column() == column(table, "time_percent")
    typed(qtbot, "20", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert (partners(sample)[row].funding_percent, partners(sample)[row].time_percent) == (Decimal(25), Decimal(20))
    type_into_cell(qtbot, table, row, "funding_percent", "30")
    assert partners(sample)[row].time_percent == Decimal(20), "a share once given is the user's"
    stack = sample.controller.undo_stack
    stack.undo()  # the funding back to 25
    stack.undo()  # the time share back to 25
    assert partners(sample)[row].time_percent == Decimal(25)
    stack.undo()  # the first funding share, and the time share it gave, together
    assert (partners(sample)[row].funding_percent, partners(sample)[row].time_percent) == (Decimal(0), Decimal(0))


def test_the_sector_and_time_headings_say_what_a_new_partner_fills_in(sample: MainWindow) -> None:
    table = sample.editor.tables["joint.partners"]

    def tip(attr: str) -> str:
        found = table.list_model.headerData(column(table, attr), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        return str(found)

    assert "fills it in when the name says it" in tip("sector") and "integrated care board" in tip("sector")
    assert "first funding share is put here too" in tip("time_percent")
