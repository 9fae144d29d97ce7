"""The user's own library entries: create, check, save, duplicate and delete capabilities and emerging roles.

No Qt. The entry dialog is a thin form over these rules: it turns its fields into a plain dict in the
shape of a library YAML file, asks `validate_capability` or `validate_role` after every keystroke, and
shows each (field, phrase) problem beside its field through `form_messages`.

Entries are saved one to a file as `capabilities/<id>.yaml` or `roles/<id>.yaml` in the user's library
folder, the shape the loader reads, so a saved entry loads back equal and marked as the user's own. An
id equal to a bundled or shared entry is allowed: the user's entry overrides it (`overrides`).

One module a job: `checking` (validate), `formtext` (the form's words and one-a-line fields),
`plaindata` (an entry as a dict or its file's text, duplicating), `saving` (save, delete, which file
is the user's), `overriding` (what a user's entry replaces), `common` (kinds, ids, the error). Every
public name is importable from here, as the app imports them.
"""

from roledesigner.library.userentries.checking import validate_capability, validate_entry, validate_role
from roledesigner.library.userentries.common import SUBFOLDERS, EntryError, EntryKind, Problems
from roledesigner.library.userentries.formtext import (
    FIELD_LABELS,
    capability_refs_text,
    form_field,
    form_messages,
    lines_text,
    parse_capability_refs,
    parse_lines,
    parse_responsibilities,
    parse_sources,
    responsibilities_text,
    sources_text,
)
from roledesigner.library.userentries.overriding import override_note, overrides
from roledesigner.library.userentries.plaindata import duplicate_data, entry_data, entry_yaml, suggest_id
from roledesigner.library.userentries.saving import delete_entry, own_file, save_entry

__all__ = [
    "FIELD_LABELS",
    "SUBFOLDERS",
    "EntryError",
    "EntryKind",
    "Problems",
    "capability_refs_text",
    "delete_entry",
    "duplicate_data",
    "entry_data",
    "entry_yaml",
    "form_field",
    "form_messages",
    "lines_text",
    "override_note",
    "overrides",
    "own_file",
    "parse_capability_refs",
    "parse_lines",
    "parse_responsibilities",
    "parse_sources",
    "responsibilities_text",
    "save_entry",
    "sources_text",
    "suggest_id",
    "validate_capability",
    "validate_entry",
    "validate_role",
]
