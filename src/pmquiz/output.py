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


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def console(stderr: bool = False) -> Console:
    """A Rich console: colour only on a terminal and without NO_COLOR; fixed width in tests."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    width = None if terminal else int(os.environ.get("COLUMNS", "0") or 0) or 160
    return Console(
        file=stream,
        highlight=False,
        emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        force_terminal=terminal or None,
        width=width,
        soft_wrap=False,
    )
