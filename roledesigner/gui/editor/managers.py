"""The post's managers explained where they are asked for: reports to and the appraisal lead on the
Overview, each partner's line manager on the Joint post tab.

One short plain explanation says how the three relate, so filling one never raises a surprise
warning; beneath it, what is still to be named, as the review counts it (`review.managers`).
"""

from __future__ import annotations

from roledesigner.domain.models import RoleDesign
from roledesigner.review.managers import missing_managers

#: How the three fields relate, for a post with one employer.
SINGLE_EMPLOYER = (
    "Reports to names the post's line manager. Name more than one there and the post also needs someone "
    "to lead appraisal, named below."
)
#: How they relate for a joint post.
JOINT = (
    "A joint post names the postholder's line manager at each partner, on the Joint post tab; the host "
    "partner's is the reporting line, so Reports to may stay empty. Unless every partner names the same "
    "person, name who leads appraisal below."
)
#: Beside each partner's line manager on the Joint post tab.
PARTNER_NOTE = (
    "Manages the postholder's work for this partner. The host's line manager is the post's reporting line. "
    "Unless every partner names the same person, the Overview tab names who leads appraisal"
)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def still_to_name(design: RoleDesign) -> str:
    """What is still to be named, in a sentence; "" when nothing is."""
    missing = missing_managers(design)
    words: list[str] = []
    partners: list[str] = []
    for item in missing:
        if item.field == "reports_to":
            words.append("whom the post reports to")
        elif item.field == "appraisal_lead":
            words.append("who leads appraisal")
        else:
            partners.append(item.words.strip() or "a partner")
    if partners:
        words.append(f"the line manager at {_and(partners)}")
    return f"Still to name: {_and(words)}." if words else ""


def overview_note(design: RoleDesign) -> str:
    """The Overview's explanation of its managers, with what is still to be named."""
    explanation = JOINT if design.joint is not None else SINGLE_EMPLOYER
    missing = still_to_name(design)
    return f"{explanation} {missing}" if missing else f"{explanation} Every manager the review asks for is named."


def partner_note(design: RoleDesign) -> str:
    """Beside a partner's line manager: how it relates to the reporting line and the appraisal lead."""
    lead = design.appraisal_lead.strip()
    return f"{PARTNER_NOTE}: {lead.rstrip('.')}." if lead else f"{PARTNER_NOTE}: no one yet."
