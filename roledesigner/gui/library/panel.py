"""The library panel: search the emerging roles and capabilities, read one, and add capabilities to a role.

The panel is a thin view over `library.index` (the `SearchIndex`): every keystroke and every filter
asks the index again, synchronously, and the answer is grouped for display by `LibraryTreeModel`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
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

from roledesigner.domain.numbers import json_number
from roledesigner.domain.vocabulary import Footprint, label
from roledesigner.gui.widgets.mime import CAPABILITY_MIME
from roledesigner.library.catalogue import Kind, Library
from roledesigner.library.models import Capability, Role, SourceRef
from roledesigner.library.search import Hit

if TYPE_CHECKING:
    from roledesigner.gui.controller import DocumentController

AnyIndex = QModelIndex | QPersistentModelIndex
#: How long after the library is shown its search words are indexed (an idle moment).
WARM_AFTER_MS = 400

#: Data role giving an item's kind: "group", "role" or "capability".
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: Data role giving a group's key: "roles" or a framework domain id.
GROUP_ROLE = int(Qt.ItemDataRole.UserRole) + 2

ROLES_GROUP = "roles"

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLE_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_CAPABILITY_FLAGS = _ROLE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
ROLES_GROUP_TITLE = "Emerging roles"

_FOLDER_WORDS = {
    "bundled": "the library that comes with Role Designer",
    "shared": "your team's shared library",
    "user": "your own library",
    "extra": "an extra library",
}

#: At most this many entries are put in the tree at once; more would slow typing in a very large library.
MAX_SHOWN = 400

_NOTHING_CHOSEN = "<p>Choose a role or capability in the list to read about it here.</p>"


# --- details as HTML -----------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(str(text))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_e(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _item_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def origin_html(library: Library, kind: Kind, entry_id: str) -> str:
    """A note naming the user's or shared library an entry came from and what it overrides; empty if bundled."""
    origin = library.origins.get((kind, entry_id))
    if origin is None or origin.folder.label == "bundled":
        return ""
    text = f"This entry comes from {_FOLDER_WORDS.get(origin.folder.label, 'another library')} ({origin.file.name})."
    replaced = library.overridden.get((kind, entry_id), [])
    if replaced:
        older = "; ".join(
            f"{_FOLDER_WORDS.get(item.folder.label, 'another library')} ({item.file.name})" for item in replaced
        )
        text += f" It overrides the entry with the same identifier in {older}."
    return f'<p style="background-color:#fff4ce; color:#3b2f00; padding:4px;"><b>Note:</b> {_e(text)}</p>'


def sources_html(library: Library, refs: Sequence[SourceRef]) -> str:
    """Full citations, each source once, with every place in it that the entry draws on."""
    places: dict[str, list[str]] = {}
    for ref in refs:
        wheres = places.setdefault(ref.id, [])
        if ref.where and ref.where not in wheres:
            wheres.append(ref.where)
    items = []
    for source_id, wheres in places.items():
        source = library.sources.get(source_id)
        citation = source.citation if source else f"{source_id} (not found in the library's list of sources)"
        text = _e(citation)
        if source and source.url:
            text += f" {_e(source.url)}"
        if wheres:
            text += f"<br><i>See: {_e('; '.join(wheres))}</i>"
        items.append(f"<li>{text}</li>")
    return "<h3>Sources</h3><ul>" + "".join(items) + "</ul>"


def suggested_time_text(role: Role) -> str:
    time = role.suggested_system_time
    return f"{json_number(time.amount)} {label(time.unit)}"


def role_html(role: Role, library: Library, *, with_sources: bool = True) -> str:
    """A role's details: summary, footprint, function, sectors, suggested system time and why."""
    parts = [
        f"<h2>{_e(role.name)}</h2>",
        "<p><i>Emerging role</i></p>",
        origin_html(library, "role", role.id),
        _paragraphs(role.summary),
        "<p>",
        f"<b>Footprint:</b> {_e(label(role.footprint))}<br>",
        f"<b>Function:</b> {_e(label(role.function))}<br>",
        f"<b>Sectors:</b> {_e(', '.join(label(sector) for sector in role.sectors))}",
        "</p>",
        "<h3>Suggested system time</h3>",
        f"<p><b>{_e(suggested_time_text(role))}</b></p>",
        _paragraphs(role.suggested_system_time.reason),
    ]
    if with_sources:
        parts.append(sources_html(library, role.sources))
    return "".join(parts)


def capability_html(capability: Capability, library: Library) -> str:
    """A capability's details: domain, description, what good looks like, sources."""
    return "".join(
        [
            f"<h2>{_e(capability.name)}</h2>",
            f"<p><i>Capability in {_e(library.domain_name(capability.domain))}</i></p>",
            origin_html(library, "capability", capability.id),
            _paragraphs(capability.description),
            "<h3>What good looks like</h3>",
            _item_list(capability.indicators),
            sources_html(library, capability.sources),
        ]
    )


def group_html(library: Library, key: str, count: int) -> str:
    if key == ROLES_GROUP:
        what = "emerging role" if count == 1 else "emerging roles"
        return f"<h2>{_e(ROLES_GROUP_TITLE)}</h2><p><i>{count} {what} shown.</i></p>"
    domain = library.capability_domains.get(key)
    name = domain.name if domain else library.domain_name(key)
    what = "capability" if count == 1 else "capabilities"
    text = f"<h2>{_e(name)}</h2><p><i>Framework domain: {count} {what} shown.</i></p>"
    return text + (_paragraphs(domain.description) if domain else "")


