"""Sentences whose words depend on logic, composed once for every output.

The Word file, the PDF, the app's preview and the command line all take these sentences from
here, so a protected-time or funding sentence can never differ between them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from roledesigner.domain.joint import hosts, shares, total_funding, total_time
from roledesigner.domain.models import Development, JointArrangement, RoleDesign, TimePlan
from roledesigner.domain.numbers import json_number
from roledesigner.domain.timeplan import days_a_month, is_exact, shown, week
from roledesigner.domain.vocabulary import AllocationUnit, PartnershipArrangement, Sector, StaffingRoute, label

_SHARE_WORDS = {
    Fraction(1, 2): "half",
    Fraction(1, 4): "a quarter",
    Fraction(3, 4): "three quarters",
    Fraction(1, 3): "a third",
    Fraction(2, 3): "two thirds",
    Fraction(1, 5): "a fifth",
    Fraction(2, 5): "two fifths",
    Fraction(3, 5): "three fifths",
    Fraction(4, 5): "four fifths",
    Fraction(1, 10): "a tenth",
}

_SECTOR_KIND = {
    Sector.NHS_TRUST: "NHS",
    Sector.ICB: "NHS",
    Sector.PRIMARY_CARE: "NHS primary care",
    Sector.LOCAL_AUTHORITY: "local authority",
    Sector.VCSE: "voluntary sector",
    Sector.INDEPENDENT: "independent sector",
    Sector.OTHER: "",
}

#: The first legal step: how the partners share functions and money.
ARRANGEMENT_SENTENCES: dict[PartnershipArrangement, str] = {
    PartnershipArrangement.SECTION_75: (
        "The partners share functions and money under a partnership agreement made under section 75 of the "
        "NHS Act 2006."
    ),
    PartnershipArrangement.SECTION_65Z5: (
        "The partners work jointly, or one acts for the other, under section 65Z5 of the NHS Act 2006."
    ),
    PartnershipArrangement.SECTION_65Z6: "The partners pool money under section 65Z6 of the NHS Act 2006.",
    PartnershipArrangement.CHILDREN_ACT_S10: (
        "The council and its partners cooperate and pool budgets under section 10 of the Children Act 2004."
    ),
    PartnershipArrangement.OTHER: "The arrangement is set out in a written agreement between the partners.",
    PartnershipArrangement.NONE: "The partners do not share functions or money under a formal arrangement.",
}

#: The second legal step: how the postholder comes to work for both partners.
STAFFING_SENTENCES: dict[StaffingRoute, str] = {
    StaffingRoute.SECTION_113: (
        "The host employer places the postholder at the other partner's disposal under section 113 of the "
        "Local Government Act 1972."
    ),
    StaffingRoute.SECONDMENT_HONORARY_CONTRACT: (
        "The postholder is seconded from the host employer and holds an honorary contract with the other partner."
    ),
    StaffingRoute.JOINT_EMPLOYMENT: "The partners employ the postholder jointly.",
    StaffingRoute.SINGLE_EMPLOYER: "The host employer alone employs the postholder.",
}

#: Said whenever either step is named, so no reader takes the arrangement for the employment.
ARRANGEMENT_EMPLOYS_NOBODY = "A partnership arrangement covers the work and the money; it employs nobody."


#: Decimal places of a time in hours that had to be rounded: a tenth of an hour (six minutes)
#: is as finely as anyone plans a week, so 9.375 hours reads "about 9.4 hours", not "about 9.38".
HOURS_ABOUT_PLACES = 1


def figure(value: Fraction, about_places: int = 2) -> str:
    """A figure as shown to readers: as it is when two decimal places hold it exactly, else
    'about' and rounded half up to `about_places` (the core's `shown()` rule)."""
    if is_exact(value):
        return f"{shown(value)}"
    return f"about {shown(value, about_places)}"


def hour_figure(value: Fraction) -> str:
    """A number of hours without its unit: "18.75", "about 9.4"."""
    return figure(value, HOURS_ABOUT_PLACES)


def _counted(number: str, singular: str, plural: str) -> str:
    """The unit agrees with the number as written: "1 hour", "about 1 hour", "about 1.1 hours"."""
    return f"{number} {singular if number.removeprefix('about ') == '1' else plural}"


def hours(value: Fraction) -> str:
    return _counted(hour_figure(value), "hour", "hours")


def clock_hours(value: Fraction) -> str:
    """Hours as a rota writes them: "37.5 hours" when two places hold them, else in hours and
    minutes when whole minutes do ("16 hours 40 minutes", four sessions), else `hours`."""
    minutes = value * 60
    if is_exact(value) or minutes.denominator != 1:
        return hours(value)
    whole, rest = divmod(int(minutes), 60)
    parts = [_counted(str(whole), "hour", "hours")] if whole else []
    return " ".join([*parts, _counted(str(rest), "minute", "minutes")])


def hours_of(plan: TimePlan) -> Callable[[Fraction], str]:
    """How the post's hours are written: in hours and minutes for a week counted in sessions, else `hours`."""
    return clock_hours if plan.system_work.unit is AllocationUnit.SESSIONS else hours


def sessions(value: Fraction) -> str:
    """General practice sessions of 4 hours 10 minutes: "4 sessions", "1 session"."""
    return _counted(figure(value), "session", "sessions")


def days(value: Fraction) -> str:
    if value == Fraction(1, 2):
        return "half a day"
    return _counted(figure(value), "day", "days")


def share_of_post(part: Fraction) -> str:
    """'half', 'a fifth', or '45 per cent' for a share between 0 and 1."""
    return _SHARE_WORDS.get(part, f"{figure(part * 100)} per cent")


def percent(value: Decimal) -> str:
    return f"{json_number(value)} per cent"


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def time_sentences(plan: TimePlan) -> list[str]:
    """The protected system-time sentence, and the protected days when set."""
    w = week(plan)
    if plan.contracted_days_per_month is not None:
        return _appointment_sentences(plan)
    if w.system_hours == 0:
        return ["This post has no protected time for system work."]
    if w.system_hours == w.contracted_hours:
        return [
            f"This is a full-time system role: all {hours(w.contracted_hours)} a week are for work across the system."
        ]
    if w.system_hours > w.contracted_hours:
        return [
            f"The system work set ({hours(w.system_hours)} a week) is more than the post's "
            f"{hours(w.contracted_hours)}, so it needs correcting."
        ]
    unit = plan.system_work.unit
    if unit is AllocationUnit.PROGRAMMED_ACTIVITIES or plan.contracted_programmed_activities is not None:
        amount = f"{figure(w.system_pas)} programmed activities ({hours(w.system_hours)})"
    elif unit is AllocationUnit.SESSIONS:
        amount = f"{sessions(w.system_sessions)} ({clock_hours(w.system_hours)})"
    elif unit is AllocationUnit.HOURS_PER_WEEK:
        amount = f"{hours(w.system_hours)} ({days(w.system_days)})"
    else:
        amount = f"{days(w.system_days)} ({hours(w.system_hours)})"
    sentences = [
        f"This post includes {amount} a week of protected time for system work, "
        f"{share_of_post(w.system_percent / 100)} of the post."
    ]
    if plan.protected_days:
        named = join_words([f"{day.value.capitalize()}s" for day in plan.protected_days])
        sentences.append(f"{named} are kept free of organisational commitments.")
    return sentences


def month_days(plan: TimePlan) -> str:
    """An office holder's time commitment: "8 days a month"."""
    return f"{days(Fraction(plan.contracted_days_per_month or 0))} a month"


def _appointment_sentences(plan: TimePlan) -> list[str]:
    """An office holder's time in days a month, as the letter of appointment states it, never in hours."""
    w = week(plan)
    commitment = f"This is a part-time appointment of {month_days(plan)}"
    if w.system_hours == 0:
        return [f"{commitment}, with no time set aside for work across the system."]
    if w.system_hours >= w.contracted_hours:
        return [f"{commitment}, all of it for work across the system."]
    system = days_a_month(plan, w.system_hours)
    return [
        f"{commitment}, of which {days(system)} a month ({share_of_post(w.system_percent / 100)} of the "
        "appointment) are for work across the system."
    ]


def learning_time_sentences(development: Development) -> list[str]:
    monthly = Fraction(development.learning_hours_per_month)
    if not monthly:
        return []
    return [
        f"The postholder has {hours(monthly)} a month ({hours(monthly * 12)} a year) of protected time "
        "for learning and development."
    ]


def support_sentences(development: Development) -> list[str]:
    sentences = []
    support = [
        name
        for name, offered in (
            ("coaching", development.coaching),
            ("mentoring", development.mentoring),
            ("a peer network of system leaders", development.peer_network),
        )
        if offered
    ]
    if support:
        sentences.append(f"Support includes {join_words(support)}.")
    if development.programmes:
        sentences.append(f"Development programmes: {'; '.join(development.programmes)}.")
    return sentences


def learning_sentences(development: Development) -> list[str]:
    return [*learning_time_sentences(development), *support_sentences(development)]


def split_totals_sentence(joint: JointArrangement | None) -> str:
    """The running totals of a joint post's funding and time shares, as the editor shows them."""
    if joint is None or not joint.partners:
        return "Add the partners, with their shares of funding and time."
    parts = []
    for what, total in (("Funding", total_funding(joint)), ("Time", total_time(joint))):
        gap = Decimal(100) - total
        state = "complete"
        if gap > 0:
            state = f"{percent(gap)} still to share"
        elif gap < 0:
            state = f"{percent(-gap)} too much"
        parts.append(f"{what} adds up to {percent(total)} ({state}).")
    return " ".join(parts)


def _partner_name(joint: JointArrangement, index: int) -> str:
    partner = joint.partners[index]
    kind = _SECTOR_KIND.get(partner.sector, "")
    details = [kind] if kind else []
    if partner.host:
        details.append("host employer")
    return f"{partner.organisation} ({', '.join(details)})" if details else partner.organisation


def legal_sentences(joint: JointArrangement) -> list[str]:
    """The partnership arrangement, the staffing route, and the one line that keeps them apart.

    `.get` rather than indexing: a value added to the vocabulary later reads as nothing here
    rather than stopping every output.
    """
    said = [
        sentence
        for sentence in (
            ARRANGEMENT_SENTENCES.get(joint.agreement) if joint.agreement is not None else None,
            STAFFING_SENTENCES.get(joint.staffing_route) if joint.staffing_route is not None else None,
        )
        if sentence
    ]
    return [*said, ARRANGEMENT_EMPLOYS_NOBODY] if said else []


def joint_sentences(design: RoleDesign) -> list[str]:
    """Who hosts, who pays what, whose time is whose, who manages, and under which agreement."""
    joint = design.joint
    if joint is None:
        return []
    if not joint.partners:  # the legal steps chosen before the partners are named still show
        return [*legal_sentences(joint), *_notes(joint)]
    partners = joint.partners
    names = [_partner_name(joint, i) for i in range(len(partners))]
    sentences = [f"This is a joint post between {join_words(names)}."]
    host_positions = hosts(joint)
    if len(host_positions) == 1:
        host = partners[host_positions[0]]
        terms = f" on {label(host.terms)} terms and conditions" if host.terms.value != "other" else ""
        sentences.append(
            f"{host.organisation} employs the postholder{terms}, and the post returns to it if the arrangement ends."
        )
    sentences.append(
        "Funding is shared: " + join_words([f"{p.organisation} {percent(p.funding_percent)}" for p in partners]) + "."
    )
    parts = shares(joint, design.time)
    sentences.append(
        "Time is shared: "
        + join_words(
            [f"{hours(s.hours)} a week ({percent(s.partner.time_percent)}) for {s.partner.organisation}" for s in parts]
        )
        + "."
    )
    managers = [f"{p.line_manager.strip()} for {p.organisation}" for p in partners if p.line_manager.strip()]
    if managers:
        sentences.append(f"Line management: {join_words(managers)}.")
    honorary = [p.organisation for p in partners if p.honorary_contract and not p.host]
    if honorary:
        sentences.append(f"The postholder holds an honorary contract with {join_words(honorary)}.")
    return [*sentences, *legal_sentences(joint), *_notes(joint)]


def _notes(joint: JointArrangement) -> list[str]:
    return [joint.governance_notes.strip()] if joint.governance_notes.strip() else []
