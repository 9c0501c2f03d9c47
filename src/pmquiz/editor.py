"""`:edit`: write a long answer in the user's own editor ($VISUAL or $EDITOR).

The file opened starts with the question's prompt as comment lines (so the question is in
view while writing); those lines are taken out again when the editor closes, whatever the
user did around them. Lines the user wrote that happen to start with `#` (a Markdown
heading) are kept: only the exact lines pmquiz wrote are removed, and only at the top.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

COMMENT = "# "


@dataclass(frozen=True)
class Edited:
    """What came back from the editor: the answer, or why there is none."""

    text: str | None
    problem: Literal["missing", "failed"] | None = None  # not found / did not exit 0
    program: str = ""


def editor_command() -> list[str] | None:
    raw = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not raw or not raw.strip():
        return None
    try:
        return shlex.split(raw)
    except ValueError:
        return None


def header_lines(prompt: str, note: str) -> list[str]:
    """The comment lines a file to edit starts with: the prompt, then `note`."""
    lines = [(COMMENT + line).rstrip() for line in prompt.strip().splitlines()]
    if note:
        lines += [COMMENT.rstrip(), COMMENT + note]
    return lines


def strip_header(text: str, header: list[str]) -> str:
    """`text` without the header lines pmquiz wrote at its top (and blank lines there)."""
    known = {line.rstrip() for line in header}
    lines = text.splitlines()
    while lines and (lines[0].rstrip() in known or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def edit_text(initial: str, prompt: str = "", note: str = "") -> Edited:
    """Open $VISUAL/$EDITOR on `initial` below the prompt's comment lines."""
    command = editor_command()
    if command is None:
        return Edited(None, "missing", os.environ.get("VISUAL") or os.environ.get("EDITOR")
                      or "")
    header = header_lines(prompt, note)
    fd, name = tempfile.mkstemp(prefix="pmquiz-answer-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if header:
                handle.write("\n".join(header) + "\n\n")
            handle.write(initial + "\n" if initial else "")
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError:
            return Edited(None, "missing", command[0])
        if result.returncode != 0:
            return Edited(None, "failed", command[0])
        text = path.read_text(encoding="utf-8", errors="replace")
        return Edited(strip_header(text, header), None, command[0])
    finally:
        path.unlink(missing_ok=True)
