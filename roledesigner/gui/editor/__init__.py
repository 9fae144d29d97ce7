"""The role editor: its tabs, the widgets and table models bound to field paths."""
