"""The user's own library entries, without Qt: checking, saving, loading back, duplicating, deleting."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from roledesigner.library.models import Capability, Role
from roledesigner.library.userentries import (
    EntryError,
    delete_entry,
    duplicate_data,
    entry_data,
    form_messages,
    override_note,
    overrides,
    own_file,
    parse_capability_refs,
    parse_responsibilities,
    parse_sources,
    save_entry,
    sources_text,
    suggest_id,
    validate_capability,
    validate_role,
)


def with_user(folder: Path) -> Library:
    return load_library([Folder(library_dir(), "bundled"), Folder(folder, "user")])


def new_capability(library: Library, **changes: Any) -> dict[str, Any]:
    data = entry_data("capability", "active_listening", library)
    data.update({"id": "citizen_voice", "name": "Hearing citizens' voices"}, **changes)
    return data


def new_role(library: Library, **changes: Any) -> dict[str, Any]:
    data = entry_data("role", "accountable_officer", library)
    data.update({"id": "place_partnership_lead", "name": "Place partnership lead"}, **changes)
    return data


# --- checking ------------------------------------------------------------------------------------


def test_a_complete_capability_passes(library: Library) -> None:
    entry, problems = validate_capability(new_capability(library), library)
    assert problems == []
    assert isinstance(entry, Capability)
    assert entry.id == "citizen_voice"


def test_missing_required_fields_are_named(library: Library) -> None:
    data = new_capability(library, name="   ", description="")
    del data["criterion"]
    data["indicators"] = []
    entry, problems = validate_capability(data, library)
    assert entry is None
    assert ("name", "is required") in problems
    assert ("description", "is required") in problems
    assert ("criterion", "is required") in problems
    assert ("indicators", "is required") in problems
    messages = form_messages(problems)
    assert messages["name"] == "Name is required."
    assert messages["indicators"] == "Indicators (what good looks like) are required."


def test_an_unknown_domain_and_source_are_named(library: Library) -> None:
    data = new_capability(
        library, domain="leadership_magic", sources=["scie2021", {"id": "nowhere2020", "where": "p 3"}]
    )
    entry, problems = validate_capability(data, library)
    assert entry is None
    fields = dict(problems)
    assert fields["domain"].startswith("names the unknown domain 'leadership_magic'")
    assert "cites the source 'nowhere2020'" in fields["sources[1]"]
    assert form_messages(problems)["sources"].startswith("Sources, line 2: cites the source 'nowhere2020'")


def test_a_bad_identifier_is_named(library: Library) -> None:
    _entry, problems = validate_capability(new_capability(library, id="Citizen Voice"), library)
    assert dict(problems)["id"] == "must use only lower-case letters, digits and underscores"


def test_a_new_id_may_not_repeat_one_of_the_users_own(tmp_path: Path, library: Library) -> None:
    entry, _ = validate_capability(new_capability(library), library)
    assert entry is not None
    save_entry(entry, tmp_path)
    mine = with_user(tmp_path)
    again, problems = validate_capability(new_capability(mine, name="Another"), mine)
    assert again is None
    assert dict(problems)["id"].startswith("is already used by your own capability 'Hearing citizens' voices'")
    # Editing that entry keeps its id.
    edited, problems = validate_capability(new_capability(mine, name="Renamed"), mine, editing="citizen_voice")
    assert problems == []
    assert edited is not None and edited.name == "Renamed"


def test_the_id_of_a_bundled_entry_is_allowed_and_overrides(library: Library) -> None:
    entry, problems = validate_capability(new_capability(library, id="empathy"), library)
    assert problems == []
    assert entry is not None
    assert overrides("capability", "empathy", library) == library_dir() / "capabilities" / "empathy.yaml"
    assert override_note("capability", "empathy", library) == (
        f"This will override the bundled entry in {library_dir() / 'capabilities' / 'empathy.yaml'}."
    )
    assert overrides("capability", "citizen_voice", library) is None
    assert override_note("capability", "citizen_voice", library) == ""


def test_an_id_of_the_other_kind_is_refused(library: Library) -> None:
    _entry, problems = validate_capability(new_capability(library, id="accountable_officer"), library)
    assert dict(problems)["id"].startswith("is already the identifier of the emerging role")


def test_a_file_that_did_not_load_is_not_overwritten(tmp_path: Path, library: Library) -> None:
    (tmp_path / "capabilities").mkdir()
    (tmp_path / "capabilities" / "citizen_voice.yaml").write_text("id: [broken", encoding="utf-8")
    mine = with_user(tmp_path)
    entry, problems = validate_capability(new_capability(mine), mine, folder=tmp_path)
    assert entry is None
    assert "did not load" in dict(problems)["id"]


def test_a_complete_role_passes(library: Library) -> None:
    entry, problems = validate_role(new_role(library), library)
    assert problems == []
    assert isinstance(entry, Role)


def test_role_problems_name_their_field_and_line(library: Library) -> None:
    data = new_role(
        library,
        summary="",
        sectors=[],
        responsibilities=parse_responsibilities("Lead the partnership.\nsystem: Share the budget."),
        capabilities=parse_capability_refs("empathy: desirable\nmind_reading\nactive_listening: maybe"),
        suggested_system_time={"unit": "percent", "amount": "150", "reason": ""},
    )
    entry, problems = validate_role(data, library)
    assert entry is None
    fields = dict(problems)
    assert fields["summary"] == "is required"
    assert fields["sectors"] == "is required"
    assert fields["capabilities[1]"] == "names the capability 'mind_reading', which is not in the library"
    assert fields["suggested_system_time.reason"] == "is required"
    # The amount is checked against its unit even before the reason is written.
    assert fields["suggested_system_time.amount"] == "must be between 0 and 100 per cent of the post"
    messages = form_messages(problems)
    assert messages["responsibilities"].startswith('Responsibilities, line 1: start the line with "system:"')
    assert "line 2: names the capability 'mind_reading'" in messages["capabilities"]
    assert "line 3: requirement must be one of 'essential' or 'desirable'" in messages["capabilities"]
    assert messages["sectors"] == "Sectors are required."


def test_a_new_role_id_may_not_repeat_one_of_the_users_own(tmp_path: Path, library: Library) -> None:
    entry, _ = validate_role(new_role(library), library)
    assert entry is not None
    save_entry(entry, tmp_path)
    mine = with_user(tmp_path)
    _again, problems = validate_role(new_role(mine), mine)
    assert dict(problems)["id"].startswith("is already used by your own emerging role")


# --- saving and loading back ---------------------------------------------------------------------


def test_a_capability_round_trips_and_records_what_it_overrides(tmp_path: Path, library: Library) -> None:
    data = new_capability(
        library,
        id="empathy",
        name="Empathy – with partners",
        description="First paragraph about Māori and Welsh (Cymraeg) partners.\n\nSecond paragraph: yes, no, null.",
        sources=["scie2021", {"id": "king2019", "where": "Lessons: scenarios"}],
    )
    entry, problems = validate_capability(data, library)
    assert problems == [] and entry is not None
    path = save_entry(entry, tmp_path)
    assert path == tmp_path / "capabilities" / "empathy.yaml"

    loaded = with_user(tmp_path)
    assert loaded.problems == []
    assert loaded.capabilities["empathy"] == entry
    origin = loaded.origins[("capability", "empathy")]
    assert origin.folder.label == "user" and origin.file == path
    replaced = loaded.overridden[("capability", "empathy")]
    assert [item.file for item in replaced] == [library_dir() / "capabilities" / "empathy.yaml"]
    # Still reported as overriding once it is the user's own entry.
    assert overrides("capability", "empathy", loaded) == library_dir() / "capabilities" / "empathy.yaml"
    assert own_file("capability", "empathy", loaded, tmp_path) == path


def test_the_file_has_the_shape_of_the_bundled_files(tmp_path: Path, library: Library) -> None:
    entry, _ = validate_role(
        new_role(
            library,
            sources=[{"id": "scie2021", "where": "Integral leadership roles"}, "scie2018"],
            suggested_system_time={"unit": "days_per_week", "amount": "2.5", "reason": "Half the week."},
            purpose="",
            considerations=[],
        ),
        library,
    )
    assert entry is not None
    path = save_entry(entry, tmp_path)
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(written)[:3] == ["id", "name", "summary"]
    assert "purpose" not in written and "considerations" not in written
    assert written["sources"] == [{"id": "scie2021", "where": "Integral leadership roles"}, "scie2018"]
    assert written["suggested_system_time"] == {"unit": "days_per_week", "amount": 2.5, "reason": "Half the week."}
    assert written["capabilities"][0] == {"id": "shared_decision_making", "requirement": "essential"}
    assert written["responsibilities"][0]["kind"] == "system"

    loaded = with_user(tmp_path)
    assert loaded.roles["place_partnership_lead"] == entry
    assert loaded.roles["place_partnership_lead"].suggested_system_time.amount == Decimal("2.5")
    assert ("role", "place_partnership_lead") not in loaded.overridden


def test_saving_an_edited_entry_under_a_new_id_removes_the_old_file(tmp_path: Path, library: Library) -> None:
    first, _ = validate_capability(new_capability(library), library)
    assert first is not None
    old = save_entry(first, tmp_path)
    mine = with_user(tmp_path)
    renamed, problems = validate_capability(new_capability(mine, id="citizens_voices"), mine, editing="citizen_voice")
    assert problems == [] and renamed is not None
    new = save_entry(renamed, tmp_path, replacing="citizen_voice")
    assert new.is_file() and not old.exists()


def test_saving_into_a_folder_that_cannot_be_made_says_so(tmp_path: Path, library: Library) -> None:
    entry, _ = validate_capability(new_capability(library), library)
    assert entry is not None
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(EntryError, match="Cannot save"):
        save_entry(entry, blocker)


def test_a_user_folder_whose_files_cannot_be_checked_gives_sentences_not_crashes(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated (the tests run as root, which permissions do not stop): the form checks the id on
    every keystroke, and a folder on a share that refuses the check must not stop the form."""
    denied = tmp_path / "capabilities" / "citizen_voice.yaml"
    real_stat = os.stat

    def refusing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(os.fspath(path)) == denied:
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing)
    entry, problems = validate_capability(new_capability(library), library, folder=tmp_path)
    assert entry is None
    assert problems == [
        (
            "id",
            "already has a file in your library (citizen_voice.yaml) that did not load; "
            "choose another identifier, or mend or remove that file",
        )
    ]
    with pytest.raises(EntryError, match=r"citizen_voice\.yaml: "):
        delete_entry("capability", "citizen_voice", tmp_path)


