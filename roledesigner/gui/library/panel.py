"""The library panel: search the emerging roles and capabilities, read one, and add capabilities to a role.

The panel is a thin view over `library.index` (the `SearchIndex`): every keystroke and every filter
asks the index again, synchronously, and the answer is grouped for display by `LibraryTreeModel`
(`treemodel.py`); the chosen entry is described by `details.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.vocabulary import Footprint, label
from roledesigner.gui.library.details import NOTHING_CHOSEN, capability_html, group_html, role_html
from roledesigner.gui.library.treemodel import GROUP_ROLE, LibraryTreeModel

if TYPE_CHECKING:
    from roledesigner.gui.controller import DocumentController
    from roledesigner.library.catalogue import Library
    from roledesigner.library.search import Hit

#: How long after the library is shown its search words are indexed (an idle moment).
WARM_AFTER_MS = 400

#: At most this many entries are put in the tree at once; more would slow typing in a very large library.
MAX_SHOWN = 400


# --- the view and the panel ----------------------------------------------------------------------


class _ResultsView(QTreeView):
    """The results tree: Enter on an entry activates it; Enter on a group opens or closes it."""

    entryActivated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            if index.parent().isValid():
                self.entryActivated.emit(index)
            else:
                self.setExpanded(index, not self.isExpanded(index))
            event.accept()
            return
        super().keyPressEvent(event)


def _combo(name: str, tooltip: str, items: Iterable[tuple[str, str | None]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class LibraryPanel(QWidget):
    """Search box, filters, grouped results, the chosen entry's details, and "Add to role"."""

    #: A capability id: double-click or Enter on a capability, or the "Add to role" button.
    capabilityChosen = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._domains: dict[str, str] = {}
        self._shown: tuple[str, str] | None = None
        self._restoring = False
        self._warm_timer: QTimer | None = None
        self._controller: DocumentController | None = None

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search roles and capabilities")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search roles and capabilities")
        self.search_box.setToolTip(
            "Type words to find emerging roles and capabilities; the list narrows as you type. "
            "Press Down or Enter to move to the results, Escape to clear."
        )

        self.kind_filter = _combo(
            "Kind of entry",
            "Show emerging roles, capabilities, or both",
            [("All kinds", None), ("Emerging roles", "role"), ("Capabilities", "capability")],
        )
        self.domain_filter = _combo(
            "Framework domain",
            "Show capabilities in one domain of the Systems Leadership Framework, "
            "and the emerging roles that call for them",
            [],
        )
        self.footprint_filter = _combo(
            "Footprint",
            "Show emerging roles that work on one footprint. "
            "Capabilities have no footprint, so choosing one shows roles only.",
            [
                ("All footprints", None),
                *((label(f), f.value) for f in (Footprint.SYSTEM, Footprint.PLACE, Footprint.NEIGHBOURHOOD)),
            ],
        )

        self.result_count = QLabel()
        self.result_count.setWordWrap(True)
        self.result_count.setAccessibleName("Number of results")
        self.result_count.setToolTip("How many roles and capabilities match the search and filters")

        self.model = LibraryTreeModel(self)
        self.tree = _ResultsView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setAccessibleName("Search results")
        self.tree.setToolTip(
            "Emerging roles and capabilities, grouped. Press Enter or double-click a capability to add it "
            "to the role, or drag it onto the role."
        )

        self.add_button = QPushButton("Add to role")
        self.add_button.setAccessibleName("Add to role")
        self.add_button.setToolTip("Add the selected capability to the role you are designing")
        self.add_button.setEnabled(False)

        self.details = QTextBrowser()
        self.details.setAccessibleName("Details of the selected entry")
        self.details.setToolTip("Details of the selected role or capability")
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.details.document().setDefaultStyleSheet(
            "h2 { margin-top: 0; } h3 { margin-top: 10px; margin-bottom: 2px; } li { margin-bottom: 3px; }"
        )
        self.details.setHtml(NOTHING_CHOSEN)

        # Two rows, so the panel can be narrow enough to leave the preview its room at 1280 pixels:
        # kind and footprint side by side, the domain (the longest names) under them.
        filters = QGridLayout()
        filters.setSpacing(6)
        filters.addWidget(self.kind_filter, 0, 0)
        filters.addWidget(self.footprint_filter, 0, 1)
        filters.addWidget(self.domain_filter, 1, 0, 1, 2)

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.result_count)
        results_layout.addWidget(self.tree, 1)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.add_button)
        results_layout.addLayout(button_row)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(results)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        QWidget.setTabOrder(self.search_box, self.kind_filter)
        QWidget.setTabOrder(self.kind_filter, self.domain_filter)
        QWidget.setTabOrder(self.domain_filter, self.footprint_filter)
        QWidget.setTabOrder(self.footprint_filter, self.tree)
        QWidget.setTabOrder(self.tree, self.add_button)
        QWidget.setTabOrder(self.add_button, self.details)

        self.search_box.textChanged.connect(self._refresh)
        self.search_box.installEventFilter(self)
        for combo in (self.kind_filter, self.domain_filter, self.footprint_filter):
            combo.currentIndexChanged.connect(self._refresh)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.entryActivated.connect(self._activate)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.add_button.clicked.connect(self._add_current)

        self.set_library(library)

    # public

    @property
    def library(self) -> Library:
        return self._library

    def set_library(self, library: Library) -> None:
        """Show a reloaded library, keeping the search, filters and selection where they still apply."""
        self._library = library
        self._domains = {key: domain.name for key, domain in library.capability_domains.items()}
        names = {"user": "your own", "shared": "your team's"}
        self.model.marks = {
            key: names[origin.folder.label] for key, origin in library.origins.items() if origin.folder.label in names
        }
        self._shown = None
        chosen = self.domain_filter.currentData()
        blocker = QSignalBlocker(self.domain_filter)  # one refresh below, not one per item
        self.domain_filter.clear()
        self.domain_filter.addItem("All domains", None)
        for key, name in self._domains.items():
            self.domain_filter.addItem(name, key)
            self.domain_filter.setItemData(self.domain_filter.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.domain_filter.setCurrentIndex(max(0, self.domain_filter.findData(chosen)))
        blocker.unblock()
        self._refresh()
        # The word tables are built once the window is up, so neither start-up nor the first
        # key pressed waits for them. A child timer dies with the panel, so it never fires late.
        if self._warm_timer is None:
            self._warm_timer = QTimer(self)
            self._warm_timer.setSingleShot(True)
            self._warm_timer.timeout.connect(self._warm_search)
        self._warm_timer.start(WARM_AFTER_MS)

    def follow(self, controller: DocumentController) -> None:
        """Show the controller's library whenever it is read again (an entry saved, other folders)."""
        self._controller = controller
        controller.libraryChanged.connect(self._library_changed)

    def _library_changed(self) -> None:
        if self._controller is not None:
            self.set_library(self._controller.library)

    def _warm_search(self) -> None:
        self._library.index.warm()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def current_entry(self) -> tuple[str, str] | None:
        """The selected entry as (kind, id), or None when nothing or a group is selected."""
        hit = self.model.hit(self.tree.currentIndex())
        return (hit.kind, hit.id) if hit else None

    # searching

    def _refresh(self) -> None:
        before = self.tree.currentIndex()
        kept_hit = self.model.hit(before)
        kept_group = None if kept_hit or not before.isValid() else before.data(GROUP_ROLE)
        hits = self._library.index.search(
            self.search_box.text(),
            kind=self.kind_filter.currentData(),
            domain=self.domain_filter.currentData(),
            footprint=self.footprint_filter.currentData(),
        )
        self._restoring = True
        try:
            self.model.set_hits(hits, self._domains, MAX_SHOWN)
            self.tree.expandAll()
            if kept_hit is not None:
                again = self.model.index_of(kept_hit.kind, kept_hit.id)
            else:
                again = self.model.group_index(kept_group) if kept_group else QModelIndex()
            if again.isValid():
                self.tree.setCurrentIndex(again)
                self.tree.scrollTo(again)
        finally:
            self._restoring = False
        self._show_current()
        count, total = self.model.entry_count(), self.model.total_count()
        if count < total:
            self.result_count.setText(f"Showing the best {count} of {total} entries. Type more to narrow the list.")
        elif count:
            self.result_count.setText(f"{count} {'entry' if count == 1 else 'entries'} found")
        else:
            self.result_count.setText("Nothing matches. Try fewer words or other filters.")

    # selection and activation

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._restoring:
            self._show_current()

    def _show_current(self) -> None:
        index = self.tree.currentIndex()
        hit = self.model.hit(index)
        self.add_button.setEnabled(hit is not None and hit.kind == "capability")
        if hit is not None:
            key = (hit.kind, hit.id)
        elif index.isValid():
            key = ("group", f"{index.data(GROUP_ROLE)}:{self.model.rowCount(index)}")
        else:
            key = ("", "")
        if key == self._shown:
            return
        self._shown = key
        self.details.setHtml(self._details_html(index, hit))

    def _details_html(self, index: QModelIndex, hit: Hit | None) -> str:
        if hit is not None and hit.kind == "role" and hit.id in self._library.roles:
            return role_html(self._library.roles[hit.id], self._library)
        if hit is not None and hit.kind == "capability" and hit.id in self._library.capabilities:
            return capability_html(self._library.capabilities[hit.id], self._library)
        if hit is None and index.isValid():
            return group_html(self._library, str(index.data(GROUP_ROLE)), self.model.rowCount(index))
        return NOTHING_CHOSEN

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None and hit.kind == "capability":
            self.capabilityChosen.emit(hit.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.parent().isValid():
            self._activate(index)

    def _add_current(self) -> None:
        self._activate(self.tree.currentIndex())

    # keys in the search box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._go_to_results()
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def _go_to_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.tree.currentIndex().isValid():
            first_group = self.model.index(0, 0)
            first = self.model.index(0, 0, first_group)
            self.tree.setCurrentIndex(first if first.isValid() else first_group)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
