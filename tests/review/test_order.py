"""Review findings in the document's order (issue 18, item 4), named in plain words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from roledesigner.documents.viewmodel import SECTION_HEADINGS
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from roledesigner.review.order import SECTIONS, in_document_order, plain_field
from tests.review.test_review import bad_design, every_finding

#: An internal field path: a field of the design, then a dot or a list index.
INTERNAL_PATH = re.compile(rf"\b(?:{'|'.join(RoleDesign.model_fields)})(?:\[[\d*]+\])?\.[a-z_]+|\b[a-z_]+\[[\d*]+\]")


def test_the_sections_are_the_documents_in_its_order() -> None:
    keys = list(SECTIONS)
    assert set(keys) <= set(SECTION_HEADINGS)
    assert keys == [key for key in SECTION_HEADINGS if key in SECTIONS]
    fields = [field for prefixes in SECTIONS.values() for field in prefixes]
    assert len(fields) == len(set(fields)), "each field in one place"
    tops = {field.split(".")[0] for field in fields}
    assert tops >= set(RoleDesign.model_fields) - {"acknowledged"} - {"schema_version"}, "every field has a place"


def test_the_review_lists_findings_as_the_document_reads(library: Library) -> None:
    found = review(bad_design(library), library)
    assert found == in_document_order(found)
    fields = [f.field for f in found]
    assert fields.index("title") < fields.index("purpose") < fields.index("responsibilities")
    assert fields.index("responsibilities") < fields.index("time.system_work.amount")
    assert fields.index("time.system_work.amount") < fields.index("joint.partners")
    assert fields.index("joint.partners") < fields.index("capabilities[0].id") < fields.index("criteria[0].text")
    errors_first = [f for f in found if f.field == "joint.partners"]
    assert errors_first[0].severity is Severity.ERROR


def test_list_items_and_partners_keep_their_positions() -> None:
    findings = [
        Finding("x.c", Severity.WARNING, "c.", "criteria[10].text"),
        Finding("x.b", Severity.WARNING, "b.", "criteria[2].text"),
        Finding("x.p", Severity.WARNING, "p.", "joint.partners[1].line_manager"),
        Finding("x.q", Severity.ERROR, "q.", "joint.partners[*].funding_percent"),
        Finding("x.r", Severity.WARNING, "r.", "joint.partners[0].line_manager"),
        Finding("x.g", Severity.INFO, "g.", "grade"),
        Finding("x.w", Severity.WARNING, "w.", ""),
    ]
    assert [f.code for f in in_document_order(findings)] == ["x.g", "x.q", "x.r", "x.p", "x.b", "x.c", "x.w"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_order_does_not_depend_on_the_order_found(library: Library, data: st.DataObject) -> None:
    """A deterministic key: however the checks happen to produce them, findings list the same way
    (equal findings aside)."""
    found = review(bad_design(library), library)
    shuffled = data.draw(st.permutations(found))
    assert [(f.field, f.severity, f.code) for f in in_document_order(list(shuffled))] == [
        (f.field, f.severity, f.code) for f in found
    ]


def test_fields_are_named_in_plain_words() -> None:
    assert plain_field("time.system_work.amount") == "system time"
    assert plain_field("joint.partners[1].line_manager") == "partner 2: line manager"
    assert plain_field("joint.partners[*].host") == "every partner: host employer"
    assert plain_field("criteria[0].assessed_by") == "criterion 1: how it is assessed"
    assert plain_field("responsibilities[2].text") == "responsibility 3"
    assert plain_field("joint.agreement") == "partnership arrangement"
    assert plain_field("relationships") == "working relationships"
    assert plain_field("") == "the whole role"


def test_no_message_or_field_name_shows_an_internal_path(library: Library) -> None:
    findings = every_finding(library)
    assert INTERNAL_PATH.search("field: time.system_work.amount")
    assert INTERNAL_PATH.search("joint.partners[1].host")
    for finding in findings:
        assert not INTERNAL_PATH.search(finding.message), finding.message
        assert not INTERNAL_PATH.search(plain_field(finding.field)), finding.field
        assert "_" not in plain_field(finding.field), finding.field


def test_missing_groups_follow_the_person_specifications_own_order(library: Library) -> None:
    """Qualifications before knowledge, as the person specification prints its groups (not by code, which
    put "no knowledge" first)."""
    design = RoleDesign(title="Lead")
    found = [f.code for f in review(design, library) if f.code in ("spec.no_qualifications", "spec.no_knowledge")]
    assert found == ["spec.no_qualifications", "spec.no_knowledge"]
    knowledge = Finding("spec.no_knowledge", Severity.WARNING, "k.", "criteria")
    qualifications = Finding("spec.no_qualifications", Severity.WARNING, "q.", "criteria")
    other = Finding("spec.a_later_check", Severity.WARNING, "o.", "criteria")
    assert in_document_order([other, knowledge, qualifications]) == [qualifications, knowledge, other]