# --- deleting ------------------------------------------------------------------------------------


def test_delete_removes_the_users_file(tmp_path: Path, library: Library) -> None:
    entry, _ = validate_capability(new_capability(library), library)
    assert entry is not None
    path = save_entry(entry, tmp_path)
    delete_entry("capability", "citizen_voice", tmp_path)
    assert not path.exists()
    assert "citizen_voice" not in with_user(tmp_path).capabilities


@pytest.mark.parametrize("entry_id", ["../../etc/passwd", "../roles/x", "/tmp/x", "", "Empathy"])
def test_delete_refuses_anything_that_is_not_an_identifier(tmp_path: Path, entry_id: str) -> None:
    with pytest.raises(EntryError) as caught:
        delete_entry("capability", entry_id, tmp_path)
    assert caught.value.field == "id"


def test_delete_refuses_other_kinds_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(EntryError, match="Only capabilities and emerging roles"):
        delete_entry("source", "scie2021", tmp_path)  # type: ignore[arg-type]
    with pytest.raises(EntryError, match="There is no file"):
        delete_entry("capability", "empathy", tmp_path)


def test_delete_never_touches_a_file_outside_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: empathy\n", encoding="utf-8")
    folder = tmp_path / "mine"
    (folder / "capabilities").mkdir(parents=True)
    link = folder / "capabilities" / "empathy.yaml"
    try:
        os.symlink(outside, link)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    with pytest.raises(EntryError, match="outside your library folder"):
        delete_entry("capability", "empathy", folder)
    assert outside.is_file()


