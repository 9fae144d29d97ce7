"""Properties that must hold for every valid design, not just the examples we thought of."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import load_design, save_design
from tests.support.strategies import designs

FOLDER = Path(tempfile.mkdtemp(prefix="roledesign-prop-"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs)
def test_any_valid_design_saves_and_loads_back_equal(design: RoleDesign) -> None:
    path = FOLDER / "any.roledesign"
    save_design(design, path)
    assert load_design(path) == design
