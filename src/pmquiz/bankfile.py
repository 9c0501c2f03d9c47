"""Reading a bank file's bytes with the limits of SPEC 5 (shared by loader and cache).

Only regular files are read: a FIFO would block forever, a device could be endless or
have side effects when opened, so anything else is refused from its `stat` alone.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from pmquiz.errors import BankError, Problem

MAX_BANK_BYTES = 5 * 1024 * 1024


def missing_reason(path: Path) -> str | None:
    """Why `path` names nothing usable ("no such file or folder", "symlink loop"), or None
    when it exists."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link points (through other links) back at itself"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if os.path.islink(path):
                return f"broken symlink (it points at {os.readlink(path)}, which does not exist)"
            return "no such file or folder"
        return f"cannot read it: {exc.strerror or exc}"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def read_bank_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file, or over 5 MiB, unread."""
    shown = str(path)
    reason = missing_reason(path)
    if reason is not None:
        raise BankError([Problem(shown, None, reason)])
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise BankError([Problem(
                shown, None, f"not a regular file ({_kind(info.st_mode)}); a bank is a "
                ".yaml file")])
        if info.st_size > MAX_BANK_BYTES:
            raise BankError([Problem(
                shown, None,
                f"file is {info.st_size / 1048576:.1f} MiB; banks are limited to 5 MiB. "
                "Split it into several banks.",
            )])
        # O_NONBLOCK: should the path become a FIFO between stat and open, opening it
        # does not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(
            os, "O_NOCTTY", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BankError([Problem(shown, None, "not a regular file")])
            data = handle.read(MAX_BANK_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BankError([Problem(shown, None, f"cannot read the file: {reason}")]) from None
    if len(data) > MAX_BANK_BYTES:
        raise BankError([Problem(shown, None, "file is over 5 MiB; banks are limited to 5 MiB.")])
    return data


def encoding_problem(data: bytes) -> str | None:
    """What the file is when it is plainly not UTF-8 text: UTF-16 or UTF-32 (with or
    without a byte-order mark), or binary data (a program, an image, a database). None
    otherwise."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "the file is UTF-32: save it as UTF-8"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "the file is UTF-16: save it as UTF-8"
    if b"\x00" not in head:
        return None
    # Text in UTF-16 or UTF-32 has zero bytes (beside every ASCII character): decoded as
    # what it is, it reads as text without control characters, and with ASCII in it. A
    # program, an image or a database has zeros too, but reads as nothing in any of them.
    for codec, name in (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
                        ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16")):
        if _reads_as_text(head, codec):
            return f"the file is {name} (without a byte-order mark): save it as UTF-8"
    if head.count(0) >= max(16, len(head) // 8):
        return ("the file holds binary data (a program, an image, a database?), not text: "
                "a bank is a YAML text file saved as UTF-8")
    return None  # a stray NUL in UTF-8 text: the loader names it with its line


def _reads_as_text(head: bytes, codec: str) -> bool:
    import codecs

    try:
        # Incremental, so a character cut at the end of `head` is no error.
        text = codecs.getincrementaldecoder(codec)().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
    # A bank's keys, indentation and line ends are ASCII; UTF-8 text misread as UTF-16
    # pairs its bytes into CJK-range characters and has hardly any.
    ascii_chars = sum(1 for ch in text if ch < "\x7f")
    return bool(text) and controls * 100 <= len(text) and ascii_chars * 3 >= len(text)
