"""The audit chain: appending to it, reading it, and verifying it.

- :mod:`.writing`: :func:`record` and :func:`record_many`, called by every
  service write inside its own transaction, after :func:`lock_cases`; the
  chain head (:func:`read_head`);
- :mod:`.reading`: a case's events (:func:`case_events`, its timeline) and the
  events as the verifier reads them (:func:`records`, :func:`records_where`);
- :mod:`.chain`: :func:`verify` and :func:`check_chain`, the fast walk of the
  driver's rows and the full verifier after it.
"""

from __future__ import annotations

from app.services.audit.chain import Progress, check_chain, raw_events, verify
from app.services.audit.reading import (
    AuditEntry,
    case_events,
    event_count,
    records,
    records_where,
    stored_utc,
    unreadable_time_message,
)
from app.services.audit.writing import (
    EventInput,
    ForeignEvent,
    LockOrderError,
    case_locked,
    head_problem,
    head_values_problem,
    lock_cases,
    read_head,
    record,
    record_many,
)

__all__ = [
    "AuditEntry",
    "EventInput",
    "ForeignEvent",
    "LockOrderError",
    "Progress",
    "case_events",
    "case_locked",
    "check_chain",
    "event_count",
    "head_problem",
    "head_values_problem",
    "lock_cases",
    "raw_events",
    "read_head",
    "record",
    "record_many",
    "records",
    "records_where",
    "stored_utc",
    "unreadable_time_message",
    "verify",
]
