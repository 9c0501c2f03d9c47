"""Pausing the garbage collector around a burst of allocation that makes no cycles.

Composing a big bank and building its model allocate hundreds of thousands of objects
that all stay alive; with the collector running, each full generation-0 pass walks them
again, which is most of a bare `yaml.load`'s time (SPEC 9: cold load). The collector is
restored as it was on the way out, also when the load fails, so a caller that had it
off keeps it off and a bad bank never leaves it paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector for the block; re-enable it afterwards if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
