"""The entry form and the library panel's menu for the user's own entries (pytest-qt, offscreen)."""

# pytest-qt's QtBot key and mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.files.paths import library_dir
from roledesigner.gui.library.editing import LibraryEditing
from roledesigner.gui.library.entrydialog import EntryDialog
from roledesigner.gui.library.panel import LibraryPanel
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from roledesigner.library.userentries import duplicate_data, entry_data, save_entry, validate_capability


def with_user(folder: Path) -> Library:
    return load_library([Folder(library_dir(), "bundled"), Folder(folder, "user")])


@dataclass
class Setup:
    panel: LibraryPanel
    editing: LibraryEditing
    folder: Path
    state: dict[str, Library]

    @property
    def library(self) -> Library:
        return self.state["library"]


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Setup:
    folder = tmp_path / "my library"
    state = {"library": with_user(folder)}
    panel = LibraryPanel(state["library"])
    qtbot.addWidget(panel)
    panel.resize(420, 800)
    panel.show()
    qtbot.waitExposed(panel)
    editing = LibraryEditing(panel, lambda: folder, lambda: state["library"])

    def reload() -> None:  # what the main window does with libraryChanged
        state["library"] = with_user(folder)
        panel.set_library(state["library"])

    editing.libraryChanged.connect(reload)
    return Setup(panel, editing, folder, state)


def details(panel: LibraryPanel) -> str:
    return " ".join(panel.details.toPlainText().split())


def select(panel: LibraryPanel, kind: str, entry_id: str) -> None:
    index = panel.model.index_of(kind, entry_id)
    assert index.isValid()
    panel.tree.setCurrentIndex(index)


def line(dialog: EntryDialog, key: str) -> QLineEdit:
    widget = dialog.inputs[key]
    assert isinstance(widget, QLineEdit)
    return widget


def text_box(dialog: EntryDialog, key: str) -> QPlainTextEdit:
    widget = dialog.inputs[key]
    assert isinstance(widget, QPlainTextEdit)
    return widget


def choose(dialog: EntryDialog, key: str, value: str) -> None:
    combo = dialog.inputs[key]
    assert isinstance(combo, QComboBox)
    found = combo.findData(value)
    assert found >= 0
    combo.setCurrentIndex(found)


def open_dialog(setup: Setup, action: Any) -> EntryDialog:
    setup.editing.update_actions()
    assert action.isEnabled()
    action.trigger()
    dialog = setup.editing.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def own_capability(setup: Setup, entry_id: str = "citizen_voice") -> Path:
    """Save one capability of the user's own and reload, as if made earlier."""
    data = duplicate_data("capability", "active_listening", setup.library)
    data.update(id=entry_id, name="Hearing citizens' voices")
    entry, problems = validate_capability(data, setup.library)
    assert problems == [] and entry is not None
    path = save_entry(entry, setup.folder)
    setup.state["library"] = with_user(setup.folder)
    setup.panel.set_library(setup.library)
    return path


# --- the form ------------------------------------------------------------------------------------


