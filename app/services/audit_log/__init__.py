"""The audit log as administrators and supervisors read it.

- ``events``: a filtered page of events, newest first (keyset paging by
  event number), with what the reader may see of each (``visibility``);
- ``export``: the filtered events as CSV.

Verifying the chain is ``integrity.verification.verify_audit`` (with ``progress``).

The modules are imported by name.
"""
