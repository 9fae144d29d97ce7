"""The post's managers, asked for together: reports to, each partner's line manager, who leads appraisal.

One finding names everything still missing, so filling one field never raises a surprise next
warning: while any manager is still to be named, the finding already says whether an appraisal
lead will be needed.

- A post with one employer names whom it reports to; it needs an appraisal lead only when it
  names more than one person there.
- A joint post names a line manager in each partner (the host's is the reporting line, so
  "reports to" is not asked again; names given there count as managers too). Until it has
  partners, it is asked whom it reports to, as any post is. It needs an
  appraisal lead while any partner's line manager is still to be named, or when the named
  managers are more than one person: only when every partner names the same one person is it
  clear who leads appraisal.

So naming a manager only ever takes items off the finding, except naming a second, different
person where all were one, which is what makes an appraisal lead needed (SCIE 2021, barriers of
clarity: several line managers).
"""

from __future__ import annotations

from dataclasses import dataclass

from roledesigner.domain.findings import SCIE_2021, Finding, Severity
from roledesigner.domain.models import RoleDesign

CODE = "clarity.managers"


@dataclass(frozen=True)
class Missing:
    """One manager still to be named: the field to fill and how the finding says it (a partner by its name)."""

    field: str
    words: str


def _names(design: RoleDesign) -> set[str]:
    names = {name.strip().casefold() for name in design.reports_to if name.strip()}
    if design.joint:
        names |= {p.line_manager.strip().casefold() for p in design.joint.partners if p.line_manager.strip()}
    return names


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def missing_managers(design: RoleDesign) -> list[Missing]:
    """What is still to be named, in the document's order (reports to and appraisal lead are job
    details; the partners' line managers are in the joint arrangement)."""
    joint = design.joint
    missing: list[Missing] = []
    if not design.reports_to and (joint is None or not joint.partners):
        missing.append(Missing("reports_to", "no one is named under 'reports to'"))
    unnamed = [index for index, p in enumerate(joint.partners) if not p.line_manager.strip()] if joint else []
    if not design.appraisal_lead.strip() and (unnamed or len(_names(design)) > 1):
        why = (
            "which a joint post needs unless every partner names the same line manager"
            if joint is not None
            else "which a post with more than one line manager needs"
        )
        missing.append(Missing("appraisal_lead", f"no one is named to lead appraisal, {why}"))
    if joint is not None:
        missing += [
            Missing(f"joint.partners[{index}].line_manager", joint.partners[index].organisation) for index in unnamed
        ]
    return missing


def managers(design: RoleDesign) -> list[Finding]:
    missing = missing_managers(design)
    if not missing:
        return []
    said = [item.words for item in missing if not item.field.startswith("joint.")]
    partners = [f"'{item.words}'" for item in missing if item.field.startswith("joint.")]
    if partners:
        said.append(f"{_and(partners)} {'names' if len(partners) == 1 else 'name'} no line manager")
    return [
        Finding(
            "clarity.managers",  # CODE, written out so docs/checks.md's test finds it
            Severity.WARNING,
            f"The post's managers are not all named: {'; '.join(said)}. Candidates and job evaluation panels need "
            f"one clear picture of the reporting lines, and several unclear line managers make system roles harder "
            f"({SCIE_2021}).",
            missing[0].field,
        )
    ]
