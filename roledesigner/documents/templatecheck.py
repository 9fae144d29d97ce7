"""Whether a Word template chosen in the settings can be used: filled with a full sample design."""

from __future__ import annotations

import zipfile
from pathlib import Path

from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import TemplateError, check_template
from roledesigner.library.catalogue import Library


def check_template_file(path: Path | None, library: Library) -> str | None:
    """A Word template must fill in with a full sample design; no path means the built-in one."""
    if path is None:
        return None
    if path.is_dir():
        return f"The Word template {path} is a folder, not a Word (.docx) file."
    try:
        check_template(path, build_view(sample_design(library), library))
    except TemplateError as error:
        return str(error)
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        # A zip file that only looks like a Word file fails inside python-docx or lxml.
        return f"The Word template {path} is not a Word (.docx) file that can be read ({error})."
    except OSError as error:
        return f"The Word template {path} could not be read ({error.strerror or error})."
    return None
