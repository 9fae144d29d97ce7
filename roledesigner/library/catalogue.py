"""The loaded library: every entry by id, where it came from, what it replaced, and what was wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from roledesigner.library.models import Capability, Domain, Framework, GlossaryEntry, Role, Source
from roledesigner.library.quoting import visible

if TYPE_CHECKING:
    from roledesigner.library.search import SearchIndex

Kind = Literal["role", "capability", "framework", "source", "glossary"]


@dataclass(frozen=True)
class Folder:
    """One library folder and its place in the layering (later folders win)."""

    path: Path
    label: Literal["bundled", "shared", "user", "extra"]


@dataclass(frozen=True)
class Origin:
    folder: Folder
    file: Path


@dataclass(frozen=True)
class Problem:
    """Something in a library file that was skipped or could not be resolved.

    Its text may quote the file (an id, a field name, a file name), so every part is made visible
    (`quoting.visible`): a warning never carries a terminal's escape sequences.
    """

    file: Path
    message: str
    entry: str = ""
    field: str = ""

    def __post_init__(self) -> None:
        for name in ("message", "entry", "field"):
            object.__setattr__(self, name, visible(getattr(self, name)))

    def __str__(self) -> str:
        where = f"entry '{self.entry}'" if self.entry else ""
        if self.field:
            where = f"{where}, field '{self.field}'" if where else f"field '{self.field}'"
        file = visible(str(self.file))
        return f"{file}: {where}: {self.message}" if where else f"{file}: {self.message}"


@dataclass
class Library:
    folders: list[Folder] = field(default_factory=list)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    capabilities: dict[str, Capability] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    origins: dict[tuple[Kind, str], Origin] = field(default_factory=dict)
    #: For an entry that replaced others of the same id: the files it replaced, oldest first.
    overridden: dict[tuple[Kind, str], list[Origin]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def capability_domains(self) -> dict[str, Domain]:
        """The domains capabilities are filed under, in framework order."""
        return {
            domain.id: domain
            for framework in self.frameworks.values()
            if framework.used_for == "capabilities"
            for domain in framework.domains
        }

    def domain_name(self, domain_id: str) -> str:
        domain = self.capability_domains.get(domain_id)
        return domain.name if domain else domain_id.replace("_", " ").capitalize()

    def kind_of(self, entry_id: str) -> Kind | None:
        if entry_id in self.roles:
            return "role"
        if entry_id in self.capabilities:
            return "capability"
        if entry_id in self.frameworks:
            return "framework"
        if entry_id in self.sources:
            return "source"
        return None

    def role_domains(self, role: Role) -> list[str]:
        """The capability domains a role's capabilities cover, in framework order."""
        covered = {self.capabilities[ref.id].domain for ref in role.capabilities if ref.id in self.capabilities}
        return [domain for domain in self.capability_domains if domain in covered]

    @cached_property
    def index(self) -> SearchIndex:
        from roledesigner.library.search import SearchIndex

        return SearchIndex.build(self)
