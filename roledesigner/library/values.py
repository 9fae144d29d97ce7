"""The values rows a person specification carries, chosen by the host's sector.

An NHS host recruits against the six values of the NHS Constitution; a council recruits against
its own published values, so the library offers a slot the user fills with the council's name (it
is filled when the employer is known); a joint post works for both, so it carries both. The rule
is written once, here, for composing a design (`library/compose.py`) and for the review that
warns when a design's values rows and its host no longer match (`review/values.py`).

The host is found as the standard terms find it (`domain/hosts.py`). Unlike the standard terms,
an employer the design does not place is unknown here, not the NHS: the review does not guess,
and composing falls back on the emerging role's first sector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from roledesigner.domain.hosts import SECTOR_HOST, Host, hosts
from roledesigner.domain.models import Criterion, RoleDesign
from roledesigner.domain.vocabulary import CriterionCategory

#: The six values of the NHS Constitution for England (source `nhs_constitution`).
NHS_VALUES = (
    "Works in line with the NHS Constitution values: working together for patients; respect and dignity; "
    "commitment to quality of care; compassion; improving lives; everyone counts."
)
#: What stands for the council's name until the user writes it in.
COUNCIL_SLOT = "[the council]"

_NHS_ROW = re.compile(r"\bNHS (Constitution|values)\b", re.IGNORECASE)
_COUNCIL_ROW = re.compile(r"\b(council|borough|county|local authority)\b", re.IGNORECASE)
_VALUES_WORD = re.compile(r"\bvalues\b", re.IGNORECASE)
_SLOT = re.compile(r"\[[^\]]*\]")


def council_values(council: str = "") -> str:
    """The council's values row: named for the council when it is known, else with the slot to fill."""
    return f"Works in line with {council.strip() or COUNCIL_SLOT}'s values and behaviours."


def council_name(design: RoleDesign) -> str:
    """The council's name when the design gives it: a joint post's council partner, else a council employer."""
    if design.joint is not None:
        councils = [p.organisation for p in design.joint.partners if SECTOR_HOST.get(p.sector) is Host.COUNCIL]
        return councils[0] if len(councils) == 1 else ""
    employer = design.employer.strip()
    return employer if Host.COUNCIL in hosts(design) else ""


def is_nhs_values(text: str) -> bool:
    """Whether a criterion asks for the NHS Constitution's values."""
    return bool(_NHS_ROW.search(text))


def is_council_values(text: str, council: str = "") -> bool:
    """Whether a criterion asks for a council's own values: it names a council (or this council, or
    the slot) and values, and is not the NHS row."""
    if is_nhs_values(text) or not _VALUES_WORD.search(text):
        return False
    named = bool(council.strip()) and council.strip().casefold() in text.casefold()
    return named or COUNCIL_SLOT in text or bool(_COUNCIL_ROW.search(text))


def values_host(criterion: Criterion, council: str = "") -> Host | None:
    """Whose values a values row asks for: the NHS Constitution's, a council's own, or neither."""
    if criterion.category is not CriterionCategory.VALUES:
        return None
    if is_nhs_values(criterion.text):
        return Host.NHS
    return Host.COUNCIL if is_council_values(criterion.text, council) else None


def unfilled_slot(text: str) -> str | None:
    """The "[…]" left in a values row for the user to fill, if any."""
    found = _SLOT.search(text)
    return found.group(0) if found else None


def values_texts(found: Iterable[Host], council: str = "") -> list[str]:
    """The values rows' wording for these hosts, the NHS's first."""
    chosen = set(found)
    texts = [NHS_VALUES] if Host.NHS in chosen else []
    if Host.COUNCIL in chosen:
        texts.append(council_values(council))
    return texts
