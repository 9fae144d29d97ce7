"""Drag-and-drop formats shared by the library panel and the role editor."""

#: A capability dragged from the library: the payload is its id, UTF-8.
CAPABILITY_MIME = "application/x-roledesigner-capability"

#: A row dragged within one of the editor's tables, to reorder it: the payload names the table
#: model it came from (process and object) and the row, so a drop elsewhere is refused.
ROW_MIME = "application/x-roledesigner-row"
