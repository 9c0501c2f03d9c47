"""Writing to the terminal or a pipe: JSON documents and the Rich console.

Rich is imported only by the functions that draw; `--json` paths never load it.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def emit_json(document: Any) -> None:
    """Print one JSON document on stdout, UTF-8, nothing else."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def write_error(message: str, every_line: bool = False) -> None:
    """`error: message` on stderr, red on a terminal without NO_COLOR; the lines after the
    first are hints, indented, unless `every_line` (one problem per line, as for banks)."""
    lines = message.splitlines() or ["error"]
    try:
        color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    except (AttributeError, ValueError):
        color = False
    for i, line in enumerate(lines):
        first = i == 0 or every_line
        prefix = "error: " if first else "  "
        if color and first:
            sys.stderr.write(f"\x1b[1;31m{prefix}\x1b[0m{line}\n")
        else:
            sys.stderr.write(f"{prefix}{line}\n")


def columns() -> int | None:
    """COLUMNS when it is a sensible width (`abc`, `-5` or `0` are ignored), else None."""
    raw = os.environ.get("COLUMNS", "").strip()
    if not raw.isdigit():
        return None
    value = int(raw)
    return min(value, 10_000) if value >= 20 else None


def console(stderr: bool = False) -> Console:
    """A Rich console: colour only on a terminal and without NO_COLOR; fixed width in tests."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    width = None if terminal else columns() or 160
    return Console(
        file=stream,
        highlight=False,
        emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        force_terminal=terminal or None,
        width=width,
        soft_wrap=False,
    )
