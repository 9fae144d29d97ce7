"""A PDF's text, read by poppler's pdftotext: independent of the Qt that wrote it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def pdf_text(pdf: bytes, tmp_path: os.PathLike[str]) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = os.path.join(tmp_path, "spec.pdf")
    with open(path, "wb") as file:
        file.write(pdf)
    # -raw: in the order Qt drew the text, one table cell after another, so a cell's words stay
    # together however the columns line up.
    return subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True, check=True).stdout
