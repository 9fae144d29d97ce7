"""Inclusive and plain language, checked only in what the author wrote.

Template headings ("Key responsibilities") and library descriptions are not the author's words
and are left out; the title, purpose, context, responsibilities, criteria and stability are in.

A design made from an emerging role starts with the role's title, purpose and responsibilities.
Until the author changes them, that text is the library's, not the author's: listing its every
coded word buried the few findings that matter (a fresh design had up to 14 such notes). So each
check runs on the author's own text (`own_texts`), and text still as the library wrote it
(`copied_fields`) is checked as a whole: if it has anything worth a warning (a gendered term, a
long sentence, very hard reading, an acronym nothing explains), one finding
(`language.copied_text`) says so; anything less is left out. Once the author edits a field, it
is theirs and is reviewed point by point. Two things still read every field, because they are
about the whole document: the gender balance (what applicants read) and whether an acronym was
spelled out earlier. The bundled library is tested to need no finding of its own.
"""

from __future__ import annotations

import re

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.review.inclusive import CodedWord, analyse_gender, verdict_for
from roledesigner.review.phrasing import clip, closing_quote
from roledesigner.review.readability import flesch_reading_ease, long_sentences, passive_phrases, sentences

#: Words that name the job rather than describe the person: every system leadership post leads,
#: carries responsibilities and takes decisions (which CONVENTIONS says the duties must state), and
#: some work with children. Shown in context, not counted.
NOT_COUNTED = frozenset({"lead", "respon", "decision", "child"})
#: Flesch reading ease (0 to 100, higher is easier): below 50 most readers find a text hard, below
#: 30 very hard. Job descriptions name organisations with long words ("integrated care system"),
#: so 50, not the 60 of everyday plain English, is the aim; nothing is said at 50 or more.
PLAIN_ENOUGH = 50.0
HARD_TO_READ = 30.0
PASSIVE_HEAVY = 1 / 3
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])s?\b")


def author_texts(design: RoleDesign) -> list[tuple[str, str]]:
    """Every piece of prose the author wrote, with the path of its field."""
    texts = [("title", design.title), ("purpose", design.purpose), ("system_context", design.system_context)]
    texts += [(f"responsibilities[{i}].text", r.text) for i, r in enumerate(design.responsibilities)]
    texts += [(f"criteria[{i}].text", c.text) for i, c in enumerate(design.criteria)]
    texts.append(("stability", design.stability))
    if design.joint:
        texts.append(("joint.governance_notes", design.joint.governance_notes))
    return [(field, text) for field, text in texts if text.strip()]


def copied_fields(design: RoleDesign, library: Library) -> set[str]:
    """The fields whose text is still exactly what the emerging role put there (white space aside).

    A responsibility or a person-specification criterion counts wherever it now stands in its list;
    once edited by so much as a word, a field is the author's.
    """
    role = library.roles.get(design.based_on or "")
    if role is None:
        return set()
    copied = set()
    if _same(design.title, role.name):
        copied.add("title")
    if _same(design.purpose, role.purpose.strip() or role.summary):  # as compose.design_from_role
        copied.add("purpose")
    duties = {_flat(duty.text) for duty in role.responsibilities}
    copied |= {f"responsibilities[{i}].text" for i, r in enumerate(design.responsibilities) if _flat(r.text) in duties}
    offered = {_flat(criterion.text) for criterion in role.criteria}
    copied |= {f"criteria[{i}].text" for i, c in enumerate(design.criteria) if _flat(c.text) in offered}
    return copied


def _flat(text: str) -> str:
    return " ".join(text.split())


def _same(text: str, original: str) -> bool:
    return _flat(text) == _flat(original)


def own_texts(design: RoleDesign, library: Library) -> list[tuple[str, str]]:
    """The author's own prose: `author_texts` less what is still as the emerging role wrote it."""
    copied = copied_fields(design, library)
    return [(field, text) for field, text in author_texts(design) if field not in copied]


def _in_context(hit: CodedWord) -> str:
    """The sentence the hit stands in, quoted last in a message, punctuated once."""
    return f"The sentence: {closing_quote(hit.sentence, 160)}"


