"""The HTML (preview and PDF source) and the PDF: sections, escaping, footers, page flow."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from roledesigner.documents import html as html_module
from roledesigner.documents.html import render_html
from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.weekpicture import render_png
from roledesigner.domain.models import Responsibility, RoleDesign
from roledesigner.domain.vocabulary import ResponsibilityKind
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.support.designs import ORGANISATION, full_design
from tests.support.pdftext import pdf_text

TRICKY = "Tom & Jerry <b>bold</b> {{ spec.title }} 🧭 قائد النظام Lead\x07er"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRICKY_CLEAN = "Tom & Jerry <b>bold</b> {{ spec.title }} 🧭 قائد النظام Leader"


class _Outline(HTMLParser):
    """Headings (level and text) and images (attributes) of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.images: list[dict[str, str | None]] = []
        self.bold: int = 0
        self._level = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._level, self._text = int(tag[1]), []
        elif tag == "img":
            self.images.append(dict(attrs))
        elif tag == "b":
            self.bold += 1

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._level:
            self.headings.append((self._level, "".join(self._text)))
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            self._text.append(data)


def outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    parser.close()
    return parser


def with_responsibilities(design: RoleDesign, count: int) -> RoleDesign:
    items = [
        Responsibility(text=f"Responsibility {i}: agree shared outcomes with partners and report on them openly.")
        for i in range(count)
    ]
    return design.model_copy(update={"responsibilities": items})


def view_of(design: RoleDesign, library: Library, organisation: str = ORGANISATION) -> JobSpecification:
    return build_view(design, library, organisation)


