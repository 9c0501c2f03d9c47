"""Reading a bank file's bytes with the size limit of SPEC 5 (shared by loader and cache)."""

from __future__ import annotations

from pathlib import Path

from pmquiz.errors import BankError, Problem

MAX_BANK_BYTES = 5 * 1024 * 1024


def read_bank_bytes(path: Path) -> bytes:
    """The file's bytes, refusing files over 5 MiB before reading them."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise BankError([Problem(
                shown, None,
                f"file is {size / 1048576:.1f} MiB; banks are limited to 5 MiB. "
                "Split it into several banks.",
            )])
        with path.open("rb") as handle:
            data = handle.read(MAX_BANK_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BankError([Problem(shown, None, f"cannot read the file: {reason}")]) from None
    if len(data) > MAX_BANK_BYTES:
        raise BankError([Problem(shown, None, "file is over 5 MiB; banks are limited to 5 MiB.")])
    return data
