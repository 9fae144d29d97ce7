"""The dialogs: a new design, settings, batch export, about."""
