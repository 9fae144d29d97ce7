"""The changes document: native tracked changes for added, removed, changed and moved items, that
accept to the new design's export and reject to the old one's, in the XML and in LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from roledesigner.documents.details import DRAFT_MARK
from roledesigner.documents.sample import sample_design
from roledesigner.documents.trackchanges import changes_document, track_changes
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.weektable import PROTECTED_TEXT
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import Criterion, Responsibility, RoleDesign
from roledesigner.domain.vocabulary import ResponsibilityKind, Status
from roledesigner.library.catalogue import Library
from tests.support.revisions import (
    accepted,
    body,
    libreoffice_accepted_text,
    libreoffice_text,
    paragraph_text,
    rejected,
    soffice,
    texts,
    w,
)

WHEN = dt.datetime(2026, 5, 3, 9, 30, tzinfo=dt.UTC)
ORGANISATION = "North Shire Integrated Care Board"


def export(design: RoleDesign, library: Library) -> bytes:
    """The design's plain Word export, as the app writes it (the week as a table, no picture)."""
    return render_docx(build_view(design, library, ORGANISATION))


def changes(old: RoleDesign, new: RoleDesign, library: Library) -> bytes:
    return changes_document(old, new, library, author="Ann Example", when=WHEN, organisation=ORGANISATION)


@pytest.fixture(scope="module")
def old(library: Library) -> RoleDesign:
    return sample_design(library)


def edited(old: RoleDesign) -> RoleDesign:
    """Every kind of change: a responsibility reworded, one moved, one removed, one added; a
    criterion added and one removed; a word in the purpose."""
    items = list(old.responsibilities)
    items[2] = items[2].model_copy(update={"text": items[2].text.replace("Join up", "Bring together")})
    items.insert(5, items.pop(0))  # the first responsibility moves down
    removed = items.pop(3)
    items.append(Responsibility(text="Chair the Westtown place partnership board", kind=ResponsibilityKind.SYSTEM))
    criteria = [*old.criteria[1:], Criterion(text="Experience of managing a pooled budget")]
    assert removed.text not in {item.text for item in items}
    return old.model_copy(
        update={
            "responsibilities": items,
            "criteria": criteria,
            "purpose": old.purpose.replace("local area", "wider local area"),
        }
    )


@pytest.fixture(scope="module")
def document(old: RoleDesign, library: Library) -> bytes:
    return changes(old, edited(old), library)


def marked(data: bytes, kind: str) -> list[str]:
    """The text inside each `w:ins` or `w:del` of the body, in order."""
    return [paragraph_text(element) for element in body(data).iter(w(kind)) if element.getparent().tag == w("p")]


def whole_paragraphs(data: bytes, kind: str) -> list[str]:
    """The text of each paragraph whose mark is inserted or deleted (a whole paragraph added or removed)."""
    return [
        paragraph_text(p) for p in body(data).iter(w("p")) if p.find(f"{w('pPr')}/{w('rPr')}/{w(kind)}") is not None
    ]


def rows(data: bytes, kind: str) -> list[str]:
    return [paragraph_text(row) for row in body(data).iter(w("tr")) if row.find(f"{w('trPr')}/{w(kind)}") is not None]


# --- what is marked -----------------------------------------------------------------------------


def test_an_added_responsibility_is_a_whole_inserted_paragraph(document: bytes) -> None:
    assert "Chair the Westtown place partnership board" in whole_paragraphs(document, "ins")
    assert "Chair the Westtown place partnership board" in marked(document, "ins")


def test_a_removed_responsibility_is_a_whole_deleted_paragraph(document: bytes, old: RoleDesign) -> None:
    kept = {x.text for x in edited(old).responsibilities}
    removed = next(r.text for r in old.responsibilities if r.text not in kept and not r.text.startswith("Join up"))
    assert removed in whole_paragraphs(document, "del")
    assert removed in marked(document, "del")


