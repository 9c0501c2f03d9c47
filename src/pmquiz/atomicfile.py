"""Writing a file whole or not at all: into a temporary file beside it, then renamed over it.

An export interrupted by Ctrl-C, a full disk or a bad row never leaves a half-written file
where a good one was (or where a user would take it for a good one).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pmquiz.errors import UsageError


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path in `target`'s folder; moved onto `target` when the block succeeds."""
    if target.is_dir():
        raise UsageError(f"{target}: is a folder", "Give a file name to write.",
                         key="err_is_folder", hint_key="err_is_folder_hint",
                         values={"path": str(target)})
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                           dir=folder)
    except OSError as exc:
        raise UsageError.from_os_error(
            exc, "{path}: cannot write the file ({reason})",
            "Check that the folder exists and that you may write in it.",
            key="err_cannot_write_file", hint_key="err_cannot_write_file_hint",
            path=str(target)) from None
    os.close(handle)
    try:
        yield Path(partial)
        # mkstemp makes the file private (0600); the finished file gets the mode a plain
        # open() would give it, or keeps the mode of the file it replaces.
        os.chmod(partial, _mode_for(target))
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permission bits of the file being replaced, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
