"""Warnings the core gives while going on (a bank left out), shown by whoever runs it.

The core never prints: it calls `warn`, and the CLI points `hook` at stderr. Without a
hook (pmquiz used as a library) the warnings are not shown. Kept tiny: `cli.main`
imports it on every run.
"""

from __future__ import annotations

from collections.abc import Callable

# Called with a UI-string key and its values; the CLI says it in the user's language.
hook: Callable[..., None] | None = None


def warn(key: str, **values: object) -> None:
    if hook is not None:
        hook(key, **values)