def inclusive(design: RoleDesign, library: Library) -> list[Finding]:
    """Gendered terms and coded words in the author's own text, each in its sentence, and the balance.

    The balance weighs every word an applicant will read, copied text included, since that is what
    the research measured; it is given when it leans masculine (a warning, whoever wrote the words)
    or when the author's own text has coded words (information, with those words listed).
    """
    texts = author_texts(design)
    copied = copied_fields(design, library)
    found: list[Finding] = []
    masculine = feminine = ignored = 0
    first_field = own_field = ""
    for field, text in texts:
        report = analyse_gender(text, NOT_COUNTED)
        counted = report.masculine + report.feminine
        first_field = first_field or (field if counted else "")
        masculine += report.masculine
        feminine += report.feminine
        ignored += len(report.ignored_hits)
        if field in copied:
            continue
        own_field = own_field or (field if counted else "")
        found += [_hit_finding(hit, field) for hit in report.hits if not hit.ignored]
    verdict = verdict_for(masculine, feminine)
    if _masculine(verdict) or own_field:
        note = (
            f" Words such as lead, responsibility, decision and children ({ignored} found) name the job and are "
            "not counted."
            if ignored
            else ""
        )
        where = "Across the whole description, text copied from the emerging role included: " if copied else ""
        counts = f"{masculine} masculine-coded and {feminine} feminine-coded words"
        found.insert(
            0,
            Finding(
                "inclusive.gender_balance",
                Severity.WARNING if _masculine(verdict) else Severity.INFO,
                f"{where}{counts[0].upper() if not where else counts[0]}{counts[1:]}, {verdict} overall. Wording "
                "coded one way can put off applicants of another gender (Gaucher, Friesen and Kay 2011)." + note,
                own_field or first_field,
            ),
        )
    return found


def _hit_finding(hit: CodedWord, field: str) -> Finding:
    if hit.coding == "gendered_term":
        instead = f' Use "{hit.alternative}" instead.' if hit.alternative else ""
        return Finding(
            "inclusive.gendered_term", Severity.WARNING, f'"{hit.word}" is gendered.{instead} {_in_context(hit)}', field
        )
    instead = f' A neutral choice: "{hit.alternative}".' if hit.alternative else ""
    return Finding(
        "inclusive.coded_word",
        Severity.INFO,
        f'"{hit.word}" is {hit.coding}-coded.{instead} {_in_context(hit)}',
        field,
    )


def _masculine(verdict: str) -> bool:
    """Gaucher, Friesen and Kay (2011) found masculine wording put women off; feminine wording did
    not put men off. Only a masculine lean is a warning."""
    return verdict in ("masculine-coded", "strongly masculine-coded")


def plain_english(design: RoleDesign, library: Library) -> list[Finding]:
    copied = copied_fields(design, library)
    texts = author_texts(design)
    own = [(field, text) for field, text in texts if field not in copied]
    found = _plain(own)
    # Acronyms are read in every field, in order, since one spelled out in copied text need not be
    # spelled out again; what is found in copied text is left to the copied-text summary.
    found += [finding for finding in _acronyms(texts, library) if finding.field not in copied]
    return found


def _reading_ease(texts: list[tuple[str, str]]) -> float | None:
    prose = [text for field, text in texts if field != "title"]
    return flesch_reading_ease("\n\n".join(prose)) if prose else None


def _plain(texts: list[tuple[str, str]]) -> list[Finding]:
    """Reading ease of the prose in `texts`, then long sentences and heavy passives in each."""
    found: list[Finding] = []
    score = _reading_ease(texts)
    if score is not None and score < PLAIN_ENOUGH:
        hard = score < HARD_TO_READ
        found.append(
            Finding(
                "plain.reading_ease",
                Severity.WARNING if hard else Severity.INFO,
                f"The text is {'very ' if hard else ''}hard to read (reading-ease score {max(0, round(score))} "
                f"out of 100; aim for {PLAIN_ENOUGH:.0f} or more). Use shorter sentences and everyday words: "
                "long words and long sentences lower the score.",
                next((field for field, _ in texts if field != "title"), "purpose"),
            )
        )
    for field, text in texts:
        for long in long_sentences(text):
            start = clip(" ".join(long.sentence.split()[:8]))
            found.append(
                Finding(
                    "plain.long_sentence",
                    Severity.WARNING,
                    f'A sentence of {long.words} words ("{start} …") is too long. Keep sentences to 25 words or fewer.',
                    field,
                )
            )
        count = len(sentences(text))
        passives = passive_phrases(text)
        if count >= 2 and len({p.sentence for p in passives}) / count > PASSIVE_HEAVY:
            phrases = ", ".join(f'"{p.phrase}"' for p in passives[:3])
            found.append(
                Finding(
                    "plain.passive",
                    Severity.INFO,
                    f"Much of this is in the passive ({phrases}). Say who does what: "
                    '"the postholder leads", not "is led by".',
                    field,
                )
            )
    return found


