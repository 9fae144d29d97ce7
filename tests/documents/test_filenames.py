"""Export names from the settings' pattern: a document's ending, and a design file's export in a folder."""

from __future__ import annotations

from pathlib import Path

from roledesigner.documents.filenames import MAX_NAME, export_file_name, export_path
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import save_design


def test_a_pack_s_ending_follows_the_pattern_and_survives_the_cut() -> None:
    design = RoleDesign(title="Place director", version="2")
    assert export_file_name(design, "docx", "North Shire ICB", ending="interview pack") == (
        "North Shire ICB Place director v2 interview pack.docx"
    )
    long = export_file_name(RoleDesign(title="x" * 200), ".xlsx", ending="shortlisting")
    assert len(long) == MAX_NAME and long.endswith("x shortlisting.xlsx")
    assert export_file_name(design, "docx", ending="a/b") == "Place director v2 a b.docx"


def test_a_design_file_s_export_is_named_from_what_it_holds(tmp_path: Path) -> None:
    source = tmp_path / "post.roledesign"
    save_design(RoleDesign(title="Place director", employer="Westtown Council"), source)
    out = tmp_path / "out"
    assert export_path(source, out, "docx") == out / "Westtown Council Place director v1.docx"
    assert export_path(source, out, ".pdf", "ICB", "{title} ({organisation})") == out / "Place director (ICB).pdf"
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    assert export_path(broken, out, "docx") == out / "broken.docx", "an unreadable design keeps its file's name"
    assert export_path(tmp_path / "gone.roledesign", out, "docx") == out / "gone.docx"
