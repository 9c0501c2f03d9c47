"""`:edit`: write a long answer in the user's own editor."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path


def editor_command() -> list[str] | None:
    raw = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not raw or not raw.strip():
        return None
    try:
        return shlex.split(raw)
    except ValueError:
        return None


def edit_text(initial: str) -> str | None:
    """Open $VISUAL/$EDITOR on `initial`; the edited text, or None if it could not run."""
    command = editor_command()
    if command is None:
        return None
    fd, name = tempfile.mkstemp(prefix="pmquiz-answer-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError:
            return None
        if result.returncode != 0:
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
