"""Writing to the terminal or a pipe: JSON documents and the Rich console.

Rich is imported only by the functions that draw; `--json` paths never load it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


# JSON escapes C0 controls itself; C1 controls (U+009B is a one-character CSI on some
# terminals) and bidi overrides are escaped too, so a document shown raw stays inert.
_JSON_UNSAFE = {i: f"\\u{i:04x}" for i in (*range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
                                            *range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                            0x2028, 0x2029)}


@lru_cache(maxsize=1)
def _json_unsafe_class() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(chr, _JSON_UNSAFE)) + "]")


def json_safe(text: str) -> str:
    """JSON text with those characters escaped too (a search first: most text has none,
    and `translate` looks up every character; `history --json` writes a million)."""
    return text.translate(_JSON_UNSAFE) if _json_unsafe_class().search(text) else text


def emit_json(document: Any) -> None:
    """Print one JSON document on stdout, UTF-8, nothing else."""
    text = json_safe(json.dumps(document, ensure_ascii=False, indent=2))
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def emit_json_array(items: Iterable[Any]) -> None:
    """Print one JSON array on stdout an item at a time, exactly as `emit_json` would print
    the list, in memory bounded by the largest item (SPEC 2: `history --json` streams)."""
    from pmquiz.jsonstream import write_array

    write_array(sys.stdout, items)
    sys.stdout.flush()


def write_error(message: str, every_line: bool = False, label: str = "error: ") -> None:
    """`error: message` on stderr, red on a terminal without NO_COLOR; the lines after the
    first are hints, indented, unless `every_line` (one problem per line, as for banks)."""
    from pmquiz.sanitize import visible

    # Messages quote bank text and file names: nothing in them may act on the terminal.
    lines = visible(message).splitlines() or ["error"]
    try:
        terminal = sys.stderr.isatty()
    except (AttributeError, ValueError):
        terminal = False
    color = terminal and not os.environ.get("NO_COLOR")
    width = _stderr_width() if terminal else None
    for i, line in enumerate(lines):
        first = i == 0 or every_line
        prefix = label if first else "  "
        for j, part in enumerate(_fold(line, width, prefix)):
            lead = prefix if j == 0 else " " * _cells(prefix)
            if color and first and j == 0:
                sys.stderr.write(f"\x1b[1;31m{lead}\x1b[0m{part}\n")
            else:
                sys.stderr.write(f"{lead}{part}\n")


def write_note(text: str) -> None:
    """A note on stderr (what is being read, why nothing is listed), broken to fit the
    terminal where typesetting allows, as errors are; whole lines off a terminal."""
    try:
        terminal = sys.stderr.isatty()
    except (AttributeError, ValueError):
        terminal = False
    width = _stderr_width() if terminal else None
    sys.stderr.write("".join(part + "\n" for line in text.split("\n")
                             for part in _fold(line, width, "")))
    sys.stderr.flush()


def _stderr_width() -> int | None:
    """The terminal's width for errors: COLUMNS, else what the terminal says."""
    width = columns()
    if width is None:
        try:
            width = os.get_terminal_size(sys.stderr.fileno()).columns
        except (AttributeError, ValueError, OSError):
            return None
    return width


def _cells(text: str) -> int:
    from pmquiz.wrap import cell_width

    return cell_width(text)


def _fold(line: str, width: int | None, prefix: str) -> list[str]:
    """One error line broken to fit the terminal under a hanging indent, at the places
    Chinese typesetting allows (SPEC 2), rather than wherever the terminal runs out:
    a terminal would start a line with the `：` after a long reference. Off a terminal
    (width None) lines stay whole, for scripts and logs."""
    room = None if width is None else width - _cells(prefix)
    if room is None or room < 10:
        return [line]
    from pmquiz.wrap import wrap

    return wrap(line, room)


def columns() -> int | None:
    """COLUMNS when it is a sensible width (`abc`, `-5` or `0` are ignored), else None."""
    raw = os.environ.get("COLUMNS", "").strip()
    if not raw.isdigit():
        return None
    value = int(raw)
    return min(value, 10_000) if value >= 20 else None


def stdout_is_terminal() -> bool:
    """Which face a view shows: Rich on a terminal, plain lines in a pipe (SPEC 2).

    The one place that asks; tests replace it to see the terminal face."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def console(stderr: bool = False) -> Console:
    """A Rich console: colour only on a terminal and without NO_COLOR; fixed width in tests.

    Every console wraps Chinese the way Chinese typesetting does (`wrap.install_into_rich`).
    """
    from rich.console import Console

    from pmquiz.wrap import install_into_rich

    install_into_rich()
    stream = sys.stderr if stderr else sys.stdout
    if stderr:
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
    else:
        terminal = stdout_is_terminal()
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
