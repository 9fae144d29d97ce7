"""Hostile and damaged library files: each is one warning naming the file, and everything else loads.

Shared libraries live on network drives a whole team can write to, so a file there may be broken
by accident or made to hurt: these tests feed the loader such files and check that it neither
stops, waits, follows a link out of the folder, nor echoes what it should not.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesigner.library import folderfiles, yamlfile
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from roledesigner.library.models import Capability
from tests.support.libfixtures import billion_laughs, capability, good_folder, make_folder

GOOD = {"listening", "empathy"}


def load(base: Path, *more: Path) -> Library:
    labels = ["shared", "user"]
    folders = [Folder(base, "bundled"), *(Folder(path, labels[i]) for i, path in enumerate(more))]  # type: ignore[arg-type]
    return load_library(folders)


def messages(library: Library) -> list[str]:
    return [str(problem) for problem in library.problems]


def only_problem(library: Library) -> str:
    found = messages(library)
    assert len(found) == 1, found
    return found[0]


def test_an_impossible_date_skips_its_file_with_its_line_and_the_rest_loads(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/dated.yaml": capability("dated") + "reviewed: 2026-02-30\n"})
    library = load(base)
    assert set(library.capabilities) == GOOD
    message = only_problem(library)
    assert message.startswith(f"{base / 'capabilities' / 'dated.yaml'}: line 9: ")
    assert "holds the date 2026-02-30, which is not a real date" in message
    assert message.endswith("the file was skipped")


def test_a_real_date_still_reaches_the_model_and_is_refused_there_as_an_unknown_field(tmp_path: Path) -> None:
    """The date rule only replaces Python's crash: a valid date is read as before."""
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/dated.yaml": capability("dated") + "reviewed: 2026-02-27\n"})
    (problem,) = load(base).problems
    assert (problem.entry, problem.field) == ("dated", "reviewed")


@pytest.mark.parametrize("digits", [200, 5000])
def test_a_number_far_too_long_skips_its_file_and_the_rest_loads(tmp_path: Path, digits: int) -> None:
    """Over 4,300 digits Python's int() raises ValueError; 200 is still nothing a library holds."""
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/long.yaml": capability("long") + f"extra: {'7' * digits}\n"})
    library = load(base)
    assert set(library.capabilities) == GOOD
    message = only_problem(library)
    assert f"long.yaml: line 9: holds a number {digits:,} characters long" in message


def _refuse(monkeypatch: pytest.MonkeyPatch, name: str, target: Path, error: OSError) -> None:
    """Make os.<name> fail with `error` for `target` alone, as a locked share or a busy file would."""
    real = getattr(os, name)

    def refusing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(os.fspath(path)) == target:
            raise error
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, refusing)


def test_a_shared_folder_that_cannot_be_opened_is_one_warning_and_the_others_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: the tests run as root, which permission bits do not stop, so os.scandir is made
    to refuse the shared folder as a locked network share does."""
    base = good_folder(tmp_path / "bundled")
    shared = make_folder(tmp_path / "shared", {"capabilities/team.yaml": capability("team")})
    user = make_folder(tmp_path / "user", {"capabilities/mine.yaml": capability("mine")})
    _refuse(monkeypatch, "scandir", shared, PermissionError(errno.EACCES, "Permission denied"))
    library = load(base, shared, user)
    assert set(library.capabilities) == {*GOOD, "mine"}
    assert only_problem(library) == f"{shared}: cannot be opened (permission denied), so it was skipped"


def test_a_shared_folder_whose_status_cannot_be_read_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated (root ignores permissions): on Windows a share the user has no rights to fails
    already when its status is asked for."""
    base = good_folder(tmp_path / "bundled")
    shared = make_folder(tmp_path / "shared", {"capabilities/team.yaml": capability("team")})
    _refuse(monkeypatch, "stat", shared, PermissionError(errno.EACCES, "Access is denied"))
    library = load(base, shared)
    assert set(library.capabilities) == GOOD
    assert only_problem(library) == f"{shared}: cannot be opened (permission denied), so it was skipped"


