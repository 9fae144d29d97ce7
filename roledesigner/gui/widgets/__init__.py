"""Small widgets shared by the panels and dialogs: message labels, colours, drag data."""
