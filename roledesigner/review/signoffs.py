"""Sign-off checks: a joint post called approved needs each partner's approval, and an approval
belongs to the version it was given on.

A joint post is approved by each partner's board or committee, not by one of them (SCIE 2021 on
joint posts; CONVENTIONS, joint posts). An approval recorded against a version whose content has
since changed is an approval of something else: the finding names the version it belongs to.
"""

from __future__ import annotations

from roledesigner.domain.compare import content_changes, field_name
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign, SignOff
from roledesigner.domain.versions import VersionError, find_version, in_words, long_date, version_design
from roledesigner.domain.vocabulary import Decision, Status, label
from roledesigner.library.catalogue import Library

#: The statuses that say the post is approved.
APPROVED_STATUSES = (Status.APPROVED, Status.ADVERTISED)
#: How many changed fields a message names before "and N more".
_NAMED = 3


def same_organisation(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _decision_for(design: RoleDesign, organisation: str) -> SignOff | None:
    """The organisation's sign-off: its last approved or returned one, else its last one."""
    theirs = [s for s in design.signoffs if same_organisation(s.organisation, organisation)]
    given = [s for s in theirs if s.decision is not Decision.PENDING]
    chosen = given or theirs
    return chosen[-1] if chosen else None


def partners_approval(design: RoleDesign, library: Library) -> list[Finding]:
    """A joint post marked approved or advertised with a partner's sign-off missing or returned."""
    if design.status not in APPROVED_STATUSES or design.joint is None:
        return []
    status = label(design.status).lower()
    found: list[Finding] = []
    for partner in design.joint.partners:
        name = " ".join(partner.organisation.split())
        signoff = _decision_for(design, partner.organisation)
        if signoff is not None and signoff.decision is Decision.RETURNED:
            comment = f" ({' '.join(signoff.comment.split())})" if signoff.comment.strip() else ""
            found.append(
                Finding(
                    "signoff.returned",
                    Severity.WARNING,
                    f"This joint post is marked {status}, but {name} returned it for changes{comment}. Agree the "
                    f"changes with {name} and record its approval on the Sign-off tab, or change the status.",
                    f"signoffs[{design.signoffs.index(signoff)}].decision",
                )
            )
        elif signoff is None or signoff.decision is not Decision.APPROVED:
            found.append(
                Finding(
                    "signoff.partner_missing",
                    Severity.WARNING,
                    f"This joint post is marked {status}, but no approval from {name} is recorded. A joint post "
                    f"is approved by each partner's board or committee: record {name}'s decision on the Sign-off "
                    "tab, or change the status.",
                    "signoffs" if signoff is None else f"signoffs[{design.signoffs.index(signoff)}].decision",
                )
            )
    return found


def _summary(names: list[str]) -> str:
    shown = names[:_NAMED]
    if len(names) > _NAMED:
        shown.append(f"{len(names) - _NAMED} more")
    return in_words(shown)


def approvals_out_of_date(design: RoleDesign, library: Library) -> list[Finding]:
    """Approvals given on a recorded version whose content has changed since."""
    found: list[Finding] = []
    for index, signoff in enumerate(design.signoffs):
        number = signoff.version.strip()
        if signoff.decision is not Decision.APPROVED or not number or number == design.version.strip():
            continue  # nothing to check against: no version named, or the draft being worked on now
        name = " ".join(signoff.organisation.split())
        field = f"signoffs[{index}].version"
        try:
            approved = version_design(find_version(design, number))
        except VersionError as error:
            found.append(
                Finding(
                    "signoff.version_unknown",
                    Severity.INFO,
                    f"{name}'s approval is of version {number}, which cannot be checked against the content now: "
                    f"{str(error).rstrip('.')}. Record each version as it goes for approval, so the approval can "
                    "be checked.",
                    field,
                )
            )
            continue
        changes = content_changes(approved, design)
        if not changes:
            continue
        names = list(dict.fromkeys(field_name(change.path.split("[", 1)[0]) for change in changes))
        when = f" on {long_date(signoff.date)}" if signoff.date else ""
        found.append(
            Finding(
                "signoff.out_of_date",
                Severity.WARNING,
                f"{name} approved version {number}{when}, but the content has changed since ({_summary(names)}): "
                f"the approval belongs to version {number}, not to this content. Ask {name} to approve the "
                f"changes, or restore version {number}.",
                field,
            )
        )
    return found


def signoffs(design: RoleDesign, library: Library) -> list[Finding]:
    return [*partners_approval(design, library), *approvals_out_of_date(design, library)]