def test_an_entry_folder_that_cannot_be_listed_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated (root ignores permissions): the roles folder refuses to be listed."""
    base = good_folder(tmp_path / "bundled")
    shared = make_folder(tmp_path / "shared", {"capabilities/team.yaml": capability("team"), "roles/x.yaml": "x"})
    _refuse(monkeypatch, "scandir", shared / "roles", PermissionError(errno.EACCES, "Permission denied"))
    library = load(base, shared)
    assert "team" in library.capabilities
    assert only_problem(library) == (
        f"{shared / 'roles'}: cannot be opened (permission denied); the role entries in it were skipped"
    )


def test_a_file_another_program_holds_open_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated: Windows refuses to open a file another program has locked; any OSError will do."""
    base = good_folder(tmp_path)
    busy = base / "capabilities" / "empathy.yaml"
    _refuse(monkeypatch, "open", busy, OSError(errno.EBUSY, "Device or resource busy"))
    library = load(base)
    assert set(library.capabilities) == {"listening"}
    assert f"{busy}: cannot be read (device or resource busy); the file was skipped" in messages(library)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore these bits")
def test_a_shared_folder_without_read_permission(tmp_path: Path) -> None:
    base = good_folder(tmp_path / "bundled")
    shared = make_folder(tmp_path / "shared", {"capabilities/team.yaml": capability("team")})
    shared.chmod(0)
    try:
        library = load(base, shared)
    finally:
        shared.chmod(0o700)
    assert set(library.capabilities) == GOOD
    assert only_problem(library) == f"{shared}: cannot be opened (permission denied), so it was skipped"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path: Path, opening: str) -> None:
    """Reading a pipe with no writer waits for ever: if this regresses, the test hangs until the
    suite's own timeout stops it."""
    base = good_folder(tmp_path)
    os.mkfifo(base / "capabilities" / "x.yaml")
    os.mkfifo(base / "frameworks.yml")  # not a name the loader reads: left alone
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert only_problem(library) == (
        f"{base / 'capabilities' / 'x.yaml'}: is a named pipe, not a file; only ordinary files are read; "
        "the file was skipped"
    )


