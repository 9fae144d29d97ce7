"""Table text at 1024 x 768 (issue 18): a cell wraps between words and never inside one
("Contr act"); a word too long for its column is shortened with "…" instead."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QWidget

from roledesigner.domain.models import Criterion, Responsibility
from roledesigner.gui.editor.editor import RoleEditor
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]


def _show(editor: RoleEditor, table: QWidget) -> None:
    page: QWidget | None = table
    while page is not None and editor.indexOf(page) < 0:
        page = page.parentWidget()
    assert page is not None
    editor.setCurrentWidget(page)
    QApplication.processEvents()


def _broken_words(table: ListTable) -> list[str]:
    """The cells whose text Qt would wrap with a word wider than the room the cell gives it."""
    broken = []
    model = table.list_model
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            option.rect = table.visualRect(index)
            table.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
            if not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText or not option.text:
                continue
            margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, table) + 1
            room = option.rect.width() - 2 * margin
            too_wide = [w for w in option.text.split() if option.fontMetrics.horizontalAdvance(w) > room]
            if too_wide:
                broken.append(f"{model.path} row {row + 1}, {model.columns[col].name}: {too_wide[0]}")
    return broken


def test_no_table_breaks_a_word_at_1024_by_768(sample: MainWindow) -> None:
    design = sample.controller.design
    # Long words a cell may well hold: a compound, and an email address.
    long_word = Responsibility(text="Interprofessionally-commissioned contractual arrangements across the place")
    address = Criterion(text="Registered with recruitment.team@northshire-integrated-care-board.nhs.uk")
    update = {"responsibilities": [long_word, *design.responsibilities], "criteria": [address, *design.criteria]}
    sample.controller.replace(design.model_copy(update=update))
    sample.resize(1024, 768)
    QApplication.processEvents()
    broken = []
    for table in sample.editor.tables.values():
        _show(sample.editor, table)
        if table.isVisible():
            broken += _broken_words(table)
    assert broken == []


def test_a_word_too_long_for_its_column_is_shortened_not_split(sample: MainWindow) -> None:
    table = sample.editor.tables["responsibilities"]
    _show(sample.editor, table)
    text = table.list_model.index(0, 0)
    table.setColumnWidth(0, 60)  # narrower than "Responsibility": no room for most words
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(text)
    table.itemDelegateForIndex(text).initStyleOption(option, text)  # type: ignore[attr-defined]
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    assert table.textElideMode().name == "ElideRight"
