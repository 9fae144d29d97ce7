"""The settings checks, without Qt: each check both ways, on real files."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.files.settingscheck import (
    MAX_LOGO_BYTES,
    check_hours,
    check_library_folder,
    check_logo,
    path_from_text,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff\xe0"


# --- logo ------------------------------------------------------------------------------------


def test_no_logo_is_fine() -> None:
    assert check_logo(None) is None


def test_png_logo_is_fine(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_MAGIC + b"anything at all")
    assert check_logo(logo) is None


def test_jpeg_logo_is_fine_whatever_its_name(tmp_path: Path) -> None:
    logo = tmp_path / "logo.picture"
    logo.write_bytes(JPEG_MAGIC + b"anything")
    assert check_logo(logo) is None


def test_text_file_named_png_is_not_a_picture(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture", encoding="utf-8")
    assert check_logo(logo) == f"The logo file {logo} is not a PNG or JPEG picture."


def test_empty_file_is_not_a_picture(tmp_path: Path) -> None:
    logo = tmp_path / "empty.jpg"
    logo.write_bytes(b"")
    assert "is not a PNG or JPEG picture" in (check_logo(logo) or "")


def test_folder_is_not_a_logo(tmp_path: Path) -> None:
    assert check_logo(tmp_path) == f"The logo {tmp_path} is a folder, not a picture file."


def test_missing_logo(tmp_path: Path) -> None:
    missing = tmp_path / "gone.png"
    assert check_logo(missing) == f"The logo file {missing} does not exist."


def test_logo_over_five_megabytes(tmp_path: Path) -> None:
    logo = tmp_path / "huge.png"
    with logo.open("wb") as file:
        file.write(PNG_MAGIC)
        file.truncate(MAX_LOGO_BYTES + 1)
    message = check_logo(logo) or ""
    assert str(logo) in message
    assert "larger than the 5 MB allowed" in message


def test_logo_of_exactly_five_megabytes_is_fine(tmp_path: Path) -> None:
    logo = tmp_path / "big.png"
    with logo.open("wb") as file:
        file.write(PNG_MAGIC)
        file.truncate(MAX_LOGO_BYTES)
    assert check_logo(logo) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev as Linux and macOS have them")
def test_a_logo_that_is_a_pipe_or_a_device_is_said_to_be_one(tmp_path: Path) -> None:
    """Path.is_file() is False for both, so they were called missing; the export then read /dev/zero for ever."""
    pipe = tmp_path / "logo.png"
    os.mkfifo(pipe)
    assert check_logo(pipe) == (
        f"The logo file {pipe} could not be read (it is not an ordinary file (a device, a pipe or a socket, "
        "for example))."
    )
    link = tmp_path / "zero.png"
    link.symlink_to("/dev/zero")
    assert "it is not an ordinary file" in (check_logo(link) or "")


# --- library folders -------------------------------------------------------------------------


def test_library_folders_fine(tmp_path: Path) -> None:
    assert check_library_folder(None, "shared library") is None
    assert check_library_folder(tmp_path, "shared library") is None


def test_missing_library_folder(tmp_path: Path) -> None:
    missing = tmp_path / "S-drive" / "roles"
    assert check_library_folder(missing, "shared library") == (
        f"The shared library folder {missing} does not exist (a network drive may be disconnected)."
    )


def test_file_is_not_a_library_folder(tmp_path: Path) -> None:
    file = tmp_path / "roles.yaml"
    file.write_text("roles: []", encoding="utf-8")
    assert (
        check_library_folder(file, "personal library") == f"The personal library folder {file} is a file, not a folder."
    )


# --- hours -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("37.5", Decimal("37.5")),
        (" 36 ", Decimal(36)),
        ("168", Decimal(168)),
        ("0.5", Decimal("0.5")),
        (".5", Decimal("0.5")),
        ("37.", Decimal(37)),
        ("22.1234", Decimal("22.1234")),
        ("37.500000", Decimal("37.5")),
    ],
)
def test_hours_fine(text: str, hours: Decimal) -> None:
    assert check_hours(text) == (hours, None)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Enter the default contracted hours a week"),
        ("   ", "Enter the default contracted hours a week"),
        ("abc", "must be a number"),
        ("NaN", "must be a number"),
        ("Infinity", "must be a number"),
        ("3e1", "must be a number"),
        ("37,5", "must be a number"),
        ("1,000", "must be a number"),
        ("37.5 hours", "must be a number"),
        ("0", "more than 0 and at most 168"),
        ("-5", "more than 0 and at most 168"),
        ("168.0001", "more than 0 and at most 168"),
        ("500", "more than 0 and at most 168"),
        ("37.12345", "at most 4 decimal places"),
    ],
)
def test_hours_refused(text: str, says: str) -> None:
    hours, message = check_hours(text)
    assert hours is None
    assert message is not None and says in message
    assert message.startswith(("The default contracted hours a week", "Enter"))
    assert message.endswith(".")


# --- typed paths -----------------------------------------------------------------------------


def test_path_from_text() -> None:
    assert path_from_text("") is None
    assert path_from_text("   ") is None
    assert path_from_text(' "/srv/roles" ') == Path("/srv/roles")
    assert path_from_text("~/roles") == Path.home() / "roles"
