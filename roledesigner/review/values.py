"""Whether the values rows fit the host: the NHS Constitution's for an NHS host, the council's own
for a council, both for a joint post (library review, finding 12; library/values.py holds the rule).

A design that does not say its host (no employer the words place, no pay framework, not joint)
is not judged on its sector, since nothing here guesses one; nor is one with no NHS or council
values row at all, since a values row is optional (the review asks only for Qualifications and
Knowledge, `review/completeness.py`). A council's slot left as
"[the council]" is always reported: applicants would read the brackets.
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.hosts import Host, hosts
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.library.values import council_name, council_values, unfilled_slot, values_host

_WHOSE = {Host.NHS: "an NHS body", Host.COUNCIL: "a council"}


def values_rows(design: RoleDesign, library: Library) -> list[Finding]:
    """The host's values rows missing or out of place, and a council's slot left unfilled."""
    council = council_name(design)
    found: list[Finding] = []
    present: dict[Host, int] = {}
    for index, criterion in enumerate(design.criteria):
        host = values_host(criterion, council)
        if host is None:
            continue
        present.setdefault(host, index)
        slot = unfilled_slot(criterion.text)
        if slot:
            name = f"'{council}'" if council else "the council's name"
            found.append(
                Finding(
                    "values.slot",
                    Severity.WARNING,
                    f'The values criterion still says "{slot}". Put {name} in its place, so that applicants '
                    "know whose values they are judged against.",
                    f"criteria[{index}].text",
                )
            )
    expected = hosts(design)
    if not expected or not present:  # a design with no NHS or council values row is not judged on them
        return found
    missing = [host for host in Host if host in expected and host not in present]
    extra = [host for host in Host if host in present and host not in expected]
    if missing or extra:
        found.append(_mismatch(design, expected, missing, extra, present, council))
    return found


def _mismatch(
    design: RoleDesign,
    expected: frozenset[Host],
    missing: list[Host],
    extra: list[Host],
    present: dict[Host, int],
    council: str,
) -> Finding:
    if design.joint is not None:
        whose = "The post is joint between the NHS and a council"
        if len(expected) == 1:
            whose = f"The post's partners are {'NHS bodies' if Host.NHS in expected else 'councils'} only"
    else:
        whose = f"The post is hosted by {_WHOSE[next(iter(expected))]}"
    asks = []
    for host in missing:
        if host is Host.NHS:
            asks.append("add a values row for the NHS Constitution values, which NHS posts are recruited against")
        else:
            asks.append(f'add the council\'s own values ("{council_values(council).rstrip(".")}")')
    for host in extra:
        asks.append(
            "remove the NHS Constitution values row, which a council post does not work by"
            if host is Host.NHS
            else "remove the council's values row, since no council employs the postholder"
        )
    field = f"criteria[{present[extra[0]]}].text" if extra else "criteria"
    return Finding("values.host", Severity.WARNING, f"{whose}, so {', and '.join(asks)}.", field)
