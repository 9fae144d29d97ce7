"""The live preview (the same HTML the PDF is printed from) and the review findings.

Both refresh a moment after the last edit (a single-shot timer), so typing never waits for them.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFragment,
    QTextImageFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.findings import SEVERITY_WORDS, Finding, Severity
from roledesigner.review.acknowledgements import Reviewed, can_accept, long_date, reviewed
from roledesigner.review.order import plain_field

if TYPE_CHECKING:
    from roledesigner.gui.controller import DocumentController

Index = QModelIndex | QPersistentModelIndex
_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
DELAY_MS = 250
FIRST_REFRESH_MS = 60
#: The HTML is sized for A4 paper; a side panel shows it smaller.
PREVIEW_ZOOM = 0.8
_SIZE = re.compile(r'(\d+(?:\.\d+)?)(pt|px)\b|width="(\d+)"')


#: The preview is a page of the document, so it stays white, as Word shows a page in a dark theme:
#: the document's own colours (dark text, NHS blues) are chosen for white.
PAPER = QColor("#FFFFFF")
INK = QColor("#212B32")


def paper(palette: QPalette) -> QPalette:
    """`palette` with a white page and dark text, whatever the system's theme."""
    page = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        page.setColor(group, QPalette.ColorRole.Base, PAPER)
        page.setColor(group, QPalette.ColorRole.Text, INK)
    return page


def zoomed(html: str, factor: float = PREVIEW_ZOOM) -> str:
    """The same HTML with every point, pixel and width size scaled: a zoom for the screen only."""

    def scale(match: re.Match[str]) -> str:
        if match.group(3):
            return f'width="{round(int(match.group(3)) * factor)}"'
        return f"{float(match.group(1)) * factor:.1f}{match.group(2)}"

    return _SIZE.sub(scale, html)


def _pictures(document: QTextDocument) -> Iterator[tuple[QTextFragment, QTextImageFormat]]:
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            image = fragment.charFormat().toImageFormat()
            if image.isValid():
                yield fragment, image
            iterator += 1
        block = block.next()


def _key(entries: list[Reviewed]) -> list[tuple[str, str, int]]:
    """Each row's identity: its code and field, and which of that pair it is. Not its message,
    which changes as the user types (a reading-ease score), nor whether it is accepted."""
    seen: dict[tuple[str, str], int] = {}
    keys = []
    for entry in entries:
        pair = (entry.finding.code, entry.finding.field)
        seen[pair] = seen.get(pair, -1) + 1
        keys.append((*pair, seen[pair]))
    return keys


class FindingsModel(QAbstractListModel):
    """The review's findings, each with the acceptance that holds for it, in the document's order.

    A new review updates the rows in place: a finding that stays keeps its row (its text may
    change), and only the findings that come or go are inserted or removed, so the list does not
    jump and the selection stays on the same finding while the user types."""

    FieldRole = Qt.ItemDataRole.UserRole + 1
    EntryRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Reviewed] = []

    @property
    def findings(self) -> list[Finding]:
        return [entry.finding for entry in self.entries]

    def set_findings(self, findings: list[Finding]) -> None:
        self.set_entries([Reviewed(finding) for finding in findings])

    def set_entries(self, entries: list[Reviewed]) -> None:
        new = list(entries)
        old_keys, new_keys = _key(self.entries), _key(new)
        operations = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        for tag, old_start, old_end, new_start, new_end in reversed(operations):  # from the end: indexes hold
            if tag == "equal":
                changed = [
                    row
                    for row, entry in zip(range(old_start, old_end), new[new_start:new_end], strict=True)
                    if self.entries[row] != entry
                ]
                self.entries[old_start:old_end] = new[new_start:new_end]
                if changed:
                    self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
                continue
            if old_end > old_start:
                self.beginRemoveRows(QModelIndex(), old_start, old_end - 1)
                del self.entries[old_start:old_end]
                self.endRemoveRows()
            if new_end > new_start:
                self.beginInsertRows(QModelIndex(), old_start, old_start + new_end - new_start - 1)
                self.entries[old_start:old_start] = new[new_start:new_end]
                self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        finding = entry.finding
        note = entry.note[:1].upper() + entry.note[1:]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{finding.message}\n{note}." if note else finding.message
        if role == Qt.ItemDataRole.DecorationRole:
            from PySide6.QtWidgets import QApplication

            return QApplication.style().standardIcon(_ICONS[finding.severity])
        if role == Qt.ItemDataRole.ForegroundRole and entry.accepted is not None:
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and entry.accepted is not None:
            font = QFont()
            font.setItalic(True)  # not by colour alone
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = SEVERITY_WORDS[finding.severity][0].capitalize()
            if entry.accepted is not None:
                kind = f"Accepted {kind.lower()}"
            where = f"Go to: {plain_field(finding.field)}."
            return f"{kind}: {finding.message} {note + '. ' if note else ''}{where}"
        if role == self.FieldRole:
            return finding.field
        if role == self.EntryRole:
            return entry
        return None


