"""The Qt-free heart of Role Designer: models and pure rules, importing nothing else of the package."""
