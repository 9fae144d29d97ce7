"""Hostile Word templates: a template is data and can neither run code nor write a file.

Each exploit is proved by its side effect (a file written, a folder made by code run from the
template), never by the wording of an error: an export that refuses the template and an export
that ignores the payload both pass, an export that lets it act does not.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from roledesigner.documents.sample import sample_design
from roledesigner.documents.templatecheck import check_template_file
from roledesigner.documents.viewmodel import SECTION_HEADINGS, JobSpecification, build_view
from roledesigner.documents.weekpicture import render_png
from roledesigner.documents.word import MAX_TEMPLATE_BYTES, TemplateError, check_template, render_docx
from roledesigner.library.catalogue import Library
from tests.support.docxread import DOCPR, independent_text, picture_alt_texts


def _template(tmp_path: Path, *paragraphs: str, header: str = "", name: str = "house.docx") -> Path:
    """A Word template built here with python-docx: a title field, then each paragraph as given."""
    document = Document()
    document.add_paragraph("{{ spec.title }}")
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    path = tmp_path / name
    document.save(str(path))
    return path


def _view(library: Library) -> JobSpecification:
    return build_view(sample_design(library), library, "North Shire ICB")


def _export(path: Path, library: Library) -> None:
    """Export the sample design through the template, with a week picture and a logo, as the app does."""
    view = _view(library)
    assert view.chart is not None
    picture = render_png(view.chart, width=300)
    with contextlib.suppress(TemplateError):  # refusing the template is one right answer; the side effect decides
        render_docx(view, path, week_png=picture, logo_png=picture)


def _marker_code(marker: Path) -> str:
    """Template code that makes a folder, the side effect of running Python from a template."""
    return f"cycler.__init__.__globals__.os.makedirs('{marker}')"


SAVE_PAYLOADS = {
    "save through the week picture": "{{{{ week_picture.tpl.save('{target}') }}}}",
    "save through the logo": "{{{{ logo.tpl.save('{target}') }}}}",
    "save behind a test of the picture": "{{% if week_picture %}}{{{{ week_picture.tpl.save('{target}') }}}}{{% endif %}}",
    "save through the docx object": "{{{{ week_picture.tpl.docx.save('{target}') }}}}",
    "save through the template's own attribute lookup": "{{{{ week_picture.tpl.get_docx().save('{target}') }}}}",
    "save through item lookup": "{{{{ week_picture['tpl']['save']('{target}') }}}}",
    "save through the attr filter": "{{{{ (week_picture|attr('tpl')).save('{target}') }}}}",
}


@pytest.mark.parametrize("payload", list(SAVE_PAYLOADS.values()), ids=list(SAVE_PAYLOADS))
def test_a_template_cannot_write_a_file_through_a_picture(library: Library, tmp_path: Path, payload: str) -> None:
    target = tmp_path / "written" / "anywhere.docx"
    target.parent.mkdir()
    template = _template(tmp_path, payload.format(target=target))
    _export(template, library)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def _rerender_payload(marker: Path, picture: str = "week_picture") -> list[str]:
    """Render the template again through the picture's template, outside the sandbox, where the
    second pass runs the code that the sandboxed first pass skips."""
    return [
        f"{{% if inner is defined %}}{{{{ {_marker_code(marker)} }}}}{{% endif %}}",
        f"{{% if inner is not defined %}}{{{{ {picture}.tpl.render({{'inner': 1, 'spec': spec}}, None) }}}}{{% endif %}}",
    ]


@pytest.mark.parametrize("picture", ["week_picture", "logo"])
def test_a_template_cannot_run_code_by_rendering_itself_again(library: Library, tmp_path: Path, picture: str) -> None:
    marker = tmp_path / "code ran"
    template = _template(tmp_path, *_rerender_payload(marker, picture))
    _export(template, library)
    assert not marker.exists()


def test_a_payload_in_the_header_runs_nothing(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "from the header.docx"
    template = _template(tmp_path, header=f"{{{{ logo.tpl.save('{target}') }}}}")
    _export(template, library)
    assert not target.exists()


def test_the_template_check_finds_a_payload_behind_a_test_of_the_picture(library: Library, tmp_path: Path) -> None:
    """The check fills every optional part, so a payload waiting for a picture is found before any export."""
    target = tmp_path / "written.docx"
    marker = tmp_path / "code ran"
    template = _template(
        tmp_path,
        f"{{% if week_picture %}}{{{{ week_picture.tpl.save('{target}') }}}}{{% endif %}}",
        f"{{% if logo %}}{{{{ logo.tpl.render({{'spec': spec}}, None) }}}}{{{{ {_marker_code(marker)} }}}}{{% endif %}}",
    )
    with pytest.raises(TemplateError, match=r"house\.docx"):
        check_template(template, _view(library))
    message = check_template_file(template, library)
    assert message is not None and str(template) in message
    assert not target.exists()
    assert not marker.exists()


def test_a_payload_in_the_templates_own_properties_runs_nothing(library: Library, tmp_path: Path) -> None:
    """docxtpl fills the template's title, subject and author properties as templates too."""
    target = tmp_path / "from the properties.docx"
    document = Document()
    document.add_paragraph("{{ spec.title }}")
    document.core_properties.title = f"{{{{ week_picture.tpl.save('{target}') }}}}"
    document.core_properties.subject = f"{{{{ logo.tpl.save('{target}') }}}}"
    path = tmp_path / "house.docx"
    document.save(str(path))
    _export(path, library)
    assert not target.exists()


