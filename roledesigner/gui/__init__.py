"""The desktop app (PySide6): thin widgets over the Qt-free core; every rule lives in the core."""
