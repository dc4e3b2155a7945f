"""Reading HTTP/1.1 messages off a socket as raw bytes, for the recording proxy.

The recording proxy (:mod:`app.webcapture.proxy`) must forward and keep each
message exactly as it passed, so nothing here parses a message into another
form: a head is read up to its blank line, and a body is read by its framing
(``Transfer-Encoding: chunked`` with its chunk sizes and trailers,
``Content-Length``, or up to the close) and handed on piece by piece.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

_HEAD_LIMIT = 256 * 1024


class ProxyError(Exception):
    """The request or the server's answer could not be handled."""


class Stream:
    """Buffered reading of one socket: heads, exact lengths, chunked bodies, to the close."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        if not data:
            return False
        self.buffer += data
        return True

    def head(self) -> bytes | None:
        """Up to and including the blank line; None when the peer closed before any byte."""
        while b"\r\n\r\n" not in self.buffer:
            if len(self.buffer) > _HEAD_LIMIT:
                raise ProxyError("message head too long")
            if not self._fill():
                if self.buffer:
                    raise ProxyError("connection closed inside a message head")
                return None
        end = self.buffer.index(b"\r\n\r\n") + 4
        head, self.buffer = self.buffer[:end], self.buffer[end:]
        return head

    def line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            if len(self.buffer) > _HEAD_LIMIT or not self._fill():
                raise ProxyError("connection closed inside a chunk")
        end = self.buffer.index(b"\r\n") + 2
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        return line

    def exact(self, count: int) -> bytes:
        """``count`` bytes, in pieces as they arrive (yielded by :meth:`pieces`)."""
        return b"".join(self.pieces(count))

    def pieces(self, count: int) -> Iterator[bytes]:
        while count > 0:
            if not self.buffer and not self._fill():
                raise ProxyError("connection closed inside a body")
            piece, self.buffer = self.buffer[:count], self.buffer[count:]
            count -= len(piece)
            yield piece

    def chunked(self) -> Iterator[bytes]:
        """The raw bytes of a chunked body, chunk sizes and trailers included."""
        while True:
            size_line = self.line()
            yield size_line
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError as error:
                raise ProxyError("a bad chunk size") from error
            if size == 0:
                while True:
                    trailer = self.line()
                    yield trailer
                    if trailer == b"\r\n":
                        return
            yield from self.pieces(size + 2)

    def to_close(self) -> Iterator[bytes]:
        if self.buffer:
            data, self.buffer = self.buffer, b""
            yield data
        while True:
            data = self.sock.recv(65536)
            if not data:
                return
            yield data


def split_head(head: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    lines = head[:-4].split(b"\r\n")
    fields = []
    for raw in lines[1:]:
        name, _, value = raw.partition(b":")
        fields.append((name.strip().lower(), value.strip()))
    return lines[0], fields


def header(fields: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((value for key, value in fields if key == name), None)


def body(stream: Stream, fields: list[tuple[bytes, bytes]], *, to_close: bool) -> Iterator[bytes]:
    """The raw body after a head with ``fields``: chunked, of a length, or to the close."""
    encoding = (header(fields, b"transfer-encoding") or b"").lower()
    if b"chunked" in encoding:
        yield from stream.chunked()
        return
    length = header(fields, b"content-length")
    if length is not None:
        try:
            count = int(length)
        except ValueError as error:
            raise ProxyError("a bad Content-Length") from error
        yield from stream.pieces(count)
    elif to_close:
        yield from stream.to_close()
