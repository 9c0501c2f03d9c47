"""Standard streams a script can throw at pmquiz: closed, broken, or unable to show Chinese.

`prepare()` runs first thing in `cli.main()`:

- a closed stdin, stdout or stderr (`<&-`, `>&-`, `2>&-`) is reopened on the null device.
  Besides sparing every writer a None check, this keeps descriptors 0-2 taken: otherwise
  the next file opened (the history database) would get descriptor 1, and anything
  printed would be written into it;
- stdout and stderr writes that meet a broken pipe (`pmquiz list | head -1`, or
  `pmquiz check 2>&1 | head -1` with the errors on stderr) are dropped from then on, so the
  command finishes and exits with its own code (a passing `grade` piped into `head` still
  exits 0, a bad bank 2) instead of the interpreter's catch-all 1;
- characters the output encoding cannot show (`PYTHONIOENCODING=ascii`, `LC_ALL=C`) are
  replaced (`?`) rather than raising in the middle of a table.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

_OPEN_FLAGS = {0: os.O_RDONLY, 1: os.O_WRONLY, 2: os.O_WRONLY}


def prepare() -> None:
    """Make the three standard streams safe to use whatever the caller did with them."""
    for fd, flags in _OPEN_FLAGS.items():
        _reopen_if_closed(fd, flags)
    sys.stdin = _usable(sys.stdin, 0, "r")
    stdout = _usable(sys.stdout, 1, "w")
    stderr = _usable(sys.stderr, 2, "w")
    _replace_unencodable(stdout)
    _replace_unencodable(stderr)
    if not isinstance(stdout, QuietBrokenPipe):
        stdout = QuietBrokenPipe(stdout)
    if not isinstance(stderr, QuietBrokenPipe):
        stderr = QuietBrokenPipe(stderr)
    sys.stdout = stdout
    sys.stderr = stderr


def _reopen_if_closed(fd: int, flags: int) -> None:
    try:
        os.fstat(fd)
    except OSError:
        try:
            null = os.open(os.devnull, flags)
        except OSError:
            return
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


def _usable(stream: Any, fd: int, mode: str) -> Any:
    """The stream, or a new one on `fd` when Python started without it (fd was closed)."""
    if stream is not None:
        return stream
    try:
        return open(fd, mode, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    except OSError:
        return open(os.devnull, mode, encoding="utf-8")  # noqa: SIM115


def _replace_unencodable(stream: Any) -> None:
    """Characters the stream's encoding cannot show become `?` instead of an exception."""
    errors = getattr(stream, "errors", None)
    try:
        "中文".encode(getattr(stream, "encoding", None) or "utf-8")
        shows_chinese = True
    except (LookupError, UnicodeEncodeError):
        shows_chinese = False
    if errors != "strict" and (shows_chinese or errors == "backslashreplace"):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass


def decoded_args(args: list[str]) -> list[str]:
    """Arguments as the user typed them, under a locale that is not UTF-8 (`LC_ALL=C`).

    Python then decodes argv as ASCII with surrogate escapes, so `--answer 理解业务`
    arrives as lone surrogates that nothing can encode. An argument whose bytes are valid
    UTF-8 is read as UTF-8; any other (a file name in another encoding) is left as it is.
    """
    out = []
    for arg in args:
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            try:
                arg = os.fsencode(arg).decode("utf-8")
            except UnicodeError:
                pass
        out.append(arg)
    return out


class QuietBrokenPipe:
    """stdout (or stderr) that stops writing, silently, once the reader has gone away.

    Everything else (isatty, encoding, fileno, buffer, ...) is the wrapped stream's.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.broken = False
        raw = getattr(stream, "buffer", None)
        # Bytes written to stdout.buffer (an export writing UTF-8 whatever the locale)
        # meet the same broken pipe, and are dropped the same way.
        self.buffer = _QuietBuffer(raw, self) if raw is not None else None

    def write(self, text: str) -> int:
        if self.broken:
            return len(text)
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._break()
            return len(text)

    def flush(self) -> None:
        if self.broken:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._break()

    def _break(self) -> None:
        """Point the stream's descriptor at the null device so the interpreter's last flush
        of the real stream (at exit) has somewhere to go instead of raising again."""
        self.broken = True
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _QuietBuffer:
    """stdout's binary buffer, dropping writes once the pipe is broken (see above)."""

    def __init__(self, raw: Any, owner: QuietBrokenPipe) -> None:
        self._raw = raw
        self._owner = owner

    def write(self, data: bytes) -> int:
        if self._owner.broken:
            return len(data)
        try:
            return int(self._raw.write(data))
        except BrokenPipeError:
            self._owner._break()
            return len(data)

    def flush(self) -> None:
        if self._owner.broken:
            return
        try:
            self._raw.flush()
        except BrokenPipeError:
            self._owner._break()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)