def copied_text(design: RoleDesign, library: Library) -> list[Finding]:
    """One finding for text copied unchanged from the emerging role, if any of it warrants a warning."""
    copied = copied_fields(design, library)
    if not copied:
        return []
    texts = author_texts(design)
    mine = [(field, text) for field, text in texts if field in copied]
    points: list[tuple[str, str]] = []  # (field, what is wrong)
    for field, text in mine:
        report = analyse_gender(text, NOT_COUNTED)
        points += [(field, f'"{hit.word}" (gendered; use "{hit.alternative}")') for hit in report.gendered_terms]
        points += [(field, f"a sentence of {long.words} words") for long in long_sentences(text)]
    score = _reading_ease(mine)
    if score is not None and score < HARD_TO_READ:
        prose = next(field for field, _ in mine if field != "title")
        points.append((prose, f"very hard reading (a reading-ease score of {max(0, round(score))} out of 100)"))
    points += [
        (field, f'"{term}" not spelled out')
        for field, term in _first_unexplained(texts)
        if field in copied and term not in library.glossary
    ]
    if not points:
        return []
    role = library.roles[design.based_on or ""]
    listed = "; ".join(point for _, point in points[:5]) + ("; and more" if len(points) > 5 else "")
    return [
        Finding(
            "language.copied_text",
            Severity.WARNING,
            f"Text copied unchanged from the emerging role '{role.name}' needs rewording: {listed}. Only text you "
            "have written or changed is reviewed point by point, so edit these fields to see each point where it "
            "stands.",
            min((field for field, _ in points), key=[field for field, _ in texts].index),
        )
    ]


#: Acronyms every reader of an NHS or council job description knows, written out nowhere.
WELL_KNOWN = frozenset({"NHS", "UK"})
#: Short words a spelled-out name may hold that its acronym leaves out ("Agenda for Change" is AfC,
#: "Voluntary, community and social enterprise" is VCSE).
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def _first_unexplained(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each acronym whose first use is not spelled out, with the field of that first use."""
    seen: set[str] = set(WELL_KNOWN)
    found = []
    for field, text in texts:
        if field == "title":
            continue
        for match in _ACRONYM.finditer(text):
            term = match.group(1)
            if term in seen:
                continue
            seen.add(term)
            before, after = text[max(0, match.start() - 1) : match.start()], text[match.end() : match.end() + 2]
            if (before == "(" and after[:1] == ")") or after == " (":  # "Full name (ACR)" or "ACR (full name)"
                continue
            found.append((field, term))
    return found


def _acronyms(texts: list[tuple[str, str]], library: Library) -> list[Finding]:
    """Acronyms not spelled out at first use, as "Full name (ACR)" or "ACR (full name)".

    The fields are read in the document's order, so an acronym spelled out once (in the purpose,
    say) may be used alone after it. The title is left out: a heading is no place to spell out,
    and the document's text below it must do so anyway. The library's glossary no longer excuses
    an acronym (CONVENTIONS.md: acronyms are spelled out at first use), but it lowers the finding
    to information, because the exported document's glossary explains it, and it gives the words
    to use.
    """
    found = []
    for field, term in _first_unexplained(texts):
        entry = library.glossary.get(term)
        if entry is not None:
            found.append(
                Finding(
                    "plain.acronym",
                    Severity.INFO,
                    f'"{term}" is not spelled out where it is first used. Write "{_spelled_out(term, entry.meaning)} '
                    f"({term})\" there: the document's glossary explains it, but only at the end.",
                    field,
                )
            )
        else:
            found.append(
                Finding(
                    "plain.acronym",
                    Severity.WARNING,
                    f'"{term}" is not spelled out where it is first used, and the library\'s glossary does not '
                    f'explain it. Write the full name at first use, as "Full name ({term})".',
                    field,
                )
            )
    return found


def _spelled_out(term: str, meaning: str) -> str:
    """The words of a glossary meaning that the acronym stands for: "Integrated care board, the NHS
    body ..." gives "integrated care board" for ICB. When the initials cannot be found in order
    ("Multidisciplinary team" for MDT), the meaning up to its first comma."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", meaning))
    letters = term.lower()
    for first in range(len(words)):
        taken: list[re.Match[str]] = []
        position = 0
        for word in words[first:]:
            if position == len(letters):
                break
            if word.group()[0].lower() == letters[position]:
                taken.append(word)
                position += 1
            elif not (taken and word.group().lower() in _SMALL_WORDS):
                break
        if position == len(letters):
            name = meaning[taken[0].start() : taken[-1].end()]
            # A common noun ("Integrated care board") goes in lower case mid-sentence; a proper name
            # ("Social Care Institute for Excellence") keeps its capitals.
            if not any(word.group()[0].isupper() for word in taken[1:]):
                name = name[0].lower() + name[1:]
            return name
    clause = meaning.split(",")[0].strip().rstrip(".")
    return clause[0].lower() + clause[1:] if clause[1:] == clause[1:].lower() else clause