def test_delete_leaves_a_file_that_holds_other_entries(tmp_path: Path) -> None:
    (tmp_path / "capabilities").mkdir()
    path = tmp_path / "capabilities" / "empathy.yaml"
    path.write_text("- id: empathy\n- id: listening\n", encoding="utf-8")
    with pytest.raises(EntryError, match="does not hold"):
        delete_entry("capability", "empathy", tmp_path)
    assert path.is_file()


def test_a_bundled_entry_is_not_the_users_own(library: Library, tmp_path: Path) -> None:
    assert own_file("capability", "empathy", library, tmp_path) is None


# --- duplicating and the text fields -------------------------------------------------------------


def test_duplicate_data_gives_a_unique_id_and_a_copy_name(tmp_path: Path, library: Library) -> None:
    data = duplicate_data("capability", "active_listening", library)
    assert data["id"] == "active_listening_copy"
    assert data["name"] == "Active listening (copy)"
    entry, problems = validate_capability(data, library)
    assert problems == [] and entry is not None
    save_entry(entry, tmp_path)
    mine = with_user(tmp_path)
    again = duplicate_data("capability", "active_listening", mine)
    assert again["id"] == "active_listening_copy_2"
    assert again["id"] not in mine.capabilities and again["id"] not in mine.roles
    role = duplicate_data("role", "accountable_officer", library)
    assert role["id"] == "accountable_officer_copy"
    assert validate_role(role, library)[1] == []


def test_entry_data_of_something_missing_says_so(library: Library) -> None:
    with pytest.raises(EntryError, match="There is no capability 'nothing_here'"):
        entry_data("capability", "nothing_here", library)


def test_text_helpers() -> None:
    refs = parse_sources("scie2021\n\n king2019 : Lessons: scenarios \n")
    assert refs == ["scie2021", {"id": "king2019", "where": "Lessons: scenarios"}]
    assert sources_text(refs) == "scie2021\nking2019: Lessons: scenarios"
    assert parse_responsibilities("Organisational: Run the team.\nSystem: Lead: the place.") == [
        {"text": "Run the team.", "kind": "organisational"},
        {"text": "Lead: the place.", "kind": "system"},
    ]
    assert parse_capability_refs("empathy\nactive_listening: Desirable") == [
        {"id": "empathy"},
        {"id": "active_listening", "requirement": "desirable"},
    ]
    assert suggest_id("Leading through influence – across places!") == "leading_through_influence_across_places"
