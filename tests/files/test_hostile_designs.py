"""Design files planted on a shared drive: each gets one sentence naming it, never a hang or a crash."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roledesigner.files.designfile import DesignFileError, load_design, parse_design
from roledesigner.files.jsontext import MAX_DEPTH, MAX_NUMBER_LENGTH

needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes as Linux and macOS make them")


def _one_sentence(error: pytest.ExceptionInfo[DesignFileError], path: Path, *words: str) -> None:
    message = str(error.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message and message.endswith(".")
    for word in words:
        assert word in message, message


def _nested(depth: int) -> str:
    return '{"schema_version": 2, "title": "x", "deep": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("depth", [100_000, MAX_DEPTH + 1])
def test_a_design_nested_too_deep_is_one_sentence(tmp_path: Path, depth: int) -> None:
    """100,000 levels stopped Python's reader with RecursionError; a few dozen would pass it but not later steps."""
    path = tmp_path / "deep.roledesign"
    path.write_text(_nested(depth), encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    _one_sentence(caught, path, f"nested more than {MAX_DEPTH} levels deep")


def test_ordinary_nesting_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.roledesign"
    path.write_text(
        '{"schema_version": 2, "title": "x", "joint": {"partners": [{"organisation": "A", "sector": "icb",'
        ' "host": true, "funding_percent": 100, "time_percent": 100}]}}',
        encoding="utf-8",
    )
    assert load_design(path).joint is not None


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "9" * 5000, "1." + "0" * 5000, "1e" + "9" * 5000])
def test_a_number_thousands_of_digits_long_is_one_sentence(tmp_path: Path, number: str) -> None:
    """int() refuses more than 4,300 digits with ValueError, which escaped as an internal fault."""
    path = tmp_path / "number.roledesign"
    path.write_text(f'{{"schema_version": 2, "title": "x", "version": {number}}}', encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    _one_sentence(caught, path, f"more than {MAX_NUMBER_LENGTH} digits long")


def test_a_huge_number_as_the_whole_file_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "number.roledesign"
    path.write_text("9" * 5000, encoding="utf-8")
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    _one_sentence(caught, path, "digits long")


@needs_devices
def test_a_design_that_is_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    """The size check trusted the reported size of 0, then read for ever."""
    link = tmp_path / "endless.roledesign"
    link.symlink_to("/dev/zero")
    with pytest.raises(DesignFileError) as caught:
        load_design(link)
    _one_sentence(caught, link, "not an ordinary file")
    with pytest.raises(DesignFileError, match="not an ordinary file"):
        load_design(Path("/dev/zero"))


@needs_fifos
def test_a_design_that_is_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """Opening a pipe for reading waits for a writer that never comes: `check` and Open hung."""
    pipe = tmp_path / "pipe.roledesign"
    os.mkfifo(pipe)
    with pytest.raises(DesignFileError) as caught:
        load_design(pipe)
    _one_sentence(caught, pipe, "not an ordinary file")


def lock_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What a user who may not search `folder` gets from the system; the tests run as root, who always may."""
    real_open, real_stat = os.open, os.stat

    def inside(name: object) -> bool:
        return isinstance(name, (str, os.PathLike)) and Path(os.fspath(name)).parent == folder

    def refuse(name: object) -> PermissionError:
        return PermissionError(errno.EACCES, "Permission denied", str(name))

    def locked_open(name: object, *args: object, **kwargs: object) -> int:
        if inside(name):
            raise refuse(name)
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    def locked_stat(name: object, *args: object, **kwargs: object) -> os.stat_result:
        if inside(name):
            raise refuse(name)
        return real_stat(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", locked_open)
    monkeypatch.setattr(os, "stat", locked_stat)


def test_a_design_in_a_folder_the_user_cannot_open_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Path.exists() raised PermissionError before the read, which escaped as an internal fault."""
    folder = tmp_path / "locked share"
    folder.mkdir()
    path = folder / "role.roledesign"
    path.write_text('{"schema_version": 2, "title": "x"}', encoding="utf-8")
    lock_folder(monkeypatch, folder)
    with pytest.raises(DesignFileError) as caught:
        load_design(path)
    _one_sentence(caught, path, "permission denied")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_design_or_one_sentence(text: str) -> None:
    try:
        parse_design(text, Path("any.roledesign"))
    except DesignFileError as error:
        assert "\n" not in str(error) and str(error).startswith("any.roledesign")


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.integers() | st.text(max_size=5), lambda inner: st.lists(inner, max_size=3)))
def test_any_json_value_in_a_field_is_a_design_or_one_sentence(value: object) -> None:
    import json

    text = json.dumps({"schema_version": 2, "title": "x", "purpose": value})
    try:
        parse_design(text, Path("any.roledesign"))
    except DesignFileError as error:
        assert "\n" not in str(error)
