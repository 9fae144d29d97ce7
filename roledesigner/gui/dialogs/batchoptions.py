"""The batch export's choices: which document (the job specification or a recruitment pack
document), in which format, and how each file is named (the settings' pattern, or the design's
file name). Thin widgets: what each document can be made as comes from the packs' own table.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

SPECIFICATION = "specification"
#: The documents, as the Document list shows them.
DOCUMENTS = {SPECIFICATION: "Job specification", "interview": "Interview pack", "shortlisting": "Shortlisting matrix"}
#: The formats there is a button for, and what the button says.
FORMAT_LABELS = {"docx": "&Word (.docx)", "pdf": "&PDF (.pdf)", "xlsx": "E&xcel (.xlsx)"}
FORMAT_TIPS = {
    "docx": "Word documents that HR can edit (the job specification laid out by the Word template in Settings).",
    "pdf": "PDF files, ready to publish or send to candidates.",
    "xlsx": "Excel workbooks: the shortlisting matrix with a sheet per shortlister and totals that add up.",
}


def formats_of(document: str) -> tuple[str, ...]:
    """What `document` can be made as, its default first (the packs' table, loaded on first use)."""
    if document == SPECIFICATION:
        return ("docx", "pdf")
    from roledesigner.documents.packs.packexport import FORMATS

    return tuple(fmt for fmt in FORMATS[document] if fmt in FORMAT_LABELS)


class DocumentChoice(QGroupBox):
    """Document and format: the format buttons a document cannot take are disabled."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__("Document and format")
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel("&Document:")
        self.document_combo = QComboBox()
        self.document_combo.setAccessibleName("Document")
        self.document_combo.setToolTip(
            "The job specification, or a recruitment pack document: the interview pack or the shortlisting "
            "matrix, one for each design."
        )
        for key, text in DOCUMENTS.items():
            self.document_combo.addItem(text, key)
        label.setBuddy(self.document_combo)
        row.addWidget(label)
        row.addWidget(self.document_combo)
        row.addSpacing(16)
        self.format_group = QButtonGroup(self)
        self.format_radios: dict[str, QRadioButton] = {}
        for fmt, text in FORMAT_LABELS.items():
            radio = QRadioButton(text)
            radio.setAccessibleName(text.replace("&", "").split(" (")[0])
            radio.setToolTip(FORMAT_TIPS[fmt])
            self.format_group.addButton(radio)
            self.format_radios[fmt] = radio
            row.addWidget(radio)
            radio.toggled.connect(lambda _on: self.changed.emit())
        row.addStretch(1)
        column.addLayout(row)
        self.format_radios["docx"].setChecked(True)
        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self._document_changed()

    @property
    def document(self) -> str:
        return str(self.document_combo.currentData())

    @property
    def format(self) -> str:
        return next((fmt for fmt, radio in self.format_radios.items() if radio.isChecked()), "docx")

    def choose(self, document: str, fmt: str | None = None) -> None:
        self.document_combo.setCurrentIndex(self.document_combo.findData(document))
        if fmt is not None:
            self.format_radios[fmt].setChecked(True)

    def _document_changed(self) -> None:
        allowed = formats_of(self.document)
        for fmt, radio in self.format_radios.items():
            radio.setEnabled(fmt in allowed)
        self.format_radios[allowed[0]].setChecked(True)  # each document starts at its own default
        self.changed.emit()

    def set_running(self, running: bool) -> None:
        allowed = formats_of(self.document)
        self.document_combo.setEnabled(not running)
        for fmt, radio in self.format_radios.items():
            radio.setEnabled(not running and fmt in allowed)


class NamingChoice(QWidget):
    """How each document is named: by the settings' pattern (the default), or after its design file."""

    def __init__(self, pattern: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Name each document:"))
        self.pattern_radio = QRadioButton(f"&By the pattern in Settings: {pattern.replace('&', '&&')}")
        self.pattern_radio.setAccessibleName("By the pattern in Settings")
        self.pattern_radio.setToolTip(
            "Named from each design, as Settings says: such as “North Shire ICB Place director v2.docx”, "
            "within the 90 characters NHS Jobs allows."
        )
        self.file_radio = QRadioButton("&After its design file")
        self.file_radio.setAccessibleName("After its design file")
        self.file_radio.setToolTip(
            "Named as the design's file is: “place-director.roledesign” gives “place-director.docx”."
        )
        self.group = QButtonGroup(self)
        for radio in (self.pattern_radio, self.file_radio):
            self.group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self.pattern_radio.setChecked(True)

    @property
    def by_pattern(self) -> bool:
        return self.pattern_radio.isChecked()

    def set_running(self, running: bool) -> None:
        self.pattern_radio.setEnabled(not running)
        self.file_radio.setEnabled(not running)
