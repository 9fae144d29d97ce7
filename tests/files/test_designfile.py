"""Design files: saving is atomic and lossless; every kind of bad file gets one plain sentence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from roledesigner.domain.models import SCHEMA_VERSION, Partner, RoleDesign
from roledesigner.files import designfile as storage
from roledesigner.files.designfile import DesignFileError, load_design, save_design


def _design() -> RoleDesign:
    return RoleDesign(title="Place director", purpose="Lead the place partnership.")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_save_then_load_gives_the_same_design(tmp_path: Path) -> None:
    path = tmp_path / "a.roledesign"
    design = _design()
    save_design(design, path)
    assert load_design(path) == design
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == "Place director"


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    save_design(_design(), tmp_path / "a.roledesign")
    assert [p.name for p in tmp_path.iterdir()] == ["a.roledesign"]


def test_failed_save_keeps_the_original_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.roledesign"
    save_design(_design(), path)
    before = path.read_bytes()

    def power_cut(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(DesignFileError, match=r"Cannot save .*a\.roledesign"):
        save_design(_design().model_copy(update={"title": "Changed"}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.roledesign"]


def test_save_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(DesignFileError, match=r"folder .* does not exist"):
        save_design(_design(), tmp_path / "nowhere" / "a.roledesign")


def test_lone_surrogates_are_mended_so_the_design_can_be_saved(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "s.roledesign", '{"schema_version": 1, "title": "A \\ud800 B", "reports_to": ["C \\udc00"]}'
    )
    design = load_design(path)
    assert (design.title, design.reports_to) == ("A \ufffd B", ["C \ufffd"])
    save_design(design, path)
    assert load_design(path) == design
    design.title = "D \ud800"  # typed in, not read from a file
    assert design.title == "D \ufffd"


BAD_FILES = {
    "empty": ("", "is empty"),
    "not_json": ("{title: 'x'", "is not valid JSON"),
    "list": ("[1, 2]", "holds a list, not a role design"),
    "null": ("null", "holds null"),
    "no_version": ('{"title": "x"}', "has no schema_version"),
    "text_version": ('{"schema_version": "one", "title": "x"}', "schema_version 'one'"),
    "missing_title": ('{"schema_version": 1}', "title is required"),
    "wrong_type": ('{"schema_version": 1, "title": ["x"]}', "title must be text"),
    "unknown_enum": ('{"schema_version": 1, "title": "x", "footprint": "galaxy"}', "footprint must be one of"),
    "newer": ('{"schema_version": 99, "title": "x"}', "newer version of Role Designer"),
    "bad_split": (
        '{"schema_version": 1, "title": "x", "joint": {"partners": [{"organisation": "A", "sector": "icb",'
        ' "funding_percent": 150, "time_percent": 50}]}}',
        "joint.partners[0].funding_percent must be between 0 and 100",
    ),
    "nan_hours": (
        '{"schema_version": 1, "title": "x", "time": {"contracted_hours_per_week": NaN}}',
        "must be a number",
    ),
    "unknown_field": ('{"schema_version": 1, "title": "x", "titel": "y"}', "titel is not a field"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_content_gets_one_sentence_naming_the_file(tmp_path: Path, name: str) -> None:
    text, expected = BAD_FILES[name]
    path = _write(tmp_path / f"{name}.roledesign", text)
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    message = str(caught.value)
    assert str(path) in message
    assert expected in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DesignFileError, match="does not exist"):
        load_design(tmp_path / "gone.roledesign")


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(DesignFileError, match="is a folder"):
        load_design(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.roledesign"
    path.write_bytes('{"schema_version": 1, "title": "Caf\xe9"}'.encode("latin-1"))
    with pytest.raises(DesignFileError, match="is not a role design file: it is not plain text"):
        load_design(path)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.roledesign"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    with pytest.raises(DesignFileError, match="100 MB, far larger than any role design"):
        load_design(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.roledesign"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"schema_version": 1, "title": "x"}')
    assert load_design(path).title == "x"


def test_older_formats_are_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A format-0 file passes through the migration chain (format 0 is invented for this test)."""

    def from_zero(data: dict[str, object]) -> dict[str, object]:
        renamed = dict(data)
        renamed["title"] = renamed.pop("job_title")
        return renamed

    monkeypatch.setattr(storage, "MIN_SCHEMA_VERSION", 0)
    monkeypatch.setitem(storage.MIGRATIONS, 0, from_zero)
    path = _write(tmp_path / "old.roledesign", '{"schema_version": 0, "job_title": "Old post"}')
    assert load_design(path).title == "Old post"


