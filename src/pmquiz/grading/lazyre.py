"""Regular expressions compiled on first use.

The grading rules hold some fifty module-level patterns, many for one language only.
Compiling them all when the grader is imported cost `pmquiz grade` about 15 ms of its
start-up budget (SPEC 9), though one answer uses a handful. A `LazyPattern` compiles its
pattern the first time a method is looked up, then keeps the compiled methods on itself,
so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands in for `re.compile(pattern, flags)` until one of its methods is needed."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only called for names not yet on the instance: the first use of a method.
        from pmquiz import reprograms  # re.compile, kept once per machine

        compiled = reprograms.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, deferred to the first use (typed as the pattern it will be)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
