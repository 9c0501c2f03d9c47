"""Running the CLI in-process the way a user would, with output split by stream."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
            monkeypatch: pytest.MonkeyPatch | None = None) -> Run:
    """Call pmquiz's real entry point (error boundary included) and capture its output."""
    import io

    from pmquiz.cli import main

    old_argv = sys.argv
    old_stdin = sys.stdin
    sys.argv = ["pmquiz", *args]
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old_argv
        sys.stdin = old_stdin
    out, err = capsys.readouterr()
    return Run(code, out, err)


def run_terminal(args: list[str], capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch, width: int = 80,
                 stdin: str | None = None) -> Run:
    """Run as if stdout were a terminal `width` columns wide: the Rich face. Colour and
    bold codes (SGR) are removed and line ends trimmed, so output compares as text."""
    import re

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr("pmquiz.output.stdout_is_terminal", lambda: True)
    run = run_cli(args, capsys, stdin=stdin)
    text = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout)
    return Run(run.exit_code, "\n".join(line.rstrip() for line in text.split("\n")),
               run.stderr)
