"""What the recording proxy keeps of one capture window's traffic.

A :class:`ProxySession` is opened by each capture engine and closed with it
(:mod:`app.webcapture.proxy` serves only while one is open). It holds the
window's certificate authority (:mod:`app.webcapture.session_ca`), the
exchanges since the address was last typed, and what the proxy's TLS
connections to servers saw. Proxy threads add to it; the engine reads it on
the GUI thread; a lock keeps the two apart.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from app.domain.web_capture import RecordedExchange, TlsFacts
from app.webcapture.session_ca import SessionCA

#: How much of one response is kept; a longer body is forwarded in full but kept cut.
MAX_BODY = 32 * 1024 * 1024
#: How much one page's traffic may keep in memory (a page that streams video would
#: otherwise fill it); past it, responses are forwarded in full but kept cut.
MAX_KEPT = 512 * 1024 * 1024


@dataclass
class Budget:
    """What a session may still keep in memory."""

    left: int = MAX_KEPT


@dataclass
class Pending:
    url: str
    request: bytes
    ip_address: str
    started_at: dt.datetime
    budget: Budget
    response: bytearray = field(default_factory=bytearray)
    truncated: bool = False

    def keep(self, data: bytes) -> None:
        room = max(min(MAX_BODY - len(self.response), self.budget.left), 0)
        if len(data) > room:
            self.truncated = True
        self.response += data[:room]
        self.budget.left -= min(len(data), room)


class ProxySession:
    """One capture window's recording: its authority, its traffic, what TLS saw."""

    def __init__(self) -> None:
        self.ca = SessionCA()
        self._lock = threading.Condition()
        self._exchanges: list[tuple[int, Pending, bool]] = []
        self._next = 0
        self._in_flight: dict[int, Pending] = {}
        self._tls: dict[str, TlsFacts] = {}
        self._budget = Budget()
        self.closed = False

    # -- recording (proxy threads) ------------------------------------------------------
    def begin(self, url: str, request: bytes, ip_address: str) -> tuple[int, Pending]:
        with self._lock:
            number = self._next
            self._next += 1
            pending = Pending(
                url, request, ip_address, dt.datetime.now().astimezone(), self._budget
            )
            self._in_flight[number] = pending
            return number, pending

    def end(self, number: int, *, complete: bool) -> None:
        with self._lock:
            pending = self._in_flight.pop(number, None)
            if pending is not None and not self.closed:
                self._exchanges.append((number, pending, complete and not pending.truncated))
            self._lock.notify_all()

    def mark(self) -> None:
        """A new page is typed in: forget the traffic before it (the capture is of one page)."""
        with self._lock:
            self._exchanges.clear()
            self._budget = Budget()

    def tls_seen(self, authority: str, facts: TlsFacts) -> None:
        with self._lock:
            self._tls[authority] = facts

    # -- reading (the engine) -----------------------------------------------------------
    def tls_for(self, authority: str) -> TlsFacts | None:
        """What the proxy's TLS connection to ``host:port`` saw, if it made one."""
        with self._lock:
            return self._tls.get(authority)

    def tls(self) -> tuple[tuple[str, TlsFacts], ...]:
        with self._lock:
            return tuple(self._tls.items())

    def in_flight(self) -> int:
        with self._lock:
            return len(self._in_flight)

    def exchanges(self) -> tuple[RecordedExchange, ...]:
        """Every finished exchange so far, in the order the requests were sent."""
        with self._lock:
            done = sorted(self._exchanges, key=lambda entry: entry[0])
        return tuple(
            RecordedExchange(p.url, p.request, bytes(p.response), p.ip_address, p.started_at,
                             complete, p.truncated)
            for _number, p, complete in done
        )  # fmt: skip

    def close(self) -> None:
        """Forget the traffic and the authority: the capture window closed."""
        with self._lock:
            self.closed = True
            self._exchanges.clear()
            self._tls.clear()