# --- the model -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    key: str
    title: str
    hits: list[Hit]
    #: How many hits the group has in all, when only the best of them are shown.
    total: int


class LibraryTreeModel(QAbstractItemModel):
    """Search results in two levels: a group ("Emerging roles" or a framework domain), then entries.

    A group's internal id is 0; an entry's internal id is its group's row plus one.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        #: Entries from the user's or the team's own library, and the mark shown after their name.
        self.marks: dict[tuple[str, str], str] = {}
        self._where: dict[tuple[str, str], tuple[int, int]] = {}
        self._total = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # building

    def set_hits(self, hits: Sequence[Hit], domains: dict[str, str], limit: int | None = None) -> None:
        """Show these hits (in the order given): roles first, then one group per domain in `domains` order.

        With a `limit`, only the first `limit` hits are shown, and each group counts both.
        """
        shown = len(hits) if limit is None else min(limit, len(hits))
        roles: list[Hit] = []
        by_domain: dict[str, list[Hit]] = {key: [] for key in domains}
        totals: dict[str, int] = {}
        for position, hit in enumerate(hits):
            key = ROLES_GROUP if hit.kind == "role" else hit.domain
            if position < shown:
                (roles if key == ROLES_GROUP else by_domain.setdefault(key, [])).append(hit)
            totals[key] = totals.get(key, 0) + 1
        groups = [_Group(ROLES_GROUP, ROLES_GROUP_TITLE, roles, totals.get(ROLES_GROUP, 0))] if roles else []
        groups += [
            _Group(key, domains.get(key, key.replace("_", " ").capitalize()), found, totals[key])
            for key, found in by_domain.items()
            if found
        ]
        self.beginResetModel()
        self._groups = groups
        self._total = len(hits)
        self._where = {
            (hit.kind, hit.id): (group_row, row)
            for group_row, group in enumerate(groups)
            for row, hit in enumerate(group.hits)
        }
        self.endResetModel()

    # lookups

    def hit(self, index: AnyIndex) -> Hit | None:
        """The entry at an index, or None for a group or an invalid index."""
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return group.hits[index.row()]

    def index_of(self, kind: str, entry_id: str) -> QModelIndex:
        where = self._where.get((kind, entry_id))
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, id=where[0] + 1)

    def group_index(self, key: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.createIndex(row, 0, id=0)
        return QModelIndex()

    def group_keys(self) -> list[str]:
        return [group.key for group in self._groups]

    def entry_count(self) -> int:
        """How many entries are shown."""
        return len(self._where)

    def total_count(self) -> int:
        """How many entries matched, shown or not."""
        return self._total

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than by hasIndex(): the view calls this for every row it lays out.
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, id=0) if row < len(self._groups) else QModelIndex()
        group_row = parent.row()
        if parent.internalId() != 0 or parent.column() != 0 or row >= len(self._groups[group_row].hits):
            return QModelIndex()
        return self.createIndex(row, 0, id=group_row + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, id=0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._groups[parent.row()].hits)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], role)
        hit = self._groups[index.internalId() - 1].hits[index.row()]
        return self._entry_data(hit, role)

    def _group_data(self, group: _Group, role: int) -> object:
        count = len(group.hits)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{group.title} ({count})" if count == group.total else f"{group.title} ({count} of {group.total})"
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = f"{count}" if count == group.total else f"The best {count} of {group.total}"
            if group.key == ROLES_GROUP:
                return f"{shown} emerging {'role' if group.total == 1 else 'roles'} found"
            return f"{shown} {'capability' if group.total == 1 else 'capabilities'} found in {group.title}"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == KIND_ROLE:
            return "group"
        if role == GROUP_ROLE:
            return group.key
        return None

    def _entry_data(self, hit: Hit, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = self.marks.get((hit.kind, hit.id))
            return f"{hit.name} ({mark})" if mark else hit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit.kind == "role":
                return f"{hit.name}: an emerging role on the {label(hit.footprint).lower()} footprint"
            return f"{hit.name}: press Enter or double-click to add it to the role, or drag it onto the role"
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        if role == KIND_ROLE:
            return hit.kind
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Called for every row on each relayout, so the answers are worked out once, below.
        if not index.isValid():
            return _NO_FLAGS
        group = index.internalId()
        if group == 0:
            return _GROUP_FLAGS
        return _ROLE_FLAGS if self._groups[group - 1].key == ROLES_GROUP else _CAPABILITY_FLAGS

    def mimeTypes(self) -> list[str]:
        return [CAPABILITY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        for index in indexes:
            hit = self.hit(index)
            if hit is not None and hit.kind == "capability":
                data.setData(CAPABILITY_MIME, QByteArray(hit.id.encode("utf-8")))
                break
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


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
        self.details.setHtml(_NOTHING_CHOSEN)

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
        self.domain_filter.blockSignals(True)
        self.domain_filter.clear()
        self.domain_filter.addItem("All domains", None)
        for key, name in self._domains.items():
            self.domain_filter.addItem(name, key)
            self.domain_filter.setItemData(self.domain_filter.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.domain_filter.setCurrentIndex(max(0, self.domain_filter.findData(chosen)))
        self.domain_filter.blockSignals(False)
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
        return _NOTHING_CHOSEN

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