# --- what a template may not do: each refused in one sentence naming the template ---------------

REFUSED = {
    "print the template itself": ("{{ self }}", "prints an object"),
    "reach a block through self": ("{% block b %}x{% endblock %}{{ self.b() }}", "reads 'b'"),
    "cycler": ("{{ cycler }}", "'cycler' is undefined"),
    "joiner": ("{{ joiner() }}", "'joiner' is undefined"),
    "namespace": ("{% set ns = namespace(a=1) %}", "'namespace' is undefined"),
    "lipsum": ("{{ lipsum(1000000) }}", "'lipsum' is undefined"),
    "dict": ("{{ dict(a=1) }}", "'dict' is undefined"),
    "a huge range": ("{{ range(10**9)|length }}", "more than 100,000 numbers"),
    "a class of a text": ("{{ ''.__class__ }}", "reads '__class__' of a text"),
    "subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "reads '__class__'"),
    "a method of a text": ("{{ spec.title.upper() }}", "reads 'upper' of a text"),
    "str.format": ("{{ '{:>999999999}'.format(1) }}", "reads 'format' of a text"),
    "percent formatting": ("{{ '%0999999999d' % 1 }}", "formats text with '%'"),
    "a method of a mapping": ("{{ spec.items() }}", "'items'"),
    "a loop method": ("{% for r in spec.details %}{{ loop.cycle('a', 'b') }}{% endfor %}", "reads 'cycle' of the loop"),
    "a recursive loop call": ("{% for r in spec.details recursive %}{{ loop(spec.details) }}{% endfor %}", "calls"),
    "include": ("{% include 'other.xml' %}", "includes, imports or extends another template"),
    "import": ("{% import 'macros.xml' as m %}", "includes, imports or extends another template"),
    "extends": ("{% extends 'base.xml' %}", "includes, imports or extends another template"),
    "a list printed": ("{{ spec.details }}", "prints a list"),
    "repetition": ("{{ 'x' * 10**9 }}", "longer than"),
    "list repetition": ("{{ ([1] * 10**9)|length }}", "longer than"),
    "repetition by a literal": ("{{ 'x' * 1000000000 }}", "longer than"),
    "a huge power": ("{{ 2 ** 100000000 }}", "a number too large"),
    "doubling by ~": (
        "{% set a = 'x' * 900000 %}{% set b = a ~ a %}{% set c = b ~ b %}{{ c|length }}",
        "longer than",
    ),
    "doubling in a macro": (
        "{% macro m(s, n) %}{% if n %}{{ m(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ m('abcdefgh', 60) }}",
        "longer than",
    ),
    "endless recursion": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "nest too deeply"),
    "a huge join": ("{{ range(100000)|join('y' * 100000) }}", "longer than"),
    "nested loops": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "steps",
    ),
    "loops over the data inside loops": (
        "{% for a in spec.details %}{% for b in spec.details %}{% for c in spec.details %}{% for d in spec.details %}"
        "{% for e in spec.details %}{% for f in spec.details %}{% for g in spec.details %}{% endfor %}{% endfor %}"
        "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
        "steps",
    ),
    "output captured by set blocks": (
        "{% set a %}{% for i in range(100000) %}" + "x" * 500 + "{% endfor %}{% endset %}"
        "{% set b %}{% for i in range(100000) %}{{ a }}{% endfor %}{% endset %}",
        "writes more than",
    ),
    "a filter that grows with its argument": ("{{ 'x'|center(1000000000) }}", "No filter named 'center'"),
    "the safe filter": ("{{ spec.title|safe }}", "No filter named 'safe'"),
    "the attr filter": ("{{ week_picture|attr('tpl') }}", "No filter named 'attr'"),
}


