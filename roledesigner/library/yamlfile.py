"""Read one library YAML file as plain data: a safe loader, bounded work, and plain messages.

What a file can make the loader do is bounded before any of it reaches the models:
- its bytes come through `folderfiles.read_bytes` (ordinary files inside the library folder, at
  most 1 MB);
- tags that build Python objects (`!!python/...`) are refused by the safe loader;
- aliases (`*name`) are refused outright, so a few hundred bytes of nested aliases (a "billion
  laughs") cannot grow into gigabytes once something walks the data; no library entry needs them;
- nesting is bounded (libyaml stops at 1,000 levels; the pure-Python loader's recursion is caught);
- a number longer than `MAX_DIGITS` and an impossible date are refused with their line, instead of
  the ValueError Python raises for them.
Every failure is a YamlFileError; whatever its text quotes from the file is made visible (`quoting`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from roledesigner.library.folderfiles import UnreadableFile, read_bytes
from roledesigner.library.quoting import quoted

try:  # the C loader is several times faster; both are safe loaders
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

#: No value in a library is a number anywhere near this long (Python refuses over 4,300 digits).
MAX_DIGITS = 100


class YamlFileError(Exception):
    """A library file could not be read as YAML; str() is a phrase such as 'line 4: ...'."""


class _Refused(yaml.constructor.ConstructorError):
    """A value this loader refuses; its problem is already the phrase to show."""


def _refuse(node: yaml.Node, problem: str) -> _Refused:
    return _Refused(None, None, problem, node.start_mark)


class _Loader(_Base):
    """The safe loader, with plain refusals for numbers and dates Python cannot hold."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = str(node.value)
        if len(value) > MAX_DIGITS:
            raise _refuse(node, f"holds a number {len(value):,} characters long, far longer than any library value")
        return int(super().construct_yaml_int(node))

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            raise _refuse(
                node,
                f"holds the date {quoted(node.value)}, which is not a real date; "
                "put it in quotes if it is meant as text",
            ) from error


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _line(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return f"line {mark.line + 1}: " if mark is not None else ""


def _refuse_aliases(text: str) -> None:
    """Scan the events (no data is built) and refuse the first alias, naming its line."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            where = f"line {line}: " if line else ""
            raise YamlFileError(
                f"{where}uses the YAML alias *{quoted(event.anchor)}; library files must write every value out in full"
            )


def _parse(text: str) -> Any:
    if "*" in text:  # an alias is always written with '*': files without one need no scan
        _refuse_aliases(text)
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def read_yaml(path: Path, root: Path) -> Any:
    """The plain data in one library file inside the library folder `root`; else YamlFileError."""
    try:
        text = read_bytes(path, root).decode("utf-8-sig")
    except UnreadableFile as error:
        raise YamlFileError(str(error)) from error
    except UnicodeDecodeError as error:
        raise YamlFileError(f"is not UTF-8 text (byte position {error.start})") from error
    try:
        return _parse(text)
    except _Refused as error:
        raise YamlFileError(f"{_line(error)}{error.problem}") from error
    except yaml.constructor.ConstructorError as error:
        problem = str(getattr(error, "problem", ""))
        if "could not determine a constructor" not in problem:  # an unhashable key, a bad merge
            raise YamlFileError(f"{_line(error)}is not plain library data ({quoted(problem, 200)})") from error
        tag = problem.split("'")
        named = tag[1].replace("tag:yaml.org,2002:", "!!") if len(tag) > 1 else "a tag"
        raise YamlFileError(
            f"{_line(error)}uses the YAML tag {quoted(named)}, which could run code; library files hold plain data only"
        ) from error
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise YamlFileError(f"{_line(error)}is not valid YAML ({quoted(problem, 200)})") from error
    except RecursionError as error:
        raise YamlFileError("nests lists or groups too deeply to be a library entry") from error
