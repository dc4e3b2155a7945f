"""Help and identity: ``guide`` (the bundled user guide, searchable, opened at a view's
section by F1), ``shortcuts`` (every shortcut of the running window), ``about``."""
