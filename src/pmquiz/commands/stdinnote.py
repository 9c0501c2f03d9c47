"""`grade -` and `import -` at a terminal: say that standard input is being read, and how
to end it, so a person does not face a silent cursor. Piped input gets no word."""

from __future__ import annotations

import os
import sys

from pmquiz.i18n import Lang, t


def note_reading_stdin(key: str, lang: Lang) -> None:
    """On stderr, when stdin is a terminal: the UI string `key` with the end-of-input keys
    of this system (Ctrl-D; Ctrl-Z then Enter on Windows)."""
    try:
        terminal = sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        terminal = False
    if not terminal:
        return
    keys = "Ctrl-Z, Enter" if os.name == "nt" else "Ctrl-D"
    sys.stderr.write(t(key, lang, keys=keys) + "\n")
    sys.stderr.flush()