@pytest.mark.parametrize(("payload", "phrase"), list(REFUSED.values()), ids=list(REFUSED))
def test_a_template_that_oversteps_is_refused_in_a_sentence(
    library: Library, tmp_path: Path, payload: str, phrase: str
) -> None:
    template = _template(tmp_path, payload)
    with pytest.raises(TemplateError) as caught:
        check_template(template, _view(library))
    message = str(caught.value)
    assert message.startswith(f"The Word template {template} ")
    assert phrase in message
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message


ALLOWED = {
    "loop counters": (
        "{% for r in spec.details %}{{ loop.index }}{% if not loop.last %}, {% endif %}{% endfor %}",
        "1, 2",
    ),
    "filters": ("{{ spec.status|upper }} {{ spec.keywords|join('; ') }}", "DRAFT system leadership; job description"),
    "attributes through map": ("{{ spec.details|map(attribute='label')|join('/') }}", "Job title/Grade"),
    "a macro": ("{% macro bold(t) %}[{{ t }}]{% endmacro %}{{ bold(spec.status) }}", "[Draft]"),
    "set and default": ("{% set who = spec.no_such_field|default('nobody') %}{{ who }}", "nobody"),
    "item lookup": ("{{ spec['title'] }} {{ spec.details[0].label }}", "Job title"),
    "defined tests": ("{% if spec.missing is not defined %}no such field{% endif %}", "no such field"),
    "a small range": ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
    "arithmetic": ("{{ 2 * 3 }} {{ 'ab' ~ 'cd' }} {{ 7 // 2 }}", "6 abcd 3"),
}


@pytest.mark.parametrize(("payload", "expected"), list(ALLOWED.values()), ids=list(ALLOWED))
def test_what_a_house_template_needs_still_works(library: Library, tmp_path: Path, payload: str, expected: str) -> None:
    template = _template(tmp_path, payload)
    check_template(template, _view(library))
    view = _view(library)
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(view, template))).paragraphs)
    assert expected in text


def test_the_check_fills_every_section_and_every_optional_part(library: Library, tmp_path: Path) -> None:
    """A payload behind any optional part (a section, the organisation, a picture) is reached by the check."""
    view = build_view(sample_design(library), library)
    assert [section.key for section in view.sections] == list(SECTION_HEADINGS)
    assert view.partners and view.week_alt_text and not view.organisation
    template = _template(tmp_path, "{% if spec.organisation and logo and week_picture %}{{ ''.__class__ }}{% endif %}")
    message = check_template_file(template, library)
    assert message is not None and "reads '__class__'" in message


def test_pictures_are_placed_where_their_tags_are(library: Library, tmp_path: Path) -> None:
    """The markers become pictures in the body and the header, with their alt text; no marker text is left."""
    template = _template(
        tmp_path, "Before {{ week_picture }} after", "{% if logo %}{{ logo }}{% endif %}", header="Head {{ logo }}"
    )
    view = _view(library)
    assert view.chart is not None
    picture = render_png(view.chart, width=300)
    document = Document(io.BytesIO(render_docx(view, template, week_png=picture, logo_png=picture)))
    body = document.paragraphs
    assert body[1].text == "Before  after" and len(body[1].runs) == 3
    assert picture_alt_texts(document) == [view.week_alt_text, "North Shire ICB logo", "North Shire ICB logo"]
    ids = [p.get("id") for p in document.element.body.iter(DOCPR)]
    assert len(set(ids)) == len(ids)
    assert "RDPICTURE" not in independent_text(render_docx(view, template, week_png=picture, logo_png=picture))


