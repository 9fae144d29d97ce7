"""`show` and `export` on every partnership arrangement and staffing route the editor can choose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledesigner.cli.main import main
from roledesigner.domain.vocabulary import PartnershipArrangement, StaffingRoute
from tests.support.docxread import independent_text

ROUTES: list[StaffingRoute | None] = [*StaffingRoute, None]


@pytest.mark.parametrize(
    ("arrangement", "route"),
    [(a, ROUTES[i % len(ROUTES)]) for i, a in enumerate(PartnershipArrangement)] + [(None, r) for r in StaffingRoute],
)
def test_show_and_export_say_each_joint_value(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    arrangement: PartnershipArrangement | None,
    route: StaffingRoute | None,
) -> None:
    path = tmp_path / "joint.roledesign"
    assert main(["new", "--from", "joint_mental_health_lead", "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["joint"]["agreement"] = arrangement.value if arrangement else None
    data["joint"]["staffing_route"] = route.value if route else None
    data["joint"]["partners"] = [
        {"organisation": "North Shire ICB", "sector": "icb", "host": True, "funding_percent": 50, "time_percent": 50},
        {"organisation": "Westtown Council", "sector": "local_authority", "funding_percent": 50, "time_percent": 50},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()

    assert main(["show", str(path)]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "it employs nobody" in shown
    out = tmp_path / "joint.docx"
    assert main(["export", str(path), "-o", str(out)]) == 0
    text = " ".join(independent_text(out.read_bytes()).split())
    assert "A partnership arrangement covers the work and the money; it employs nobody." in text
    if arrangement is PartnershipArrangement.SECTION_65Z6:
        assert "The partners pool money under section 65Z6 of the NHS Act 2006." in text
    if route is StaffingRoute.SECTION_113:
        assert "under section 113 of the Local Government Act 1972" in text
