"""The library loader: layering, override records, and each bad input skipped and reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from roledesigner.files.paths import library_dir
from roledesigner.files.settings import load_settings
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import default_folders, load_library
from tests.support.libfixtures import capability, good_folder, make_folder, role


def _load(*roots: Path) -> Library:
    labels = ["bundled", "shared", "user"]
    return load_library([Folder(root, labels[i]) for i, root in enumerate(roots)])  # type: ignore[arg-type]


def _messages(library: Library) -> list[str]:
    return [str(problem) for problem in library.problems]


def test_a_good_folder_loads_with_no_problems(tmp_path: Path) -> None:
    library = _load(good_folder(tmp_path / "base"))
    assert library.problems == []
    assert set(library.capabilities) == {"listening", "empathy"}
    assert [ref.id for ref in library.roles["place_lead"].capabilities] == ["listening", "empathy"]
    assert library.glossary["ICS"].meaning == "Integrated care system"


def test_a_later_folder_overrides_by_id_and_the_library_records_it(tmp_path: Path) -> None:
    base = good_folder(tmp_path / "base")
    user = make_folder(tmp_path / "user", {"capabilities/mine.yaml": capability("listening", name="Deep listening")})
    library = _load(base, user)
    assert library.capabilities["listening"].name == "Deep listening"
    origin = library.origins[("capability", "listening")]
    assert origin.folder.label == "shared"
    assert origin.file == user / "capabilities" / "mine.yaml"
    assert [o.file for o in library.overridden[("capability", "listening")]] == [
        base / "capabilities" / "listening.yaml"
    ]
    assert ("capability", "empathy") not in library.overridden


def test_yaml_syntax_error_names_the_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/broken.yaml": "id: broken\nname: [unclosed\ndomain: x\n"})
    library = _load(base)
    assert "listening" in library.capabilities
    (message,) = _messages(library)
    assert "broken.yaml" in message
    assert "line 3" in message or "line 2" in message
    assert "not valid YAML" in message


def test_a_python_object_tag_is_refused(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/evil.yaml": "id: !!python/object/apply:os.system ['echo hacked']\n"})
    library = _load(base)
    (message,) = _messages(library)
    assert "evil.yaml" in message
    assert "!!python/object/apply:os.system" in message
    assert "plain data only" in message


def test_duplicate_id_in_one_folder_keeps_the_first(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/zz_again.yaml": capability("listening", name="Second copy")})
    library = _load(base)
    assert library.capabilities["listening"].name == "Listening"
    (problem,) = library.problems
    assert problem.entry == "listening"
    assert problem.field == "id"
    assert "repeats the capability id" in problem.message
    assert problem.file.name == "zz_again.yaml"


def test_unknown_domain_skips_the_entry(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/odd.yaml": capability("odd", domain="astrology")})
    library = _load(base)
    assert "odd" not in library.capabilities
    (problem,) = library.problems
    assert (problem.entry, problem.field) == ("odd", "domain")
    assert "unknown domain 'astrology'" in problem.message


def test_dangling_capability_reference_is_reported_and_dropped(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"roles/other.yaml": role("other", ["listening", "telepathy"])})
    library = _load(base)
    assert [ref.id for ref in library.roles["other"].capabilities] == ["listening"]
    (problem,) = library.problems
    assert (problem.entry, problem.field) == ("other", "capabilities[1]")
    assert "'telepathy', which is not in the library" in problem.message


def test_missing_field_names_entry_and_field(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    text = capability("vague").replace("criterion: Evidence of doing the thing.\n", "")
    make_folder(base, {"capabilities/vague.yaml": text})
    library = _load(base)
    (problem,) = library.problems
    assert str(problem) == (
        f"{base / 'capabilities' / 'vague.yaml'}: entry 'vague', field 'criterion': is required; the entry was skipped"
    )


def test_unknown_source_is_reported(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/cited.yaml": capability("cited").replace("sources: [src]", "sources: [nowhere]")})
    library = _load(base)
    assert "cited" in library.capabilities
    (problem,) = library.problems
    assert "cites the source 'nowhere'" in problem.message


def test_empty_and_non_mapping_files_are_skipped(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"roles/empty.yaml": "", "roles/scalar.yaml": "just words\n"})
    library = _load(base)
    messages = _messages(library)
    assert len(messages) == 2
    assert any("empty.yaml: is empty" in m for m in messages)
    assert any("scalar.yaml: holds something that is not a role entry" in m for m in messages)


def test_not_utf8_is_skipped(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    (base / "roles" / "latin.yaml").write_bytes("name: Caf\xe9\n".encode("latin-1"))
    (message,) = _messages(_load(base))
    assert "latin.yaml: is not UTF-8 text" in message


def test_a_missing_user_folder_is_not_a_problem(tmp_path: Path) -> None:
    library = load_library([Folder(good_folder(tmp_path / "b"), "bundled"), Folder(tmp_path / "none", "user")])
    assert library.problems == []


def test_default_folders_follow_settings_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(tmp_path / "team"))
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(tmp_path / "me"))
    folders = default_folders(load_settings())
    assert [(f.label, f.path) for f in folders] == [
        ("bundled", library_dir()),
        ("shared", tmp_path / "team"),
        ("user", tmp_path / "me"),
    ]


def test_search_matches_word_prefixes_across_fields_with_filters(tmp_path: Path) -> None:
    library = _load(good_folder(tmp_path))
    index = library.index
    assert [hit.id for hit in index.search("listen")] == ["listening"]
    assert {hit.id for hit in index.search("thing")} == {"listening", "empathy"}
    assert [hit.id for hit in index.search("partnership")] == ["place_lead"]
    assert index.search("partnership", kind="capability") == []
    assert [hit.id for hit in index.search("", domain="individual_effectiveness")] == ["place_lead", "empathy"]
    assert [hit.id for hit in index.search("", footprint="place")] == ["place_lead"]
    assert index.search("listen zebra") == []
    # A name match ranks above a match deeper in the text.
    assert index.search("empathy")[0].id == "empathy"
