"""Values read out of words: contracted hours, the kind of contract, protected time for system work.

Each reader says what it found and whether words were left over that it did not understand
("37.5 hours, Monday to Friday"): the caller then keeps the whole line as well, so nothing the
source said is lost for having been half understood.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from roledesigner.domain.models import UNIT_CEILING
from roledesigner.domain.vocabulary import AllocationUnit, Contract, Terms
from roledesigner.importing.placements import SystemTime


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER = r"(\d{1,3}(?:\.\d{1,2})?|one|two|three|four|five|half a|a half)"
_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "half a": "0.5", "a half": "0.5"}
_HOURS = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*(?:hours?|hrs?\b|h\b)?", re.I)
_HOURS_FILLER = _wordset(
    "hours hour hrs hr h per a each week weekly pw p w full part time full-time part-time contracted standard "
    "of work working basic approximately about total minimum maximum usual normal is the post"
)
_CONTRACT_FILLER = _wordset(
    "permanent fixed term fixed-term secondment seconded contract post position basis a an on the temporary "
    "role appointment this office holder of term non-executive"
)
_PROTECTED = re.compile(r"\b(protected|dedicated|ring-?fenced|set aside|reserved|allocated|committed)\b", re.I)
_SYSTEM = re.compile(r"\b(system|partnership|across organisations|place|integrated care)\b", re.I)
_PERCENT = re.compile(rf"{_NUMBER}\s*(?:%|per\s*cent|percent)", re.I)
_DAYS = re.compile(rf"{_NUMBER}\s+days?\s+(?:a|per|each|of (?:the|each)|in (?:the|each))\s+week", re.I)
_WEEKLY_HOURS = re.compile(rf"{_NUMBER}\s+hours?\s+(?:a|per|each|of (?:the|each))\s+week", re.I)
_PAS = re.compile(rf"{_NUMBER}\s+(?:programmed activities|pas?\b)", re.I)
_SESSIONS = re.compile(rf"{_NUMBER}\s+(?:gp\s+|clinical\s+)?sessions?\b", re.I)
#: The pay framework a grade names: "Agenda for Change band 8c", "JNC chief officer grade 3".
_FRAMEWORKS: tuple[tuple[re.Pattern[str], Terms], ...] = (
    (re.compile(r"\bagenda for change\b|\bafc\b", re.I), Terms.AGENDA_FOR_CHANGE),
    (re.compile(r"\bjnc\b.*\bchief executives?\b", re.I), Terms.JNC_CHIEF_EXECUTIVES),
    (re.compile(r"\bjnc\b|\bchief officers?\b", re.I), Terms.JNC_CHIEF_OFFICERS),
    (re.compile(r"\bnjc\b|\bgreen book\b", re.I), Terms.NJC_GREEN_BOOK),
    (re.compile(r"\bvsm\b|\bvery senior manager", re.I), Terms.VSM),
)


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(_WORDS.get(text.casefold(), text))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _left_over(text: str, filler: frozenset[str]) -> bool:
    words = re.sub(r"[^\w-]+", " ", re.sub(r"\d+(?:\.\d+)?", " ", text.casefold())).split()
    return any(word not in filler for word in words)


def hours(text: str) -> tuple[Decimal | None, bool]:
    """Contracted hours a week ("37.5 hours per week"), and whether other words were left over."""
    match = _HOURS.search(text)
    value = _decimal(match[1]) if match else None
    if value is None or not Decimal(0) < value <= Decimal(168):
        return None, True
    return value, _left_over(text, _HOURS_FILLER)


def contract(text: str) -> tuple[Contract | None, bool]:
    """The kind of contract ("Fixed term for 24 months"), and whether other words were left over."""
    lowered = text.casefold()
    found: Contract
    if "secondment" in lowered or "seconded" in lowered:
        found = Contract.SECONDMENT
    elif re.search(r"office holder|term of office|non-executive", lowered):
        found = Contract.APPOINTMENT
    elif re.search(r"fixed[\s-]*term|temporary", lowered):
        found = Contract.FIXED_TERM
    elif "permanent" in lowered:
        found = Contract.PERMANENT
    else:
        return None, True
    return found, _left_over(text, _CONTRACT_FILLER)


def system_time(sentence: str) -> SystemTime | None:
    """Protected time for system work a sentence states: "Two days a week are protected for system work"."""
    if not (_PROTECTED.search(sentence) and _SYSTEM.search(sentence)):
        return None
    for pattern, unit in (
        (_PERCENT, AllocationUnit.PERCENT),
        (_DAYS, AllocationUnit.DAYS_PER_WEEK),
        (_WEEKLY_HOURS, AllocationUnit.HOURS_PER_WEEK),
        (_PAS, AllocationUnit.PROGRAMMED_ACTIVITIES),
        (_SESSIONS, AllocationUnit.SESSIONS),
    ):
        match = pattern.search(sentence)
        amount = _decimal(match[1]) if match else None
        if amount is not None and Decimal(0) < amount <= UNIT_CEILING[unit]:
            return SystemTime(unit, amount)
    return None


def pay_framework(grade: str) -> Terms | None:
    """The pay framework a grade names, if it names one ("Agenda for Change band 8c")."""
    for pattern, terms in _FRAMEWORKS:
        if pattern.search(grade):
            return terms
    return None
