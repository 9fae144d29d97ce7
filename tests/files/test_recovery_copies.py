"""Recovery copies left by a crash: migrated as files are, offered when usable, kept aside (never deleted) when not."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from roledesigner.domain.models import SCHEMA_VERSION, RoleDesign
from roledesigner.files.recovery import RecoveryStore

SET_ASIDE_SUFFIX = ".damaged"


def _copy(folder: Path, name: str, payload: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.recovery.json"
    text = payload if isinstance(payload, str) else json.dumps(payload)
    path.write_text(text, encoding="utf-8")
    return path


def _payload(design: dict[str, Any], saved_at: Any = "2026-11-22T09:30:00", original: Any = None) -> dict[str, Any]:
    return {"saved_at": saved_at, "original": original, "design": design}


def _good(folder: Path, name: str = "good", title: str = "Good copy") -> Path:
    return _copy(folder, name, _payload({"schema_version": SCHEMA_VERSION, "title": title}))


def test_a_copy_in_format_1_is_migrated_and_offered(tmp_path: Path) -> None:
    """Copies skipped the migration, so a copy written before an upgrade was called damaged and deleted."""
    folder = tmp_path / "recovery"
    _copy(folder, "old", _payload({"schema_version": 1, "title": "Written before the upgrade", "employer": "ICB"}))
    (copy,) = RecoveryStore(folder).left_behind()
    assert copy.problem == ""
    assert copy.design is not None
    assert (copy.design.title, copy.design.employer, copy.design.schema_version) == (
        "Written before the upgrade",
        "ICB",
        SCHEMA_VERSION,
    )


def test_a_copy_from_a_newer_version_is_kept_where_it_is_and_reported(tmp_path: Path) -> None:
    """The newer Role Designer that wrote it can still offer it; this one says so and deletes nothing."""
    folder = tmp_path / "recovery"
    newer = _copy(folder, "newer", _payload({"schema_version": SCHEMA_VERSION + 1, "title": "From the future"}))
    before = newer.read_bytes()
    store = RecoveryStore(folder)
    (copy,) = store.left_behind()
    assert copy.design is None
    assert "newer version of Role Designer" in copy.problem and "\n" not in copy.problem
    assert "kept" in copy.problem
    store.discard(copy)  # what the app does with a copy it cannot offer
    assert newer.read_bytes() == before, "still there for the newer version"


def test_a_copy_with_an_unreadable_time_is_still_offered(tmp_path: Path) -> None:
    """An unreadable timestamp made the whole copy 'damaged', and the app deleted it."""
    folder = tmp_path / "recovery"
    for name, saved_at in (("words", "yesterday afternoon"), ("number", 12), ("missing", None)):
        _copy(folder, name, _payload({"schema_version": SCHEMA_VERSION, "title": f"Copy {name}"}, saved_at=saved_at))
    copies = RecoveryStore(folder).left_behind()
    assert sorted(c.design.title for c in copies if c.design) == ["Copy missing", "Copy number", "Copy words"]
    assert all(c.saved_at is None and c.problem == "" for c in copies)


def test_an_original_path_that_is_not_a_path_leaves_the_design_unsaved(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    _copy(folder, "odd", _payload({"schema_version": SCHEMA_VERSION, "title": "Odd"}, original=["not", "a", "path"]))
    _copy(folder, "nul", _payload({"schema_version": SCHEMA_VERSION, "title": "Nul"}, original="a\x00b.roledesign"))
    copies = RecoveryStore(folder).left_behind()
    assert sorted(c.name for c in copies) == ["Nul", "Odd"]
    assert all(c.original is None and c.design is not None for c in copies)


BAD_COPIES: dict[str, str] = {
    "not json": "{ cut sho",
    "not utf-8": "\udcff",  # written with errors="surrogateescape" below: a lone 0xFF byte
    "a list": "[1, 2]",
    "no design": '{"saved_at": "2026-11-22T09:30:00"}',
    "bad design": json.dumps(_payload({"schema_version": SCHEMA_VERSION, "title": ["not", "text"]})),
    "nested 100,000 deep": '{"design": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a 5,000-digit number": '{"design": {"schema_version": ' + "9" * 5000 + "}}",
}


@pytest.mark.parametrize("kind", list(BAD_COPIES))
def test_a_bad_copy_is_kept_aside_reported_and_never_blocks_the_good_ones(tmp_path: Path, kind: str) -> None:
    """One malformed copy stopped every good copy being offered (RecursionError, ValueError), and bad ones were deleted."""
    folder = tmp_path / "recovery"
    _good(folder, "a", "First good")
    bad = folder / "bad.recovery.json"
    bad.write_bytes(BAD_COPIES[kind].encode("utf-8", errors="surrogateescape"))
    content = bad.read_bytes()
    _good(folder, "z", "Second good")
    store = RecoveryStore(folder)
    copies = store.left_behind()
    assert sorted(c.design.title for c in copies if c.design) == ["First good", "Second good"]
    (problem,) = [c for c in copies if c.design is None]
    kept = folder / f"bad.recovery.json{SET_ASIDE_SUFFIX}"
    assert problem.path == kept and kept.read_bytes() == content, "kept aside whole"
    assert not bad.exists(), "no longer found as a copy to offer"
    assert "bad.recovery.json" in problem.problem and str(kept.name) in problem.problem
    assert "\n" not in problem.problem
    store.discard(problem)
    assert kept.read_bytes() == content, "discarding a problem never deletes it"
    again = RecoveryStore(folder).left_behind()
    assert sorted(c.design.title for c in again if c.design) == ["First good", "Second good"]
    assert all(c.design for c in again), "a copy kept aside is reported once, not on every start"


def test_a_time_with_a_zone_does_not_stop_the_others_being_offered(tmp_path: Path) -> None:
    """Sorting a time with a zone among times without one raised TypeError, and no copy was offered."""
    folder = tmp_path / "recovery"
    _good(folder, "plain")
    _copy(folder, "zoned", _payload({"schema_version": SCHEMA_VERSION, "title": "Zoned"}, "2026-11-23T09:30:00+00:00"))
    copies = RecoveryStore(folder).left_behind()
    assert [c.design.title for c in copies if c.design] == ["Zoned", "Good copy"], "newest first"


def test_a_second_bad_copy_of_the_same_name_does_not_replace_the_first_kept_aside(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    _copy(folder, "bad", "first damage")
    RecoveryStore(folder).left_behind()
    _copy(folder, "bad", "second damage")
    (copy,) = RecoveryStore(folder).left_behind()
    kept = sorted(p.read_text(encoding="utf-8") for p in folder.iterdir())
    assert kept == ["first damage", "second damage"]
    assert copy.path.read_text(encoding="utf-8") == "second damage"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes as Linux and macOS make them")
def test_a_copy_that_is_a_pipe_is_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    _good(folder)
    os.mkfifo(folder / "pipe.recovery.json")
    copies = RecoveryStore(folder).left_behind()
    assert [c.design.title for c in copies if c.design] == ["Good copy"]
    (problem,) = [c for c in copies if c.design is None]
    assert "not an ordinary file" in problem.problem


def test_a_copy_that_cannot_be_kept_aside_is_left_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder (or, on Windows, a copy another program holds open) refuses the rename."""
    folder = tmp_path / "recovery"
    bad = _copy(folder, "bad", "not json")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    store = RecoveryStore(folder)
    (copy,) = store.left_behind()
    assert copy.path == bad and bad.read_text(encoding="utf-8") == "not json"
    assert "left where it is" in copy.problem
    store.discard(copy)
    assert bad.exists()


def test_a_copy_written_and_read_back_keeps_its_time_and_file(tmp_path: Path) -> None:
    first = RecoveryStore(tmp_path / "recovery")
    first.write(RoleDesign(title="T"), Path("/shared/t.roledesign"), now=dt.datetime(2026, 1, 2, 3, 4))
    (copy,) = RecoveryStore(tmp_path / "recovery").left_behind()
    assert (copy.saved_at, copy.original, copy.problem) == (
        dt.datetime(2026, 1, 2, 3, 4),
        Path("/shared/t.roledesign"),
        "",
    )
