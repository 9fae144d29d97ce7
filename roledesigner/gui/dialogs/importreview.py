"""The review step of an import: the source, section by section, beside where each piece went.

Thin over `roledesigner.importing`: the import places every paragraph and cell; this shows the
placements grouped under the source's headings, lets the user move a piece to another field or to
Unmapped (the design is built again from the placements), shows the design as it stands, offers
the capabilities the text already expresses (ticked by the user, never added unasked), and opens
the result as a new, unsaved design through the controller.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import ResponsibilityKind, label
from roledesigner.importing.importer import ImportResult
from roledesigner.importing.placements import MOVABLE, STRUCTURE, TARGET_LABELS, Placement, Target
from roledesigner.library.catalogue import Library

if TYPE_CHECKING:
    from roledesigner.gui.mainwindow import MainWindow

APP_NAME = "Role Designer"
FILE_FILTER = "Job descriptions (*.docx *.pdf);;Word documents (*.docx);;PDF files (*.pdf)"
#: The role of a placement's row in the tree: its index in the result's placements.
_INDEX = Qt.ItemDataRole.UserRole
_SOURCE, _TARGET = range(2)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def design_html(design: RoleDesign) -> str:
    """The design as the import built it, field by field; what is unmapped is marked as such."""
    parts = [f"<h2>{_esc(design.title or 'No title found')}</h2>"]
    details = [
        ("Grade", design.grade),
        ("Employer", design.employer),
        ("Directorate", design.directorate),
        ("Location", design.location),
        ("Job reference", design.job_reference),
        ("Reports to", "; ".join(design.reports_to)),
        ("Accountable to", "; ".join(design.accountable_to)),
        ("Contract", label(design.contract)),
        ("Hours", f"{design.time.contracted_hours_per_week} a week"),
    ]
    parts.append("<p>" + "<br>".join(f"<b>{name}:</b> {_esc(value)}" for name, value in details if value) + "</p>")
    for heading, text in (("Job purpose", design.purpose), ("System context", design.system_context)):
        if text.strip():
            parts.append(f"<h3>{heading}</h3>" + "".join(f"<p>{_esc(p)}</p>" for p in text.split("\n\n")))
    for kind in (ResponsibilityKind.SYSTEM, ResponsibilityKind.ORGANISATIONAL):
        heading = f"{label(kind)} responsibilities"
        items = [r.text for r in design.responsibilities if r.kind is kind]
        if items:
            parts.append(f"<h3>{heading}</h3><ul>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + "</ul>")
    if design.relationships:
        rows = "".join(f"<li>{_esc(r.name)} ({_esc(label(r.sector))})</li>" for r in design.relationships)
        parts.append(f"<h3>Working relationships</h3><ul>{rows}</ul>")
    if design.criteria:
        rows = "".join(
            f"<li>{_esc(c.text)} <i>({label(c.category)}, {label(c.requirement).lower()}"
            f"{', ' + ', '.join(label(m).lower() for m in c.assessed_by) if c.assessed_by else ''})</i></li>"
            for c in design.criteria
        )
        parts.append(f"<h3>Person specification</h3><ul>{rows}</ul>")
    dimensions = [
        ("Budget", design.dimensions.budget),
        ("Staff managed", design.dimensions.staff_managed),
        ("Decisions made alone", design.dimensions.decisions),
    ]
    if any(value for _name, value in dimensions):
        rows = "".join(f"<li><b>{name}:</b> {_esc(value)}</li>" for name, value in dimensions if value)
        parts.append(f"<h3>Dimensions</h3><ul>{rows}</ul>")
    if design.stability.strip():
        parts.append(f"<h3>Job stability</h3><p>{_esc(design.stability)}</p>")
    if design.unmapped:
        rows = "".join(
            f"<li>{_esc(u.text)}<br><small>{_esc(u.heading or 'no heading')} · {_esc(u.source)}</small></li>"
            for u in design.unmapped
        )
        parts.append(
            "<h3 style='color:#a4000f'>Unmapped: text to place</h3>"
            "<p>Kept in the order it came, until you move it to a field or delete it.</p>"
            f"<ul>{rows}</ul>"
        )
    return "".join(parts)


class ImportReviewDialog(QDialog):
    """Check where each piece of an imported description went, move pieces, then open the design."""

    def __init__(self, result: ImportResult, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported = result
        self.library = library
        name = result.source.path.name
        self.setWindowTitle(f"Import {name}")
        self.setAccessibleName(f"Review the import of {name}")
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Each paragraph and table cell of {name} is listed under its heading, with where it went. "
            "Select a piece and move it to another field, or to Unmapped to place it later. Nothing is saved "
            "until you save the new design."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._mapping_side())
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("The design as it stands")
        self.preview.setToolTip("The design the import builds from the pieces as they are placed now.")
        splitter.addWidget(self.preview)
        splitter.setSizes([620, 480])
        layout.addWidget(splitter, stretch=1)
        layout.addWidget(self._suggestions_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.addButton("Open as a new design", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setAccessibleName("Open as a new design")
        self.open_button.setToolTip(
            "Open the design in the editor, not saved yet; capabilities ticked above are added."
        )
        self.open_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_tree()
        self._refresh()

    # --- building --------------------------------------------------------------------------------

    def _mapping_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("The source, section by section, and where each piece went")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["In the source", "Goes to"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_TARGET, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._selected)
        column.addWidget(self.tree, stretch=1)
        self.why_label = QLabel()
        self.why_label.setAccessibleName("Where the selected piece is in the source, and why it went where it did")
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.why_label)
        row = QHBoxLayout()
        row.addWidget(QLabel("Move the selected piece to:"))
        self.target_box = QComboBox()
        self.target_box.setAccessibleName("Field to move the selected piece to")
        for target in MOVABLE:
            self.target_box.addItem(TARGET_LABELS[target], target.value)
        row.addWidget(self.target_box, stretch=1)
        self.move_button = QPushButton("Move")
        self.move_button.setAccessibleName("Move the selected piece")
        self.move_button.setToolTip("Send the selected piece to the field chosen beside it; the design is built again.")
        self.move_button.clicked.connect(self.move_selected)
        row.addWidget(self.move_button)
        column.addLayout(row)
        return side

    def _suggestions_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        found = self.imported.suggestions
        role = found.role if found else None
        self.role_label = QLabel(
            f"Nearest emerging role: {role.name} ({role.reason})." if role else "No emerging role is near this one."
        )
        self.role_label.setWordWrap(True)
        self.role_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.role_label)
        heading = QLabel("Capabilities its text already expresses (tick those to add; none is added unless ticked):")
        heading.setWordWrap(True)
        column.addWidget(heading)
        self.suggestion_list = QListWidget()
        self.suggestion_list.setAccessibleName("Suggested capabilities, each with the sentence that supports it")
        count = len(found.capabilities) if found else 0
        self.suggestion_list.setMaximumHeight(min(120, 8 + 24 * max(count, 1)))
        for item in found.capabilities if found else []:
            row = QListWidgetItem(f"{item.name}: “{item.evidence.sentence}” ({item.evidence.source})")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, item.capability_id)
            row.setToolTip(f"It echoes: “{item.indicator}”")
            self.suggestion_list.addItem(row)
        heading.setVisible(self.suggestion_list.count() > 0)
        self.suggestion_list.setVisible(self.suggestion_list.count() > 0)
        column.addWidget(self.suggestion_list)
        return box

    def _fill_tree(self) -> None:
        self.tree.clear()
        sections: dict[str, QTreeWidgetItem] = {}
        for index, placement in enumerate(self.imported.placements):
            name = placement.heading or "Before the first heading"
            parent = sections.get(name)
            starts = placement.target is Target.HEADING and placement.source_text == placement.heading
            if parent is None or starts:
                parent = QTreeWidgetItem([name, ""])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                font = parent.font(_SOURCE)
                font.setBold(True)
                parent.setFont(_SOURCE, font)
                self.tree.addTopLevelItem(parent)
                sections[name] = parent
            parent.addChild(self._row(index, placement))
        self.tree.expandAll()

    def _row(self, index: int, placement: Placement) -> QTreeWidgetItem:
        item = QTreeWidgetItem([placement.source_text, TARGET_LABELS[placement.target]])
        item.setData(_SOURCE, _INDEX, index)
        item.setToolTip(_SOURCE, f"{placement.source}: {placement.source_text}")
        if placement.target in STRUCTURE:
            item.setForeground(_TARGET, self.palette().placeholderText())
        return item

    # --- moving ----------------------------------------------------------------------------------

    def selected_index(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(_SOURCE, _INDEX) if item is not None else None
        return value if isinstance(value, int) else None

    def select_placement(self, index: int) -> None:
        for top in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(top)
            for child in range(section.childCount() if section is not None else 0):
                item = section.child(child) if section is not None else None
                if item is not None and item.data(_SOURCE, _INDEX) == index:
                    self.tree.setCurrentItem(item)
                    return

    @Slot()
    def _selected(self) -> None:
        index = self.selected_index()
        self.move_button.setEnabled(index is not None)
        if index is None:
            self.why_label.setText("Select a piece to see where it is in the source and why it went where it did.")
            return
        placement = self.imported.placements[index]
        why = "; ".join(part for part in (placement.reason, *placement.notes) if part)
        self.why_label.setText(f"{placement.source[:1].upper()}{placement.source[1:]}: {why or 'moved by you'}.")
        found = self.target_box.findData(placement.target.value)
        if found >= 0:
            self.target_box.setCurrentIndex(found)

    @Slot()
    def move_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        target = Target(self.target_box.currentData())
        self.move_piece(index, target)

    def move_piece(self, index: int, target: Target) -> None:
        """Send one piece elsewhere and build the design again; the row keeps its place in the tree."""
        self.imported = self.imported.moved(index, target)
        placement = self.imported.placements[index]
        item = self.tree.currentItem()
        if item is None or item.data(_SOURCE, _INDEX) != index:
            self.select_placement(index)
            item = self.tree.currentItem()
        if item is not None:
            item.setText(_TARGET, TARGET_LABELS[placement.target])
            item.setForeground(_TARGET, self.palette().text())
        self._refresh()

    def _refresh(self) -> None:
        self.preview.setHtml(design_html(self.imported.design))
        self._selected()

    # --- the result --------------------------------------------------------------------------------

    def chosen_capabilities(self) -> list[str]:
        chosen = []
        for row in range(self.suggestion_list.count()):
            item = self.suggestion_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def chosen_design(self) -> RoleDesign:
        """The design as placed, with the capabilities the user ticked (by the one compose rule)."""
        from roledesigner.library.compose import add_capability

        design = self.imported.design
        for capability_id in self.chosen_capabilities():
            design = add_capability(design, capability_id)
        return design


def import_job_description(window: MainWindow, path: Path | None = None) -> ImportReviewDialog | None:
    """File, Import job description (or a file dropped on the window): import, review, open unsaved.

    Returns the review dialog, shown window-modal, or None when nothing was imported (the user
    chose no file, kept unsaved changes, or the file was refused with its sentence).
    """
    window.ensure_filled()
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            window, "Import job description", window.session.folder(), FILE_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
    if not window.maybe_save():
        return None
    from roledesigner.importing.importer import import_file

    controller = window.controller
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = import_file(path, controller.library, controller.settings.default_contracted_hours)
    except Exception as error:  # noqa: BLE001 - a refusal or a fault: said in a box, never a crash
        QApplication.restoreOverrideCursor()
        from roledesigner.domain.errors import InputError

        message = str(error) if isinstance(error, InputError | OSError) else f"{path} could not be imported ({error})."
        QMessageBox.warning(window, APP_NAME, message)
        return None
    QApplication.restoreOverrideCursor()
    dialog = ImportReviewDialog(result, controller.library, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def opened() -> None:
        controller.replace(dialog.chosen_design(), path=None, unsaved=True)
        window.statusBar().showMessage(f"Imported {path.name}: check it, then save it as a design.", 8000)

    dialog.accepted.connect(opened)
    dialog.open()
    return dialog


class ImportDrop(QObject):
    """Lets a Word or PDF job description be dropped on a window to import it."""

    def __init__(self, window: QWidget, on_drop: Callable[[Path], object]) -> None:
        from roledesigner.gui import shortcuts

        super().__init__(window)
        self.on_drop = on_drop
        window.setAcceptDrops(True)
        # Through the application's filter, so a drag over a text field is seen before the field
        # takes the path as text.
        shortcuts.install(window).add_drops(window, self.handle)

    @staticmethod
    def importable(event: QDragEnterEvent | QDropEvent) -> Path | None:
        from roledesigner.importing.reading import importable

        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and importable(paths[0]) else None

    def handle(self, _watched: QWidget, event: QEvent) -> bool:
        """Take a drag of one Word or PDF file (True); leave any other drag to the widget under it."""
        if not isinstance(event, QDragEnterEvent | QDropEvent):
            return False
        path = self.importable(event)
        if path is None:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.on_drop(path)
        return True
