"""A document exported while its review has errors says "Draft: not yet reviewed" on every page (issue 18).

The bundled template prints `{{ spec.draft_mark }}` in its header; a team's own template may not,
so the mark is added to every header its pages can show: the default one, the first page's and
the even pages'.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from roledesigner.cli.main import main
from roledesigner.documents.jobs import UNREVIEWED_MARK
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.documents.wordmark import header_text
from roledesigner.library.catalogue import Library
from tests.support.docxread import open_docx

HOUSE_HEADER = "North Shire house style"
FIRST_PAGE_HEADER = "North Shire letterhead"
EVEN_PAGE_HEADER = "North Shire even pages"


def house_template(path: Path, *, even_pages: bool = False) -> Path:
    """A team's own template: its own headers (default and first page), no draft mark anywhere."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HOUSE_HEADER
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = FIRST_PAGE_HEADER
    if even_pages:
        document.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.paragraphs[0].text = EVEN_PAGE_HEADER
    document.add_heading("{{ spec.title }}", level=1)
    document.add_paragraph("{{ spec.organisation }}")
    document.save(str(path))
    return path


def _headers(document: Any) -> dict[str, str]:
    section = document.sections[0]
    found = {"default": header_text(section.header._element)}
    if section.different_first_page_header_footer:
        found["first"] = header_text(section.first_page_header._element)
    if document.settings.odd_and_even_pages_header_footer:
        found["even"] = header_text(section.even_page_header._element)
    return found


def _joint_post_with_errors(tmp_path: Path) -> Path:
    """The library's joint post with funding of 60 + 40 + 10 = 110 per cent: the review has errors."""
    path = tmp_path / "joint.roledesign"
    assert main(["new", "--from", "joint_mental_health_lead", "-o", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["joint"]["partners"] = [
        {"organisation": "North Shire ICB", "sector": "icb", "host": True, "funding_percent": 60, "time_percent": 60},
        {"organisation": "Westtown Council", "sector": "local_authority", "funding_percent": 40, "time_percent": 40},
        {"organisation": "New partner", "sector": "other", "funding_percent": 10, "time_percent": 0},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_command_line_marks_every_header_of_a_teams_own_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = house_template(tmp_path / "house.docx")
    source = _joint_post_with_errors(tmp_path)
    out = tmp_path / "joint.docx"
    assert main(["export", str(source), "--template", str(template), "-o", str(out)]) == 0
    assert UNREVIEWED_MARK in capsys.readouterr().err
    headers = _headers(open_docx(out.read_bytes()))
    assert headers == {
        "default": f"{UNREVIEWED_MARK} {HOUSE_HEADER}",
        "first": f"{UNREVIEWED_MARK} {FIRST_PAGE_HEADER}",
    }
    # The mark is its own paragraph at the top, bold, so it reads as a heading of the page.
    section = open_docx(out.read_bytes()).sections[0]
    for header in (section.header, section.first_page_header):
        first = header.paragraphs[0]
        assert first.text == UNREVIEWED_MARK and first.runs[0].bold


def test_even_pages_are_marked_and_a_reviewed_export_is_not(tmp_path: Path, library: Library) -> None:
    template = house_template(tmp_path / "house.docx", even_pages=True)
    view = build_view(sample_design(library), library)
    clean = _headers(open_docx(render_docx(view, template)))
    assert clean == {"default": HOUSE_HEADER, "first": FIRST_PAGE_HEADER, "even": EVEN_PAGE_HEADER}
    marked = _headers(open_docx(render_docx(replace(view, draft_mark=UNREVIEWED_MARK), template)))
    assert marked == {
        "default": f"{UNREVIEWED_MARK} {HOUSE_HEADER}",
        "first": f"{UNREVIEWED_MARK} {FIRST_PAGE_HEADER}",
        "even": f"{UNREVIEWED_MARK} {EVEN_PAGE_HEADER}",
    }


def test_a_template_with_no_header_gets_one_with_the_mark(tmp_path: Path, library: Library) -> None:
    document = Document()
    document.add_paragraph("{{ spec.title }}")
    document.save(str(tmp_path / "bare.docx"))
    view = replace(build_view(sample_design(library), library), draft_mark=UNREVIEWED_MARK)
    assert _headers(open_docx(render_docx(view, tmp_path / "bare.docx"))) == {"default": UNREVIEWED_MARK}


def test_the_bundled_template_prints_the_mark_once(library: Library) -> None:
    view = replace(build_view(sample_design(library), library), draft_mark=UNREVIEWED_MARK)
    headers = _headers(open_docx(render_docx(view)))
    assert all(text.count(UNREVIEWED_MARK) == 1 for text in headers.values())
