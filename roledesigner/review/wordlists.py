"""Word lists for the inclusive-language check, kept as data apart from the code that uses them.

The masculine- and feminine-coded stems are those of Gaucher, Friesen and Kay (2011), "Evidence
that gendered wording in job advertisements exists and sustains gender inequality", Journal of
Personality and Social Psychology 101(1), 109-128, as extended and used by Kat Matfield's Gender
Decoder (gender-decoder.katmatfield.com; source: github.com/lovedaybrooke/gender-decoder, file
app/wordlists.py, with "sharepoint" as its one non-coded exception). They are stems: each matches
any word that starts with it, so "compet" matches "competitive" and "competitors". The lists are
reproduced as they stand there, including "lead", so that our counts can be checked against
Gender Decoder's; our additions are separate and say why.
"""

from __future__ import annotations

__all__ = [
    "FEMININE_CODED",
    "GENDERED_TERMS",
    "MASCULINE_CODED",
    "NOT_CODED",
    "NOT_CODED_COMPOUNDS",
    "NOT_CODED_PHRASES",
    "NOT_CODED_TERMS",
    "ORGANISATION_WHEN_CAPITALISED",
    "STEM_ALTERNATIVES",
    "WORD_ALTERNATIVES",
]

#: Gender Decoder's masculine-coded stems (Gaucher, Friesen and Kay 2011, with its additions).
MASCULINE_CODED: tuple[str, ...] = (
    "active",
    "adventurous",
    "aggress",
    "ambitio",
    "analy",
    "assert",
    "athlet",
    "autonom",
    "battle",
    "boast",
    "challeng",
    "champion",
    "compet",
    "confident",
    "courag",
    "decid",
    "decision",
    "decisive",
    "defend",
    "determin",
    "domina",
    "dominant",
    "driven",
    "fearless",
    "fight",
    "force",
    "greedy",
    "head-strong",
    "headstrong",
    "hierarch",
    "hostil",
    "impulsive",
    "independen",
    "individual",
    "intellect",
    "lead",
    "logic",
    "objective",
    "opinion",
    "outspoken",
    "persist",
    "principle",
    "reckless",
    "self-confiden",
    "self-relian",
    "self-sufficien",
    "selfconfiden",
    "selfrelian",
    "selfsufficien",
    "stubborn",
    "superior",
    "unreasonab",
)

#: Gender Decoder's feminine-coded stems (Gaucher, Friesen and Kay 2011, with its additions).
FEMININE_CODED: tuple[str, ...] = (
    "agree",
    "affectionate",
    "child",
    "cheer",
    "collab",
    "commit",
    "communal",
    "compassion",
    "connect",
    "considerate",
    "cooperat",
    "co-operat",
    "depend",
    "emotiona",
    "empath",
    "feel",
    "flatterable",
    "gentle",
    "honest",
    "interpersonal",
    "interdependen",
    "interpersona",
    "inter-personal",
    "inter-dependen",
    "inter-persona",
    "kind",
    "kinship",
    "loyal",
    "modesty",
    "nag",
    "nurtur",
    "pleasant",
    "polite",
    "quiet",
    "respon",
    "sensitiv",
    "submissive",
    "support",
    "sympath",
    "tender",
    "together",
    "trust",
    "understand",
    "warm",
    "whin",
    "enthusias",
    "inclusive",
    "yield",
    "share",
    "sharin",
)

#: Whole words (lower case) that start with a coded stem but are another word, not the trait the
#: research measured. Each is a common false positive in NHS and council job descriptions.
NOT_CODED: frozenset[str] = frozenset(
    {
        # Gender Decoder's own exception.
        "sharepoint",
        # "compet": competence is being capable, not competing.
        "competence",
        "competences",
        "competencies",
        "competency",
        "competent",
        "competently",
        # "confident": confidential information is about privacy, not self-belief.
        "confidential",
        "confidentiality",
        "confidentially",
        # "determin": the wider determinants of health are causes, not determination.
        "determinant",
        "determinants",
        # "objective": objectives are goals, not impartiality.
        "objectives",
        # "commit": a committee is a body of people, not commitment.
        "committee",
        "committees",
        # "kind": kinds are types, not kindness ("kind of" is handled as a phrase).
        "kinds",
        # "tender": in the public sector a tender is a bid for a contract, not tenderness.
        "tender",
        "tenders",
        "tendered",
        "tenderer",
        "tenderers",
        "tendering",
        # "trust": NHS trusts are organisations, trustees sit on charity boards.
        "trusts",
        "trustee",
        "trustees",
    }
)

