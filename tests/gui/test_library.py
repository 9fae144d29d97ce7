"""The library panel: search, filters, details and drag (pytest-qt, offscreen)."""

# pytest-qt's QtBot key and mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from roledesigner.files.paths import library_dir
from roledesigner.gui.dialogs.newdesign import NewDesignDialog
from roledesigner.gui.library.panel import LibraryPanel
from roledesigner.gui.library.treemodel import GROUP_ROLE, KIND_ROLE, LibraryTreeModel
from roledesigner.gui.widgets.mime import CAPABILITY_MIME
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from tests.support.libfixtures import capability, make_folder


@pytest.fixture
def panel(qtbot: QtBot, library: Library) -> LibraryPanel:
    widget = LibraryPanel(library)
    qtbot.addWidget(widget)
    widget.resize(420, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def groups(model: LibraryTreeModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def entries(model: LibraryTreeModel) -> list[tuple[str, str]]:
    """Every entry shown, as (kind, id), in display order."""
    found = []
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for row in range(model.rowCount(group)):
            index = model.index(row, 0, group)
            found.append((index.data(KIND_ROLE), index.data(Qt.ItemDataRole.UserRole)))
    return found


def select(panel: LibraryPanel, index: QModelIndex) -> None:
    assert index.isValid()
    panel.tree.setCurrentIndex(index)


def details(panel: LibraryPanel) -> str:
    return " ".join(panel.details.toPlainText().split())


# --- the model -----------------------------------------------------------------------------------


def test_the_tree_model_passes_the_model_tester(qtmodeltester: object, library: Library) -> None:
    model = LibraryTreeModel()
    domains = {key: domain.name for key, domain in library.capability_domains.items()}
    model.set_hits(library.index.search(""), domains)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_hits(library.index.search("lead"), domains)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_hits([], domains)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_limit_shows_the_best_hits_and_counts_them_all(qtmodeltester: object, library: Library) -> None:
    model = LibraryTreeModel()
    domains = {key: domain.name for key, domain in library.capability_domains.items()}
    hits = library.index.search("")
    model.set_hits(hits, domains, limit=len(library.roles) + 3)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.entry_count() == len(library.roles) + 3
    assert model.total_count() == len(hits)
    assert entries(model) == [(hit.kind, hit.id) for hit in hits[: len(library.roles) + 3]]
    shown = hits[len(library.roles) : len(library.roles) + 3]
    expected = []
    for domain_id, name in domains.items():
        count = sum(1 for hit in shown if hit.domain == domain_id)
        total = sum(1 for cap in library.capabilities.values() if cap.domain == domain_id)
        if count:
            expected.append(f"{name} ({count} of {total})")
    assert groups(model) == [f"Emerging roles ({len(library.roles)})", *expected]


def test_the_panel_model_passes_the_model_tester_while_filtering(
    qtmodeltester: object, panel: LibraryPanel, qtbot: QtBot
) -> None:
    qtmodeltester.check(panel.model, force_py=True)  # type: ignore[attr-defined]
    qtbot.keyClicks(panel.search_box, "pol")
    qtmodeltester.check(panel.model, force_py=True)  # type: ignore[attr-defined]


def test_everything_is_shown_grouped_with_counts_and_expanded(panel: LibraryPanel, library: Library) -> None:
    model = panel.model
    names = [domain.name for domain in library.capability_domains.values()]
    titles = groups(model)
    assert titles[0] == f"Emerging roles ({len(library.roles)})"
    assert [title.rsplit(" (", 1)[0] for title in titles[1:]] == names
    for row, domain_id in enumerate(library.capability_domains, start=1):
        count = sum(1 for cap in library.capabilities.values() if cap.domain == domain_id)
        assert titles[row].endswith(f"({count})")
        assert panel.tree.isExpanded(model.index(row, 0))
    assert len(entries(model)) == len(library.roles) + len(library.capabilities)


def test_typing_one_key_at_a_time_narrows_to_one_capability(
    panel: LibraryPanel, qtbot: QtBot, library: Library
) -> None:
    seen: list[int] = []
    panel.search_box.textChanged.connect(lambda _text: seen.append(panel.model.entry_count()))
    qtbot.keyClicks(panel.search_box, "politic")
    assert len(seen) == len("politic")  # the list follows every keystroke, synchronously
    assert seen == sorted(seen, reverse=True)
    assert entries(panel.model) == [("capability", "political_astuteness")]
    domain = library.domain_name(library.capabilities["political_astuteness"].domain)
    assert groups(panel.model) == [f"{domain} (1)"]
    index = panel.model.index_of("capability", "political_astuteness")
    assert index.data() == "Being politically astute"
    assert index.parent().data(GROUP_ROLE) == library.capabilities["political_astuteness"].domain
    assert panel.tree.isExpanded(index.parent())
    assert panel.result_count.text() == "1 entry found"


def test_nothing_found_says_so(panel: LibraryPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.search_box, "zzzqqq")
    assert panel.model.rowCount() == 0
    assert "Nothing matches" in panel.result_count.text()


def _choose(combo: object, value: str) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_the_kind_filter(panel: LibraryPanel, library: Library) -> None:
    _choose(panel.kind_filter, "role")
    assert {entry_id for _, entry_id in entries(panel.model)} == set(library.roles)
    assert groups(panel.model) == [f"Emerging roles ({len(library.roles)})"]
    _choose(panel.kind_filter, "capability")
    assert {entry_id for _, entry_id in entries(panel.model)} == set(library.capabilities)
    assert all(kind == "capability" for kind, _ in entries(panel.model))


def test_the_domain_filter(panel: LibraryPanel, library: Library) -> None:
    domain_id = "learning_and_capacity_building"
    _choose(panel.kind_filter, "capability")
    _choose(panel.domain_filter, domain_id)
    expected = {cap.id for cap in library.capabilities.values() if cap.domain == domain_id}
    assert {entry_id for _, entry_id in entries(panel.model)} == expected
    assert groups(panel.model) == [f"{library.domain_name(domain_id)} ({len(expected)})"]
    assert panel.domain_filter.currentText() == library.domain_name(domain_id)
    assert panel.domain_filter.itemText(0) == "All domains"


def test_the_footprint_filter(panel: LibraryPanel, library: Library) -> None:
    _choose(panel.footprint_filter, "system")
    system = {entry_id for _, entry_id in entries(panel.model)}
    assert system == {role.id for role in library.roles.values() if role.footprint.value == "system"}
    _choose(panel.footprint_filter, "place")
    place = {entry_id for _, entry_id in entries(panel.model)}
    assert place == {role.id for role in library.roles.values() if role.footprint.value == "place"}
    assert system and place and not system & place
    assert [panel.footprint_filter.itemText(i) for i in range(panel.footprint_filter.count())] == [
        "All footprints",
        "System",
        "Place",
        "Neighbourhood",
    ]


# --- details -------------------------------------------------------------------------------------


def test_a_capability_shows_its_indicators_and_full_sources(panel: LibraryPanel, library: Library) -> None:
    cap = library.capabilities["political_astuteness"]
    select(panel, panel.model.index_of("capability", cap.id))
    text = details(panel)
    assert cap.name in text
    assert library.domain_name(cap.domain) in text
    assert "What good looks like" in text
    for indicator in cap.indicators:
        assert " ".join(indicator.split()) in text
    citation = " ".join(library.sources[cap.sources[0].id].citation.split())
    assert citation in text
    assert cap.sources[0].where in text
    assert "comes from" not in text  # a bundled entry has no origin note


def test_a_role_shows_its_suggested_time_and_reason(panel: LibraryPanel, library: Library) -> None:
    role = library.roles["system_finance_lead"]
    select(panel, panel.model.index_of("role", role.id))
    text = details(panel)
    assert role.name in text
    assert "Suggested system time" in text
    assert "100 per cent of the post" in text
    assert " ".join(role.suggested_system_time.reason.split()) in text
    assert "Footprint: System" in text
    assert "Function: Executive" in text


def test_selection_survives_typing_when_the_entry_still_matches(panel: LibraryPanel, qtbot: QtBot) -> None:
    select(panel, panel.model.index_of("capability", "political_astuteness"))
    qtbot.keyClicks(panel.search_box, "astute")
    assert panel.current_entry() == ("capability", "political_astuteness")
    assert "Being politically astute" in details(panel)
    assert panel.add_button.isEnabled()


def test_text_from_the_library_is_escaped(tmp_path: Path, qtbot: QtBot) -> None:
    user = tmp_path / "user"
    make_folder(
        user,
        {"capabilities/tags.yaml": capability("tags", name="Tags <b>bold</b> & more").replace("[src]", "[scie2021]")},
    )
    library = load_library([Folder(library_dir(), "bundled"), Folder(user, "user")])
    widget = LibraryPanel(library)
    qtbot.addWidget(widget)
    select(widget, widget.model.index_of("capability", "tags"))
    assert "Tags <b>bold</b> & more" in details(widget)


# --- choosing a capability -----------------------------------------------------------------------


def test_double_click_enter_and_the_button_choose_a_capability(panel: LibraryPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.search_box, "politic")
    index = panel.model.index_of("capability", "political_astuteness")
    panel.tree.scrollTo(index)
    centre = panel.tree.visualRect(index).center()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(panel.capabilityChosen, timeout=1000) as blocker:
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == ["political_astuteness"]

    panel.tree.setFocus()
    with qtbot.waitSignal(panel.capabilityChosen, timeout=1000) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["political_astuteness"]

    assert panel.add_button.isEnabled()
    with qtbot.waitSignal(panel.capabilityChosen, timeout=1000) as blocker:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["political_astuteness"]


def test_enter_in_the_search_box_moves_to_the_first_result(panel: LibraryPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.search_box, "politic")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert panel.current_entry() == ("capability", "political_astuteness")
    with qtbot.waitSignal(panel.capabilityChosen, timeout=1000) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["political_astuteness"]


def test_the_button_is_disabled_for_a_role_or_a_group(panel: LibraryPanel, qtbot: QtBot) -> None:
    assert not panel.add_button.isEnabled()
    select(panel, panel.model.index_of("role", "system_finance_lead"))
    assert not panel.add_button.isEnabled()
    select(panel, panel.model.index(1, 0))  # a domain group
    assert not panel.add_button.isEnabled()
    with qtbot.assertNotEmitted(panel.capabilityChosen):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
        select(panel, panel.model.index_of("role", "system_finance_lead"))
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)


def test_a_capability_drags_as_its_id_and_a_role_does_not_drag(panel: LibraryPanel) -> None:
    model = panel.model
    cap = model.index_of("capability", "active_listening")
    assert model.flags(cap) & Qt.ItemFlag.ItemIsDragEnabled
    assert CAPABILITY_MIME in model.mimeTypes()
    data = model.mimeData([cap])
    assert data.hasFormat(CAPABILITY_MIME)
    assert bytes(data.data(CAPABILITY_MIME).data()) == b"active_listening"
    role = model.index_of("role", "system_finance_lead")
    assert not model.flags(role) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.mimeData([role]).hasFormat(CAPABILITY_MIME)
    assert panel.tree.dragEnabled()


# --- a user's own library ------------------------------------------------------------------------


def _user_library(tmp_path: Path) -> Library:
    text = capability("political_astuteness", name="Political astuteness, our way").replace("[src]", "[scie2021]")
    make_folder(tmp_path / "user", {"capabilities/political_astuteness.yaml": text})
    return load_library([Folder(library_dir(), "bundled"), Folder(tmp_path / "user", "user")])


def test_an_override_from_the_users_library_is_noted(tmp_path: Path, qtbot: QtBot) -> None:
    library = _user_library(tmp_path)
    assert not [p for p in library.problems if "political_astuteness" in str(p)]
    widget = LibraryPanel(library)
    qtbot.addWidget(widget)
    select(widget, widget.model.index_of("capability", "political_astuteness"))
    text = details(widget)
    assert "Political astuteness, our way" in text
    assert "This entry comes from your own library (political_astuteness.yaml)" in text
    assert "It overrides the entry with the same identifier in the library that comes with Role Designer" in text
    assert " ".join(library.sources["scie2021"].citation.split()) in text


def test_set_library_shows_the_reloaded_entries_and_keeps_the_search(
    panel: LibraryPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.keyClicks(panel.search_box, "politic")
    select(panel, panel.model.index_of("capability", "political_astuteness"))
    assert "Being politically astute" in details(panel)
    panel.set_library(_user_library(tmp_path))
    assert panel.search_box.text() == "politic"
    assert panel.current_entry() == ("capability", "political_astuteness")
    assert "Political astuteness, our way" in details(panel)
    assert "your own library" in details(panel)


# --- accessibility -------------------------------------------------------------------------------


def test_every_control_has_a_name_and_a_tooltip(panel: LibraryPanel, library: Library, qtbot: QtBot) -> None:
    dialog = NewDesignDialog(library)
    qtbot.addWidget(dialog)
    controls = [
        panel.search_box,
        panel.kind_filter,
        panel.domain_filter,
        panel.footprint_filter,
        panel.tree,
        panel.add_button,
        panel.details,
        dialog.search_box,
        dialog.role_list,
        dialog.details,
        dialog.start_button,
        dialog.blank_button,
        dialog.cancel_button,
    ]
    for control in controls:
        assert control.accessibleName(), control
        assert control.toolTip(), control


def test_focus_search_and_tab_order(panel: LibraryPanel, qtbot: QtBot) -> None:
    panel.tree.setFocus()
    panel.focus_search()
    qtbot.waitUntil(panel.search_box.hasFocus)
    order: list[QWidget] = [panel.search_box]
    widget: QWidget | None = panel.search_box
    for _ in range(6):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and (not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible()):
            widget = widget.nextInFocusChain()
        assert widget is not None
        order.append(widget)
    assert order == [
        panel.search_box,
        panel.kind_filter,
        panel.domain_filter,
        panel.footprint_filter,
        panel.tree,
        panel.add_button,
        panel.details,
    ]
