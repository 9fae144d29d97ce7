"""The whole review and the language checks: each fires on a design that breaks it, and not otherwise."""

from __future__ import annotations

import dataclasses
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.cli.main import main
from roledesigner.documents.sample import sample_design
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import (
    Allocation,
    CapabilityRequirement,
    Criterion,
    JointArrangement,
    Partner,
    Responsibility,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.vocabulary import AllocationUnit, Footprint, Requirement, Sector, Weekday
from roledesigner.files.designfile import save_design
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review import review
from roledesigner.review.language import author_texts, copied_fields, copied_text, inclusive, own_texts, plain_english
from roledesigner.review.order import in_document_order
from roledesigner.review.phrasing import tidy


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


def with_purpose(library: Library, purpose: str) -> RoleDesign:
    """A design whose only prose is this purpose."""
    del library
    return RoleDesign(title="Post", purpose=purpose)


def test_only_author_text_is_analysed(library: Library) -> None:
    design = sample_design(library)
    fields = [field for field, _ in author_texts(design)]
    assert fields[:2] == ["title", "purpose"]
    assert "responsibilities[0].text" in fields and "stability" in fields
    assert not any("capabilit" in field for field in fields), "library capability text is not the author's"


def test_masculine_coded_wording_warns_with_each_word_in_context(library: Library) -> None:
    design = with_purpose(library, "We want a competitive, ambitious and decisive leader who is dominant in meetings.")
    findings = inclusive(design, library)
    balance = findings[0]
    assert (balance.code, balance.severity) == ("inclusive.gender_balance", Severity.WARNING)
    assert "strongly masculine-coded" in balance.message
    words = [f.message.split('"')[1] for f in findings if f.code == "inclusive.coded_word"]
    assert {"competitive", "ambitious", "decisive", "dominant"} <= set(words)
    decisive = next(f for f in findings if '"decisive"' in f.message)
    assert "We want a competitive" in decisive.message and "neutral choice" in decisive.message


def test_feminine_leaning_system_wording_is_only_information(library: Library) -> None:
    design = with_purpose(library, "Agree shared plans together with partners and support their collaborative work.")
    balance = inclusive(design, library)[0]
    assert balance.severity is Severity.INFO and "feminine-coded" in balance.message


def test_lead_and_leadership_are_not_counted(library: Library) -> None:
    design = with_purpose(library, "The postholder leads system leadership for the place.")
    assert inclusive(design, library) == []


def test_legal_agreements_are_not_coded_words(library: Library) -> None:
    design = with_purpose(library, "Funds are pooled under a section 75 agreement and a partnership agreement.")
    assert inclusive(design, library) == []


def test_gendered_terms_warn_with_an_alternative(library: Library) -> None:
    design = with_purpose(library, "The chairman expects he will review manpower plans.")
    terms = [f for f in inclusive(design, library) if f.code == "inclusive.gendered_term"]
    assert [f.message.split('"')[1] for f in terms] == ["chairman", "he", "manpower"]
    assert all(f.severity is Severity.WARNING and f.field == "purpose" for f in terms)
    assert 'Use "chair" instead.' in terms[0].message


def test_neutral_wording_is_silent(library: Library) -> None:
    design = with_purpose(library, "The postholder plans services with partners for the people of Westtown.")
    assert inclusive(design, library) == []


def test_long_sentences_and_passives(library: Library) -> None:
    long = " ".join(["word"] * 30) + "."
    design = with_purpose(library, f"{long} Plans are agreed by the board. Budgets are set by partners.")
    found = plain_english(design, library)
    long_findings = [f for f in found if f.code == "plain.long_sentence"]
    assert len(long_findings) == 1 and "30 words" in long_findings[0].message
    passive = [f for f in found if f.code == "plain.passive"]
    assert len(passive) == 1 and passive[0].field == "purpose"
    short = with_purpose(library, "The postholder agrees plans with the board. Partners set budgets.")
    assert not [f for f in plain_english(short, library) if f.code in ("plain.long_sentence", "plain.passive")]


def test_reading_ease_is_said_only_when_the_text_is_hard(library: Library) -> None:
    def reading_ease(purpose: str) -> list[Finding]:
        return [f for f in plain_english(with_purpose(library, purpose), library) if f.code == "plain.reading_ease"]

    (hard,) = reading_ease(
        "Multidisciplinary organisational interoperability necessitates comprehensive institutional reconfiguration."
    )
    assert hard.severity is Severity.WARNING and hard.message.startswith("The text is very hard to read")
    assert "reading-ease score 0 out of 100; aim for 50 or more" in hard.message  # a negative score is shown as 0
    (middling,) = reading_ease("The postholder leads the executive team of an integrated care system.")
    assert middling.severity is Severity.INFO
    assert middling.message.startswith("The text is hard to read (reading-ease score 42 out of 100; aim for 50")
    assert "Use shorter sentences and everyday words" in middling.message and "Flesch" not in middling.message
    assert reading_ease("You will work with the team. You will plan the week. You will help staff.") == []


def acronym_findings(library: Library, design: RoleDesign) -> list[tuple[str, Severity, str]]:
    found = [f for f in plain_english(design, library) if f.code == "plain.acronym"]
    return [(f.message.split('"')[1], f.severity, f.field) for f in found]


def test_acronyms_are_spelled_out_at_first_use(library: Library) -> None:
    design = with_purpose(
        library, "Work with the ICS and the QOF leads. The Better Care Fund (BCF) pays for the BCF team."
    )
    # In the glossary or not, an acronym is spelled out at first use (CONVENTIONS.md); one the
    # glossary explains is information, since the document's glossary explains it at the end.
    assert acronym_findings(library, design) == [
        ("ICS", Severity.INFO, "purpose"),
        ("QOF", Severity.WARNING, "purpose"),
    ]
    [ics] = [f for f in plain_english(design, library) if f.message.startswith('"ICS"')]
    assert 'Write "integrated care system (ICS)" there' in ics.message


@pytest.mark.parametrize(
    "purpose",
    [
        "The integrated care board (ICB) sets the budget. The ICB meets monthly.",
        "The ICB (integrated care board) sets the budget. The ICB meets monthly.",
        "Partners in integrated care systems (ICSs) plan together. Each ICS has a board.",
        "The NHS and the council share the post.",  # known to every reader
    ],
)
def test_acronyms_spelled_out_once_may_then_be_used_alone(library: Library, purpose: str) -> None:
    assert acronym_findings(library, with_purpose(library, purpose)) == []


def test_acronyms_are_checked_in_the_documents_order(library: Library) -> None:
    design = RoleDesign(
        title="ICB partnerships lead",  # a heading: neither checked nor counted as spelled out
        purpose="The postholder works for the integrated care board (ICB).",
        responsibilities=[Responsibility(text="Report to the ICB and the PCN leads.")],
    )
    assert acronym_findings(library, design) == [("PCN", Severity.INFO, "responsibilities[0].text")]
    late = RoleDesign(
        title="Lead",
        purpose="The postholder works for the ICB.",
        responsibilities=[Responsibility(text="Report to the integrated care board (ICB).")],
    )
    assert acronym_findings(library, late) == [("ICB", Severity.INFO, "purpose")]


def test_every_bundled_role_reviews_without_crashing_and_sensibly(library: Library) -> None:
    for role_id in library.roles:
        findings = review(new_design(library, role_id), library)
        found = codes(findings)
        assert "clarity.no_purpose" not in found and "clarity.title_only" not in found, role_id
        assert "time.no_system_time" not in found and "coverage.missing_domain" not in found, role_id
        assert "clarity.managers" in found, "a fresh design names no line manager yet"
        errors = [f.code for f in findings if f.severity is Severity.ERROR]
        # A joint role's design starts with an empty joint arrangement: naming the partners is the user's.
        assert errors == (["joint.too_few_partners"] if library.roles[role_id].joint else []), (role_id, errors)
        assert findings == in_document_order(findings), "listed as the document reads"


def test_check_exit_codes_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library) -> None:
    good = tmp_path / "good.roledesign"
    save_design(sample_design(library), good)
    assert main(["check", str(good)]) == 0
    bad = tmp_path / "bad.roledesign"
    save_design(
        RoleDesign(title="x", footprint="place", responsibilities=[Responsibility(text="Run the office.")],  # type: ignore[arg-type]
                   criteria=[Criterion(text="Five years' experience in the NHS.")]),
        bad,
    )  # fmt: skip
    capsys.readouterr()
    assert main(["check", str(bad), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(bad)
    assert {"code", "severity", "message", "field"} == set(data["findings"][0])
    found = [f["code"] for f in data["findings"]]
    assert {"clarity.title_only", "time.no_system_time", "spec.years_of_experience"} <= set(found)
    assert main(["check", str(bad)]) == 1
    text = capsys.readouterr().out
    assert "Errors:" in text and "[responsibilities] This is a place post with no system responsibilities" in text
    assert main(["check", str(tmp_path / "missing.roledesign")]) == 2


def bad_design(library: Library) -> RoleDesign:
    """A design that breaks nearly every check, with quoted text ending in every kind of mark."""
    role = new_design(library, "place_clinical_lead")
    long = "Partners " + " ".join(["plan"] * 30) + " together?"
    return role.model_copy(
        update={
            "title": "Chairman of the QOF board.",
            "purpose": f"Who decides? We want a dominant, competitive leader. {long} Plans are agreed by the ICB.",
            "responsibilities": [Responsibility(text="Run the office!")],
            "capabilities": [CapabilityRequirement(id="not_in_the_library", assessed_by=[])],
            "criteria": [
                Criterion(text="Five years' experience in the NHS.", assessed_by=[]),
                Criterion(text="A master's degree.", requirement=Requirement.ESSENTIAL),
            ],
            "footprint": Footprint.PLACE,
            "time": TimePlan(
                system_work=Allocation(unit=AllocationUnit.HOURS_PER_WEEK, amount=Decimal("1")),
                protected_days=[Weekday.MONDAY, Weekday.TUESDAY],
            ),
            "joint": JointArrangement(
                partners=[
                    Partner(
                        organisation="Westshire Care Ltd.",
                        sector=Sector.OTHER,
                        funding_percent=Decimal(60),
                        time_percent=Decimal(50),
                    ),
                ],
            ),
        }
    )


def every_finding(library: Library) -> list[Finding]:
    """Findings of every bundled role, fresh and with too little system time, and of the bad design."""
    designs = [new_design(library, role_id) for role_id in library.roles]
    little = Allocation(unit=AllocationUnit.HOURS_PER_WEEK, amount=Decimal("1"))
    designs += [d.model_copy(update={"time": d.time.model_copy(update={"system_work": little})}) for d in designs]
    designs.append(bad_design(library))
    return [finding for design in designs for finding in review(design, library)]


#: A mark that ends a sentence, any closing quotes or brackets, then another full stop.
_DOUBLED = re.compile(r"[.!?…,;:][\"'”’)\]]*\.(?=\s|$)")


def test_no_message_is_punctuated_twice(library: Library) -> None:
    findings = every_finding(library)
    assert len({f.code for f in findings}) >= 20, "the bad design reaches most checks"
    for finding in findings:
        assert not _DOUBLED.search(finding.message), finding.message
        assert re.search(r"[.!?…][\"'”’)\]]*$", finding.message), finding.message


def test_tidy_mends_a_doubled_or_missing_full_stop() -> None:
    def message(text: str) -> str:
        return tidy(Finding("x.y", Severity.INFO, text, "title")).message

    assert message('In: "the whole population.".') == 'In: "the whole population."'
    assert message("Who decides?.") == "Who decides?"
    assert message("Set the reporting line") == "Set the reporting line."
    assert message("Set the reporting line.") == "Set the reporting line."


def test_findings_spell_out_the_social_care_institute_for_excellence(library: Library) -> None:
    findings = every_finding(library)
    cited = [f for f in findings if "Social Care Institute for Excellence" in f.message]
    assert {"clarity.no_stability", "time.below_suggestion", "coverage.missing_domain"} <= {f.code for f in cited}
    for finding in findings:
        if "SCIE" in finding.message:
            assert finding.message.index("Social Care Institute for Excellence") < finding.message.index("SCIE"), (
                finding.message
            )


#: The language checks, whose findings on copied library text are left out or summed up.
LANGUAGE = ("inclusive.", "plain.", "language.")


@pytest.mark.parametrize("role_id", ["independent_chair", "system_data_scientist", "place_clinical_lead"])
def test_a_fresh_design_has_nothing_to_say_about_the_librarys_wording(library: Library, role_id: str) -> None:
    design = new_design(library, role_id)
    assert copied_fields(design, library) >= {"title", "purpose", "responsibilities[0].text"}
    assert own_texts(design, library) == []
    findings = review(design, library)
    assert [f.code for f in findings if f.code.startswith(LANGUAGE)] == []
    assert not [f for f in findings if f.severity is Severity.INFO]


def test_every_bundled_roles_fresh_design_shows_only_what_needs_doing(library: Library) -> None:
    # Before copied text was told apart, each fresh design had 6 to 16 findings, mostly coded words
    # in the library's own wording; now only what the user has to supply is left.
    for role_id in library.roles:
        findings = review(new_design(library, role_id), library)
        assert not [f.code for f in findings if f.code.startswith(LANGUAGE)], role_id
        needed = {
            "clarity.managers",
            "clarity.no_stability",
            "clarity.no_relationships",
            "spec.no_qualifications",
            "spec.no_knowledge",
            "evaluation.no_grade",
            "clarity.job_details",
            "joint.too_few_partners",
            "evaluation.no_grade_or_scheme",
            "evaluation.no_dimensions",
            "values.slot",  # a fresh joint post asks for the council's name in its values row
        }
        assert {f.code for f in findings} <= needed, (role_id, [f.code for f in findings])


def test_edited_text_is_the_authors_and_is_reviewed_point_by_point(library: Library) -> None:
    design = new_design(library, "independent_chair")
    duties = list(design.responsibilities)
    duties[1] = Responsibility(text="Be a dominant, competitive chairman of the board.", kind=duties[1].kind)
    duties.reverse()  # moving library text about does not make it the author's
    edited = design.model_copy(update={"responsibilities": duties})
    edited_field = f"responsibilities[{len(duties) - 2}].text"
    assert [field for field, _ in own_texts(edited, library)] == [edited_field]
    found = [f for f in review(edited, library) if f.code.startswith(LANGUAGE)]
    assert {f.field for f in found} == {edited_field}
    assert {"inclusive.gender_balance", "inclusive.coded_word", "inclusive.gendered_term"} == {f.code for f in found}
    # The balance weighs the whole description, as applicants read it: two masculine-coded words
    # of the author's among the library's mostly feminine-coded ones do not tip it.
    balance = next(f for f in found if f.code == "inclusive.gender_balance")
    assert balance.message.startswith(
        "Across the whole description, text copied from the emerging role included: 5 masculine-coded and "
        "12 feminine-coded words, strongly feminine-coded overall."
    )
    assert balance.severity is Severity.INFO


def test_a_masculine_lean_warns_whoever_wrote_the_words(library: Library) -> None:
    role = library.roles["independent_chair"]
    bold = "Be a dominant, decisive, competitive, ambitious, assertive, forceful and driven leader."
    duties = [role.responsibilities[0].model_copy(update={"text": bold}), *role.responsibilities[1:]]
    team_library = dataclasses.replace(
        library,
        # The role's own person-specification criteria leave out: the lean is the duties' alone.
        roles={**library.roles, role.id: role.model_copy(update={"responsibilities": duties, "criteria": []})},
    )
    design = new_design(team_library, role.id)
    assert own_texts(design, team_library) == []
    found = [f for f in review(design, team_library) if f.code.startswith(LANGUAGE)]
    assert [(f.code, f.severity) for f in found] == [("inclusive.gender_balance", Severity.WARNING)]
    assert "masculine-coded overall" in found[0].message and found[0].field == "title"


def test_changed_white_space_alone_leaves_text_the_librarys(library: Library) -> None:
    design = new_design(library, "independent_chair")
    spaced = design.model_copy(update={"purpose": "  " + design.purpose.replace(" ", "\n", 3) + " "})
    assert "purpose" in copied_fields(spaced, library)
    changed = design.model_copy(update={"purpose": design.purpose + " It is a public role."})
    assert "purpose" not in copied_fields(changed, library)


def test_a_design_not_based_on_a_role_is_all_the_authors(library: Library) -> None:
    design = with_purpose(library, "Work with the QOF team.")
    assert copied_fields(design, library) == set()
    assert copied_text(design, library) == []
    assert [f.code for f in plain_english(design, library)] == ["plain.acronym"]


def test_copied_text_that_needs_rewording_is_one_warning(library: Library) -> None:
    # A team's own library entry with a gendered term, a long sentence and an unexplained acronym.
    role = library.roles["independent_chair"]
    long = "Chair the board " + " ".join(["and partners"] * 12) + "."
    duties = [
        role.responsibilities[0].model_copy(update={"text": "Act as chairman of the QOF board."}),
        role.responsibilities[1].model_copy(update={"text": long}),
        *role.responsibilities[2:],
    ]
    team_role = role.model_copy(update={"responsibilities": duties})
    team_library = dataclasses.replace(library, roles={**library.roles, role.id: team_role})
    design = new_design(team_library, role.id)
    findings = review(design, team_library)
    language = [f for f in findings if f.code.startswith(LANGUAGE)]
    assert [f.code for f in language] == ["language.copied_text"]
    (summary,) = language
    assert summary.severity is Severity.WARNING and summary.field == "responsibilities[0].text"
    assert "'Independent chair of an integrated care system'" in summary.message
    assert '"chairman" (gendered; use "chair")' in summary.message
    assert "a sentence of 27 words" in summary.message and '"QOF" not spelled out' in summary.message
    # Once the author rewrites that duty, it is theirs and its points are listed one by one.
    rewritten = list(design.responsibilities)
    rewritten[0] = Responsibility(text="Act as chairman of the QOF board, as before.", kind=rewritten[0].kind)
    mine = review(design.model_copy(update={"responsibilities": rewritten}), team_library)
    codes_now = {f.code for f in mine if f.code.startswith(LANGUAGE)}
    assert {"inclusive.gendered_term", "plain.acronym", "language.copied_text"} <= codes_now
    assert "chairman" not in next(f.message for f in mine if f.code == "language.copied_text")


def test_counts_of_findings_read_as_english() -> None:
    from roledesigner.domain.findings import Finding, counted

    def some(severity: Severity, n: int) -> list[Finding]:
        return [Finding("x.y", severity, "Something.", "title")] * n

    assert counted([]) == ""
    assert counted(some(Severity.ERROR, 1) + some(Severity.INFO, 1)) == "1 error, 1 for information"
    assert counted(some(Severity.WARNING, 2) + some(Severity.INFO, 4)) == "2 warnings, 4 for information"