def test_a_reworded_responsibility_is_marked_word_by_word(document: bytes) -> None:
    paragraph = next(p for p in body(document).iter(w("p")) if "physical and mental health care" in paragraph_text(p))
    deleted = [paragraph_text(d) for d in paragraph.iter(w("del"))]
    inserted = [paragraph_text(i) for i in paragraph.iter(w("ins"))]
    assert deleted == ["Join up"] and inserted == ["Bring together"]
    assert paragraph.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is None, "the paragraph itself stays"
    assert paragraph_text(paragraph).endswith("physical and mental health care, for example in general practice "
                                              "and neighbourhood teams.")  # fmt: skip


def test_a_word_added_to_the_purpose_is_one_small_insertion(document: bytes) -> None:
    assert "wider " in marked(document, "ins")


def test_a_moved_responsibility_is_deleted_where_it_was_and_inserted_where_it_is(
    document: bytes, old: RoleDesign
) -> None:
    moved = old.responsibilities[0].text
    paragraphs = texts(body(document))
    places = [i for i, text in enumerate(paragraphs) if text == moved]
    assert len(places) == 2
    assert moved in whole_paragraphs(document, "del") and moved in whole_paragraphs(document, "ins")
    first = body(document).iter(w("p"))
    order = [("del" if p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None else "ins")
             for p in first if paragraph_text(p) == moved]  # fmt: skip
    assert order == ["del", "ins"], "it moved down: gone from its old place, then in its new one"


def test_criteria_added_and_removed_are_whole_table_rows(document: bytes, old: RoleDesign) -> None:
    assert any("Experience of managing a pooled budget" in row for row in rows(document, "ins"))
    assert any(old.criteria[0].text in row for row in rows(document, "del"))
    deleted_row = next(row for row in body(document).iter(w("tr")) if row.find(f"{w('trPr')}/{w('del')}") is not None)
    assert deleted_row.find(f".//{w('t')}") is None, "deleted text is w:delText"


def test_a_changed_value_in_a_table_is_marked_word_by_word_in_its_cell(old: RoleDesign, library: Library) -> None:
    # Nothing alike between the two values, yet the cell holds one value: it is reworded, not replaced.
    data = changes(old, old.model_copy(update={"grade": "Very senior manager"}), library)
    row = next(r for r in body(data).iter(w("tr")) if paragraph_text(r).startswith("Grade"))
    assert [paragraph_text(d) for d in row.iter(w("del"))] == ["Agenda for Change band 8d"]
    assert [paragraph_text(i) for i in row.iter(w("ins"))] == ["Very senior manager"]
    assert whole_paragraphs(data, "ins") == [] and whole_paragraphs(data, "del") == [], "the cell's line stays"
    assert rows(data, "ins") == [] and rows(data, "del") == [], "the row stays"


def test_every_mark_has_an_author_a_date_and_an_id_of_its_own(document: bytes) -> None:
    marks = list(body(document).iter(w("ins"), w("del")))
    assert len(marks) > 10
    assert {e.get(w("author")) for e in marks} == {"Ann Example"}
    assert {e.get(w("date")) for e in marks} == {"2026-05-03T09:30:00Z"}
    ids = Counter(e.get(w("id")) for e in body(document).iter() if e.get(w("id")) is not None)
    assert all(count == 1 for count in ids.values()), [i for i, n in ids.items() if n > 1]


def test_nothing_but_the_document_part_differs_from_the_export(
    document: bytes, old: RoleDesign, library: Library
) -> None:
    plain = export(edited(old), library)
    with zipfile.ZipFile(io.BytesIO(document)) as ours, zipfile.ZipFile(io.BytesIO(plain)) as theirs:
        assert sorted(ours.namelist()) == sorted(theirs.namelist())
        for name in ours.namelist():
            if name not in ("word/document.xml", "docProps/core.xml"):
                assert ours.read(name) == theirs.read(name), name


