"""Reading a file the user names, with a bound: the one reader for every such file.

Regular files only (a symbolic link to one is fine), opened without
blocking on a FIFO, and the size checked before and while reading, so
``/dev/zero``, a FIFO or a huge file is refused with a clear message (invalid
input, exit 2) instead of hanging the program or filling its memory. Like
:mod:`app.config` it sits outside the layers, for the services, the CLI and
the GUI alike.
"""

from __future__ import annotations

import os
import stat
from typing import IO, BinaryIO

from app.domain.errors import InvalidInput

MB = 1024 * 1024


def size_text(size: int) -> str:
    """A size for messages: ``3.2 MB``, ``78 KB`` or ``120 bytes``."""
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"


def _too_big(shown: str, size: int | None, limit: int, kind: str, hint: str) -> InvalidInput:
    amount = f"is {size_text(size)}" if size is not None else f"is larger than {size_text(limit)}"
    return InvalidInput(f"{shown} {amount}; the limit for {kind} is {size_text(limit)}{hint}.")


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(shown: str, mode: int) -> InvalidInput:
    """The message for a path that is not a regular file."""
    if stat.S_ISDIR(mode):
        return InvalidInput(f"Cannot read {shown}: it is a folder, not a file.")
    return InvalidInput(
        f"{shown} is not a regular file (it is {kind_of(mode)}); save the content to a "
        "file and give that file."
    )


def read_bounded(path: str | os.PathLike[str], limit: int, kind: str, *, hint: str = "") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``kind`` names what the file is for in the message (``"a page source"``),
    ``hint`` may add where the limit comes from. Raises :class:`InvalidInput`
    for a missing or unreadable file, anything but a regular file (checked
    before opening, and again on the open file, which is opened without
    blocking so a FIFO cannot hang the program) and a file over the limit
    (checked before reading and while reading, for a file that grows).
    """
    shown = os.fspath(path)
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise not_regular(shown, before.st_mode)
        if before.st_size > limit:
            raise _too_big(shown, before.st_size, limit, kind, hint)
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        descriptor = os.open(path, flags)
    except InvalidInput:
        raise
    except OSError as error:
        raise InvalidInput(f"Cannot read {shown}: {error.strerror or error}.") from None
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):  # replaced between the stat and the open
            raise not_regular(shown, status.st_mode)
        if status.st_size > limit:
            raise _too_big(shown, status.st_size, limit, kind, hint)
        return read_stream_bounded(handle, limit, kind, shown=shown, hint=hint)


def read_stream_bounded(
    stream: BinaryIO | IO[bytes], limit: int, kind: str, *, shown: str, hint: str = ""
) -> bytes:
    """Up to ``limit`` bytes from ``stream`` (standard input, an open file); more is refused."""
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = stream.read(min(MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_big(shown, None, limit, kind, hint)
    except OSError as error:
        raise InvalidInput(f"Cannot read {shown}: {error.strerror or error}.") from None
    return b"".join(chunks)
