"""The settings as every command reads them: a problem with the file said on stderr, never in silence.

A bad settings file (an unknown theme, say) falls back on the defaults; a command that read it
without saying so would drop every setting, the organisation's name with the rest.
"""

from __future__ import annotations

import sys

from roledesigner.files.settings import Settings, load_settings


def settings_said() -> Settings:
    """The settings; each problem with their file printed once on stderr, its defaults used."""
    warnings: list[str] = []
    settings = load_settings(warnings)
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    return settings
