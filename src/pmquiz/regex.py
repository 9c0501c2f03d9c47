"""`re:` terms run by RE2: linear time, and bounded memory, so no bank can make grading hang.

Linear time is not enough on its own: a valid pattern such as `[\\p{L}\\p{N}]{300}` compiles
to hundreds of thousands of instructions (a fifth of a second and megabytes each), and a
bank of a few hundred of them made every command take most of a minute and a gigabyte.
So every pattern is compiled with a small RE2 memory budget (`PATTERN_MAX_MEM`: RE2 refuses
a program that does not fit, and its matching automaton never grows past it either), and
the loader charges every distinct pattern of a bank against a total (`BankRegexBudget`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# RE2's max_mem for one pattern. The heaviest built-in pattern needs 16 KiB; ten wide
# Unicode classes in a row (`[\p{L}\p{N}\p{P}\p{S}]{10}`) still fit; twenty do not.
PATTERN_MAX_MEM = 256 * 1024
# All the distinct patterns of one bank together, as estimated by `pattern_cost`. The
# built-in banks together use about 1 MiB of it.
BANK_REGEX_BUDGET = 8 * 1024 * 1024
# What one compiled pattern costs beyond its program (the RE2 object, its caches), and
# what an instruction of its program costs (forward and reverse program, roughly).
_PATTERN_OVERHEAD = 2048
_BYTES_PER_INSTRUCTION = 32


# RE2's max_mem for a pattern used in grading (the pattern itself is judged, and refused,
# within PATTERN_MAX_MEM: see `compile_matcher`). The budget is shared by the program and
# the lazily built matching automaton (DFA): with Chinese character classes and long
# alternations the program takes most of 256 KiB, the DFA gets a few dozen states, thrashes
# and RE2 falls back to its NFA, 10-20 times slower (36 us instead of 2.5 us on a
# 300-character answer for the bank's `(业务|流程…)[^。…]{0,8}(没那么重要|不重要|…)`). The
# DFA only grows as an answer needs states, so most patterns never use the extra room.
# At 512 KiB the zh bank's three longest patterns (`(效率|功能…)[^。…]{0,8}(没那么重要|…)`,
# some 60 alternatives after the class) still ran out once the benchmark's answers had
# filled their automata, and fell back to the NFA on every search: about 2.5% of a grade's
# instructions. At 1 MiB no built-in pattern does (tests/test_grading_speed.py).
MATCH_MAX_MEM = 1024 * 1024


class PatternTooCostly(ValueError):
    """RE2 could not compile the pattern within PATTERN_MAX_MEM."""


# Patterns known to compile within PATTERN_MAX_MEM: judged by `compile_pattern` in this
# process, or by the loader that validated the bank a cache entry holds (`vouch`: the
# entry is keyed by the bank's bytes, so they are the patterns it judged).
_VALID: set[str] = set()


def vouch(patterns: Iterable[str]) -> None:
    """Take these patterns as judged valid (they come from a validated bank)."""
    _VALID.update(patterns)


def ensure_valid(pattern: str) -> None:
    """Judge `pattern` unless it is known to be valid: raises as `compile_pattern` does."""
    if pattern not in _VALID:
        compile_pattern(pattern)


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> Any:
    """Compile with RE2 within PATTERN_MAX_MEM.

    Raises PatternTooCostly when the pattern needs more memory than that, and ValueError
    with RE2's reason when the pattern is otherwise unusable.
    """
    compiled = _compile_within(pattern)
    _VALID.add(pattern)
    return compiled


def _compile_within(pattern: str) -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would otherwise write its own line to stderr
    options.max_mem = PATTERN_MAX_MEM
    try:
        return re2.compile(pattern, options=options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        if "pattern too large" in str(reason):
            raise PatternTooCostly(
                f"too costly: RE2 needs more than {PATTERN_MAX_MEM // 1024} KiB to compile "
                "it; use a narrower character class (such as . or \\w) or a smaller repeat "
                "count"
            ) from None
        raise ValueError(f"{reason} (RE2 syntax: no lookaround or backreferences)") from None


@lru_cache(maxsize=4096)
def compile_matcher(pattern: str) -> Any:
    """The pattern compiled for grading: refused exactly as `compile_pattern` refuses it
    (that compile is the judge; it is skipped for a pattern already judged valid, by the
    loader in this process or the one that wrote the bank cache), then compiled with
    MATCH_MAX_MEM of room for RE2's matching automaton."""
    import re2

    ensure_valid(pattern)
    options = re2.Options()
    options.log_errors = False
    options.max_mem = MATCH_MAX_MEM
    # Grading needs only where a match is, never its groups: RE2 then skips the
    # submatch engine it otherwise runs over every match (the spans are the same).
    options.never_capture = True
    try:
        return re2.compile(pattern, options=options)
    except re2.error:  # pragma: no cover - it compiled within the smaller budget
        return compile_pattern(pattern)  # raises if a damaged cache vouched for it


def pattern_cost(compiled: Any) -> int:
    """Estimated bytes a compiled pattern holds (its program, forward and reverse)."""
    size = getattr(compiled, "programsize", 0)
    size = size() if callable(size) else size
    return _PATTERN_OVERHEAD + _BYTES_PER_INSTRUCTION * int(size or 0)


class BankRegexBudget:
    """The regular-expression budget of one bank: every distinct pattern charged once.

    A pattern RE2 refuses is charged the whole per-pattern budget (refusing it took that
    work), so a bank of thousands of costly patterns stops being compiled once the total
    is spent instead of taking a few milliseconds for each of them.
    """

    def __init__(self, total: int = BANK_REGEX_BUDGET) -> None:
        self.total = total
        self.spent = 0
        self._seen: set[str] = set()

    @property
    def exhausted(self) -> bool:
        return self.spent > self.total

    def check(self, pattern: str) -> str | None:
        """Why `pattern` is refused (syntax, too costly, over the bank's total), or None.

        Once the total is spent (reported at the pattern that spent it, which makes the
        bank invalid), further patterns are not compiled at all.
        """
        if pattern in self._seen or self.exhausted:
            return None
        self._seen.add(pattern)
        try:
            compiled = compile_pattern(pattern)
        except PatternTooCostly as exc:
            self.spent += PATTERN_MAX_MEM
            if self.exhausted:
                return f"{exc}; {self._over_total()}"
            return str(exc)
        except ValueError as exc:
            return str(exc)
        self.spent += pattern_cost(compiled)
        if self.exhausted:
            return self._over_total()
        return None

    def _over_total(self) -> str:
        return (f"the bank's regular expressions together need more than "
                f"{self.total // (1024 * 1024)} MiB of RE2 memory from this one on (later "
                "patterns were not checked): use fewer or simpler patterns, or split the bank")
