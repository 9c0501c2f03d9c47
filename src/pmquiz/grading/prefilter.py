"""Which of a rubric's `re:` terms can match an answer at all: one RE2 Set pass.

Each regex term search is an RE2 scan of the whole answer, and most of them find nothing
(the required factors of pmquiz.grading.factors rule out many, but not those whose
factors occur apart). An RE2 Set of every regex of the rubric answers "which of these
match anywhere?" in one scan, and a pattern the Set rules out has no match, so its
search is skipped; the others are searched as before, so every span is unchanged.

The Set is consulted from an answer's second regex search on (an answer that needs one
search is cheaper without the Set's scan). A Set whose matching automaton runs out of
memory reports no match at all; a sentinel pattern that matches every text tells that
case apart, and then every pattern is searched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# RE2 memory for one rubric's Set (program and matching automaton; the automaton grows
# only as answers need states). Past it, the sentinel makes every pattern be searched.
SET_MAX_MEM = 4 * 1024 * 1024


class RegexPrefilter:
    """One RE2 Set over the distinct patterns of a rubric's regex terms."""

    __slots__ = ("regex_set", "index")

    def __init__(self, regex_set: Any, index: dict[int, int]) -> None:
        self.regex_set = regex_set
        self.index = index  # id(compiled pattern) -> its number in the Set

    @staticmethod
    def build(patterns: Iterable[Any]) -> RegexPrefilter | None:
        """The Set of these compiled patterns (None when RE2's Set is not available or
        fewer than two patterns are in it: then every pattern is searched)."""
        try:
            import re2

            options = re2.Options()
            options.log_errors = False
            options.max_mem = SET_MAX_MEM
            regex_set = re2._re2.Set(re2._Anchor.UNANCHORED, options)
        except (ImportError, AttributeError):  # pragma: no cover - other RE2 bindings
            return None
        if regex_set.Add(b"") != 0:  # the sentinel: number 0, matches every text
            return None  # pragma: no cover
        index: dict[int, int] = {}
        by_source: dict[str, int] = {}
        for pattern in patterns:
            source = getattr(pattern, "pattern", None)
            if not isinstance(source, str) or id(pattern) in index:
                continue
            number = by_source.get(source)
            if number is None:
                number = regex_set.Add(source.encode("utf-8"))
                if number < 0:
                    continue  # not accepted into a Set: searched on its own
                by_source[source] = number
            index[id(pattern)] = number
        if len(by_source) < 2 or not regex_set.Compile():
            return None
        return RegexPrefilter(regex_set, index)

    def matching(self, data: bytes) -> frozenset[int] | None:
        """The numbers of the patterns that match somewhere in `data` (None: unknown,
        the Set ran out of memory)."""
        found = frozenset(self.regex_set.Match(data))
        return found if 0 in found else None
