"""Where the post sits: a structure chart drawn from the design's own fields, with its alt text.

Tiers from the top: whom the post is accountable to, whom it reports to, its line managers in
each partner (a joint post), the post itself, and the staff it manages. Every output draws the
same tiers: the Word template as a table the house style restyles, the HTML as the same table.
Nothing is guessed: a tier the design leaves empty is left out, and a post with nothing above
or below it has no chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from roledesigner.documents.wording import join_words
from roledesigner.domain.models import RoleDesign

#: The shading of the post's own tier (a light NHS blue, dark text on it passes 4.5:1), and the others'.
OWN_FILL = "D6E6F5"
OTHER_FILL = "FFFFFF"


@dataclass(frozen=True)
class Tier:
    label: str
    posts: list[str]
    #: True for the post itself.
    own: bool
    #: The cell's shading, as six hex digits (the Word template's `cellbg`, the HTML's `bgcolor`).
    fill: str


def structure_tiers(design: RoleDesign, title: str) -> list[Tier]:
    """The chart's tiers, top to bottom; empty when the design names no one above or below the post."""
    partners = design.joint.partners if design.joint else []
    reports = [" ".join(r.split()) for r in design.reports_to]
    said = {post.casefold() for post in reports}
    named = [f"{p.line_manager.strip()}, {p.organisation.strip()}" for p in partners if p.line_manager.strip()]
    managers = [manager for manager in named if manager.casefold() not in said]
    managed = " ".join(design.dimensions.staff_managed.split())
    above_and_below = [
        ("Accountable to", [" ".join(a.split()) for a in design.accountable_to]),
        ("Reports to", reports),
        ("Line manager in each partner", managers),
        ("Manages", [managed] if managed else []),
    ]
    if not any(posts for _, posts in above_and_below):
        return []
    tiers = [Tier(text, posts, False, OTHER_FILL) for text, posts in above_and_below[:3] if posts]
    tiers.append(Tier("This post", [title], True, OWN_FILL))
    tiers += [Tier(text, posts, False, OTHER_FILL) for text, posts in above_and_below[3:] if posts]
    return tiers


def structure_alt_text(tiers: list[Tier], title: str) -> str:
    """The chart in one or two sentences, for a screen reader or anyone who cannot see the table."""
    if not tiers:
        return ""
    said = {tier.label: join_words(tier.posts) for tier in tiers if not tier.own}
    parts = []
    if "Accountable to" in said:
        parts.append(f"is accountable to {said['Accountable to']}")
    if "Reports to" in said:
        parts.append(f"reports to {said['Reports to']}")
    if "Line manager in each partner" in said:
        parts.append(f"is line managed by {said['Line manager in each partner']}")
    if "Manages" in said:
        parts.append(f"manages {said['Manages']}")
    return f"Structure chart: the post of {title} {join_words(parts)}."
