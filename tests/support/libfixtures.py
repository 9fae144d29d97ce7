"""Build small library folders on disk for loader tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

FRAMEWORKS = """\
frameworks:
  - id: systems_leadership
    name: Systems Leadership Framework
    owner: NHS Leadership Academy
    used_for: capabilities
    description: Four domains.
    sources: [src]
    domains:
      - {id: relationships_and_connectivity, name: Relationships and connectivity, description: Working with others.}
      - {id: individual_effectiveness, name: Individual effectiveness, description: Knowing oneself.}
"""

SOURCES = """\
sources:
  - {id: src, short: "Author (2020)", citation: "Author (2020). A report. Publisher."}
"""


def capability(cap_id: str, domain: str = "relationships_and_connectivity", name: str | None = None) -> str:
    return textwrap.dedent(
        f"""\
        id: {cap_id}
        name: {name or cap_id.replace("_", " ").capitalize()}
        domain: {domain}
        description: Described in plain words.
        indicators: [Does the thing well.]
        criterion: Evidence of doing the thing.
        interview_questions: [Tell us about a time you did the thing.]
        sources: [src]
        """
    )


def role(role_id: str, capabilities: list[str]) -> str:
    caps = "\n".join(f"  - {{id: {c}, requirement: essential}}" for c in capabilities)
    return (
        textwrap.dedent(
            f"""\
            id: {role_id}
            name: {role_id.replace("_", " ").capitalize()}
            summary: A post that leads across organisations.
            footprint: place
            function: executive
            sectors: [icb, local_authority]
            responsibilities:
              - {{text: Lead the place partnership., kind: system}}
            suggested_system_time: {{unit: percent, amount: 50, reason: About half of the week.}}
            sources: [src]
            capabilities:
            """
        )
        + caps
        + "\n"
    )


def make_folder(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def good_folder(root: Path) -> Path:
    return make_folder(
        root,
        {
            "frameworks.yaml": FRAMEWORKS,
            "sources.yaml": SOURCES,
            "glossary.yaml": "glossary:\n  - {term: ICS, meaning: Integrated care system}\n",
            "capabilities/listening.yaml": capability("listening"),
            "capabilities/empathy.yaml": capability("empathy", "individual_effectiveness"),
            "roles/place_lead.yaml": role("place_lead", ["listening", "empathy"]),
        },
    )


def billion_laughs(levels: int = 9) -> str:
    """A few hundred bytes of nested YAML aliases that stand for 9**levels strings once walked."""
    lines = ["a0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
    for level in range(1, levels):
        items = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{items}]")
    lines.append(f"id: *a{levels - 1}")
    return "\n".join(lines) + "\n"
