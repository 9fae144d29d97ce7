"""The backup beside a design (`name.roledesign.bak`): never written through a link, as private as the design."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roledesigner.domain.models import RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.designfile import MAX_BYTES, DesignFileError, backup_path, load_design, save_design

posix_only = pytest.mark.skipif(
    os.name != "posix", reason="links, pipes and permission bits as Linux and macOS have them"
)


def _saved_twice(path: Path) -> None:
    save_design(RoleDesign(title="First"), path)
    save_design(RoleDesign(title="Second"), path)


@posix_only
def test_a_planted_link_as_the_backup_is_replaced_not_written_through(tmp_path: Path) -> None:
    """In a shared folder anyone could plant `X.roledesign.bak` -> a file of the user's; the save overwrote it."""
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_text("the user's own file", encoding="utf-8")
    design = tmp_path / "shared" / "X.roledesign"
    design.parent.mkdir()
    save_design(RoleDesign(title="First"), design)
    backup_path(design).symlink_to(victim)
    save_design(RoleDesign(title="Second"), design)
    assert victim.read_text(encoding="utf-8") == "the user's own file", "nothing written through the link"
    assert not backup_path(design).is_symlink(), "the link itself was replaced"
    assert load_design(backup_path(design)).title == "First"
    assert load_design(design).title == "Second"


@posix_only
def test_a_link_to_a_missing_file_as_the_backup_creates_nothing_there(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "new-file"
    target.parent.mkdir()
    design = tmp_path / "X.roledesign"
    save_design(RoleDesign(title="First"), design)
    backup_path(design).symlink_to(target)
    save_design(RoleDesign(title="Second"), design)
    assert not target.exists()
    assert load_design(backup_path(design)).title == "First"


@posix_only
def test_a_pipe_as_the_backup_is_replaced_and_the_save_goes_on(tmp_path: Path) -> None:
    design = tmp_path / "X.roledesign"
    save_design(RoleDesign(title="First"), design)
    os.mkfifo(backup_path(design))
    save_design(RoleDesign(title="Second"), design)
    assert backup_path(design).is_file() and load_design(backup_path(design)).title == "First"


def test_a_folder_as_the_backup_stops_the_save_with_a_sentence_and_keeps_the_design(tmp_path: Path) -> None:
    design = tmp_path / "X.roledesign"
    save_design(RoleDesign(title="First"), design)
    backup_path(design).mkdir()
    with pytest.raises(DesignFileError, match=r"X\.roledesign\.bak: it is a folder"):
        save_design(RoleDesign(title="Second"), design)
    assert load_design(design).title == "First"


@posix_only
def test_the_backup_of_a_private_design_is_private(tmp_path: Path) -> None:
    """The `.bak` of a 0600 design was created 0644 (readable by everyone on the share)."""
    design = tmp_path / "private.roledesign"
    save_design(RoleDesign(title="First"), design)
    design.chmod(0o600)
    save_design(RoleDesign(title="Second"), design)
    assert backup_path(design).stat().st_mode & 0o777 == 0o600
    assert design.stat().st_mode & 0o777 == 0o600


@posix_only
def test_an_existing_open_backup_takes_the_designs_permissions(tmp_path: Path) -> None:
    design = tmp_path / "private.roledesign"
    _saved_twice(design)
    backup_path(design).chmod(0o644)
    design.chmod(0o640)
    save_design(RoleDesign(title="Third"), design)
    assert backup_path(design).stat().st_mode & 0o777 == 0o640


def test_a_file_far_larger_than_a_design_is_not_read_into_a_backup(tmp_path: Path) -> None:
    """Saving over a huge file would read it whole into memory for the backup; it is refused instead."""
    path = tmp_path / "big.roledesign"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(DesignFileError, match="far larger than any role design"):
        save_design(RoleDesign(title="x"), path)
    assert path.stat().st_size == MAX_BYTES + 1


@posix_only
def test_write_atomically_without_following_links_replaces_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"old")
    link = tmp_path / "link"
    link.symlink_to(target)
    write_atomically(link, b"new", follow_links=False, mode=0o600)
    assert target.read_bytes() == b"old"
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert link.stat().st_mode & 0o777 == 0o600
    with pytest.raises(WriteError, match="it is a folder"):
        write_atomically(tmp_path, b"x", follow_links=False)