def squeeze(text: str) -> str:
    """Text compared without spacing or ligatures, as PDF extraction breaks lines and joins ﬁ."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_info(pdf: bytes, tmp_path: os.PathLike[str]) -> dict[str, str]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = os.path.join(tmp_path, "info.pdf")
    with open(path, "wb") as file:
        file.write(pdf)
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def page_count(pdf: bytes, tmp_path: os.PathLike[str]) -> int:
    if shutil.which("pdfinfo") is not None:
        return int(pdf_info(pdf, tmp_path)["Pages"])
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


# --- HTML --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role_id", ["joint_mental_health_lead", "place_chief_executive", "system_data_scientist"])
def test_sections_are_the_h2_headings_in_order(library: Library, role_id: str) -> None:
    view = view_of(new_design(library, role_id), library)
    page = outline(render_html(view, week_picture=True))
    assert [text for level, text in page.headings if level == 2] == [s.heading for s in view.sections]
    assert [text for level, text in page.headings if level == 1] == [view.title]


def test_every_section_of_a_full_design_is_rendered(library: Library) -> None:
    view = view_of(full_design(library), library)
    assert len(view.sections) == 14
    page = render_html(view, week_picture=True)
    headings = outline(page).headings
    assert [text for level, text in headings if level == 2] == [s.heading for s in view.sections]
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), "a level skipped"
    for text in [
        *view.system_context,
        *view.joint,
        "North Shire Council",
        view.relationships[0].name,
        *(line for clause in view.clauses for line in clause.lines),
        *view.development,
        *view.stability,
        view.person_spec[0].criterion,
        view.capability_domains[0].capabilities[0].indicators[0],
    ]:
        assert str(escape(text)) in page


def test_pictures_only_when_the_caller_has_them(library: Library) -> None:
    view = view_of(new_design(library, "joint_mental_health_lead"), library, 'North "Shire" & Co')
    bare = outline(render_html(view, week_picture=False)).images
    assert bare == []
    images = outline(render_html(view, week_picture=True, logo=True)).images
    by_source = {image["src"]: image for image in images}
    assert by_source["week.png"]["alt"] == view.week_alt_text
    assert by_source["logo.png"]["alt"] == 'North "Shire" & Co logo'


def test_user_text_is_escaped_and_cleaned(library: Library) -> None:
    design = new_design(library, "joint_mental_health_lead").model_copy(
        update={
            "title": TRICKY,
            "purpose": TRICKY,
            "responsibilities": [Responsibility(text=TRICKY, kind=ResponsibilityKind.SYSTEM)],
        }
    )
    view = view_of(design, library)
    page = render_html(view, week_picture=True)
    assert "\x07" not in page
    assert "<b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "Tom &amp; Jerry" in page
    assert "{{ spec.title }}" in page  # printed, never run
    assert "🧭" in page and "قائد النظام" in page
    parsed = outline(page)
    assert parsed.bold == 0
    assert (1, TRICKY_CLEAN) in parsed.headings
    assert page.count(str(escape(TRICKY_CLEAN))) >= 3  # title, job title row, purpose, responsibility


def test_the_compiled_template_is_kept(library: Library) -> None:
    view = view_of(new_design(library, "joint_mental_health_lead"), library)
    render_html(view, week_picture=False)
    assert html_module._template() is html_module._template()


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_holds_the_document(library: Library, tmp_path: os.PathLike[str]) -> None:
    view = view_of(full_design(library), library)
    assert view.chart is not None
    pdf = render_pdf(view, week_png=render_png(view.chart), logo_png=render_png(view.chart))
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    text = squeeze(pdf_text(pdf, tmp_path))
    for expected in [view.title, *(s.heading for s in view.sections), view.person_spec[0].criterion, "Page 1 of"]:
        assert squeeze(expected) in text
    pages = page_count(pdf, tmp_path)
    for page in range(1, pages + 1):
        assert squeeze(f"Page {page} of {pages} · Version {view.version}, {view.date}") in text


def test_pdf_properties(library: Library, tmp_path: os.PathLike[str]) -> None:
    view = view_of(new_design(library, "joint_mental_health_lead").model_copy(update={"author": "A. Person"}), library)
    info = pdf_info(render_pdf(view, week_png=None), tmp_path)
    assert info["Title"] == view.document_title
    assert info["Creator"] == "Role Designer"
    assert info["Author"] == "A. Person"
    assert info["Page size"].startswith("595 x 842")  # A4 in points


def test_more_responsibilities_make_more_pages(library: Library, tmp_path: os.PathLike[str]) -> None:
    design = new_design(library, "joint_mental_health_lead")
    short = render_pdf(view_of(with_responsibilities(design, 3), library), week_png=None)
    long = render_pdf(view_of(with_responsibilities(design, 300), library), week_png=None)
    assert page_count(long, tmp_path) > page_count(short, tmp_path)


def test_a_very_long_document_still_renders(library: Library, tmp_path: os.PathLike[str]) -> None:
    paragraph = ("Partners agree shared outcomes and report on them openly. " * 400)[:20_000]
    design = with_responsibilities(new_design(library, "joint_mental_health_lead"), 1000).model_copy(
        update={"purpose": paragraph, "system_context": "x" * 20_000}
    )
    pdf = render_pdf(view_of(design, library), week_png=None)
    assert pdf.startswith(b"%PDF")
    assert page_count(pdf, tmp_path) > 30


@pytest.mark.slow
def test_pdf_renders_with_no_display(tmp_path: os.PathLike[str]) -> None:
    """A fresh process with no display and no Qt platform chosen still writes the PDF."""
    env = {
        key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    script = (
        "from roledesigner.library.compose import new_design\n"
        "from roledesigner.documents.pdf import render_pdf\n"
        "from roledesigner.documents.viewmodel import build_view\n"
        "from roledesigner.library.catalogue import Folder\n"
        "from roledesigner.library.loader import load_library\n"
        "from roledesigner.files.paths import library_dir\n"
        "library = load_library([Folder(library_dir(), 'bundled')])\n"
        "view = build_view(new_design(library, 'joint_mental_health_lead'), library, 'North Shire')\n"
        "import sys; sys.stdout.buffer.write(render_pdf(view, week_png=None)[:5])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, env=env, timeout=120, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == b"%PDF-"


def test_pdf_text_has_no_ligatures(library: Library, tmp_path: os.PathLike[str]) -> None:
    """A reader searching the PDF for "specification" or "official" finds them: no ﬁ or ﬃ glyphs."""
    view = view_of(full_design(library), library)
    text = pdf_text(render_pdf(view, week_png=None), tmp_path)
    assert "Job description and person specification" in text
    assert "Person specification" in text
    assert [character for character in text if "\ufb00" <= character <= "\ufb06"] == []


def test_text_running_over_a_page_is_in_the_pdf_once(library: Library, tmp_path: os.PathLike[str]) -> None:
    """Qt draws a paragraph that runs on to the next page on both pages, clipped, and so puts
    some of its lines in the PDF's text twice; a search or a screen reader would meet them twice."""
    paragraphs = [
        f"Paragraph {i}: the postholder agrees outcome {i} with partners across place {i}, reports "
        f"on result {i} openly to both boards, and explains what changed in case {i}, and why."
        for i in range(60)
    ]
    for organisation in ("", ORGANISATION):  # the page breaks fall in different places
        design = new_design(library, "joint_mental_health_lead").model_copy(update={"purpose": "\n\n".join(paragraphs)})
        pdf = render_pdf(view_of(design, library, organisation), week_png=None)
        assert page_count(pdf, tmp_path) >= 5
        lines = pdf_text(pdf, tmp_path).splitlines()
        text = squeeze(" ".join(line for line in lines if "· Version" not in line))  # footers apart
        assert [i for i, paragraph in enumerate(paragraphs) if text.count(squeeze(paragraph)) != 1] == []
        marks = [
            mark for i in range(60) for mark in (f"Paragraph{i}:", f"outcome{i}with", f"result{i}openly", f"case{i},")
        ]
        assert [mark for mark in marks if text.count(mark) != 1] == []


def test_the_organisation_is_named_once_at_the_head(library: Library) -> None:
    """It is in the subtitle, as in the Word file; a line of its own above the title said it twice."""
    view = view_of(new_design(library, "joint_mental_health_lead"), library, "North Shire ICB")
    page = render_html(view, week_picture=False)
    head = page[: page.index("<h2>")]
    assert head.count("North Shire ICB") == 1
