"""Whose public employer a post works for, the NHS or a council, as far as the design says.

One rule for the standard terms a document carries (`documents/clauses.py`) and the values rows a
person specification asks for (`library/values.py`): a joint post's partners (both sectors until
they are named), else the pay framework, else the employer's name.
"""

from __future__ import annotations

import re
from enum import Enum

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Sector, Terms


class Host(Enum):
    """The two kinds of public employer a post works for, whose clauses and values it carries."""

    NHS = "nhs"
    COUNCIL = "council"


SECTOR_HOST = {
    Sector.NHS_TRUST: Host.NHS,
    Sector.ICB: Host.NHS,
    Sector.PRIMARY_CARE: Host.NHS,
    Sector.LOCAL_AUTHORITY: Host.COUNCIL,
}
TERMS_HOST = {
    Terms.AGENDA_FOR_CHANGE: Host.NHS,
    Terms.VSM: Host.NHS,
    Terms.NJC_GREEN_BOOK: Host.COUNCIL,
    Terms.JNC_CHIEF_OFFICERS: Host.COUNCIL,
    Terms.JNC_CHIEF_EXECUTIVES: Host.COUNCIL,
}
_COUNCIL_NAME = re.compile(r"\b(council|borough|county|district|city of|combined authority)\b", re.IGNORECASE)
_NHS_NAME = re.compile(r"\b(NHS|ICB|integrated care board|trust|health|hospital)\b", re.IGNORECASE)


def host_of_name(name: str) -> Host | None:
    """A council or NHS body by its name's words ("North Shire Council", "… NHS Foundation Trust"), else None."""
    if _COUNCIL_NAME.search(name) and not _NHS_NAME.search(name):
        return Host.COUNCIL
    if _NHS_NAME.search(name):
        return Host.NHS
    return None


def hosts(design: RoleDesign) -> frozenset[Host]:
    """The kinds of employer the post works for, as far as the design says; empty when it does not."""
    if design.joint is not None:
        if not design.joint.partners:  # a joint NHS and council post whose partners are not named yet
            return frozenset(Host)
        return frozenset(SECTOR_HOST[p.sector] for p in design.joint.partners if p.sector in SECTOR_HOST)
    if design.terms in TERMS_HOST:
        return frozenset({TERMS_HOST[design.terms]})
    host = host_of_name(design.employer)
    return frozenset({host}) if host else frozenset()
