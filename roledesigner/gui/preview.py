"""The live preview (the same HTML the PDF is printed from) and the review findings.

Both refresh a moment after the last edit (a single-shot timer), so typing never waits for them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor, QTextDocument, QTextFragment, QTextImageFormat
from PySide6.QtWidgets import QListView, QSplitter, QStyle, QTextBrowser, QVBoxLayout, QWidget

from roledesigner.domain.findings import SEVERITY_WORDS, Finding, Severity

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


class FindingsModel(QAbstractListModel):
    FieldRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole:
            from PySide6.QtWidgets import QApplication

            return QApplication.style().standardIcon(_ICONS[finding.severity])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            kind = SEVERITY_WORDS[finding.severity][0].capitalize()
            return f"{kind}: {finding.message} (field: {finding.field or 'whole role'})"
        if role == self.FieldRole:
            return finding.field
        return None


class PreviewPanel(QWidget):
    """Preview above, findings below; `fieldActivated` asks the editor to show a field."""

    fieldActivated = Signal(str)
    refreshed = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.browser = QTextBrowser()
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
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.list)
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
        a narrow preview never scrolls sideways for the picture of the week."""
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

    def _activated(self, index: QModelIndex) -> None:
        field = index.data(FindingsModel.FieldRole)
        if field is not None:
            self.fieldActivated.emit(field)

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
        document.setHtml(zoomed(render_html(view, week_picture=picture, notes=notes)))
        document.setUndoRedoEnabled(False)
        self._picture_widths = {image.name(): image.width() for _, image in _pictures(document) if image.width()}
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setDocument(document)
        self.fit_pictures()
        self.browser.verticalScrollBar().setValue(scroll)
        self.findings.set_findings(review(shown, library))
        self.last_refresh_ms = (time.perf_counter() - started) * 1000
        self.refreshed.emit()
