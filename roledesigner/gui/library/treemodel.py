"""The library panel's results: search hits in two levels, a group, then its entries.

Kept apart from the panel so it can be tested on its own with `qtmodeltester`; it is fed hits
(`library.search.Hit`) and knows nothing of the library itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from roledesigner.domain.vocabulary import label
from roledesigner.gui.widgets.mime import CAPABILITY_MIME

if TYPE_CHECKING:
    from roledesigner.library.search import Hit

AnyIndex = QModelIndex | QPersistentModelIndex

#: Data role giving an item's kind: "group", "role" or "capability".
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: Data role giving a group's key: "roles" or a framework domain id.
GROUP_ROLE = int(Qt.ItemDataRole.UserRole) + 2

ROLES_GROUP = "roles"
ROLES_GROUP_TITLE = "Emerging roles"

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROLE_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_CAPABILITY_FLAGS = _ROLE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled


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
