"""Read one library YAML file as plain data, with a safe loader and plain messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; both are safe loaders
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024


class YamlFileError(Exception):
    """A library file could not be read as YAML; str() is a phrase such as 'line 4: ...'."""


def _line(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return f"line {mark.line + 1}: " if mark is not None else ""


def read_yaml(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise YamlFileError("is larger than 2 MB, far too large for a library entry")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlFileError(f"is not UTF-8 text (byte position {error.start})") from error
    except OSError as error:
        raise YamlFileError(f"cannot be read ({error.strerror or error})") from error
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.constructor.ConstructorError as error:
        tag = str(getattr(error, "problem", "")).split("'")
        named = tag[1].replace("tag:yaml.org,2002:", "!!") if len(tag) > 1 else "a tag"
        raise YamlFileError(
            f"{_line(error)}uses the YAML tag {named}, which could run code; library files hold plain data only"
        ) from error
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise YamlFileError(f"{_line(error)}is not valid YAML ({problem})") from error
