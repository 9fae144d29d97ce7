"""docs/checks.md lists every finding code the source can produce, and no code that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CODE = re.compile(r'Finding\(\s*"([a-z]+\.[a-z_]+)"')


def test_every_code_is_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "roledesigner").rglob("*.py"))
    in_code = set(_CODE.findall(source))
    # joint.funding_total and joint.time_total are built from the field name.
    in_code |= {"joint.funding_total", "joint.time_total"}
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z]+\.[a-z_]+)`", text, re.M))
    assert len(in_code) > 20
    assert in_code == documented