class AcceptDialog(QDialog):
    """Accept a warning on purpose: the warning, the reason asked for, and who accepts it and when."""

    def __init__(self, finding: Finding, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accept warning")
        warning = QLabel(finding.message)
        warning.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Why the warning is accepted")
        self.reason_edit.setPlaceholderText("Such as: two days were agreed with both boards")
        label = QLabel("&Reason:")
        label.setBuddy(self.reason_edit)
        today = dt.date.today()
        by = QLabel(
            f"Accepted by {who or 'you'} on {long_date(today)}. The warning stays in the review, greyed, with the "
            "reason; a change to its field brings it back."
        )
        by.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Accept")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(by)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())


class PreviewPanel(QWidget):
    """Preview above, findings below; `fieldActivated` asks the editor to show a field."""

    fieldActivated = Signal(str)
    refreshed = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.browser = QTextBrowser()
        # Lines break between words, so no "Qualificat-ions", as long as the tables fit (fit_pictures).
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.browser.setAccessibleName("Preview of the job description")
        self.browser.setOpenLinks(False)
        self.browser.setPalette(paper(self.browser.palette()))
        self.browser.viewport().installEventFilter(self)  # pictures are fitted to its width
        self._picture_widths: dict[str, float] = {}
        self.findings = FindingsModel(self)
        self.list = QListView()
        self.list.setModel(self.findings)
        self.list.setWordWrap(True)
        # Findings wrap to the panel's width, re-wrapped whenever it is resized: never cut off.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Review findings: double-click one to go to its field")
        self.list.setToolTip("Double-click a finding, or press Enter, to go to the field to fix")
        self.list.activated.connect(self._activated)
        self.list.doubleClicked.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.accept_button = QPushButton("Accept warning…")
        self.accept_button.setToolTip(
            "Accept the chosen warning on purpose, with your reason: it stays in the list, greyed, with the reason"
        )
        self.accept_button.clicked.connect(self.ask_to_accept)
        self.withdraw_button = QPushButton("Withdraw acceptance")
        self.withdraw_button.setToolTip("Show the chosen accepted warning as open again")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.accept_dialog: AcceptDialog | None = None
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.findings.dataChanged.connect(self._update_buttons)
        self.findings.rowsRemoved.connect(self._update_buttons)
        review_area = QWidget()
        review_layout = QVBoxLayout(review_area)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        review_layout.addLayout(row)
        self._update_buttons()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.browser)
        splitter.addWidget(review_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh_now)
        controller.designChanged.connect(self.timer.start)
        # Library names and the organisation's name are in the document too.
        controller.libraryChanged.connect(self._source_changed)
        controller.settingsChanged.connect(self._source_changed)
        self.last_refresh_ms = 0.0
        self._first_scheduled = False

    def schedule_first_refresh(self) -> None:
        """Fill in just after the window first paints: start-up does not wait for the preview.

        The main window calls this when it is first shown, whether or not this panel is: the
        review also feeds the status bar. A timer started in __init__ would fire before the first
        paint, because building the window takes longer than the delay."""
        if not self._first_scheduled:
            self._first_scheduled = True
            first = QTimer(self)  # a child: it dies with the panel, so it never fires late
            first.setSingleShot(True)
            first.timeout.connect(self.refresh_now)
            first.start(FIRST_REFRESH_MS)

    def _source_changed(self) -> None:
        """Show the new library or settings at once; before the first refresh there is nothing to update."""
        if self._first_scheduled:
            self.refresh_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.browser.viewport():
            self.fit_pictures()
        return False

    def fit_pictures(self) -> None:
        """Each picture at its size in the document, or the width of the panel if that is less:
        a narrow preview never scrolls sideways for the picture of the week. Lines break between
        words while the tables fit the panel so (as at 1024 x 768); a panel narrower than that
        breaks them anywhere rather than scroll sideways."""
        document = self.browser.document()
        room = self.browser.viewport().width() - 2 * document.documentMargin() - 4
        for fragment, image in _pictures(document):
            wanted = self._picture_widths.get(image.name())
            if wanted is None:
                continue
            width = max(40.0, min(wanted, room))
            if abs(image.width() - width) >= 1:
                image.setWidth(width)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
        # Measured on a copy, so the browser's own layout never flips between the two.
        viewport = self.browser.viewport().width()
        probe = document.clone()
        option = probe.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        probe.setDefaultTextOption(option)
        probe.setTextWidth(viewport)
        fits = probe.size().width() <= viewport + 1
        wrap = QTextOption.WrapMode.WordWrap if fits else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        if self.browser.wordWrapMode() != wrap:
            self.browser.setWordWrapMode(wrap)

    def _activated(self, index: QModelIndex) -> None:
        field = index.data(FindingsModel.FieldRole)
        if field is not None:
            self.fieldActivated.emit(field)

    # --- warnings accepted on purpose ------------------------------------------------------------

    def current_entry(self) -> Reviewed | None:
        entry = self.list.currentIndex().data(FindingsModel.EntryRole)
        return entry if isinstance(entry, Reviewed) else None

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        self.accept_button.setEnabled(entry is not None and entry.accepted is None and can_accept(entry.finding))
        self.withdraw_button.setEnabled(entry is not None and entry.accepted is not None)

    def _context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        menu = QMenu(self.list)
        menu.addAction("&Go to the field", lambda: self._activated(index))
        accept = menu.addAction("&Accept warning…", self.ask_to_accept)
        accept.setEnabled(self.accept_button.isEnabled())
        if not accept.isEnabled():
            accept.setToolTip("Only a warning can be accepted: fix an error; information needs nothing")
        withdraw = menu.addAction("Withdraw a&cceptance", self.withdraw)
        withdraw.setEnabled(self.withdraw_button.isEnabled())
        self.context_menu = menu
        menu.popup(self.list.viewport().mapToGlobal(point))

    def ask_to_accept(self) -> None:
        """Ask for the reason (a window of its own, not waited on), then accept the chosen warning."""
        entry = self.current_entry()
        if entry is None or entry.accepted is not None or not can_accept(entry.finding):
            return
        dialog = AcceptDialog(entry.finding, self.controller.user_name(), self)
        dialog.accepted.connect(lambda: self._accept(entry.finding, dialog.reason()))
        self.accept_dialog = dialog
        dialog.open()

    def _accept(self, finding: Finding, reason: str) -> None:
        problem = self.controller.accept_warning(finding, reason)
        if problem is None:
            self._mark_acceptances()

    def withdraw(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.accepted is not None:
            self.controller.withdraw_acceptance(entry.finding)
            self._mark_acceptances()

    def _mark_acceptances(self) -> None:
        """Grey an accepted warning at once (the review itself follows after the usual pause)."""
        self.findings.set_entries(reviewed(self.controller.design, self.findings.findings))
        self._update_buttons()

    def refresh_now(self) -> None:
        """Render the preview and run the review for the design as it is now."""
        from roledesigner.documents.html import render_html
        from roledesigner.documents.preview import preview_design
        from roledesigner.documents.viewmodel import build_view
        from roledesigner.review import review

        started = time.perf_counter()
        design = self.controller.design
        library = self.controller.library
        settings = self.controller.settings
        # Whatever the design holds (a pasted list of 100,000 lines), the preview and its review
        # work on a copy cut to the preview's size, and say so; exports and `check` take it whole.
        shown, notes = preview_design(design)
        view = build_view(shown, library, settings.organisation_name, show_draft=settings.show_draft_mark)
        picture = bool(view.chart and view.week_alt_text)
        document = QTextDocument(self.browser)
        if picture and view.chart is not None:
            from roledesigner.documents.weekpicture import render_png

            image = QImage.fromData(render_png(view.chart, width=900))
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("week.png"), image)
        if notes:
            notes.append("The review here covers what the preview shows; the command line's check reviews it all.")
        document.setHtml(zoomed(render_html(view, week_picture=picture, notes=notes, short_days=True)))
        document.setUndoRedoEnabled(False)
        self._picture_widths = {image.name(): image.width() for _, image in _pictures(document) if image.width()}
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setDocument(document)
        self.fit_pictures()
        self.browser.verticalScrollBar().setValue(scroll)
        found = review(shown, library)
        if notes:  # approvals are of the whole content, which the cut copy is not: judge them on the design,
            # by digest only (naming what changed compares item with item: seconds for 50,000 items)
            from roledesigner.review.order import in_document_order
            from roledesigner.review.phrasing import tidy
            from roledesigner.review.signoffs import APPROVAL_CODES, approvals_out_of_date

            kept = [f for f in found if f.code not in APPROVAL_CODES]
            approvals = approvals_out_of_date(design, library, name_changes=False)
            found = in_document_order(kept + [tidy(f) for f in approvals])
        # Acceptances are judged on the design itself: their fingerprints are of its whole fields.
        self.findings.set_entries(reviewed(design, found))
        self.last_refresh_ms = (time.perf_counter() - started) * 1000
        self.refreshed.emit()
