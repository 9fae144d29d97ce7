"""What changed between two designs, in words, with the Word changes document a click away; and a
recorded version shown read-only.

Both are windows of their own (not modal), so a user can keep one open beside the editor while
they work on the changes it lists.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.compare import Comparison, compare_designs, describe
from roledesigner.domain.errors import InputError
from roledesigner.domain.models import HistoryEntry, RoleDesign
from roledesigner.domain.versions import long_date
from roledesigner.domain.vocabulary import label
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import error_label
from roledesigner.gui.preview import paper, zoomed


def _note(text: str) -> QLabel:
    made = QLabel(text)
    made.setWordWrap(True)
    made.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return made


class CompareDialog(QDialog):
    """The changes from `old` to `new`, one sentence each, and Save tracked changes."""

    def __init__(
        self,
        controller: DocumentController,
        old: RoleDesign,
        old_name: str,
        new: RoleDesign,
        new_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.old, self.new = old, new
        self.comparison: Comparison = compare_designs(old, new)
        self.saved_to: Path | None = None
        self.setWindowTitle(f"Changes from {old_name} to {new_name}")
        self.setAccessibleName("Changes")
        self.resize(720, 520)
        count = len(self.comparison.changes)
        self.summary = _note(f"From {old_name} to {new_name}: {count or 'no'} change{'' if count == 1 else 's'}.")
        self.roles = _note(self.comparison.different_roles)
        self.roles.setVisible(bool(self.comparison.different_roles))
        self.changes = QListWidget()
        self.changes.setAccessibleName("What changed")
        self.changes.setWordWrap(True)
        self.changes.setAlternatingRowColors(True)
        self.changes.addItems([describe(change, controller.capability_name) for change in self.comparison.changes])
        self.save_button = QPushButton("&Save tracked changes…")
        self.save_button.setToolTip("Write the new job specification as a Word file with these changes tracked")
        self.save_button.setAccessibleName("Save tracked changes")
        self.save_button.setEnabled(bool(count))
        self.save_button.clicked.connect(self.save_changes)
        self.message = _note("")
        self.problem = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.roles, self.changes, self.message, self.problem, buttons):
            layout.addWidget(widget, 1 if widget is self.changes else 0)

    def suggested_path(self) -> Path:
        """Beside the design, named by the settings' pattern from the new design, ending " changes"."""
        from roledesigner.documents.filenames import export_file_name

        settings = self.controller.settings
        folder = self.controller.path.parent if self.controller.path is not None else Path.home()
        return folder / export_file_name(self.new, ".docx", settings.organisation_name, settings.file_name, "changes")

    def save_changes(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save tracked changes", str(self.suggested_path()), "Word documents (*.docx)"
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        self.write(target)

    def write(self, target: Path) -> None:
        """Render and write the changes document; a refusal is said here, never a crash."""
        from roledesigner.documents.trackchanges import changes_document
        from roledesigner.files.atomic import write_atomically

        settings = self.controller.settings
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = changes_document(
                self.old,
                self.new,
                self.controller.library,
                when=dt.datetime.now(dt.UTC),
                organisation=settings.organisation_name,
                template=settings.word_template,
                show_draft=settings.show_draft_mark,
            )
            write_atomically(target, data, follow_links=False)
        except (InputError, OSError) as error:
            self.problem.setText(f"The changes were not saved: {error}")
            self.problem.setVisible(True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.problem.setVisible(False)
        self.saved_to = target
        self.message.setText(f"Saved {target}: open it in Word or LibreOffice to accept or reject each change.")


class VersionView(QDialog):
    """One recorded version as its job specification, read-only."""

    def __init__(
        self, controller: DocumentController, entry: HistoryEntry, design: RoleDesign, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from roledesigner.documents.html import render_html
        from roledesigner.documents.viewmodel import build_view

        title = f"Version {entry.version}, recorded {long_date(entry.date)} (read only)"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, 640)
        by = f" by {entry.author}" if entry.author else ""
        note = f": {entry.note}" if entry.note else ""
        self.about = _note(
            f"Recorded{by} as {label(entry.status).lower()}{note}. This is how it stood; it cannot be edited here."
        )
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(f"Job specification, version {entry.version}")
        self.browser.setPalette(paper(self.browser.palette()))
        self.browser.setOpenLinks(False)
        view = build_view(design, controller.library, controller.settings.organisation_name)
        self.browser.setHtml(zoomed(render_html(view, week_picture=False)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
