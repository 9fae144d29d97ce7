"""Role Designer: compose system leadership roles and export job specifications offline."""

__version__ = "0.1.0"
