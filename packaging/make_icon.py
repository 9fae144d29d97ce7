"""Draw Role Designer's application icon and write it for Windows, macOS and Linux.

The drawing itself is in `roledesigner/gui/appicon.py`, which the running app also uses for its
windows; this script writes it out in the three formats installers and file managers read.

It writes packaging/icons/: roledesigner.png (256 pixels, for Linux), roledesigner.ico (16 to 256
pixels, for Windows) and roledesigner.icns (for macOS). The spec file reads them; run this again
only when the design changes, and commit what it writes:

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter

from roledesigner.gui.appicon import draw_icon

ICONS = Path(__file__).resolve().parent / "icons"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entries, all PNG: type code and pixel size (ic11 to ic14 are the @2x versions of 16 to 256).
ICNS_ENTRIES = (
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode a PNG ({writer.errorString()})")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows ICO holding each image as a PNG entry (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, payload = b"", b""
    for image in images:
        png = png_bytes(image)
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def icns_bytes(entries: list[tuple[bytes, QImage]]) -> bytes:
    """A macOS ICNS: 'icns' and the total length, then per entry its type, length and PNG data."""
    body = b""
    for kind, image in entries:
        png = png_bytes(image)
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt's image plugins want one
    ICONS.mkdir(parents=True, exist_ok=True)
    flat = {size: draw_icon(size) for size in {*ICO_SIZES, 256}}
    (ICONS / "roledesigner.png").write_bytes(png_bytes(flat[256]))
    (ICONS / "roledesigner.ico").write_bytes(ico_bytes([flat[size] for size in ICO_SIZES]))
    mac = {size: draw_icon(size, margin=100 / 1024) for size in {size for _, size in ICNS_ENTRIES}}
    (ICONS / "roledesigner.icns").write_bytes(icns_bytes([(kind, mac[size]) for kind, size in ICNS_ENTRIES]))
    for name in ("roledesigner.png", "roledesigner.ico", "roledesigner.icns"):
        print(f"Wrote {ICONS / name} ({(ICONS / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