def test_an_empty_name_says_is_required_at_the_name_field(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    dialog = EntryDialog("capability", library, tmp_path)
    qtbot.addWidget(dialog)
    name = line(dialog, "name")
    qtbot.keyClicks(name, "Hearing citizens")
    assert dialog.message("name") == ""
    assert line(dialog, "id").text() == "hearing_citizens"  # the identifier follows the name
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert dialog.message("name") == "Name is required."
    assert dialog.messages["name"].isVisibleTo(dialog)
    assert name.accessibleDescription() == "Name is required."
    assert not dialog.save_button.isEnabled()
    assert dialog.message("description") == ""  # not touched yet: listed in the status line instead
    assert "Still to fill in: " in dialog.status.text() and "Description" in dialog.status.text()
    assert "Name" in dialog.status.text()


def test_a_duplicate_of_the_users_own_id_shows_at_the_id_field(setup: Setup, qtbot: QtBot) -> None:
    own_capability(setup)
    dialog = EntryDialog(
        "capability", setup.library, setup.folder, duplicate_data("capability", "empathy", setup.library)
    )
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    line(dialog, "id").setText("citizen_voice")
    assert dialog.message("id").startswith(
        "Identifier is already used by your own capability 'Hearing citizens' voices'"
    )
    assert not dialog.save_button.isEnabled()
    assert dialog.message("name") == ""


def test_unknown_sources_and_capabilities_name_their_line(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    dialog = EntryDialog("role", library, tmp_path, duplicate_data("role", "accountable_officer", library))
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    text_box(dialog, "capabilities").setPlainText("empathy\nmind_reading: desirable")
    text_box(dialog, "sources").setPlainText("scie2021: Roles\nnowhere2020")
    assert dialog.message("capabilities") == (
        "Capabilities, line 2: names the capability 'mind_reading', which is not in the library."
    )
    assert dialog.message("sources").startswith("Sources, line 2: cites the source 'nowhere2020'")
    assert not dialog.save_button.isEnabled()


def test_every_input_has_an_accessible_name_and_a_tooltip(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    kinds: list[Literal["capability", "role"]] = ["capability", "role"]
    for kind in kinds:
        dialog = EntryDialog(kind, library, tmp_path)
        qtbot.addWidget(dialog)
        inputs: list[QWidget] = [*dialog.inputs.values(), *dialog.sector_boxes.values()]
        for widget in inputs:
            assert widget.accessibleName(), widget
            assert widget.toolTip(), widget.accessibleName()
        assert dialog.save_button.accessibleName() and dialog.save_button.toolTip()


# --- creating, adapting, editing and deleting through the panel ----------------------------------


def test_the_panel_has_the_menu_and_the_actions_follow_the_selection(setup: Setup) -> None:
    assert setup.panel.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    texts = [action.text() for action in setup.editing.actions()]
    assert texts == [
        "New capability…",
        "New emerging role…",
        "Duplicate and adapt…",
        "Edit my entry…",
        "Delete my entry…",
    ]
    editing = setup.editing
    setup.panel.tree.setCurrentIndex(setup.panel.model.group_index("roles"))
    assert not editing.duplicate_action.isEnabled()
    assert not editing.edit_action.isEnabled() and not editing.delete_action.isEnabled()
    select(setup.panel, "capability", "empathy")
    assert editing.duplicate_action.isEnabled()
    assert not editing.edit_action.isEnabled() and not editing.delete_action.isEnabled()
    own_capability(setup)
    select(setup.panel, "capability", "citizen_voice")
    assert editing.edit_action.isEnabled() and editing.delete_action.isEnabled()


def test_a_new_capability_saves_and_appears_as_the_users_own(setup: Setup, qtbot: QtBot) -> None:
    dialog = open_dialog(setup, setup.editing.new_capability_action)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(line(dialog, "name"), "Working with citizens")
    choose(dialog, "domain", "relationships_and_connectivity")
    text_box(dialog, "description").setPlainText("Listening to the people services are for.\n\nAnd acting on it.")
    text_box(dialog, "indicators").setPlainText("Meets citizens' groups.\n\nChanges plans after hearing them.")
    text_box(dialog, "criterion").setPlainText("Evidence of changing services after listening to citizens.")
    choose(dialog, "category", "experience")
    text_box(dialog, "interview_questions").setPlainText("Tell us about a time citizens changed your plan.")
    text_box(dialog, "sources").setPlainText("scie2021: Capabilities, skills and behaviours")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    assert dialog.note.isHidden()
    path = setup.folder / "capabilities" / "working_with_citizens.yaml"
    assert dialog.status.text() == f"Ready to save to {path}."

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_path() == path
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written["indicators"] == ["Meets citizens' groups.", "Changes plans after hearing them."]
    assert written["sources"] == [{"id": "scie2021", "where": "Capabilities, skills and behaviours"}]
    assert written["category"] == "experience"

    # The library was reloaded through libraryChanged; the new entry is shown and selected.
    assert setup.editing.dialog is None
    assert setup.panel.current_entry() == ("capability", "working_with_citizens")
    shown = details(setup.panel)
    assert "Working with citizens" in shown
    assert "This entry comes from your own library (working_with_citizens.yaml)." in shown
    assert "overrides" not in shown
    assert setup.editing.edit_action.isEnabled()


def test_a_new_emerging_role_saves(setup: Setup, qtbot: QtBot) -> None:
    dialog = open_dialog(setup, setup.editing.new_role_action)
    qtbot.keyClicks(line(dialog, "name"), "Neighbourhood lead")
    text_box(dialog, "summary").setPlainText("Leads a neighbourhood team across organisations.")
    choose(dialog, "footprint", "neighbourhood")
    choose(dialog, "function", "executive")
    checkbox: QCheckBox = dialog.sector_boxes["primary_care"]
    checkbox.setChecked(True)
    text_box(dialog, "responsibilities").setPlainText(
        "Lead the neighbourhood team.\norganisational: Manage the practice budget."
    )
    assert dialog.message("responsibilities").startswith("Responsibilities, line 1: start the line with")
    text_box(dialog, "responsibilities").setPlainText(
        "system: Lead the neighbourhood team.\norganisational: Manage the practice budget."
    )
    assert dialog.message("responsibilities") == ""
    text_box(dialog, "capabilities").setPlainText("empathy\nactive_listening: desirable")
    line(dialog, "suggested_system_time.amount").setText("2.5")
    choose(dialog, "suggested_system_time.unit", "days_per_week")
    text_box(dialog, "suggested_system_time.reason").setPlainText("Half the week is neighbourhood work.")
    text_box(dialog, "sources").setPlainText("scie2021")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    role = setup.library.roles["neighbourhood_lead"]
    assert [ref.requirement.value for ref in role.capabilities] == ["essential", "desirable"]
    assert str(role.suggested_system_time.amount) == "2.5"
    assert setup.panel.current_entry() == ("role", "neighbourhood_lead")
    assert "This entry comes from your own library (neighbourhood_lead.yaml)." in details(setup.panel)


def test_a_duplicate_with_the_bundled_id_says_it_overrides(setup: Setup, qtbot: QtBot) -> None:
    select(setup.panel, "capability", "active_listening")
    dialog = open_dialog(setup, setup.editing.duplicate_action)
    assert line(dialog, "id").text() == "active_listening_copy"
    assert line(dialog, "name").text() == "Active listening (copy)"
    assert dialog.note.isHidden()
    line(dialog, "id").setText("active_listening")
    bundled = library_dir() / "capabilities" / "active_listening.yaml"
    assert dialog.note.isVisibleTo(dialog)
    assert dialog.note.text() == f"This will override the bundled entry in {bundled}."
    line(dialog, "name").setText("Active listening in our system")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert (setup.folder / "capabilities" / "active_listening.yaml").is_file()
    assert setup.library.capabilities["active_listening"].name == "Active listening in our system"
    assert setup.panel.current_entry() == ("capability", "active_listening")
    shown = details(setup.panel)
    assert "This entry comes from your own library (active_listening.yaml)." in shown
    assert (
        "It overrides the entry with the same identifier in the library that comes with Role Designer "
        "(active_listening.yaml)." in shown
    )


def test_editing_an_entry_changes_its_file(setup: Setup, qtbot: QtBot) -> None:
    path = own_capability(setup)
    select(setup.panel, "capability", "citizen_voice")
    dialog = open_dialog(setup, setup.editing.edit_action)
    assert dialog.windowTitle() == "Edit your capability"
    assert dialog.message("id") == ""  # its own id is not a duplicate of itself
    line(dialog, "name").setText("Hearing every citizen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["name"] == "Hearing every citizen"
    assert setup.library.capabilities["citizen_voice"].name == "Hearing every citizen"


def test_cancelling_changes_nothing(setup: Setup, qtbot: QtBot) -> None:
    changed: list[bool] = []
    setup.editing.libraryChanged.connect(lambda: changed.append(True))
    dialog = open_dialog(setup, setup.editing.new_capability_action)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert setup.editing.dialog is None
    assert changed == []
    assert not setup.folder.exists()


def test_delete_asks_and_removes_the_file(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    path = own_capability(setup)
    select(setup.panel, "capability", "citizen_voice")
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: QWidget, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    setup.editing.delete_action.trigger()
    assert path.is_file()
    assert asked == [
        "Delete your capability 'Hearing citizens' voices' from your library folder? This cannot be undone."
    ]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    setup.editing.delete_action.trigger()
    assert not path.exists()
    assert "citizen_voice" not in setup.library.capabilities
    assert not setup.panel.model.index_of("capability", "citizen_voice").isValid()
    assert not setup.editing.delete_action.isEnabled()


def test_deleting_an_override_brings_back_the_bundled_entry(
    setup: Setup, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_capability(setup, "empathy")
    select(setup.panel, "capability", "empathy")
    asked: list[str] = []

    def yes(_parent: QWidget, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    setup.editing.delete_action.trigger()
    assert asked[0].endswith("The entry it overrides (empathy.yaml) will be used again.")
    assert setup.library.capabilities["empathy"] == library.capabilities["empathy"]
    assert setup.library.origins[("capability", "empathy")].folder.label == "bundled"


# --- what the form does not show is kept ---------------------------------------------------------

#: A role's fields the form has no input for: saved as they came, never dropped.
KEPT_ROLE_FIELDS = ("criteria", "relationships", "development", "senior", "terms", "joint", "appointment")


@pytest.mark.parametrize("role_id", ["ics_executive_lead", "joint_mental_health_lead", "independent_chair"])
def test_an_override_of_a_bundled_role_keeps_the_fields_the_form_does_not_show(
    setup: Setup, qtbot: QtBot, role_id: str
) -> None:
    """Load a bundled role into the form for an override (Duplicate and adapt, then its own id),
    change its name, save: the saved file keeps its criteria, relationships, support, seniority,
    pay framework, joint post and appointment exactly."""
    bundled = entry_data("role", role_id, setup.library)
    assert any(bundled.get(key) for key in KEPT_ROLE_FIELDS), "the role has fields the form does not show"
    select(setup.panel, "role", role_id)
    dialog = open_dialog(setup, setup.editing.duplicate_action)
    line(dialog, "id").selectAll()
    qtbot.keyClicks(line(dialog, "id"), role_id)
    assert dialog.note.isVisibleTo(dialog), "it overrides the bundled role"
    line(dialog, "name").setText(f"{bundled['name']} (ours)")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = yaml.safe_load((setup.folder / "roles" / f"{role_id}.yaml").read_text(encoding="utf-8"))
    assert saved["name"] == f"{bundled['name']} (ours)"
    for key in KEPT_ROLE_FIELDS:
        assert saved.get(key) == bundled.get(key), key
    reloaded = entry_data("role", role_id, setup.library)
    assert set(reloaded["sectors"]) == set(bundled["sectors"]), "the ticked sectors, in the form's order"
    assert reloaded == {**bundled, "name": f"{bundled['name']} (ours)", "sectors": reloaded["sectors"]}


def test_the_form_says_which_fields_it_keeps_as_they_are(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    dialog = EntryDialog("role", library, tmp_path, duplicate_data("role", "independent_chair", library))
    qtbot.addWidget(dialog)
    assert dialog.kept_note.isVisibleTo(dialog)
    text = dialog.kept_note.text()
    assert text == (
        "Kept as they are, as this form does not show them: person-specification criteria, working relationships, "
        "development support, senior post and appointment (days a month, term of office and remuneration). "
        "To change them, edit the entry's file."
    )
    fresh = EntryDialog("role", library, tmp_path)
    qtbot.addWidget(fresh)
    assert not fresh.kept_note.isVisibleTo(fresh), "a new role has nothing kept"
