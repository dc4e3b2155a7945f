"""The PySide6 desktop interface.

It calls services only, through the background-task helper, and never
imports sqlalchemy or holds a session (see the import contracts in
pyproject.toml).
"""
