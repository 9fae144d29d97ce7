"""What the library panel and the new-design dialog show about one entry, as HTML.

Every text from a library file is escaped here: libraries come from shared drives and are data.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from roledesigner.domain.vocabulary import label
from roledesigner.gui.library.treemodel import ROLES_GROUP, ROLES_GROUP_TITLE

if TYPE_CHECKING:
    from roledesigner.library.catalogue import Kind, Library
    from roledesigner.library.models import Capability, Role, SourceRef

_FOLDER_WORDS = {
    "bundled": "the library that comes with Role Designer",
    "shared": "your team's shared library",
    "user": "your own library",
    "extra": "an extra library",
}

NOTHING_CHOSEN = "<p>Choose a role or capability in the list to read about it here.</p>"


def _e(text: str) -> str:
    return html.escape(str(text))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_e(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _item_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def origin_html(library: Library, kind: Kind, entry_id: str) -> str:
    """A note naming the user's or shared library an entry came from and what it overrides; empty if bundled."""
    origin = library.origins.get((kind, entry_id))
    if origin is None or origin.folder.label == "bundled":
        return ""
    text = f"This entry comes from {_FOLDER_WORDS.get(origin.folder.label, 'another library')} ({origin.file.name})."
    replaced = library.overridden.get((kind, entry_id), [])
    if replaced:
        older = "; ".join(
            f"{_FOLDER_WORDS.get(item.folder.label, 'another library')} ({item.file.name})" for item in replaced
        )
        text += f" It overrides the entry with the same identifier in {older}."
    return f'<p style="background-color:#fff4ce; color:#3b2f00; padding:4px;"><b>Note:</b> {_e(text)}</p>'


def sources_html(library: Library, refs: Sequence[SourceRef]) -> str:
    """Full citations, each source once, with every place in it that the entry draws on."""
    places: dict[str, list[str]] = {}
    for ref in refs:
        wheres = places.setdefault(ref.id, [])
        if ref.where and ref.where not in wheres:
            wheres.append(ref.where)
    items = []
    for source_id, wheres in places.items():
        source = library.sources.get(source_id)
        citation = source.citation if source else f"{source_id} (not found in the library's list of sources)"
        text = _e(citation)
        if source and source.url:
            text += f" {_e(source.url)}"
        if wheres:
            text += f"<br><i>See: {_e('; '.join(wheres))}</i>"
        items.append(f"<li>{text}</li>")
    return "<h3>Sources</h3><ul>" + "".join(items) + "</ul>"


def suggested_time_text(role: Role) -> str:
    from roledesigner.domain.numbers import json_number  # pydantic's types: not needed before the window shows

    time = role.suggested_system_time
    return f"{json_number(time.amount)} {label(time.unit)}"


def role_html(role: Role, library: Library, *, with_sources: bool = True) -> str:
    """A role's details: summary, footprint, function, sectors, suggested system time and why."""
    parts = [
        f"<h2>{_e(role.name)}</h2>",
        "<p><i>Emerging role</i></p>",
        origin_html(library, "role", role.id),
        _paragraphs(role.summary),
        "<p>",
        f"<b>Footprint:</b> {_e(label(role.footprint))}<br>",
        f"<b>Function:</b> {_e(label(role.function))}<br>",
        f"<b>Sectors:</b> {_e(', '.join(label(sector) for sector in role.sectors))}",
        "</p>",
        "<h3>Suggested system time</h3>",
        f"<p><b>{_e(suggested_time_text(role))}</b></p>",
        _paragraphs(role.suggested_system_time.reason),
    ]
    if with_sources:
        parts.append(sources_html(library, role.sources))
    return "".join(parts)


def capability_html(capability: Capability, library: Library) -> str:
    """A capability's details: domain, description, what good looks like, sources."""
    return "".join(
        [
            f"<h2>{_e(capability.name)}</h2>",
            f"<p><i>Capability in {_e(library.domain_name(capability.domain))}</i></p>",
            origin_html(library, "capability", capability.id),
            _paragraphs(capability.description),
            "<h3>What good looks like</h3>",
            _item_list(capability.indicators),
            sources_html(library, capability.sources),
        ]
    )


def group_html(library: Library, key: str, count: int) -> str:
    if key == ROLES_GROUP:
        what = "emerging role" if count == 1 else "emerging roles"
        return f"<h2>{_e(ROLES_GROUP_TITLE)}</h2><p><i>{count} {what} shown.</i></p>"
    domain = library.capability_domains.get(key)
    name = domain.name if domain else library.domain_name(key)
    what = "capability" if count == 1 else "capabilities"
    text = f"<h2>{_e(name)}</h2><p><i>Framework domain: {count} {what} shown.</i></p>"
    return text + (_paragraphs(domain.description) if domain else "")
