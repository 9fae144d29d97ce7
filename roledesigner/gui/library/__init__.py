"""The library panel: search, the tree of entries, details, and editing the user's own entries."""
