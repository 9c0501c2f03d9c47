"""Warnings the core gives while going on (a bank left out), shown by whoever runs it.

The core never prints: it calls `warn`, and the CLI points `hook` at stderr. Without a
hook (pmquiz used as a library) the warnings are not shown. Kept tiny: `cli.main`
imports it on every run.
"""

from __future__ import annotations

from collections.abc import Callable

hook: Callable[[str], None] | None = None


def warn(line: str) -> None:
    if hook is not None:
        hook(line)
