"""The About box: what Role Designer is, its version, and the research it is built on."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from roledesigner import __version__

APP_NAME = "Role Designer"

PURPOSE = (
    "Role Designer helps human resources (HR) teams in the National Health Service (NHS) and in councils "
    "in England write job specifications for system leadership posts, which lead across the organisations "
    "of an integrated care system, and export them as Word or PDF files, all without an internet connection."
)

#: (author and year, title, who published it or "", what it gives Role Designer), in the order the
#: research is usually cited. A title keeps its own punctuation (one ends in a question mark), so
#: nothing is put straight after it but a dash.
RESEARCH: tuple[tuple[str, str, str, str], ...] = (
    (
        "Social Care Institute for Excellence (SCIE) (2018)",
        "Leadership in integrated care systems",
        "",
        "the skills that system leaders need and the four domains of the Systems Leadership Framework",
    ),
    (
        "Creighton (2022)",
        "Leadership in Integrated Care Systems",
        "",
        "the challenges of system leadership and the skills that meet them",
    ),
    (
        "SCIE (2021)",
        "How might leadership roles evolve in integrated health and care systems?",
        "",
        "the emerging roles, their capabilities, and what a job specification must make clear, "
        "including protected time for system work",
    ),
    (
        "Timmins (2015)",
        "The practice of system leadership",
        "The King's Fund",
        "influence, listening, shared ownership and personal resilience",
    ),
    (
        "King (2019)",
        "Making the move to system leadership",
        "",
        "lessons on openness between partners and learning together",
    ),
    (
        "Gaucher, Friesen and Kay (2011)",
        "Evidence that gendered wording in job advertisements exists and sustains gender inequality",
        "",
        "the lists of masculine- and feminine-coded words behind the inclusive language check",
    ),
)


def _research_item(author: str, title: str, publisher: str, gives: str) -> str:
    """One item of the list: author and year, the title in italics, its publisher, a dash, what it gives."""
    published = f", published by {escape(publisher)}" if publisher else ""
    return f"<li>{escape(author)}, <i>{escape(title)}</i>{published} \N{EN DASH} {escape(gives)}.</li>"


def about_text() -> str:
    """The About box's rich text: name and version, purpose, and the research cited."""
    items = "".join(_research_item(*entry) for entry in RESEARCH)
    return (
        f"<h3>{APP_NAME} {escape(__version__)}</h3>"
        f"<p>{escape(PURPOSE)}</p>"
        "<p>Its roles, capabilities, checks and wording draw on this research, put in our own words:</p>"
        f"<ul>{items}</ul>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
