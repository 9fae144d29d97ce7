"""Drag-and-drop formats shared by the library panel and the role editor."""

#: A capability dragged from the library: the payload is its id, UTF-8.
CAPABILITY_MIME = "application/x-roledesigner-capability"
