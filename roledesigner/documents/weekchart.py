"""The picture of the week, as data: bars of system and organisational hours, and its alt text.

Qt-free, so the layout and the alt text are tested without a screen; `weekpicture` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from roledesigner.documents.wording import hour_figure, hours, hours_of
from roledesigner.domain.joint import shares
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timeplan import week

SegmentKind = Literal["system", "organisational"]

#: NHS blue for system work and a mid grey for organisational work: both reach 4.5:1 against
#: white text, and every segment is labelled in words, so colour is never the only cue.
COLOURS: dict[SegmentKind, str] = {"system": "#005EB8", "organisational": "#4C6272"}
NAMES: dict[SegmentKind, str] = {"system": "System work", "organisational": "Organisational work"}
#: The most bars the partners of a joint post get: the last one stands for all the others.
MAX_PARTNER_BARS = 8


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
    """The whole post, then a bar per partner; past `MAX_PARTNER_BARS`, the rest share one bar.

    However many partners a post has, the picture (and its alt text) stays readable and its
    size bounded: a post of 20,000 partners is drawn as nine bars, not 20,001.
    """
    w = week(design.time)
    system = min(w.system_hours, w.contracted_hours)
    bars = [_bar("The whole post", system, w.contracted_hours - system)]
    said = hours_of(design.time)
    alt = (
        f"Bar chart of the working week: {said(system)} of system work and "
        f"{said(w.contracted_hours - system)} of organisational work, out of {said(w.contracted_hours)} a week."
    )
    if design.joint is not None and design.joint.partners:
        partners = design.joint.partners
        shown = partners if len(partners) <= MAX_PARTNER_BARS else partners[: MAX_PARTNER_BARS - 1]
        parts = [
            (part.partner.organisation, part.hours, min(part.system_hours, part.hours))
            for part in shares(design.joint.model_copy(update={"partners": shown}), design.time)
        ]
        rest = partners[len(shown) :]
        if rest:
            share = Fraction(sum((p.time_percent for p in rest), Decimal(0))) / 100
            parts.append((f"{len(rest):,} other partners", w.contracted_hours * share, system * share))
        for name, part_hours, part_system in parts:
            bars.append(_bar(name, part_system, part_hours - part_system))
        described = [
            f"{name}, {hours(part_hours)} ({hours(part_system)} system work)" for name, part_hours, part_system in parts
        ]
        alt += f" Split by partner: {'; '.join(described)}."
    scale = max([w.contracted_hours, *(bar.total for bar in bars)])
    return WeekChart("How the week is spent", tuple(bars), scale, alt)
