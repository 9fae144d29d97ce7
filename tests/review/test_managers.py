"""One place for managers (issue 18, item 5): reports to, the partners' line managers and the
appraisal lead are one finding that names what is still missing, so filling one never raises a
surprise next warning."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from roledesigner.review.managers import CODE, managers, missing_managers


def partner(name: str, line_manager: str = "", host: bool = False) -> Partner:
    return Partner(
        organisation=name,
        sector=Sector.ICB if host else Sector.LOCAL_AUTHORITY,
        host=host,
        funding_percent=Decimal(50),
        time_percent=Decimal(50),
        line_manager=line_manager,
    )


def joint(*line_managers: str, reports_to: tuple[str, ...] = (), appraisal_lead: str = "") -> RoleDesign:
    partners = [partner(f"Org {n}", manager, host=n == 0) for n, manager in enumerate(line_managers)]
    return RoleDesign(
        title="Lead",
        reports_to=list(reports_to),
        appraisal_lead=appraisal_lead,
        joint=JointArrangement(partners=partners),
    )


def fields(design: RoleDesign) -> list[str]:
    return [item.field for item in missing_managers(design)]


def test_a_post_with_one_employer_is_asked_whom_it_reports_to() -> None:
    design = RoleDesign(title="Lead")
    (finding,) = managers(design)
    assert (finding.code, finding.field) == (CODE, "reports_to")
    assert "no one is named under 'reports to'" in finding.message
    assert managers(design.model_copy(update={"reports_to": ["Director"]})) == []
    two = design.model_copy(update={"reports_to": ["Director", "Council director"]})
    assert fields(two) == ["appraisal_lead"]
    assert managers(two.model_copy(update={"appraisal_lead": "Director"})) == []


def test_a_joint_post_names_every_missing_manager_in_one_finding() -> None:
    design = joint("", "")
    (finding,) = managers(design)
    assert finding.field == "appraisal_lead", "the first missing field in the document's order"
    assert "'Org 0' and 'Org 1' name no line manager" in finding.message
    assert "no one is named to lead appraisal" in finding.message
    assert "reports to" not in finding.message, "the host's line manager is the reporting line: not asked twice"
    assert fields(joint("Pat", "")) == ["appraisal_lead", "joint.partners[1].line_manager"]
    assert fields(joint("Pat", "Sam")) == ["appraisal_lead"]
    assert fields(joint("Pat", "pat ")) == [], "one person in both partners leads appraisal"
    assert fields(joint("Pat", "Sam", appraisal_lead="Pat")) == []


def test_the_review_has_no_other_finding_about_managers(library: Library) -> None:
    """The domain's joint.no_line_manager and the old reporting-line and appraisal findings are one now."""
    found = [f.code for f in review(joint("", "Sam"), library)]
    assert found.count(CODE) == 1
    assert not {"joint.no_line_manager", "clarity.no_reporting_line", "clarity.appraisal_unclear"} & set(found)


def test_filling_in_the_appraisal_lead_first_leaves_only_the_line_managers() -> None:
    """The journey that surprised: reports to filled, then a partner's manager raised the appraisal warning."""
    steps = [
        joint("", ""),
        joint("Place director", ""),
        joint("Place director", "Director of adult social services"),
        joint("Place director", "Director of adult social services", appraisal_lead="Place director"),
    ]
    seen = [set(fields(step)) for step in steps]
    for before, after in itertools.pairwise(seen):
        assert after <= before, (before, after)
    assert seen[-1] == set()


_NAMES = st.sampled_from(["", "Pat", "Sam", "pat"])


@st.composite
def designs(draw: st.DrawFn) -> RoleDesign:
    reports_to = draw(st.lists(st.sampled_from(["Pat", "Sam"]), max_size=2, unique=True))
    appraisal = draw(_NAMES)
    if draw(st.booleans()):
        return RoleDesign(title="Lead", reports_to=reports_to, appraisal_lead=appraisal)
    managers_named = draw(st.lists(_NAMES, max_size=3))
    return joint(*managers_named, reports_to=tuple(reports_to), appraisal_lead=appraisal)


def _fills(design: RoleDesign) -> list[tuple[RoleDesign, str]]:
    """Every way of filling one empty manager field, each with the name it gives."""
    out: list[tuple[RoleDesign, str]] = []
    for name in ("Pat", "Sam"):
        if not design.reports_to:
            out.append((design.model_copy(update={"reports_to": [name]}), name))
        if not design.appraisal_lead:
            out.append((design.model_copy(update={"appraisal_lead": name}), name))
        if design.joint:
            for index, p in enumerate(design.joint.partners):
                if not p.line_manager:
                    partners = list(design.joint.partners)
                    partners[index] = p.model_copy(update={"line_manager": name})
                    joined = design.joint.model_copy(update={"partners": partners})
                    out.append((design.model_copy(update={"joint": joined}), name))
    return out


@settings(max_examples=300, deadline=None)
@given(designs())
def test_filling_a_manager_never_raises_a_surprise(design: RoleDesign) -> None:
    """Filling any empty manager field only takes items off the finding, except naming a second,
    different person where everyone named was one (which is what needs an appraisal lead)."""
    before = set(fields(design))
    named = {n.strip().casefold() for n in design.reports_to}
    if design.joint:
        named |= {p.line_manager.strip().casefold() for p in design.joint.partners if p.line_manager.strip()}
    for filled, name in _fills(design):
        after = set(fields(filled))
        new = after - before
        if new:
            assert new == {"appraisal_lead"}, (design, filled)
            assert named and name.casefold() not in named, "only a second, different person asks for it"