def test_no_picture_means_an_empty_tag(library: Library, tmp_path: Path) -> None:
    template = _template(tmp_path, "{% if week_picture %}has a picture{% else %}no picture{% endif %}[{{ logo }}]")
    document = Document(io.BytesIO(render_docx(_view(library), template)))
    assert document.paragraphs[1].text == "no picture[]"


# --- packages that are not templates -------------------------------------------------------------


def _zip_with(tmp_path: Path, extra: dict[str, int], name: str = "bomb.docx") -> Path:
    """The default-looking template with extra entries of the given sizes, zeros written in chunks."""
    source = _template(tmp_path, name="source.docx")
    path = tmp_path / name
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            archive.writestr(item, original.read(item.filename))
        for entry, size in extra.items():
            with archive.open(entry, "w", force_zip64=True) as stream:
                chunk = b"\0" * (1024 * 1024)
                for start in range(0, size, len(chunk)):
                    stream.write(chunk[: size - start])
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(library: Library, tmp_path: Path) -> None:
    bomb = _zip_with(tmp_path, {"word/media/image9.png": 130 * 1024 * 1024})
    assert bomb.stat().st_size < 2 * 1024 * 1024
    message = check_template_file(bomb, library)
    assert message is not None and message.startswith(f"The Word template {bomb} unpacks to more than")


def test_a_huge_document_part_is_refused(library: Library, tmp_path: Path) -> None:
    template = _zip_with(tmp_path, {"word/glossary.xml": 17 * 1024 * 1024})
    message = check_template_file(template, library)
    assert message is not None and "unpacks to more than" in message


def test_a_package_of_thousands_of_parts_is_refused(library: Library, tmp_path: Path) -> None:
    template = _zip_with(tmp_path, {f"customXml/extra{i}.xml": 1 for i in range(2001)})
    message = check_template_file(template, library)
    assert message is not None and "unpacks to more than" in message


def test_a_template_file_over_the_size_cap_is_refused(library: Library, tmp_path: Path) -> None:
    big = tmp_path / "big.docx"
    with big.open("wb") as file:
        file.truncate(MAX_TEMPLATE_BYTES + 1)
    message = check_template_file(big, library)
    assert message == f"The Word template {big} is larger than 32 MB, too large for a template."


def test_entities_that_expand_are_not_expanded(library: Library, tmp_path: Path) -> None:
    """A "billion laughs" document part is refused, not expanded."""
    source = _template(tmp_path, "&lol9;", name="source.docx")
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + ("" if i == 1 else str(i - 1)) + ";") * 10}">' for i in range(1, 10)
    )
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                end = text.index("?>") + 2
                text = text[:end] + f"<!DOCTYPE w:document [{entities}]>" + text[end:]
                data = text.replace("&amp;lol9;", "&lol9;").encode("utf-8")
            archive.writestr(item, data)
    message = check_template_file(path, library)
    assert message is not None and str(path) in message
    assert "lollollol" not in message


def test_a_template_compiled_once_is_bounded_on_every_render(library: Library, tmp_path: Path) -> None:
    """The compiled code is shared between renders; the bounds are each render's own."""
    from roledesigner.documents import sandbox

    payload, phrase = REFUSED["nested loops"]
    template = _template(tmp_path, payload)
    for _ in range(3):
        with pytest.raises(TemplateError, match=phrase):
            check_template(template, _view(library))
    assert any("range(100000)" in source for source in sandbox._COMPILED), "compiled once and kept"
    fine = _template(tmp_path, ALLOWED["a small range"][0], name="fine.docx")
    for _ in range(2):
        assert "012" in "\n".join(p.text for p in Document(io.BytesIO(render_docx(_view(library), fine))).paragraphs)
