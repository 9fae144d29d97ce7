"""Which exporter `export` hands its arguments to, decided without importing either.

Kept apart from cli/packs.py so that exporting a job specification does not first import the
packs' writers (openpyxl among them), which cost more than the export itself.
"""

from __future__ import annotations

import argparse

DOCUMENTS = ("specification", "interview", "shortlisting")
SPECIFICATION_FORMATS = ("docx", "pdf")


def handles(args: argparse.Namespace) -> bool:
    """Whether `export` hands these arguments to the packs: a pack, or a format only the packs take."""
    document = getattr(args, "document", None) or "specification"
    return document != "specification" or getattr(args, "format", None) not in (None, *SPECIFICATION_FORMATS)
