"""Integrity against someone who holds a copy of the database.

- ``keys``: this workstation's Ed25519 signing key, kept outside the database
  (the OS keyring or a file readable by the user only);
- ``registry``: the workstations' public keys registered in the database;
- ``checkpoints``: signed checkpoints of the audit chain, kept in the
  database, in a checkpoint file outside it, on reports and in bundles;
- ``verification``: ``audit verify`` against every checkpoint found;
- ``evidence_record``: evidence hashes against the audit events that
  recorded them.

The modules are imported by name; this package imports none of them, so
reading evidence does not load the signing machinery.
"""
