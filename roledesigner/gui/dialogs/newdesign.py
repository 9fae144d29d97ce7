"""The "New role design" dialog: start from an emerging role, or from a blank design."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.vocabulary import label
from roledesigner.gui.library.details import role_html
from roledesigner.library.catalogue import Library

_ID_ROLE = Qt.ItemDataRole.UserRole
#: Below this width (in pixels) the details sit under the list instead of beside it.
_NARROW = 640
_NOTHING_CHOSEN = "<p>Choose an emerging role in the list to read about it here, or start a blank design.</p>"


class NewDesignDialog(QDialog):
    """Pick the emerging role a new design starts from; `chosen_role()` is None for a blank design."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._chosen: str | None = None
        self.setWindowTitle("New role design")
        self.setAccessibleName("New role design")
        self.resize(880, 560)

        intro = QLabel(
            "Start from an emerging role to copy its purpose, responsibilities, capabilities and suggested "
            "system time into your design, or start with a blank design."
        )
        intro.setWordWrap(True)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search emerging roles")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search emerging roles")
        self.search_box.setToolTip("Type words to narrow the list of emerging roles; press Down to move to the list")

        self.role_list = QListWidget()
        self.role_list.setAccessibleName("Emerging roles")
        self.role_list.setToolTip("Emerging roles and their footprints. Press Enter or double-click to start from one.")
        self.role_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.role_list.setWordWrap(True)
        self.role_list.setSpacing(1)

        self.details = QTextBrowser()
        self.details.setAccessibleName("Details of the selected role")
        self.details.setToolTip("Summary, footprint, function, sectors and suggested system time of the selected role")
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.details.document().setDefaultStyleSheet("h2 { margin-top: 0; } h3 { margin-top: 10px; }")
        self.details.setHtml(_NOTHING_CHOSEN)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.role_list)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 480])

        self.start_button = QPushButton("&Start from this role")
        self.start_button.setAccessibleName("Start from this role")
        self.start_button.setToolTip("Create a design from the selected emerging role")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.blank_button = QPushButton("&Blank design")
        self.blank_button.setAccessibleName("Blank design")
        self.blank_button.setToolTip("Create an empty design and fill it in yourself")
        self.blank_button.setAutoDefault(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setToolTip("Close without creating a design")
        self.cancel_button.setAutoDefault(False)

        buttons = QDialogButtonBox()
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.blank_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        QWidget.setTabOrder(self.search_box, self.role_list)
        QWidget.setTabOrder(self.role_list, self.details)
        QWidget.setTabOrder(self.details, self.start_button)
        QWidget.setTabOrder(self.start_button, self.blank_button)
        QWidget.setTabOrder(self.blank_button, self.cancel_button)

        self.search_box.textChanged.connect(self._refresh)
        self.search_box.installEventFilter(self)
        self.role_list.currentItemChanged.connect(self._current_changed)
        # A click makes the item current before it selects it: follow the selection too, so one
        # click shows the role and enables "Start from this role".
        self.role_list.itemSelectionChanged.connect(self._show_current)
        self.role_list.itemDoubleClicked.connect(self._start_from_item)
        self.start_button.clicked.connect(self._start)
        self.blank_button.clicked.connect(self._blank)
        self.cancel_button.clicked.connect(self.reject)

        self._refresh()
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side when there is room; the details go under the list in a narrow window.
        narrow = event.size().width() < _NARROW
        self.splitter.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        super().resizeEvent(event)

    def chosen_role(self) -> str | None:
        """After exec(): the chosen emerging role's id, or None for a blank design (or when cancelled)."""
        return self._chosen

    def current_role(self) -> str | None:
        item = self.role_list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None and item.isSelected() else None

    # filtering

    def _refresh(self) -> None:
        kept = self.current_role()
        hits = self._library.index.search(self.search_box.text(), kind="role")
        blocker = QSignalBlocker(self.role_list)  # the details follow once, below
        self.role_list.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name} ({label(hit.footprint).lower()} footprint)")
            item.setData(_ID_ROLE, hit.id)
            item.setToolTip(f"{hit.name}: an emerging role on the {label(hit.footprint).lower()} footprint")
            self.role_list.addItem(item)
            if hit.id == kept:
                self.role_list.setCurrentItem(item)
        if self.role_list.currentItem() is None and self.role_list.count():
            # The first hit is chosen, so Enter starts from it and Down walks on from it.
            self.role_list.setCurrentRow(0)
        blocker.unblock()
        self._show_current()

    # selection

    def _current_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        self._show_current()

    def _show_current(self) -> None:
        role_id = self.current_role()
        role = self._library.roles.get(role_id) if role_id else None
        self.start_button.setEnabled(role is not None)
        self.details.setHtml(role_html(role, self._library, with_sources=False) if role else _NOTHING_CHOSEN)

    # choosing

    def _start_from_item(self, item: QListWidgetItem) -> None:
        self.role_list.setCurrentItem(item)
        self._start()

    def _start(self) -> None:
        role_id = self.current_role()
        if role_id is None:
            return
        self._chosen = role_id
        self.accept()

    def _blank(self) -> None:
        self._chosen = None
        self.accept()

    def reject(self) -> None:
        self._chosen = None
        super().reject()

    # keys in the search box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.role_list.count():
                if self.current_role() is None:
                    self.role_list.setCurrentRow(0)
                self.role_list.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_role() is None:
                # Nothing chosen yet: Enter moves to the list instead of doing nothing.
                if self.role_list.count():
                    self.role_list.setCurrentRow(0)
                    self.role_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
