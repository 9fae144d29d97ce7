"""Tracked changes read back independently: accept or reject every change in a Word file's XML, and
(where LibreOffice is installed) have LibreOffice itself accept them all, headless and offline."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def body(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(w("body"))


def paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(w("t"), w("delText"), w("tab"), w("br")):
        if node.tag in (w("t"), w("delText")):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == w("tab") else "\n")
    return "".join(parts)


def texts(root: Any) -> list[str]:
    """Every paragraph's text in document order, table cells included."""
    return [paragraph_text(p) for p in root.iter(w("p"))]


def _mark_of(paragraph: Any) -> str | None:
    found = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if found is None:
        return None
    for kind in ("ins", "del"):
        if found.find(w(kind)) is not None:
            return kind
    return None


def _resolve(root: Any, keep: str) -> Any:
    """The body with every change of the other kind undone and every `keep` change made for good."""
    drop = "del" if keep == "ins" else "ins"
    for row in list(root.iter(w("tr"))):
        properties = row.find(w("trPr"))
        if properties is not None and properties.find(w(drop)) is not None:
            row.getparent().remove(row)
    for element in list(root.iter(w(drop))):
        parent = element.getparent()
        if parent is not None and parent.tag != w("rPr") and parent.tag != w("trPr"):
            parent.remove(element)
    for element in list(root.iter(w(keep))):
        parent = element.getparent()
        if parent is None or parent.tag in (w("rPr"), w("trPr")):
            continue
        for child in list(element):
            element.addprevious(child)
        parent.remove(element)
    for text in root.iter(w("delText")):
        text.tag = w("t")
    for paragraph in list(root.iter(w("p"))):
        if _mark_of(paragraph) == drop:
            # A paragraph mark that goes joins the paragraph to the next; ours are empty by then.
            assert not paragraph.findall(f".//{w('r')}"), paragraph_text(paragraph)
            paragraph.getparent().remove(paragraph)
    return root


def accepted(data: bytes) -> list[str]:
    """Every paragraph's text once every change is accepted."""
    return texts(_resolve(body(data), "ins"))


def rejected(data: bytes) -> list[str]:
    """Every paragraph's text once every change is rejected."""
    return texts(_resolve(body(data), "del"))


# --- LibreOffice ----------------------------------------------------------------------------------

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = &quot;Hidden&quot;
    args(0).Value = True
    document = StarDesktop.loadComponentFromURL(ConvertToURL(Environ(&quot;RD_SOURCE&quot;)), &quot;_blank&quot;, 0, args())
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    frame = document.getCurrentController().getFrame()
    helper.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
    Dim options(0) As New com.sun.star.beans.PropertyValue
    options(0).Name = &quot;FilterName&quot;
    options(0).Value = &quot;Text (encoded)&quot;
    document.storeToURL(ConvertToURL(Environ(&quot;RD_TARGET&quot;)), options())
    document.close(True)
End Sub
</script:module>
"""


def soffice() -> str | None:
    return shutil.which("soffice")


def _profile(folder: Path) -> str:
    """A LibreOffice user profile of its own, made once, with the macro in its Standard library."""
    profile = folder / "profile"
    url = profile.as_uri()
    if not (profile / "user" / "basic" / "Standard").is_dir():
        subprocess.run(
            [str(soffice()), f"-env:UserInstallation={url}", "--headless", "--terminate_after_init"],
            capture_output=True,
            timeout=180,
            check=False,
        )
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    return url


def libreoffice_text(path: Path, folder: Path) -> str:
    """The document's text as LibreOffice exports it (its tracked changes shown as they stand)."""
    url = _profile(folder)
    subprocess.run(
        [
            str(soffice()),
            f"-env:UserInstallation={url}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return (folder / f"{path.stem}.txt").read_text(encoding="utf-8-sig")


def libreoffice_accepted_text(path: Path, folder: Path) -> str:
    """The document's text after LibreOffice's own Accept All, run headless by a Basic macro."""
    url = _profile(folder)
    target = folder / f"{path.stem}-accepted.txt"
    environment = {**os.environ, "RD_SOURCE": str(path), "RD_TARGET": str(target)}
    subprocess.run(
        [
            str(soffice()),
            f"-env:UserInstallation={url}",
            "--headless",
            "vnd.sun.star.script:Standard.Module1.AcceptAll?language=Basic&location=application",
        ],
        capture_output=True,
        timeout=180,
        check=True,
        env=environment,
    )
    return target.read_text(encoding="utf-8-sig")