def test_a_device_is_refused(tmp_path: Path, opening: str) -> None:
    base = good_folder(tmp_path)
    device = base / "roles" / "zero.yaml"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # what /dev/zero is
    except (AttributeError, PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device here: {error}")
    library = load(base)
    assert "place_lead" in library.roles
    assert (
        only_problem(library)
        == f"{device}: is a device, not a file; only ordinary files are read; the file was skipped"
    )


def test_a_billion_laughs_is_refused_at_its_first_alias(tmp_path: Path) -> None:
    """Nine levels of nine aliases stand for 387 million strings: once anything walks them (the
    old loader turned the id into text) a command took about 50 s and 5.5 GB."""
    base = good_folder(tmp_path)
    bomb = billion_laughs()
    assert len(bomb.encode()) < 500
    make_folder(base, {"capabilities/laughs.yaml": bomb})
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert only_problem(library) == (
        f"{base / 'capabilities' / 'laughs.yaml'}: line 2: uses the YAML alias *a0; "
        "library files must write every value out in full; the file was skipped"
    )


def test_any_alias_is_refused_but_an_asterisk_in_text_is_not_one(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    stars = capability("stars").replace("Described in plain words.", '"**Bold** claims, 5 * 3 = 15"')
    shared_text = capability("shared_text").replace("domain: relationships_and_connectivity", "domain: &d x")
    make_folder(base, {"capabilities/stars.yaml": stars, "capabilities/anchor.yaml": shared_text + "other: *d\n"})
    library = load(base)
    assert library.capabilities["stars"].description == "**Bold** claims, 5 * 3 = 15"
    assert "anchor.yaml: line 9: uses the YAML alias *d" in only_problem(library)


def test_a_file_over_one_megabyte_is_refused_unopened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """A valid entry of 1.5 MB and a sparse file of 10 GB: neither is opened, let alone read."""
    base = good_folder(tmp_path)
    large = base / "capabilities" / "large.yaml"
    large.write_text(capability("large").replace("Described in plain words.", "word " * 300_000), encoding="utf-8")
    huge = base / "capabilities" / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(10 * 1024**3)
    opened: list[Path] = []
    real_open = os.open

    def watching(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(Path(os.fspath(path)))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching)
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert not {large, huge} & set(opened)
    assert sorted(messages(library)) == [
        f"{huge}: is larger than 1 MB (10.0 GB), far larger than any library entry, so it was not read; "
        "the file was skipped",
        f"{large}: is larger than 1 MB ({round(large.stat().st_size / 1024):,} KB), far larger than any library entry, so it was not read; "
        "the file was skipped",
    ]


def test_a_file_that_grows_past_the_cap_after_its_size_was_checked_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """The read itself is bounded: a size reported small (as /proc files and some shares report
    0) does not let more than the cap through."""
    base = good_folder(tmp_path)
    large = base / "capabilities" / "large.yaml"
    large.write_bytes(b"#" * (folderfiles.MAX_BYTES + 10))
    real_stat = os.stat

    def small(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(path, *args, **kwargs)
        if Path(os.fspath(path)) == large:
            values = list(found)
            values[stat.ST_SIZE] = 0
            return os.stat_result(values)
        return found

    monkeypatch.setattr(os, "stat", small)
    assert "large.yaml: is larger than 1 MB" in only_problem(load(base))


SECRET = "TOP-SECRET-LINE"


@pytest.fixture(params=["located once open", "resolved before opening"])
def opening(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a file is checked: where the system says where an open file is (Linux, macOS),
    and where it cannot (Windows), so every path is resolved and checked before it is opened."""
    if request.param == "located once open" and not folderfiles._CAN_LOCATE:
        pytest.skip("this system cannot say where an open file is")
    if request.param == "resolved before opening":
        monkeypatch.setattr(folderfiles, "_CAN_LOCATE", False)
        monkeypatch.setattr(folderfiles, "_PROC_FDS", "")
        monkeypatch.setattr(folderfiles, "fcntl", None)
    return str(request.param)


def test_a_link_out_of_the_library_folder_is_not_followed_nor_its_target_quoted(tmp_path: Path, opening: str) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "broken.txt").write_text(f"id: [{SECRET}\nname: {SECRET}\n", encoding="utf-8")
    (outside / "valid.yaml").write_text(capability("stolen"), encoding="utf-8")
    base = good_folder(tmp_path / "library")
    (base / "capabilities" / "broken.yaml").symlink_to(outside / "broken.txt")
    (base / "capabilities" / "valid.yaml").symlink_to(outside / "valid.yaml")
    (base / "sources.yaml").rename(outside / "sources.yaml")
    (base / "sources.yaml").symlink_to(outside / "sources.yaml")
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert not library.sources
    refused = "is a link to a place outside the library folder, so it was not followed; the file was skipped"
    for name in ("capabilities/broken.yaml", "capabilities/valid.yaml", "sources.yaml"):
        assert f"{base / name}: {refused}" in messages(library)
    assert not any(SECRET in message for message in messages(library))


def test_a_linked_entry_folder_out_of_the_library_is_not_followed(tmp_path: Path, opening: str) -> None:
    outside = make_folder(tmp_path / "elsewhere", {"stolen.yaml": capability("stolen")})
    base = good_folder(tmp_path / "library")
    (base / "capabilities" / "listening.yaml").unlink()
    (base / "capabilities" / "empathy.yaml").unlink()
    (base / "capabilities").rmdir()
    (base / "capabilities").symlink_to(outside, target_is_directory=True)
    library = load(base)
    assert "stolen" not in library.capabilities
    assert f"{base / 'capabilities'}: is a link to a place outside the library folder" in messages(library)[0]


def test_a_link_inside_the_library_folder_is_followed(tmp_path: Path, opening: str) -> None:
    """Decided: a team may keep one file in two places of its own folder, so such links load."""
    base = good_folder(tmp_path)
    make_folder(base, {"archive/kept.yaml": capability("kept")})
    (base / "capabilities" / "kept.yaml").symlink_to(Path("..") / "archive" / "kept.yaml")
    library = load(base)
    assert library.problems == []
    assert "kept" in library.capabilities


def test_a_library_folder_that_is_itself_a_link_loads(tmp_path: Path, opening: str) -> None:
    """The folder named in the settings may be a link (to a mounted share): its inside is its target."""
    real = good_folder(tmp_path / "real")
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    library = load(link)
    assert library.problems == []
    assert set(library.capabilities) == GOOD


def test_a_dangling_link_and_a_loop_of_links_are_one_warning_each(tmp_path: Path, opening: str) -> None:
    base = good_folder(tmp_path)
    (base / "capabilities" / "gone.yaml").symlink_to(base / "nowhere.yaml")
    (base / "capabilities" / "loop_a.yaml").symlink_to(base / "capabilities" / "loop_b.yaml")
    (base / "capabilities" / "loop_b.yaml").symlink_to(base / "capabilities" / "loop_a.yaml")
    library = load(base)
    assert set(library.capabilities) == GOOD
    found = messages(library)
    assert len(found) == 3, found
    assert f"{base / 'capabilities' / 'gone.yaml'}: is a link that leads nowhere" in found[0]
    assert all("is a loop of links, so it was not followed" in message for message in found[1:])


def test_nesting_deeper_than_yaml_allows_is_one_warning(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    flow = "id: " + "[" * 5000 + "]" * 5000 + "\n"
    block = "".join(" " * level + "a:\n" for level in range(1200)) + " " * 1200 + "b\n"
    make_folder(base, {"capabilities/flow.yaml": flow, "capabilities/block.yaml": block})
    library = load(base)
    assert set(library.capabilities) == GOOD
    found = messages(library)
    assert len(found) == 2
    assert all("is not valid YAML" in message and "nesting depth" in message for message in found)


def test_nesting_just_within_yaml_limits_is_refused_by_the_model(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/deep.yaml": capability("deep").replace("[src]", "[" * 990 + "]" * 990)})
    (problem,) = load(base).problems
    assert problem.entry == "deep" and problem.field.startswith("sources")


def test_deep_nesting_is_one_warning_with_the_pure_python_loader_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where PyYAML was built without libyaml, nothing bounds the depth but Python's recursion."""

    class PureLoader(yaml.SafeLoader):
        pass

    monkeypatch.setattr(yamlfile, "_Loader", PureLoader)
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/flow.yaml": "id: " + "[" * 20_000 + "]" * 20_000 + "\n"})
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert "flow.yaml: nests lists or groups too deeply" in only_problem(library)


@pytest.mark.parametrize(
    ("name", "text", "phrase"),
    [
        ("capabilities/number.yaml", "42\n", "holds something that is not a capability entry"),
        ("capabilities/words.yaml", "just words\n", "holds something that is not a capability entry"),
        ("roles/list.yaml", "- 1\n- two\n", "holds something that is not a role entry"),
        ("frameworks.yaml", "- id: x\n", "must hold a list under 'frameworks:'"),
        ("sources.yaml", "sources: 3\n", "must hold a list under 'sources:'"),
        ("glossary.yaml", "glossary: [1]\n", "holds something that is not a glossary entry"),
    ],
)
def test_a_top_level_that_is_not_an_entry_or_a_list_of_them_is_a_warning(
    tmp_path: Path, name: str, text: str, phrase: str
) -> None:
    base = make_folder(good_folder(tmp_path), {name: text})
    library = load(base)
    assert any(message.startswith(f"{base / name}: {phrase}") for message in messages(library)), messages(library)


ESC = "\x1b"


def test_escape_sequences_from_a_file_never_reach_a_warning(tmp_path: Path) -> None:
    """Terminal escapes and a right-to-left override in a file's name, keys, id and tag are shown
    as visible escapes, so a warning can neither recolour, clear nor retitle the terminal."""
    base = good_folder(tmp_path)
    evil_name = f"{ESC}[2Jcleared.yaml"
    make_folder(
        base,
        {
            f"capabilities/{evil_name}": "id: [unclosed\n",
            "capabilities/keys.yaml": capability("keys") + '"\\e]0;pwned\\a": x\n',
            "capabilities/ids.yaml": capability("ids").replace("id: ids", 'id: "\\e[31mred\\u202e"'),
            "capabilities/tag.yaml": "id: !<tag:%1b[5m%07> x\n",
        },
    )
    library = load(base)
    found = messages(library)
    assert len(found) == 4, found
    for message in found:
        assert ESC not in message and "\x07" not in message and "\u202e" not in message, repr(message)
    text = "\n".join(found)
    assert "\\u001b[2Jcleared.yaml: line 2: is not valid YAML" in text
    assert "field '\\u001b]0;pwned\\u0007'" in text
    assert "entry '\\u001b[31mred\\u202e'" in text
    assert "uses the YAML tag tag:\\x1b[5m\\x07" in text  # PyYAML quotes the tag with repr()


def test_an_unexpected_fault_while_checking_one_file_skips_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Capability.model_validate

    def faulty(data: Any, *args: Any, **kwargs: Any) -> Capability:
        if data.get("id") == "empathy":
            raise ZeroDivisionError("no rule foresaw this")
        return real(data, *args, **kwargs)

    monkeypatch.setattr(Capability, "model_validate", faulty)
    library = load(good_folder(tmp_path))
    assert set(library.capabilities) == {"listening"}
    assert [ref.id for ref in library.roles["place_lead"].capabilities] == ["listening"]
    first, second = messages(library)
    assert first.endswith(
        "empathy.yaml: could not be read (ZeroDivisionError, a fault Role Designer did not expect); "
        "the file was skipped"
    )
    assert "names the capability 'empathy', which is not in the library" in second


_TOKENS = [
    "id: ", "name: ", "domain: ", "sources: ", "capabilities:", "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",",
    "&a ", "*a", "<<: ", "!!python/object/apply:os.system ", "!!binary ", "!<tag:%1b> ", "? ", "---\n", "...\n",
    "2026-02-30", "2026-02-27", "1:2:3", "0x" + "f" * 120, "9" * 120, "1e999", ".nan", "~", "null", "true",
    "'", '"', "\\e[2J", "\\u202e", "\x1b", "\ufeff", "\t", "listening", "empathy", "src", "|\n  ",
]  # fmt: skip
HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200),
        st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join),
    ),
    name=st.sampled_from(["capabilities/x.yaml", "roles/x.yaml", "frameworks.yaml", "sources.yaml", "glossary.yaml"]),
)
def test_whatever_a_file_holds_the_library_loads_and_its_warnings_are_visible(
    tmp_path: Path, content: bytes | str, name: str
) -> None:
    base = tmp_path / "library"
    if not base.exists():
        good_folder(base)
    original = (base / name).read_bytes() if (base / name).exists() else None
    (base / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        library = load(base)
    finally:
        if original is None:
            (base / name).unlink()
        else:
            (base / name).write_bytes(original)
    if name.startswith(("capabilities", "roles")):
        assert set(library.capabilities) >= GOOD
    for message in messages(library):
        assert not {char for char in message if unicodedata.category(char) in HIDDEN}, repr(message)


def test_a_folder_swapped_for_a_link_out_while_a_file_is_being_read_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """A writer of the shared folder racing the reader: just after the link checks, the entry
    folder is swapped for a link to a private folder holding a file of the same name. Simulated
    by making the swap inside the reader's own status call."""
    outside = make_folder(tmp_path / "private", {"listening.yaml": capability("listening", name=SECRET)})
    base = good_folder(tmp_path / "library")
    target = base / "capabilities" / "listening.yaml"
    real_stat = os.stat

    def swapping(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(os.fspath(path)) == target and not (base / "capabilities").is_symlink():
            (base / "capabilities").rename(base / "moved")
            (base / "capabilities").symlink_to(outside, target_is_directory=True)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", swapping)
    library = load(base)
    assert "listening" not in library.capabilities
    if opening == "located once open":  # the swap came before the file was opened, and is seen once it is
        assert f"{target}: changed while it was being opened, so it was not read" in messages(library)[0]
    else:  # the swap came before the path was resolved, so the path now leads out
        assert f"{target}: is a link to a place outside the library folder" in messages(library)[0]
    assert not any(SECRET in message for message in messages(library))


def test_a_key_that_is_a_list_is_one_warning(tmp_path: Path) -> None:
    base = good_folder(tmp_path)
    make_folder(base, {"capabilities/key.yaml": capability("key") + "? [a, b]\n: x\n"})
    library = load(base)
    assert set(library.capabilities) == GOOD
    assert "key.yaml: line 9: is not plain library data (found unhashable key)" in only_problem(library)
