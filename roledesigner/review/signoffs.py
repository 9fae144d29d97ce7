"""Sign-off checks: a joint post called approved needs each partner's approval, and an approval
belongs to the version it was given on.

A joint post is approved by each partner's board or committee, not by one of them (SCIE 2021 on
joint posts; CONVENTIONS, joint posts). An approval of content that has since changed is an
approval of something else: the finding names the version it belongs to. An approval given in
the app keeps a digest of the content (`decided`, `content_fingerprint`), so an edit after it shows
even before the version is recorded; one without (written by hand, or by an older Role Designer)
is checked against the recorded version it names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from roledesigner.domain.compare import NOT_COMPARED, RECORD_FIELDS, content_changes, field_name
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


def content_fingerprint(design: RoleDesign) -> str:
    """A short digest of what the post is, leaving out the record that `content_changes` leaves out
    (status, version, author, dates, sign-offs, acceptances, recorded versions); equal content,
    equal digests. Hashed as acceptances' fingerprints are: sorted JSON, SHA-256, 16 hex digits.
    Fields at their defaults are left out, so a later release that adds a field does not make every
    stored approval read as out of date."""
    content = design.model_dump(mode="json", exclude=set(NOT_COMPARED | RECORD_FIELDS), exclude_defaults=True)
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decided(design: RoleDesign, signoff: SignOff, decision: Decision, today: dt.date) -> SignOff:
    """The sign-off with a decision recorded on this design. A decision given keeps its date and
    version, else takes today and the version being worked on; an approval keeps the digest of the
    content it was given on, so a later change of content shows it out of date."""
    update: dict[str, object] = {"decision": decision, "content_fingerprint": ""}
    if decision is not Decision.PENDING:
        update["date"] = signoff.date or today
        update["version"] = signoff.version.strip() or design.version.strip()
    if decision is Decision.APPROVED:
        update["content_fingerprint"] = content_fingerprint(design)
    return signoff.model_copy(update=update)


def _changed_names(old: RoleDesign, new: RoleDesign, name_changes: bool = True) -> list[str]:
    """The names of the fields whose content differs; with `name_changes` off, only whether any does
    (one placeholder name, or none), by digest: naming them compares item with item, which for a
    design of tens of thousands of items is too slow for every refresh of the preview."""
    if not name_changes:
        return ["the content"] if content_fingerprint(old) != content_fingerprint(new) else []
    return list(dict.fromkeys(field_name(change.path.split("[", 1)[0]) for change in content_changes(old, new)))


def _recorded(design: RoleDesign, number: str) -> RoleDesign | None:
    """The recorded version numbered `number`, if there is one and it opens."""
    if not number or not any(entry.version.strip() == number for entry in design.history):
        return None
    try:
        return version_design(find_version(design, number))
    except VersionError:
        return None


def _out_of_date(name: str, number: str, signoff: SignOff, names: list[str], restore: bool, field: str) -> Finding:
    when = f" on {long_date(signoff.date)}" if signoff.date else ""
    what = f"version {number}" if number else "this post"
    since = f" ({_summary(names)})" if names else ""
    belongs = f": the approval belongs to version {number}, not to this content" if number else ""
    undo = f"restore version {number}" if restore else "undo them"
    return Finding(
        "signoff.out_of_date",
        Severity.WARNING,
        f"{name} approved {what}{when}, but the content has changed since{since}{belongs}. Ask {name} to "
        f"approve the changes, or {undo}.",
        field,
    )


def _by_fingerprint(
    design: RoleDesign, signoff: SignOff, name: str, field: str, name_changes: bool = True
) -> Finding | None:
    """An approval that kept the digest of its content: out of date when the content is not that now.
    What changed is named when the version it names was recorded with that same content."""
    if signoff.content_fingerprint == content_fingerprint(design):
        return None
    number = signoff.version.strip()
    approved = _recorded(design, number)
    if approved is None or content_fingerprint(approved) != signoff.content_fingerprint:
        return _out_of_date(name, number, signoff, [], False, field)
    names = _changed_names(approved, design) if name_changes else []
    return _out_of_date(name, number, signoff, names, True, field)


def _by_version(
    design: RoleDesign, signoff: SignOff, name: str, field: str, name_changes: bool = True
) -> Finding | None:
    """An approval with no digest (hand-written, or from a file before digests were kept): checked
    against the recorded version it names, or said to be one that cannot be checked."""
    number = signoff.version.strip()
    if not number:
        why = (
            "names no version, so it cannot be checked against the content now. Give the version it was "
            "given on, so a later change of content shows."
        )
    elif number == design.version.strip():
        why = (
            f"is of version {number}, the one being worked on, which is not recorded yet, so it cannot be "
            f"checked against later changes. If this is the content {name} approved, record version {number} now."
        )
    else:
        try:
            approved = version_design(find_version(design, number))
        except VersionError as error:
            why = (
                f"is of version {number}, which cannot be checked against the content now: "
                f"{str(error).rstrip('.')}. Record each version as it goes for approval, so the approval can "
                "be checked."
            )
        else:
            names = _changed_names(approved, design, name_changes)
            if not names:
                return None
            return _out_of_date(name, number, signoff, names if name_changes else [], True, field)
    return Finding("signoff.version_unknown", Severity.INFO, f"{name}'s approval {why}", field)


#: The findings `approvals_out_of_date` makes: judged on the whole content, never on a cut copy.
APPROVAL_CODES = frozenset({"signoff.out_of_date", "signoff.version_unknown"})


def approvals_out_of_date(design: RoleDesign, library: Library, *, name_changes: bool = True) -> list[Finding]:
    """Approvals whose content has changed since: checked against the digest an approval given in
    the app keeps, else against the recorded version it names. With `name_changes` off, what
    changed is not named (the preview of a very large design: digests only)."""
    found: list[Finding] = []
    for index, signoff in enumerate(design.signoffs):
        if signoff.decision is not Decision.APPROVED:
            continue
        name = " ".join(signoff.organisation.split())
        check = _by_fingerprint if signoff.content_fingerprint else _by_version
        finding = check(design, signoff, name, f"signoffs[{index}].version", name_changes)
        if finding is not None:
            found.append(finding)
    return found


def signoffs(design: RoleDesign, library: Library) -> list[Finding]:
    return [*partners_approval(design, library), *approvals_out_of_date(design, library)]
