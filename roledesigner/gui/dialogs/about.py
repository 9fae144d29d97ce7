"""The About box: what Role Designer is, its version, the research it is built on, and the
third-party software it includes with each licence (and, for the LGPL ones, how to replace them).

The list of software and the wording of the licence offer come from roledesigner.files.licences,
which is tested without a screen; this module only lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from roledesigner import __version__
from roledesigner.files import licences
from roledesigner.files.licences import Dependency

APP_NAME = "Role Designer"

PURPOSE = (
    "Role Designer helps human resources (HR) teams in the National Health Service (NHS) and in councils "
    "in England write job specifications for system leadership posts, which lead across the organisations "
    "of an integrated care system, and export them as Word or PDF files, all without an internet connection."
)

#: (author and year, title, who published it or "", what it gives Role Designer), in the order the
#: research is usually cited. A title keeps its own punctuation (one ends in a question mark), so
#: nothing is put straight after it but a dash.
RESEARCH: tuple[tuple[str, str, str, str], ...] = (
    (
        "Social Care Institute for Excellence (SCIE) (2018)",
        "Leadership in integrated care systems",
        "",
        "the skills that system leaders need and the four domains of the Systems Leadership Framework",
    ),
    (
        "Creighton (2022)",
        "Leadership in Integrated Care Systems",
        "",
        "the challenges of system leadership and the skills that meet them",
    ),
    (
        "SCIE (2021)",
        "How might leadership roles evolve in integrated health and care systems?",
        "",
        "the emerging roles, their capabilities, and what a job specification must make clear, "
        "including protected time for system work",
    ),
    (
        "Timmins (2015)",
        "The practice of system leadership",
        "The King's Fund",
        "influence, listening, shared ownership and personal resilience",
    ),
    (
        "King (2019)",
        "Making the move to system leadership",
        "",
        "lessons on openness between partners and learning together",
    ),
    (
        "Gaucher, Friesen and Kay (2011)",
        "Evidence that gendered wording in job advertisements exists and sustains gender inequality",
        "",
        "the lists of masculine- and feminine-coded words behind the inclusive language check",
    ),
)


def _research_item(author: str, title: str, publisher: str, gives: str) -> str:
    """One item of the list: author and year, the title in italics, its publisher, a dash, what it gives."""
    published = f", published by {escape(publisher)}" if publisher else ""
    return f"<li>{escape(author)}, <i>{escape(title)}</i>{published} \N{EN DASH} {escape(gives)}.</li>"


def about_text() -> str:
    """The About box's rich text: name and version, purpose, and the research cited."""
    items = "".join(_research_item(*entry) for entry in RESEARCH)
    return (
        f"<h3>{APP_NAME} {escape(__version__)}</h3>"
        f"<p>{escape(PURPOSE)}</p>"
        "<p>Its roles, capabilities, checks and wording draw on this research, put in our own words:</p>"
        f"<ul>{items}</ul>"
    )


#: The columns of the third-party software table.
COLUMNS = ("Software", "Version", "Licence", "You may replace it")
_URL = re.compile(r"https?://[^\s;,]+[^\s;,.)]")


def _linked(paragraph: str) -> str:
    """A plain paragraph as rich text, with its web addresses made into links."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(paragraph):
        parts.append(escape(paragraph[last : match.start()]))
        parts.append(f'<a href="{escape(match.group())}">{escape(match.group())}</a>')
        last = match.end()
    parts.append(escape(paragraph[last:]))
    return "".join(parts)


def licences_text(found: Sequence[Dependency], folder: Path | None) -> str:
    """Rich text under the table: the LGPL offer, and where the full licence texts are."""
    paragraphs = [*licences.offer(found), licences.texts_location(folder)]
    return "".join(f"<p>{_linked(paragraph)}</p>" for paragraph in paragraphs)


class AboutDialog(QDialog):
    """Two tabs: the app and its research; the third-party software and its licences."""

    def __init__(
        self, parent: QWidget | None = None, found: Sequence[Dependency] | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        if found is None:
            found, folder = licences.dependencies(), licences.bundled_folder()
        self.tabs = QTabWidget(self)

        self.about_label = QLabel(about_text())
        self.about_label.setWordWrap(True)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.about_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        about_page = QWidget()
        QVBoxLayout(about_page).addWidget(self.about_label)
        self.tabs.addTab(about_page, APP_NAME)

        intro = QLabel(f"{APP_NAME} includes this software, each under its own licence:")
        intro.setWordWrap(True)
        self.table = self._table(found)
        self.offer = QTextBrowser()
        self.offer.setOpenExternalLinks(True)
        self.offer.setHtml(licences_text(found, folder))
        self.offer.setAccessibleName("Licence offer and where the licence texts are")
        licence_page = QWidget()
        page_layout = QVBoxLayout(licence_page)
        page_layout.addWidget(intro)
        page_layout.addWidget(self.table, 3)
        page_layout.addWidget(self.offer, 2)
        self.tabs.addTab(licence_page, "Third-party licences")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _table(self, found: Sequence[Dependency]) -> QTableWidget:
        table = QTableWidget(len(found), len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setAccessibleName("Third-party software and licences")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        for row, dependency in enumerate(found):
            cells = (dependency.name, dependency.version, dependency.licence, "Yes (LGPL)" if dependency.lgpl else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != 0 else dependency.source)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        for column in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        return table


def show_about(parent: QWidget) -> AboutDialog:
    """Open the About box over `parent` without waiting for it: it only informs."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
