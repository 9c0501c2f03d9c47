"""Driving pmquiz in a real pseudo-terminal (pexpect), with the bytes a terminal sends.

Enter is "\r", Backspace "\x7f", the arrows "\x1b[D" and so on; a paste is wrapped in
the bracketed-paste markers "\x1b[200~" ... "\x1b[201~". The line editor switches
bracketed paste on ("\x1b[?2004h") each time it starts reading, before it draws its
prompt: `ready` waits for that, so nothing is typed before the editor listens.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pexpect

ENTER = "\r"
BACKSPACE = "\x7f"
LEFT = "\x1b[D"
CTRL_D = "\x04"
READY = "\x1b[?2004h"


def paste(text: str) -> str:
    return f"\x1b[200~{text}\x1b[201~"


def terminal_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env.update({"PMQUIZ_HOME": str(home), "COLUMNS": "80", "LINES": "40",
                "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8",
                "LANG": "C.UTF-8",
                # pexpect is no terminal emulator: it never answers the editor's
                # cursor-position request, which a real terminal does at once.
                "PROMPT_TOOLKIT_NO_CPR": "1"})
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def spawn(args: list[str], home: Path, **extra: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "pmquiz", *args],
                         env=terminal_env(home, **extra), encoding="utf-8", timeout=30,
                         dimensions=(40, 80), preexec_fn=_as_a_shell_starts_it)


def _as_a_shell_starts_it() -> None:
    """SIGINT and SIGQUIT at their defaults, as a terminal's shell starts a command.

    A test run started in the background by a non-interactive shell (`pytest &` in a
    script) has both ignored, and an ignored signal stays ignored across exec: Python
    then installs no Ctrl-C handler, and a Ctrl-C sent while pmquiz reads in cooked mode
    (`grade -`, `import -`) goes unheard until the test times out.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def ready(child: pexpect.spawn) -> None:
    """Wait until the line editor reads (call once per prompt, before typing)."""
    child.expect_exact(READY)


def reading_stdin(child: pexpect.spawn, timeout: float = 30) -> None:
    """Wait until the child is blocked reading its standard input, before a Ctrl-C meant
    for that read.

    A command's note ("... end with Ctrl-D") comes just before its read: a SIGINT that
    lands after the note but before the read() call only sets Python's flag, and Python
    looks at that flag again only once the read returns, so the process would sit in the
    read with the Ctrl-C spent. A busy machine that pauses the child right after it
    writes the note makes that likely. Linux says what a process waits in
    (/proc/PID/syscall: `0 0x0 ...` is read(0, ...)); elsewhere this returns at once.
    """
    path = Path(f"/proc/{child.pid}/syscall")
    deadline = time.monotonic() + timeout
    while True:
        try:
            call = path.read_text().split()[:2]
        except OSError:  # no /proc (macOS), or not allowed to look
            return
        if call == ["0", "0x0"]:
            return
        if not child.isalive() or time.monotonic() > deadline:
            raise AssertionError(f"pmquiz never waited on its standard input ({call})")
        time.sleep(0.01)


def finished(child: pexpect.spawn) -> int | None:
    """Wait for the session to end; its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    status: int | None = child.exitstatus
    return status


def stored_answers(home: Path) -> list[str]:
    """The answers in the history, oldest first."""
    with sqlite3.connect(home / "history.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT answer FROM attempts ORDER BY id")]


@contextmanager
def history_locked(home: Path) -> Iterator[None]:
    """Another process holding the history in an exclusive transaction, as a second
    pmquiz writing at the same moment would, until the block ends."""
    holder = sqlite3.connect(home / "history.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
