"""The recruitment pack's scales and guidance (`scoring.yaml`): the bundled file, then a team's and a user's.

Each section a later folder's `scoring.yaml` holds replaces the same section whole, so a trust
that only changes its interview scale writes only that. Shared folders are not trusted: a file
or a section that cannot be used is a warning naming the file, and the scale already loaded (in
the end, the bundled one) stands. Files are read as the library's are (`yamlfile.read_yaml`:
safe loader, size cap, no links out of the folder). A bundled file that cannot be used is a
broken install: that is a `ScoringError`, since no pack can be made without a scale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator, model_validator

from roledesigner.domain.errors import InputError, plain_errors
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.text import FilledText, Identifier
from roledesigner.domain.vocabulary import CriterionCategory, Sector
from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.folderfiles import present
from roledesigner.library.loader import default_folders
from roledesigner.library.quoting import quoted, visible
from roledesigner.library.yamlfile import YamlFileError, read_yaml

FILE_NAME = "scoring.yaml"
_WHERE = {"bundled": "the bundled library", "shared": "your team's library", "user": "your own library"}


class ScoringError(InputError):
    """The bundled scales cannot be used: one sentence naming the file and the problem."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Data):
    """One point of a scale, with the description that anchors it."""

    score: Annotated[int, Field(ge=0, le=100)]
    label: FilledText
    description: FilledText


Levels = Annotated[list[Level], Field(min_length=2, max_length=11)]


def _rising(levels: list[Level]) -> list[Level]:
    scores = [level.score for level in levels]
    if scores != sorted(set(scores)):
        raise ValueError("must list each score once, lowest first")
    return levels


class InterviewScale(_Data):
    name: FilledText
    description: str = ""
    levels: Levels

    _levels_rise = field_validator("levels")(_rising)

    @property
    def lowest(self) -> int:
        return self.levels[0].score

    @property
    def highest(self) -> int:
        return self.levels[-1].score


class ShortlistingKey(_Data):
    name: FilledText
    description: str = ""
    #: The lowest score that counts as meeting a criterion.
    meets_from: int
    levels: Levels

    _levels_rise = field_validator("levels")(_rising)

    @model_validator(mode="after")
    def _meets_from_a_level(self) -> ShortlistingKey:
        scores = [level.score for level in self.levels]
        if self.meets_from not in scores[1:]:
            raise ValueError(
                f"meets_from must be one of the key's scores above the lowest ({', '.join(map(str, scores[1:]))})"
            )
        return self

    @property
    def scores(self) -> list[int]:
        return [level.score for level in self.levels]


Lines = Annotated[list[FilledText], Field(min_length=1)]


class InterviewGuidance(_Data):
    probes: Lines
    weak_signs: Lines
    #: Questions for a criterion the design wrote itself, by person-specification area; `other`
    #: serves any area without its own.
    criterion_questions: dict[CriterionCategory, Lines]
    decisions: Annotated[list[FilledText], Field(min_length=2)]

    @field_validator("criterion_questions")
    @classmethod
    def _a_fallback(cls, value: dict[CriterionCategory, list[str]]) -> dict[CriterionCategory, list[str]]:
        if CriterionCategory.OTHER not in value:
            raise ValueError("must give questions for 'other', which serve any area without its own")
        return value

    def questions_for(self, category: CriterionCategory) -> list[str]:
        return self.criterion_questions.get(category) or self.criterion_questions[CriterionCategory.OTHER]


class StandardArea(_Data):
    name: FilledText
    description: FilledText
    indicators: Lines
    interview_questions: Lines


class AppliesTo(_Data):
    """When a standard applies to a design: any one condition is enough."""

    roles: list[Identifier] = []
    title_words: list[FilledText] = []
    host_sectors: list[Sector] = []
    employer_words: list[FilledText] = []


class Standard(_Data):
    id: Identifier
    name: FilledText
    source: FilledText
    introduction: FilledText
    applies_to: AppliesTo
    #: Words or phrases that, in a person-specification criterion, mean it asks for this standard.
    criterion_words: list[FilledText] = []
    areas: Annotated[list[StandardArea], Field(min_length=1)]

    def asked_for_by(self, text: str) -> bool:
        """Whether a criterion's wording asks for this standard ("...the NHS Constitution values...")."""
        return bool(self.criterion_words) and mentions(text, self.criterion_words)


class Scoring(_Data):
    interview_scale: InterviewScale
    shortlisting_key: ShortlistingKey
    interview_guidance: InterviewGuidance
    standards: list[Standard] = []


SECTIONS: dict[str, Any] = {
    "interview_scale": InterviewScale,
    "shortlisting_key": ShortlistingKey,
    "interview_guidance": InterviewGuidance,
    "standards": list[Standard],
}


