"""The job specification as HTML, from the view model: the source of the PDF and the app's preview.

Jinja2 only, no Qt, so the markup is tested without a screen. The template is compiled once and
kept, because the preview renders it again at every pause in typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from roledesigner.documents.partnerfacts import SIDE_BY_SIDE
from roledesigner.documents.viewmodel import JobSpecification, clean
from roledesigner.files.paths import templates_dir

TEMPLATE_NAME = "job_specification.html"


def _finalize(value: Any) -> Any:
    """Strip characters no document can hold from every printed value, before escaping.

    The view model cleans its text already; this also covers anything a later field forgets.
    """
    return clean(value) if isinstance(value, str) else value


@cache
def html_template(name: str) -> jinja2.Template:
    """A compiled HTML template from `templates/`, loaded through the one resource locator and kept
    for later renders (the job specification's and the interview pack's).

    Sandboxed with autoescaping, so text a user typed can neither run template code nor add markup.
    """
    environment = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    return environment.get_template(name)


def _template() -> jinja2.Template:
    return html_template(TEMPLATE_NAME)


#: Items in one HTML list: Qt's layout of one list slows with the square of its length.
LIST_RUN = 100
#: The most partners side by side (a column each); more get a row per fact, as in Word.
PARTNER_COLUMNS = SIDE_BY_SIDE


def render_html(
    view: JobSpecification,
    *,
    week_picture: bool,
    logo: bool = False,
    notes: Sequence[str] = (),
    short_days: bool = False,
) -> str:
    """The whole specification as HTML; images are named `week.png` and `logo.png` for the caller to supply.

    `notes` are said under the title: the preview's word on what it leaves out. `short_days` heads
    the week's columns "Mon" to "Sun", for the app's narrow preview, where "Wednesday" would
    otherwise break inside the word.
    """
    return _template().render(
        spec=view,
        week_picture=week_picture,
        logo=logo,
        notes=list(notes),
        list_run=LIST_RUN,
        short_days=short_days,
    )
