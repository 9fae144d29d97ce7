"""The time and joint-post rules of the domain, given what they need from the library."""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timerules import Suggestion, joint_findings, time_findings
from roledesigner.library.catalogue import Library


def suggestion_for(design: RoleDesign, library: Library) -> Suggestion | None:
    """The emerging role's suggested system time, when the design is based on one."""
    role = library.roles.get(design.based_on or "")
    if role is None:
        return None
    suggested = role.suggested_system_time
    return Suggestion(role.name, suggested.allocation(), suggested.reason)


def joint_role_without_arrangement(design: RoleDesign, library: Library) -> list[Finding]:
    """A design made from a joint role that has lost (or never had) its joint arrangement."""
    role = library.roles.get(design.based_on or "")
    if role is None or not role.joint or design.joint is not None:
        return []
    return [
        Finding(
            "joint.arrangement_missing",
            Severity.WARNING,
            f"This design is based on the emerging role '{role.name}', a joint NHS and council post, but has no joint "
            "arrangement: add the partner organisations, the host employer and how funding and time are split, "
            "or say in the purpose why the post is not joint.",
            "joint",
        )
    ]


def time_and_joint(design: RoleDesign, library: Library) -> list[Finding]:
    return [
        *time_findings(design, suggestion_for(design, library)),
        # A partner's missing line manager is one of the post's managers, named in clarity.managers.
        *(finding for finding in joint_findings(design) if finding.code != "joint.no_line_manager"),
        *joint_role_without_arrangement(design, library),
    ]
