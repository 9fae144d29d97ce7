"""What filling in a new partner row fills in for the user, as part of the same edit.

A partner row is added as "New partner", sector Other, with no funding and no time. Two rules save
keys without guessing about anything the user has already given:

- Naming it: when the name says what kind of organisation it is ("North Shire ICB", "Westtown
  Borough Council"), the sector is set to that, if the sector is still the Other it was added with.
  A name that says nothing recognisable changes nothing.
- Its funding share, given while the funding and time shares are both still 0: the time share
  becomes the same figure (a joint post is usually funded as its time is shared). It shows in the
  table at once, and the user changes it as any other figure.

Neither rule acts again once the row has been filled in: renaming a partner later, or changing
its funding once it has one, leaves the sector and time share as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal

from roledesigner.domain.edits import set_value
from roledesigner.domain.models import Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector

__all__ = ["NEW_PARTNER", "SECTOR_WORDS", "filled_in", "is_new_partner", "suggested_sector", "with_follow_ons"]

#: The name a partner row has when it is added: the editor's Add partner uses it, and the review
#: knows a row that still has it was never filled in.
NEW_PARTNER = "New partner"

#: The words (whole words, any case) that say a partner's sector, tried in this order: the first
#: that the name holds gives the sector. An ICB's name often holds "NHS" too, and a council for
#: voluntary service is a voluntary body, so each comes before the wider word. "Trust" alone is not
#: here: charities are trusts too (only "NHS" or "foundation trust" says an NHS trust). These are
#: stricter than `domain/hosts.py`, which needs only "NHS or council" for clauses and values and so
#: also reads "health" or "hospital" as the NHS: a partner's sector must name one kind of NHS body,
#: so "Riverside Health" places an employer for its clauses but leaves a partner's sector to the user.
SECTOR_WORDS: tuple[tuple[Sector, tuple[str, ...]], ...] = (
    (Sector.VCSE, ("council for voluntary service", "council for voluntary action")),
    (Sector.ICB, ("icb", "integrated care board")),
    (Sector.PRIMARY_CARE, ("primary care network", "pcn")),
    (Sector.NHS_TRUST, ("nhs", "foundation trust")),
    (Sector.LOCAL_AUTHORITY, ("council", "borough", "county council")),
)

_WORD = re.compile(r"[^\W_]+")


def is_new_partner(organisation: str) -> bool:
    """Whether the row still has the name it was added with (spacing and case aside)."""
    return " ".join(organisation.split()).casefold() == NEW_PARTNER.casefold()


def _words(text: str) -> str:
    """The text's words, lower case, one space apart and one at each end: phrases are found whole."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def suggested_sector(name: str) -> Sector | None:
    """The sector the organisation's name says, or None when it says none we know."""
    words = _words(name)
    for sector, phrases in SECTOR_WORDS:
        if any(f" {phrase} " in words for phrase in phrases):
            return sector
    return None


def filled_in(before: Partner, after: Partner) -> Partner:
    """The partner as edited (`after`), with what the edit fills in for a row being filled in."""
    changes: dict[str, object] = {}
    if is_new_partner(before.organisation) and not is_new_partner(after.organisation):
        sector = suggested_sector(after.organisation)
        if sector is not None and before.sector is Sector.OTHER and after.sector is Sector.OTHER:
            changes["sector"] = sector
    fresh = before.funding_percent == 0 and before.time_percent == 0
    if fresh and after.time_percent == 0 and after.funding_percent != Decimal(0):
        changes["time_percent"] = after.funding_percent
    return after.model_copy(update=changes) if changes else after


def with_follow_ons(before: RoleDesign, after: RoleDesign) -> RoleDesign:
    """The edited design (`after`) with `filled_in` applied to each partner the edit changed; the
    same design when there is nothing to fill in (any edit but one to a partner row)."""
    old, new = before.joint, after.joint
    if old is None or new is None or old is new or len(old.partners) != len(new.partners):
        return after
    result = after
    for index, (was, now) in enumerate(zip(old.partners, new.partners, strict=True)):
        if was == now:
            continue
        completed = filled_in(was, now)
        if completed is not now:
            result = set_value(result, f"joint.partners[{index}]", completed)
    return result
