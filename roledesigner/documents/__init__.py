"""Documents: one view model rendered to Word, PDF and the live preview."""