def test_too_old_a_format_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "old.roledesign", '{"schema_version": 0, "title": "x"}')
    with pytest.raises(DesignFileError, match="schema_version 0; it must be a whole number from 1"):
        load_design(path)


def test_partner_percentages_are_validated_in_plain_words() -> None:
    with pytest.raises(ValueError, match=r"funding_percent\n.*must be between 0 and 100"):
        Partner(organisation="Council", sector="local_authority", funding_percent=120, time_percent=10)  # type: ignore[arg-type]


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    from roledesigner.files.atomic import NEW_FILE_MODE

    path = tmp_path / "shared.roledesign"
    save_design(_design(), path)
    assert path.stat().st_mode & 0o777 == NEW_FILE_MODE
    assert NEW_FILE_MODE & 0o044, "readable by others under an ordinary umask"
    path.chmod(0o640)
    save_design(_design(), path)
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and pipes as a Linux or macOS user makes them")
def test_saving_through_a_link_keeps_the_link_and_a_pipe_is_refused(tmp_path: Path) -> None:
    from roledesigner.files.atomic import WriteError, write_atomically

    real = tmp_path / "shared" / "role.roledesign"
    real.parent.mkdir()
    save_design(_design(), real)
    link = tmp_path / "role.roledesign"
    link.symlink_to(real)
    save_design(_design().model_copy(update={"title": "Saved through the link"}), link)
    assert link.is_symlink(), "the link is still a link"
    assert load_design(real).title == "Saved through the link"

    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    with pytest.raises(WriteError, match=r"pipe.docx: it is not an ordinary file"):
        write_atomically(pipe, b"data")
    assert not pipe.is_file() and pipe.exists(), "the pipe is left as it was"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ('{"schema_version": 1, "title": "Cut sho', "at line 1, column 32, a piece of text is not closed"),
        (
            "PK\x03\x04 not json",
            "at line 1, column 1, something unexpected starts there, so it may not be a role design at all",
        ),
        ('{"schema_version": 1} {}', "more follows the end of the design"),
    ],
)
def test_damaged_json_is_explained_in_plain_words(tmp_path: Path, text: str, meaning: str) -> None:
    path = _write(tmp_path / "damaged.roledesign", text)
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    message = str(caught.value)
    assert message.startswith(f"{path} is not valid JSON (")
    assert meaning in message
    assert "at at" not in message and "Expecting" not in message and "delimiter" not in message


def test_a_format_1_file_opens_and_is_saved_in_the_current_format(tmp_path: Path) -> None:
    """Format 2 added the directorate and the job reference; a format-1 file has neither."""
    path = _write(tmp_path / "v1.roledesign", '{"schema_version": 1, "title": "Place director", "employer": "ICB"}')
    design = load_design(path)
    assert (design.title, design.employer, design.directorate, design.job_reference) == (
        "Place director",
        "ICB",
        "",
        "",
    )
    save_design(design.model_copy(update={"directorate": "Strategy", "job_reference": "ICB-123"}), path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["schema_version"] == SCHEMA_VERSION
    assert (written["directorate"], written["job_reference"]) == ("Strategy", "ICB-123")
    assert load_design(path).job_reference == "ICB-123"


def test_a_format_from_a_newer_version_says_to_update(tmp_path: Path) -> None:
    path = _write(tmp_path / "next.roledesign", f'{{"schema_version": {SCHEMA_VERSION + 1}, "title": "x"}}')
    with pytest.raises(DesignFileError, match="saved by a newer version of Role Designer"):
        load_design(path)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links as a Linux or macOS user makes them")
def test_a_loop_of_links_is_one_sentence(tmp_path: Path) -> None:
    first, second = tmp_path / "a.roledesign", tmp_path / "b.roledesign"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(DesignFileError, match=r"a.roledesign: it is a link that leads nowhere"):
        save_design(_design(), first)
