"""The recruitment pack's scales: the bundled scoring.yaml, a trust's own sections on top, bad files as warnings."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector
from roledesigner.files.paths import library_dir
from roledesigner.library import scoring as scoring_module
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.compose import new_design
from roledesigner.library.scoring import FILE_NAME, ScoringError, Standard, applies, load_scoring

KEY_1_TO_4 = """\
shortlisting_key:
  name: Our four-point key
  meets_from: 3
  levels:
    - {score: 1, label: No evidence, description: Nothing in the application shows it.}
    - {score: 2, label: Some evidence, description: A little.}
    - {score: 3, label: Good evidence, description: Enough.}
    - {score: 4, label: Strong evidence, description: More than enough.}
"""


def folders(tmp_path: Path, shared: str | None = None, user: str | None = None) -> list[Folder]:
    found = [Folder(library_dir(), "bundled")]
    for label, text in (("shared", shared), ("user", user)):
        folder = tmp_path / label
        folder.mkdir(parents=True, exist_ok=True)
        if text is not None:
            (folder / FILE_NAME).write_text(textwrap.dedent(text), encoding="utf-8")
        found.append(Folder(folder, label))  # type: ignore[arg-type]
    return found


def test_the_bundled_scales_load_with_anchored_descriptions(tmp_path: Path) -> None:
    loaded = load_scoring(folders(tmp_path))
    assert loaded.warnings == []
    assert set(loaded.origins.values()) == {"bundled"}
    scale = loaded.scoring.interview_scale
    assert [level.score for level in scale.levels] == list(range(scale.lowest, scale.highest + 1))
    assert all(len(level.description.split()) >= 8 for level in scale.levels), "each point is anchored in words"
    key = loaded.scoring.shortlisting_key
    assert [(level.score, level.label) for level in key.levels] == [(0, "Not met"), (1, "Partly met"), (2, "Fully met")]
    assert key.meets_from == 2
    standards = {standard.id: standard for standard in loaded.scoring.standards}
    assert len(standards["nhs_leadership_competency_framework"].areas) == 6
    values = standards["nhs_values"].areas[0]
    assert len(values.indicators) == 6, "the six values of the NHS Constitution"


def test_a_trusts_section_replaces_the_bundled_one_and_the_rest_stay(tmp_path: Path) -> None:
    loaded = load_scoring(folders(tmp_path, user=KEY_1_TO_4))
    assert loaded.warnings == []
    assert loaded.scoring.shortlisting_key.name == "Our four-point key"
    assert loaded.scoring.shortlisting_key.meets_from == 3
    assert loaded.origins["shortlisting_key"] == "user" and loaded.origin("shortlisting_key") == "your own library"
    assert loaded.origins["interview_scale"] == "bundled"
    assert loaded.scoring.interview_scale.name.startswith("Five-point")


def test_the_users_folder_wins_over_the_shared_one(tmp_path: Path) -> None:
    shared = KEY_1_TO_4.replace("Our four-point key", "The team's key")
    loaded = load_scoring(folders(tmp_path, shared=shared, user=KEY_1_TO_4))
    assert loaded.scoring.shortlisting_key.name == "Our four-point key"
    only_shared = load_scoring(folders(tmp_path / "other", shared=shared))
    assert only_shared.scoring.shortlisting_key.name == "The team's key"
    assert only_shared.origin("shortlisting_key") == "your team's library"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (KEY_1_TO_4.replace("meets_from: 3", "meets_from: 7"), "meets_from must be one of the key's scores"),
        (KEY_1_TO_4.replace("{score: 2,", "{score: 5,"), "each score once, lowest first"),
        ("shortlisting_key:\n  name: Only a name\n", "is required"),
        ("interview_guidance:\n  probes: []\n", "at least 1 item"),
    ],
)
def test_a_bad_section_is_a_warning_and_the_bundled_one_is_used(tmp_path: Path, text: str, phrase: str) -> None:
    loaded = load_scoring(folders(tmp_path, user=text))
    assert len(loaded.warnings) == 1
    warning = loaded.warnings[0]
    assert str(tmp_path / "user" / FILE_NAME) in warning and phrase in warning
    assert warning.endswith("the one already loaded is used instead.")
    assert loaded.scoring == load_scoring(folders(tmp_path / "clean")).scoring
    assert set(loaded.origins.values()) == {"bundled"}


def test_a_good_section_beside_a_bad_one_still_counts(tmp_path: Path) -> None:
    loaded = load_scoring(folders(tmp_path, user=KEY_1_TO_4 + "interview_scale: {name: Broken}\n"))
    assert len(loaded.warnings) == 1 and "section 'interview_scale'" in loaded.warnings[0]
    assert loaded.scoring.shortlisting_key.name == "Our four-point key"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("shortlisting_key: [unclosed\n", "is not valid YAML"),
        ("a: &x [1]\nb: *x\n", "alias"),
        ("!!python/object/apply:os.system [echo hacked]\n", "could run code"),
        ("- just a list\n", "must hold the sections"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_warning_and_runs_nothing(tmp_path: Path, text: str, phrase: str) -> None:
    loaded = load_scoring(folders(tmp_path, shared=text))
    assert len(loaded.warnings) == 1 and phrase in loaded.warnings[0]
    assert loaded.warnings[0].endswith("the scales already loaded are used instead.")
    assert set(loaded.origins.values()) == {"bundled"}


def test_an_unknown_section_is_named_and_ignored(tmp_path: Path) -> None:
    loaded = load_scoring(folders(tmp_path, user="interview_scael: {}\n"))
    assert len(loaded.warnings) == 1
    assert "has the unknown section interview_scael (known: interview_scale," in loaded.warnings[0]


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(KEY_1_TO_4, encoding="utf-8")
    found = folders(tmp_path)
    (tmp_path / "user" / FILE_NAME).symlink_to(outside)
    loaded = load_scoring(found)
    assert loaded.scoring.shortlisting_key.meets_from == 2
    assert len(loaded.warnings) == 1 and "outside the library folder" in loaded.warnings[0]


def test_a_missing_bundled_file_is_a_broken_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring_module, "library_dir", lambda: tmp_path)
    with pytest.raises(ScoringError, match=r"scoring scales .* are missing; reinstall the app\."):
        load_scoring([])
    (tmp_path / FILE_NAME).write_text("shortlisting_key: 3\n", encoding="utf-8")
    with pytest.raises(ScoringError, match=r"cannot be used .*; reinstall the app\."):
        load_scoring([])


def _standard(tmp_path: Path, standard_id: str) -> Standard:
    return next(s for s in load_scoring(folders(tmp_path)).scoring.standards if s.id == standard_id)


@pytest.mark.parametrize(
    ("role_id", "title", "board"),
    [
        ("independent_chair", None, True),
        ("ics_executive_lead", None, True),
        ("transformation_programme_lead", None, False),
        ("place_chief_executive", None, True),  # by its title, "Chief executive of a place"
        ("system_finance_lead", "Chief finance officer, North Shire ICB", True),
        ("joint_learning_disability_lead", "Wheelchair services lead", False),  # "chair" only as a whole word
    ],
)
def test_board_level_posts_get_the_leadership_competency_framework(
    library: Library, tmp_path: Path, role_id: str, title: str | None, board: bool
) -> None:
    design = new_design(library, role_id)
    if title:
        design = design.model_copy(update={"title": title})
    framework = _standard(tmp_path, "nhs_leadership_competency_framework")
    assert applies(framework, design, library) is board, design.title


def test_nhs_values_follow_the_host_employer(library: Library, tmp_path: Path) -> None:
    values = _standard(tmp_path, "nhs_values")

    def joint(host: Sector) -> RoleDesign:
        other = Sector.LOCAL_AUTHORITY if host is not Sector.LOCAL_AUTHORITY else Sector.ICB
        partners = [
            Partner(organisation="Host", sector=host, host=True, funding_percent=Decimal(50), time_percent=Decimal(50)),
            Partner(organisation="Other", sector=other, funding_percent=Decimal(50), time_percent=Decimal(50)),
        ]
        return RoleDesign(title="Joint lead", joint=JointArrangement(partners=partners))

    assert applies(values, joint(Sector.ICB), library)
    assert not applies(values, joint(Sector.LOCAL_AUTHORITY), library)
    from_icb_role = new_design(library, "ics_executive_lead")  # the role's first sector is the ICB
    assert applies(values, from_icb_role, library)
    assert not applies(values, from_icb_role.model_copy(update={"employer": "Westtown Borough Council"}), library)
    assert applies(values, RoleDesign(title="Lead", employer="North Shire NHS Foundation Trust"), library)
    assert not applies(values, RoleDesign(title="Lead"), library), "nothing says who hosts a blank design"
