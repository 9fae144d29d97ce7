"""The interview pack's view model: what the panel asks, listens for and scores, from a design and the library.

Every capability and criterion assessed at interview or presentation becomes an area to score, in
person-specification order, then the standards that fit the post (`scoring.yaml`: the NHS
Leadership Competency Framework for a board-level post, the NHS values for an NHS-hosted one).
The library holds questions and indicators but no probes or weak-answer signs, so those are
derived plainly from the indicators here (docs/recruitment.md says how), beside the general
ones in `scoring.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from roledesigner.documents.packs.rows import PackHead, SpecRow, lower_first, pack_head, spec_rows, without_source_ids
from roledesigner.documents.viewmodel import build_view, clean, paragraphs
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import label
from roledesigner.library.catalogue import Library
from roledesigner.library.scoring import InterviewGuidance, InterviewScale, LoadedScoring, Standard, applies

DOCUMENT_KIND = "Interview pack"
#: At most this many library questions an area (the issue asks for two or three).
MAX_QUESTIONS = 3
#: Probes derived from the indicators the questions touch least.
DERIVED_PROBES = 2
DEFAULT_PANEL = 3
MAX_PANEL = 12
HEADING_CHARACTERS = 90
NO_AREAS = (
    "No capability or criterion in this person specification is assessed at interview or presentation, so this "
    "pack has no questions from it. Mark in Role Designer how each one is assessed, then export the pack again."
)
# The pack's own words, said alike by the Word file (interviewword) and the PDF (interviewhtml).
HEADINGS = {
    "about": "About this pack",
    "scale": "Rating scale",
    "areas": "Areas to assess",
    "sheets": "Panel member scoring sheets",
    "consensus": "Panel consensus record",
    "decision": "Decision",
    "members": "Panel members",
}
LABELS = {
    "criterion": "Person specification: ",
    "why": "Why it matters: ",
    "serves": "In this post it serves the responsibility: ",
    "questions": "Questions:",
    "probes": "Follow-up probes:",
    "strong": "A strong answer shows:",
    "weak": "A weak answer:",
    "source": "Source: ",
}
SCALE_COLUMNS = ["Score", "Rating", "What it looks like"]
COVERS = (
    "This pack is for the panel interviewing for this post. It covers each capability and criterion that the "
    "person specification assesses at interview or presentation, in the person specification's order."
)
HOW_TO_USE = [
    "For each area it says why the area matters, gives questions and follow-up probes, and describes what a "
    "strong and a weak answer look like. Ask every candidate the same main questions.",
    "Each panel member scores every area on their own sheet. The panel then agrees one score for each area on "
    "the consensus record. Keep the completed sheets with the recruitment file: they record how the decision "
    "was made.",
]
CONSENSUS_INTRO = (
    "Fill this in together after the interview. Record each panel member's score, then the score the panel "
    "agrees, the decision and the reasons for it."
)

# Words too common in this library to link a capability to one responsibility rather than another.
_COMMON = frozenset(
    {"partne", "system", "organi", "across", "servic", "people", "their", "which", "other", "where", "about",
     "these", "those", "within", "throug", "betwee", "includ", "using", "leader", "leadin", "leads", "makes",
     "making", "works", "workin", "local", "clear", "every", "others"}
)  # fmt: skip
_WORD = re.compile(r"[a-z]{5,}")


@dataclass(frozen=True)
class Area:
    """One thing the panel scores: a capability, a criterion, or an area of a standard."""

    number: int
    name: str
    #: "Essential" or "Desirable" for the person specification's areas; "" for a standard's.
    requirement: str
    assessed_by: str
    #: The person-specification wording ("" for a standard's area).
    criterion: str
    why: list[str]
    #: The post's own responsibility this area serves most plainly, or "".
    serves: str
    questions: list[str]
    probes: list[str]
    strong: list[str]
    weak: list[str]

    @property
    def short_name(self) -> str:
        """The name as a heading or a table row holds it."""
        if len(self.name) <= HEADING_CHARACTERS:
            return self.name
        return self.name[: HEADING_CHARACTERS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.short_name}"

    @property
    def person_spec_line(self) -> str:
        """ "Criterion (Essential; assessed by interview)." ("" for a standard's own area)."""
        if not self.criterion:
            return ""
        return f"{self.criterion} ({self.requirement}; assessed by {self.assessed_by.lower()})."


@dataclass(frozen=True)
class StandardSection:
    name: str
    introduction: str
    source: str
    areas: list[Area]


@dataclass(frozen=True)
class InterviewPack(PackHead):
    scale: InterviewScale
    #: Where the scale came from, in words ("the bundled library", "your team's library").
    scale_origin: str
    areas: list[Area]
    standards: list[StandardSection]
    panel_members: int
    decisions: list[str]
    #: The sentence said in place of the areas when the person specification has none for interview.
    empty: str

    @property
    def all_areas(self) -> list[Area]:
        return [*self.areas, *(area for section in self.standards for area in section.areas)]

    @property
    def version_line(self) -> str:
        return f"Version {self.version} ({self.status.lower()}), {self.date}."

    @property
    def score_range(self) -> str:
        return f"{self.scale.lowest} to {self.scale.highest}"

    @property
    def about(self) -> list[str]:
        """The paragraphs under "About this pack"."""
        return [
            COVERS if self.areas else self.empty,
            *(section.introduction for section in self.standards),
            *(HOW_TO_USE if self.all_areas else []),
        ]

    @property
    def scale_intro(self) -> list[str]:
        """Which scale, from where, and what it says of itself."""
        said = [f"The panel uses the {lower_first(self.scale.name)}, from {self.scale_origin}."]
        return said + ([" ".join(self.scale.description.split())] if self.scale.description else [])

    @property
    def scale_rows(self) -> list[list[str]]:
        return [[str(level.score), level.label, " ".join(level.description.split())] for level in self.scale.levels]

    @property
    def sheets_intro(self) -> str:
        return (
            f"One sheet for each panel member. Score each area from {self.score_range} on the rating scale, on "
            "your own, before the panel discusses the candidate."
        )

    @property
    def members(self) -> list[str]:
        return [f"Panel member {member}" for member in range(1, self.panel_members + 1)]


def _stems(text: str) -> set[str]:
    return {word[:6] for word in _WORD.findall(text.casefold())} - _COMMON


def _least_touched(indicators: list[str], questions: list[str]) -> list[str]:
    """The indicators that share fewest words with the questions: what a probe should draw out."""
    asked = _stems(" ".join(questions))
    ranked = sorted(enumerate(indicators), key=lambda item: (len(_stems(item[1]) & asked), item[0]))
    return [indicator for _, indicator in ranked[:DERIVED_PROBES]]


def derived_probes(indicators: list[str], questions: list[str]) -> list[str]:
    return [
        f"If the answer has not shown it, ask for an example where the candidate {lower_first(indicator)}"
        for indicator in _least_touched(indicators, questions)
    ]


def derived_weak(indicators: list[str]) -> list[str]:
    return [f"Nothing in the answer shows that the candidate {lower_first(indicators[0])}"] if indicators else []


def _serves(row_text: str, responsibilities: list[str]) -> str:
    """The responsibility sharing the most words (at least two) with the area, first on a tie."""
    wanted = _stems(row_text)
    best, best_count = "", 1
    for text in responsibilities:
        count = len(_stems(text) & wanted)
        if count > best_count:
            best, best_count = text, count
    return best


def _spec_area(
    number: int, row: SpecRow, guidance: InterviewGuidance, library: Library, responsibilities: list[str]
) -> Area:
    capability = row.capability
    if capability is not None:
        name = capability.name
        why = paragraphs(without_source_ids(capability.description, library))
        indicators = [clean(line) for line in capability.indicators]
        questions = [clean(q) for q in capability.interview_questions[:MAX_QUESTIONS]]
        words = " ".join([capability.name, row.text, *indicators])
    else:
        name = row.text
        why = [f"The person specification asks for this under {label(row.category).lower()}."]
        indicators = []
        questions = []
        words = row.text
    if not questions:
        questions = [clean(q) for q in guidance.questions_for(row.category)[:MAX_QUESTIONS]]
    strong = indicators or [f"Clear, specific evidence that the candidate meets the criterion: {row.text}"]
    return Area(
        number=number,
        name=name,
        requirement=label(row.requirement),
        assessed_by=row.methods_text,
        criterion=row.text,
        why=why,
        serves=_serves(words, responsibilities),
        questions=questions,
        probes=[*derived_probes(indicators, questions), *(clean(p) for p in guidance.probes)],
        strong=strong,
        weak=[*derived_weak(indicators), *(clean(w) for w in guidance.weak_signs)],
    )


def _standard_areas(first: int, standard: Standard, guidance: InterviewGuidance, row: SpecRow | None) -> list[Area]:
    """The standard's areas, numbered from `first`; in the place of `row` when a criterion asks for it."""
    areas = []
    several = row is not None and len(standard.areas) > 1
    for offset, part in enumerate(standard.areas):
        indicators = [clean(line) for line in part.indicators]
        questions = [clean(q) for q in part.interview_questions[:MAX_QUESTIONS]]
        areas.append(
            Area(
                number=first + offset,
                name=clean(part.name),
                requirement=label(row.requirement) if row else "",
                assessed_by=row.methods_text if row else label("interview"),
                criterion=row.text if row else "",
                why=[*paragraphs(part.description), *([f"Part of the {clean(standard.name)}."] if several else [])],
                serves="",
                questions=questions,
                probes=[*derived_probes(indicators, questions), *(clean(p) for p in guidance.probes)],
                strong=indicators,
                weak=[*derived_weak(indicators), *(clean(w) for w in guidance.weak_signs)],
            )
        )
    return areas


def build_interview_pack(
    design: RoleDesign,
    library: Library,
    scoring: LoadedScoring,
    organisation: str = "",
    panel_members: int = DEFAULT_PANEL,
    today: dt.date | None = None,
) -> InterviewPack:
    """The pack for one design; `panel_members` sheets (1 to MAX_PANEL)."""
    if not 1 <= panel_members <= MAX_PANEL:
        raise ValueError(f"panel_members must be between 1 and {MAX_PANEL}")
    view = build_view(design, library, organisation, today)
    data = scoring.scoring
    guidance = data.interview_guidance
    responsibilities = [clean(r.text) for r in design.responsibilities]
    areas: list[Area] = []
    covered: set[str] = set()  # the standards a criterion asks for, assessed in its place
    for row in spec_rows(design, library):
        if not row.at_interview:
            continue
        asked = next((s for s in data.standards if row.capability is None and s.asked_for_by(row.text)), None)
        if asked is not None:
            areas += _standard_areas(len(areas) + 1, asked, guidance, row)
            covered.add(asked.id)
        else:
            areas.append(_spec_area(len(areas) + 1, row, guidance, library, responsibilities))
    standards: list[StandardSection] = []
    number = len(areas) + 1
    for standard in data.standards:
        if standard.id not in covered and applies(standard, design, library):
            section = StandardSection(
                clean(standard.name),
                clean(standard.introduction),
                clean(standard.source),
                _standard_areas(number, standard, guidance, None),
            )
            standards.append(section)
            number += len(section.areas)
    return InterviewPack(
        **pack_head(view, design, DOCUMENT_KIND),
        scale=data.interview_scale,
        scale_origin=scoring.origin("interview_scale"),
        areas=areas,
        standards=standards,
        panel_members=panel_members,
        decisions=[clean(d) for d in guidance.decisions],
        empty="" if areas else NO_AREAS,
    )
