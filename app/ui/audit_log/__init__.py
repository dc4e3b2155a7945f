"""The Audit log view: ``model`` (events fetched a page at a time), ``page`` (filters,
details panel, Verify chain, Export CSV)."""
