"""The picture of the week, as data: bars of system and organisational hours, and its alt text.

Qt-free, so the layout and the alt text are tested without a screen; `weekpicture` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from roledesigner.documents.wording import hour_figure, hours
from roledesigner.domain.joint import shares
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timeplan import week

SegmentKind = Literal["system", "organisational"]

#: NHS blue for system work and a mid grey for organisational work: both reach 4.5:1 against
#: white text, and every segment is labelled in words, so colour is never the only cue.
COLOURS: dict[SegmentKind, str] = {"system": "#005EB8", "organisational": "#4C6272"}
NAMES: dict[SegmentKind, str] = {"system": "System work", "organisational": "Organisational work"}


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    hours: Fraction


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> Fraction:
        return sum((s.hours for s in self.segments), Fraction(0))


@dataclass(frozen=True)
class WeekChart:
    title: str
    bars: tuple[Bar, ...]
    scale_hours: Fraction
    alt_text: str


def segment_label(value: Fraction, *, short: bool = False) -> str:
    """The words on a bar's segment, rounded as the document's sentences round hours."""
    return f"{hour_figure(value)} h" if short else hours(value)


def _bar(label: str, system: Fraction, organisational: Fraction) -> Bar:
    parts = [Segment("system", max(system, Fraction(0))), Segment("organisational", max(organisational, Fraction(0)))]
    return Bar(label, tuple(p for p in parts if p.hours > 0))


def week_chart(design: RoleDesign) -> WeekChart:
    w = week(design.time)
    system = min(w.system_hours, w.contracted_hours)
    bars = [_bar("The whole post", system, w.contracted_hours - system)]
    alt = (
        f"Bar chart of the working week: {hours(system)} of system work and "
        f"{hours(w.contracted_hours - system)} of organisational work, out of {hours(w.contracted_hours)} a week."
    )
    if design.joint is not None and design.joint.partners:
        parts = shares(design.joint, design.time)
        for part in parts:
            part_system = min(part.system_hours, part.hours)
            bars.append(_bar(part.partner.organisation, part_system, part.hours - part_system))
        described = [
            f"{p.partner.organisation}, {hours(p.hours)} ({hours(min(p.system_hours, p.hours))} system work)"
            for p in parts
        ]
        alt += f" Split by partner: {'; '.join(described)}."
    scale = max([w.contracted_hours, *(bar.total for bar in bars)])
    return WeekChart("How the week is spent", tuple(bars), scale, alt)
