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
    """The open capture windows' recording: their authority, traffic, what TLS saw.

    The browsers of all capture windows of the process share one network
    stack, so the proxy cannot tell their requests apart: the windows open at
    the same time share one session, each reading the traffic since its own
    mark (the last address typed in it). The session, its authority and its
    traffic go when the last of them closes.
    """

    def __init__(self) -> None:
        self.ca = SessionCA()
        self._lock = threading.Lock()
        self._exchanges: list[tuple[int, Pending, bool]] = []
        self._next = 0
        self._in_flight: dict[int, Pending] = {}
        self._tls: dict[str, TlsFacts] = {}
        self._budget = Budget()
        self._marks: dict[int, int] = {}
        self.closed = False

    # -- the windows --------------------------------------------------------------------
    def join(self, owner: int) -> None:
        """A capture window uses this session from now on."""
        with self._lock:
            self._marks[owner] = self._next

    def leave(self, owner: int) -> bool:
        """A capture window is done; True when it was the last, and the session is closed."""
        with self._lock:
            self._marks.pop(owner, None)
            last = not self._marks
        if last:
            self.close()
        else:
            self._prune()
        return last

    def mark(self, owner: int) -> None:
        """A new address is typed in ``owner``'s window: its capture is of what follows."""
        with self._lock:
            self._marks[owner] = self._next
        self._prune()

    def _prune(self) -> None:
        """Forget the traffic no open window can capture any more."""
        with self._lock:
            oldest = min(self._marks.values(), default=self._next)
            kept = [entry for entry in self._exchanges if entry[0] >= oldest]
            freed = sum(len(entry[1].response) for entry in self._exchanges) - sum(
                len(entry[1].response) for entry in kept
            )
            self._exchanges = kept
            self._budget.left += freed

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

    def in_flight(self, owner: int) -> int:
        """How many requests sent since ``owner``'s mark still wait for their response."""
        with self._lock:
            since = self._marks.get(owner, 0)
            return sum(1 for number in self._in_flight if number >= since)

    def exchanges(self, owner: int) -> tuple[RecordedExchange, ...]:
        """Every finished exchange since ``owner``'s mark, in the order they were sent."""
        with self._lock:
            since = self._marks.get(owner, 0)
            done = sorted((e for e in self._exchanges if e[0] >= since), key=lambda e: e[0])
        return tuple(
            RecordedExchange(p.url, p.request, bytes(p.response), p.ip_address, p.started_at,
                             complete, p.truncated)
            for _number, p, complete in done
        )  # fmt: skip

    def close(self) -> None:
        """Forget the traffic and the authority: the last capture window closed."""
        with self._lock:
            self.closed = True
            self._exchanges.clear()
            self._tls.clear()
            self._marks.clear()