def header_text(data: bytes) -> str:
    """The text of every header and footer part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(
            paragraph_text(p)
            for name in archive.namelist()
            if name.startswith(("word/header", "word/footer"))
            for p in etree.fromstring(archive.read(name)).iter(w("p"))
        )


@pytest.mark.parametrize("show_draft", [True, False])
def test_the_draft_mark_follows_the_setting_as_the_export_does(
    old: RoleDesign, library: Library, show_draft: bool
) -> None:
    assert old.status is Status.DRAFT
    data = changes_document(old, edited(old), library, when=WHEN, organisation=ORGANISATION, show_draft=show_draft)
    plain = render_docx(build_view(edited(old), library, ORGANISATION, show_draft=show_draft))
    assert (DRAFT_MARK in header_text(data).split()) is show_draft
    assert header_text(data) == header_text(plain)
    assert accepted(data) == texts(body(plain))


# --- accepting and rejecting --------------------------------------------------------------------


def test_accepting_every_change_gives_the_new_export(document: bytes, old: RoleDesign, library: Library) -> None:
    assert accepted(document) == texts(body(export(edited(old), library)))


def test_rejecting_every_change_gives_the_old_export(document: bytes, old: RoleDesign, library: Library) -> None:
    assert rejected(document) == texts(body(export(old, library)))


def test_the_same_design_gives_no_changes_at_all(old: RoleDesign, library: Library) -> None:
    data = changes(old, old, library)
    assert not list(body(data).iter(w("ins"))) and not list(body(data).iter(w("del")))
    assert texts(body(data)) == texts(body(export(old, library)))


def test_designs_of_different_roles_compare_all_the_same(old: RoleDesign, library: Library) -> None:
    other = sample_design(library).model_copy(update={"title": "Director of place", "based_on": "place_director"})
    other = other.model_copy(update={"responsibilities": [Responsibility(text="Lead the place partnership")]})
    data = changes(old, other, library)
    assert accepted(data) == texts(body(export(other, library)))
    assert rejected(data) == texts(body(export(old, library)))


def test_a_changed_week_shows_the_protected_days_it_loses(old: RoleDesign, library: Library) -> None:
    """The week is a table of days in the Word file: a day no longer protected is a tracked change of its cell."""
    new = old.model_copy(update={"time": old.time.model_copy(update={"protected_days": []})})
    more = new.time.system_work.model_copy(update={"amount": new.time.system_work.amount / 2})
    new = new.model_copy(update={"time": new.time.model_copy(update={"system_work": more})})
    data = changes(old, new, library)
    deleted = " ".join(marked(data, "del"))
    assert "(protected)" in deleted and "(protected)" not in " ".join(marked(data, "ins"))
    assert PROTECTED_TEXT in texts(body(export(old, library))) and PROTECTED_TEXT not in accepted(data)
    assert accepted(data) == texts(body(export(new, library)))


def _any_responsibilities(texts_: list[str]) -> list[Responsibility]:
    return [Responsibility(text=text) for text in texts_]


WORDS = st.sampled_from(["Lead", "joint", "planning", "for", "the", "place", "board", "with", "partners", "budget"])
SENTENCES = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(SENTENCES, max_size=5), after=st.lists(SENTENCES, max_size=5))
def test_any_two_lists_of_responsibilities_accept_and_reject_exactly(
    old: RoleDesign, library: Library, before: list[str], after: list[str]
) -> None:
    first = old.model_copy(update={"responsibilities": _any_responsibilities(before)})
    second = old.model_copy(update={"responsibilities": _any_responsibilities(after)})
    old_docx, new_docx = export(first, library), export(second, library)
    data = track_changes(old_docx, new_docx, author="Ann Example", when=WHEN)
    assert accepted(data) == texts(body(new_docx))
    assert rejected(data) == texts(body(old_docx))


# --- LibreOffice ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return tmp_path_factory.mktemp("office")


def test_libreoffice_opens_it_and_accepting_all_gives_the_new_text(
    document: bytes, old: RoleDesign, library: Library, office: Path
) -> None:
    changed = office / "changes.docx"
    changed.write_bytes(document)
    plain = office / "new.docx"
    plain.write_bytes(export(edited(old), library))
    expected = libreoffice_text(plain, office)
    assert "Chair the Westtown place partnership board" in expected
    assert libreoffice_accepted_text(changed, office) == expected


def test_libreoffice_makes_a_pdf_of_it(document: bytes, office: Path) -> None:
    changed = office / "to-print.docx"
    changed.write_bytes(document)
    subprocess.run(
        [
            str(soffice()),
            f"-env:UserInstallation={(office / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(office),
            str(changed),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    assert (office / "to-print.pdf").read_bytes().startswith(b"%PDF-")