#: Hyphenated compounds whose coded part describes a method, not a person ("data-driven").
NOT_CODED_COMPOUNDS: frozenset[str] = frozenset(
    {
        "data-driven",
        "evidence-driven",
        "demand-driven",
        "needs-driven",
    }
)

#: Phrases in which a coded stem is another word: (stem, the words that must follow it).
NOT_CODED_PHRASES: tuple[tuple[str, str], ...] = (("kind", "of"),)

#: Fixed legal and technical names in which a coded stem is part of the name, not a trait the
#: research measured: an author who writes "section 75 agreement" names a legal instrument and
#: cannot choose another word. Words are matched with any white space or a hyphen between them,
#: in any case, with an optional plural "s" on the last word; "#" stands for a section number.
#: The review adds the labels of the legal bases a joint post may choose (vocabulary.LABELS).
NOT_CODED_TERMS: tuple[str, ...] = (
    # Agreements between public bodies (NHS Act 2006 section 75, Local Government Act 1972 section 113).
    "section # agreement",
    "section # partnership agreement",
    "partnership agreement",
    "collaboration agreement",
    "joint working agreement",
    "framework agreement",
    "funding agreement",
    "service level agreement",
    "data sharing agreement",
    "information sharing agreement",
    "risk share agreement",
    "risk sharing agreement",
    "memorandum of understanding",
    # Named services, schemes and practices in health and social care.
    "shared care record",
    "shared service",
    "shared decision making",
    "shared lives",
    "supported living",
    "supported housing",
    "supported employment",
    "commissioning support unit",
    "clinical decision support",
    "trusted assessor",
)

#: Stems that, written with a capital mid-sentence, name an organisation ("the Trust",
#: "Foundation Trust") rather than the trait.
ORGANISATION_WHEN_CAPITALISED: frozenset[str] = frozenset({"trust"})

#: Neutral wording for common forms of masculine-coded words, by the word as written (lower case).
#: None where the word is the right one and has no plain neutral swap, and also where it is a
#: precise word a job description needs: job evaluation panels band a post from what it decides,
#: leads and determines, so "decision" must not become "choice", nor "principles" (as in the
#: principles of public life) "values". Alternatives are checked by the tests to contain no coded
#: stem themselves.
WORD_ALTERNATIVES: dict[str, str | None] = {
    "actively": "fully",
    "aggressive": "proactive",
    "aggressively": "proactively",
    "ambitious": "motivated",
    "ambition": "aim",
    "ambitions": "aims",
    "analytical": None,
    "analyse": None,
    "analyses": None,
    "analysing": None,
    "analysis": None,
    "analyst": None,
    "analysts": None,
    "assertive": "clear and direct",
    "assert": "state",
    "autonomy": "freedom to act",
    "autonomous": "self-directed",
    "boasts": "has",
    "challenge": None,  # a board's duty to scrutinise, not a fight
    "challenges": None,
    "challenging": "demanding",
    "champion": "promote",
    "champions": "promotes",
    "championing": "promoting",
    "competitive": "high-performing (for pay: attractive)",
    "compete": "bid",
    "competing": "conflicting",
    "competition": None,
    "courage": "conviction",
    "courageous": "willing to speak up",
    "decide": None,  # what the post decides is what job evaluation bands
    "decides": None,
    "deciding": None,
    "decision": None,
    "decisions": None,
    "decisive": "makes timely, well-judged choices",
    "decisively": "promptly",
    "defend": "uphold",
    "determined": "resolute",
    "determine": None,  # "determine applications" is a legal act
    "determination": "resolve",
    "dominant": "influential",
    "dominate": "shape",
    "driven": "motivated",
    "fearless": "bold",
    "fight": "campaign",
    "fighting": "tackling",
    "force": None,  # "in force", "task force"
    "forceful": "persuasive",
    "hierarchy": "structure",
    "hierarchical": "top-down",
    "independent": None,  # an independent chair or member, the independent sector
    "independently": "without close supervision",
    "independence": None,
    "individual": None,  # "individual budgets" are not "personal budgets"
    "individuals": "people",
    "intellectual": None,  # "intellectual property"
    "intellect": "insight",
    "lead": None,
    "leads": None,
    "leading": None,
    "leader": None,
    "leaders": None,
    "leadership": None,
    "logical": "reasoned",
    "logic": "reasoning",
    "objective": None,  # more often a goal than a trait
    "objectively": "impartially",
    "opinion": "view",
    "opinions": "views",
    "outspoken": "candid",
    "persistent": "steady",
    "persistence": "perseverance",
    "persist": "keep going",
    "principled": "ethical",
    "principle": None,  # the principles of public life
    "principles": None,
    "self-confident": "self-assured",
    "selfconfident": "self-assured",
    "self-reliant": "resourceful",
    "self-sufficient": "resourceful",
    "superior": "excellent",
}

