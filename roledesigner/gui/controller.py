"""The document controller: the one object through which the app reads and changes a design.

Widgets never reach into each other: they call the controller, and refresh when it says the
design changed. Every change is a core `Edit` wrapped in a Qt undo command, so the Edit menu,
the unsaved marker and undo all follow one stack.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from roledesigner.domain import edits
from roledesigner.domain.edits import Edit, EditError, edit_label, insert_item, move_item, remove_item, set_value
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.partnerentry import with_follow_ons
from roledesigner.domain.timeplan import reexpressed
from roledesigner.domain.vocabulary import AllocationUnit, Contract
from roledesigner.domain.vocabulary import label as plain_label
from roledesigner.files.designfile import FileStamp, changed_since, load_design, save_design, stamp
from roledesigner.files.settings import Settings
from roledesigner.library import compose
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import blank_design

if TYPE_CHECKING:
    from roledesigner.domain.findings import Finding

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    """Qt merges commands with equal ids; -1 means never merge."""
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1) if key else -1


class EditCommand(QUndoCommand):
    def __init__(self, controller: DocumentController, edit: Edit) -> None:
        super().__init__(edit.label)
        self.controller = controller
        self.edit = edit

    def redo(self) -> None:
        self.controller._show(self.edit.apply())

    def undo(self) -> None:
        self.controller._show(self.edit.revert())

    def id(self) -> int:
        return _merge_id(self.edit.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand):
            return False
        merged = self.edit.merged(other.edit)
        if merged is None:
            return False
        self.edit = merged
        if merged.before == merged.after:
            self.setObsolete(True)  # typed and put back (a refused value, say): no step to undo
        return True


class DocumentController(QObject):
    #: The design changed: an edit, undo or redo, a new or opened design.
    designChanged = Signal()
    #: Another design is shown (new, opened, recovered), just before `designChanged`: views
    #: start afresh instead of following an edit (a table resets rather than updates rows).
    designReplaced = Signal()
    #: The file name or the saved state changed.
    stateChanged = Signal()
    #: The library was read again (an entry saved or deleted, other folders chosen): every view
    #: that shows library names listens, so none is left showing the old ones.
    libraryChanged = Signal()
    #: The settings were saved (organisation, logo, template, default hours, folders).
    settingsChanged = Signal()

    def __init__(self, library: Library, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.stateChanged)
        self._design = blank_design(settings.default_contracted_hours)
        self.path: Path | None = None
        #: The file as we last read or wrote it, to notice when someone else saves it.
        self.stamp: FileStamp | None = None

    # --- reading ---------------------------------------------------------------------------

    @property
    def design(self) -> RoleDesign:
        return self._design

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.stem
        return self._design.title.strip() or "Untitled role"

    # --- library and settings ----------------------------------------------------------------

    def set_library(self, library: Library) -> None:
        """Use a library read again; views refresh on `libraryChanged` (nothing is fanned out by hand)."""
        self.library = library
        self.libraryChanged.emit()

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.settingsChanged.emit()

    # --- changing --------------------------------------------------------------------------

    def _show(self, design: RoleDesign) -> None:
        self._design = design
        self.designChanged.emit()

    def apply(self, label: str, after: RoleDesign, key: str = "") -> None:
        if after == self._design:
            return
        self.undo_stack.push(EditCommand(self, Edit(label, self._design, after, key)))

    def set_field(self, path: str, value: Any, label: str | None = None, merge: bool = True) -> str | None:
        """Set one field, the one way every view writes. Typing in the same field merges into
        one undo step unless `merge` is False (a step of its own, such as ticking a box that
        starts a job plan); `label` names the step in the Edit menu instead of the field's name.
        A new partner row's name or funding fills in its sector or time share in the same step
        (domain/partnerentry.py). Returns a plain message (and changes nothing) when the value is
        not valid."""
        try:
            after = with_follow_ons(self._design, set_value(self._design, path, value))
        except EditError as error:
            return str(error)
        self.apply(label or edit_label(path), after, key=path if merge else "")
        return None

    def change_unit(self, unit: AllocationUnit) -> str | None:
        """Give system time in another unit, the same time re-expressed; says when it had to round."""
        plan = self._design.time
        if unit is plan.system_work.unit:
            return None
        allocation, exact = reexpressed(plan, unit)
        problem = self.set_field("time.system_work", allocation)
        if problem or exact:
            return problem
        return f"Rounded to {allocation.amount} {plain_label(unit)}: check the amount."

    def set_contract(self, contract: Contract) -> str | None:
        """Choose the contract with the time basis that fits it (an office holder has no job plan;
        only an office holder counts days a month), as one step."""
        try:
            after = edits.set_contract(self._design, contract)
        except EditError as error:
            return str(error)
        self.apply(edit_label("contract"), after)
        return None

    def place_unmapped(self, index: int, target: edits.UnmappedTarget) -> None:
        """Move text kept from an import into the job purpose or the responsibilities, as one step."""
        where = "the job purpose" if target == "purpose" else "the responsibilities"
        self.apply(f"Move imported text to {where}", edits.place_unmapped(self._design, index, target))

    def insert(self, path: str, index: int, item: Any, label: str) -> str | None:
        try:
            self.apply(label, insert_item(self._design, path, index, item))
        except EditError as error:
            return str(error)
        return None

    def remove(self, path: str, index: int, label: str) -> None:
        self.apply(label, remove_item(self._design, path, index))

    def move(self, path: str, source: int, target: int, label: str) -> None:
        self.apply(label, move_item(self._design, path, source, target))

    def capability_name(self, capability_id: str) -> str:
        capability = self.library.capabilities.get(capability_id)
        return capability.name if capability else capability_id

    def add_capability(self, capability_id: str, position: int | None = None) -> str | None:
        """Add a capability from the library by the one compose rule (so it is assessed as
        `new --from` assesses it: a senior role's essentials by a presentation too); one already in
        the design is refused, with a reason."""
        name = self.capability_name(capability_id)
        if any(item.id == capability_id for item in self._design.capabilities):
            return f"'{name}' is already in this role."
        try:
            senior = compose.senior_post(self._design, self.library)
            after = compose.add_capability(self._design, capability_id, position=position, senior=senior)
        except compose.ComposeError as error:
            return str(error)
        self.apply(f"Add capability '{name}'", after)
        return None

    # --- warnings accepted on purpose (review/acknowledgements.py; imported when first used, as the
    # review is, so start-up does not wait for it) --------------------------------------------------

    def user_name(self) -> str:
        """Who accepts a warning: the person logged in (the settings hold no name of their own yet)."""
        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no login name to be had (a container, a service account)
            return self._design.author.strip()

    def accept_warning(self, finding: Finding, reason: str, by: str | None = None) -> str | None:
        """Accept a warning on purpose, with the reason, who and today's date, as one undoable step;
        an error, information or a blank reason is refused with a plain sentence."""
        from roledesigner.review import acknowledgements
        from roledesigner.review.order import plain_field

        try:
            after = acknowledgements.accept(
                self._design, finding, reason, self.user_name() if by is None else by, dt.date.today()
            )
        except acknowledgements.NotAcceptable as error:
            return str(error)
        self.apply(f"Accept warning on {plain_field(finding.field)}", after)
        return None

    def withdraw_acceptance(self, finding: Finding) -> None:
        """The warning is open again, as one undoable step."""
        from roledesigner.review import acknowledgements
        from roledesigner.review.order import plain_field

        after = acknowledgements.withdraw(self._design, finding)
        self.apply(f"Withdraw acceptance of warning on {plain_field(finding.field)}", after)

    # --- documents -------------------------------------------------------------------------

    def replace(self, design: RoleDesign, path: Path | None = None, unsaved: bool = False) -> None:
        """Show another design (new, opened or recovered): a fresh undo history; `unsaved` marks
        it as having changes to save (a recovered copy)."""
        self.undo_stack.clear()
        self.path = path
        self.stamp = stamp(path) if path is not None else None
        self._design = design
        self.designReplaced.emit()
        self.designChanged.emit()
        self.undo_stack.setClean()
        if unsaved:
            self.undo_stack.resetClean()
        self.stateChanged.emit()

    def changed_on_disk(self) -> bool:
        return self.path is not None and changed_since(self.path, self.stamp)

    def open(self, path: Path) -> None:
        """Open a design; a file that cannot be read raises DesignFileError and changes nothing."""
        self.replace(load_design(path), path)

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            raise ValueError("save() needs a path for a design that was never saved")
        self.stamp = save_design(self._design, target)
        self.path = target
        self.undo_stack.setClean()
        self.stateChanged.emit()