@dataclass(frozen=True)
class LoadedScoring:
    scoring: Scoring
    #: Each section and the library folder it came from ("bundled", "shared", "user").
    origins: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    def origin(self, section: str) -> str:
        """Where a section came from, in words: "the bundled library", "your team's library"."""
        return _WHERE.get(self.origins.get(section, "bundled"), "a library folder")


def _read(path: Path, root: Path) -> Mapping[str, Any]:
    """The file's top-level mapping; YamlFileError (a phrase) when it is not one."""
    data = read_yaml(path, root)
    if not isinstance(data, dict):
        raise YamlFileError("must hold the sections interview_scale, shortlisting_key, interview_guidance, standards")
    return data


def _validated(name: str, raw: Any) -> Any:
    return TypeAdapter(SECTIONS[name]).validate_python(raw)


def _problem(error: ValidationError) -> str:
    field_name, phrase = plain_errors(error)[0]
    where = f"{quoted(field_name, 120)} " if field_name else ""
    return f"{where}{quoted(phrase, 200)}"


def _bundled() -> tuple[Scoring, Path]:
    folder = library_dir()
    path = folder / FILE_NAME
    if not present(path):
        raise ScoringError(f"Role Designer's scoring scales {path} are missing; reinstall the app.")
    try:
        data = _read(path, folder.resolve())
        return Scoring.model_validate(data), path
    except YamlFileError as error:
        raise ScoringError(
            f"Role Designer's scoring scales {path} cannot be used ({error}); reinstall the app."
        ) from error
    except ValidationError as error:
        raise ScoringError(
            f"Role Designer's scoring scales {path} cannot be used ({_problem(error)}); reinstall the app."
        ) from error


def load_scoring(folders: Iterable[Folder] | None = None) -> LoadedScoring:
    """The bundled scales, with each section a later folder's scoring.yaml replaces.

    `folders` is the library's layering (`loader.default_folders()`, or `Library.folders`);
    the bundled folder in it is read first whatever its place.
    """
    if folders is None:
        folders = default_folders()
    scoring, _path = _bundled()
    sections: dict[str, Any] = {name: getattr(scoring, name) for name in SECTIONS}
    origins = dict.fromkeys(SECTIONS, "bundled")
    warnings: list[str] = []
    for folder in folders:
        if folder.label == "bundled":
            continue
        path = folder.path / FILE_NAME
        where = visible(str(path))
        try:
            if not present(path):
                continue
            data = _read(path, folder.path.resolve())
        except (YamlFileError, OSError, RuntimeError) as error:  # RuntimeError: a loop of links
            warnings.append(f"{where}: {error}; the scales already loaded are used instead.")
            continue
        for name, raw in data.items():
            if name not in SECTIONS:
                known = ", ".join(SECTIONS)
                unknown = quoted(str(name))
                warnings.append(f"{where}: has the unknown section {unknown} (known: {known}); it was ignored.")
                continue
            try:
                sections[name] = _validated(name, raw)
            except ValidationError as error:
                problem = _problem(error)
                warnings.append(f"{where}: section '{name}': {problem}; the one already loaded is used instead.")
                continue
            origins[name] = folder.label
    return LoadedScoring(Scoring(**sections), origins, warnings)


def scoring_for(library: Library) -> LoadedScoring:
    """The scales that go with a loaded library: its own folders, in its order."""
    return load_scoring(library.folders)


_WORD_EDGE = r"(?<![\w-]){}(?![\w-])"


def mentions(text: str, phrases: Iterable[str]) -> bool:
    """Whether any phrase is in the text as whole words, whatever the case and spacing."""
    folded = " ".join(text.casefold().split())
    return any(re.search(_WORD_EDGE.format(re.escape(" ".join(p.casefold().split()))), folded) for p in phrases)


def host_sector(design: RoleDesign, library: Library) -> Sector | None:
    """The host employer's sector when it is known: a joint post's host partner; for a post with no
    employer named, the emerging role's first sector. A named employer is judged by its words alone."""
    if design.joint is not None:
        host = next((partner for partner in design.joint.partners if partner.host), None)
        return host.sector if host is not None else None
    if design.employer.strip():
        return None
    role = library.roles.get(design.based_on or "")
    return role.sectors[0] if role else None


def applies(standard: Standard, design: RoleDesign, library: Library) -> bool:
    """Whether a standard fits the design (docs/recruitment.md says how)."""
    rule = standard.applies_to
    if design.based_on and design.based_on in rule.roles:
        return True
    if rule.title_words and mentions(design.title, rule.title_words):
        return True
    if rule.employer_words and mentions(design.employer, rule.employer_words):
        return True
    if rule.host_sectors:
        sector = host_sector(design, library)
        return sector is not None and sector in rule.host_sectors
    return False