#: Fallback alternatives by stem, for forms not listed above; stems absent here have none.
STEM_ALTERNATIVES: dict[str, str] = {
    "active": "engaged",
    "adventurous": "open to new ideas",
    "aggress": "proactive",
    "ambitio": "motivated",
    "assert": "clear and direct",
    "battle": "tackle",
    "boast": "offer",
    "courag": "willing to speak up",
    "decisive": "makes timely, well-judged choices",
    "domina": "influential",
    "dominant": "influential",
    "driven": "motivated",
    "fearless": "bold",
    "fight": "campaign",
    "self-confiden": "self-assured",
    "selfconfiden": "self-assured",
    "self-relian": "resourceful",
    "selfrelian": "resourceful",
    "self-sufficien": "resourceful",
    "selfsufficien": "resourceful",
    "superior": "excellent",
}

#: Gendered nouns and pronouns not in the research lists, with a neutral alternative. Phrases
#: ("he or she") are matched before the single words in them. Lower case; matching ignores case.
GENDERED_TERMS: dict[str, str] = {
    # Pronoun pairs and slashes: still binary, and clumsy to read.
    "he or she": "they (or 'the postholder')",
    "she or he": "they (or 'the postholder')",
    "him or her": "them",
    "her or him": "them",
    "his or her": "their",
    "her or his": "their",
    "himself or herself": "themselves",
    "herself or himself": "themselves",
    "he/she": "they (or 'the postholder')",
    "she/he": "they (or 'the postholder')",
    "s/he": "they (or 'the postholder')",
    "him/her": "them",
    "her/him": "them",
    "his/her": "their",
    "her/his": "their",
    "his/hers": "theirs",
    "himself/herself": "themselves",
    "herself/himself": "themselves",
    "ladies and gentlemen": "everyone",
    # Single pronouns.
    "he": "they (or 'the postholder')",
    "she": "they (or 'the postholder')",
    "him": "them",
    "her": "them or their",
    "his": "their",
    "hers": "theirs",
    "himself": "themselves",
    "herself": "themselves",
    # Nouns.
    "chairman": "chair",
    "chairmen": "chairs",
    "chairwoman": "chair",
    "chairwomen": "chairs",
    "chairmanship": "chairing",
    "manpower": "workforce or staffing",
    "man-hours": "staff hours",
    "man-hour": "staff hour",
    "manhours": "staff hours",
    "man-days": "staff days",
    "manned": "staffed",
    "unmanned": "unstaffed",
    "manning": "staffing",
    "mankind": "humankind",
    "man-made": "artificial",
    "spokesman": "spokesperson",
    "spokesmen": "spokespeople",
    "spokeswoman": "spokesperson",
    "spokeswomen": "spokespeople",
    "headmaster": "headteacher",
    "headmasters": "headteachers",
    "headmistress": "headteacher",
    "headmistresses": "headteachers",
    "foreman": "supervisor",
    "foremen": "supervisors",
    "workman": "worker",
    "workmen": "workers",
    "workmanship": "quality of work",
    "layman": "lay person",
    "laymen": "lay people",
    "layman's": "lay person's",
    "laywoman": "lay person",
    "businessman": "businessperson",
    "businessmen": "businesspeople",
    "businesswoman": "businessperson",
    "businesswomen": "businesspeople",
    "policeman": "police officer",
    "policemen": "police officers",
    "policewoman": "police officer",
    "policewomen": "police officers",
    "fireman": "firefighter",
    "firemen": "firefighters",
    "salesman": "salesperson",
    "salesmen": "salespeople",
    "tradesman": "tradesperson",
    "tradesmen": "tradespeople",
    "craftsman": "craftsperson",
    "craftsmen": "craftspeople",
    "middleman": "intermediary",
    "statesman": "senior public figure",
    "manageress": "manager",
}
