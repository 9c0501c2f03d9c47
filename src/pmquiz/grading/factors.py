"""What an answer must contain for a `re:` term to match it: its required factors.

A factor is a set of literal strings one of which every match of the pattern contains:
`(业务|业物)[^。]{0,6}(不重要|次要)` has the factors {业务, 业物} and {不重要, 次要}. When
some factor has no string in the answer the pattern cannot match there, and RE2 need not
run: the rubric's literal scan (pmquiz.grading.scan) finds every factor string in its
one pass over the answer. Most regex terms of a broad rubric fail that way on most answers.

The same parse gives the pattern's required literal (the longest literal run at its top
level), and both are kept with a cached bank (`remember`), so a warm `pmquiz grade` does
not parse its rubric's patterns again. Patterns are read with Python's own regex
parser, which accepts the RE2 subset the banks use. The reading is conservative:
whatever it does not understand (flags, classes with ranges, lookarounds, back
references) adds no factor, so a pattern is never ruled out that could match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import CodeType
from typing import Any

# Factors whose strings are this short (one character) match almost every answer and
# would only add work to the literal scan's pass; a class of more characters than this is
# no factor either.
MIN_FACTOR_LENGTH = 2
MAX_ALTERNATIVES = 24

Factor = tuple[str, ...]


Analysis = tuple[str | None, tuple[Factor, ...]]  # (required literal, required factors)

# Analyses read back from the bank cache, where the loader wrote them next to the bank
# it validated (`remember`): a cached bank's rubric compiles without parsing its patterns.
_REMEMBERED: dict[str, Analysis] = {}


def required_factors(pattern: str) -> tuple[Factor, ...]:
    """The factors of `pattern` worth testing (none when it cannot be read)."""
    return pattern_analysis(pattern)[1]


def required_literal(pattern: str) -> str | None:
    """The longest literal run every match of `pattern` must contain, if any."""
    return pattern_analysis(pattern)[0]


def pattern_analysis(pattern: str) -> Analysis:
    """`pattern`'s required literal and required factors, from one parse of it."""
    found = _REMEMBERED.get(pattern)
    return found if found is not None else analyse(pattern)


def remember(analyses: dict[str, Analysis]) -> None:
    """Take these analyses (made by `analyse`, of this `analysis_version`) as given."""
    _REMEMBERED.update(analyses)


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """A fingerprint of the code that analyses a pattern (this module's functions and
    limits, and the Python whose regex parser reads the pattern): an analysis written
    to the bank cache is taken back only by the code that made it."""
    import sys
    from zlib import crc32

    code = b"".join(_code_bytes(f.__code__) for f in (
        analyse.__wrapped__, _literal, _factors, _exact, _branch_factor, _selectivity))
    code += repr((MIN_FACTOR_LENGTH, MAX_ALTERNATIVES, sys.version)).encode()
    return f"{crc32(code):08x}-{len(code)}"


def _code_bytes(code: CodeType) -> bytes:
    """A function's bytecode, names and constants (nested code too), as stable bytes."""
    parts = [code.co_code, repr(code.co_names).encode()]
    for const in code.co_consts:
        parts.append(_code_bytes(const) if isinstance(const, CodeType) else repr(const).encode())
    return b"\0".join(parts)


@lru_cache(maxsize=4096)
def analyse(pattern: str) -> Analysis:
    """Parse `pattern` once and read both shortcuts from the tree (none when it cannot be
    read, or has flags)."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - a shortcut only; RE2 still decides
        return None, ()
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):
        return None, ()
    items = list(parsed)
    found: list[Factor] = []
    for factor in _factors(items, sre_parse):
        if (min(map(len, factor)) >= MIN_FACTOR_LENGTH and len(factor) <= MAX_ALTERNATIVES
                and factor not in found):
            found.append(factor)
    # The most selective first (longest shortest string, fewest strings): the test of a
    # term that cannot occur usually stops at its first factor.
    return _literal(items, sre_parse), tuple(sorted(found, key=_selectivity, reverse=True))


def _literal(items: list[tuple[Any, Any]], sre: Any) -> str | None:
    """The longest run of literal characters at the top level of the parsed pattern."""
    best = ""
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    return best or None


def _factors(items: list[tuple[Any, Any]], sre: Any) -> list[Factor]:
    """Every factor of a sequence of parsed items (each factor a sorted tuple).

    Neighbouring items that match a small finite set of strings join into one factor
    (业[务物] is {业务, 业物}); any other item ends it and adds its own factors."""
    out: list[Factor] = []
    current: set[str] = {""}
    for op, arg in items:
        exact = _exact([(op, arg)], sre)
        if exact is not None:
            joined = {s + a for s in current for a in exact}
            if len(joined) <= MAX_ALTERNATIVES:
                current = joined
                continue
        if current != {""}:
            out.append(tuple(sorted(current)))
        current = {""}
        if exact is not None:
            current = exact
        elif op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & ~(re.UNICODE | re.ASCII):
                out.extend(_factors(list(sub), sre))
        elif op is sre.BRANCH:
            branch = _branch_factor(arg[1], sre)
            if branch is not None:
                out.append(branch)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_factors(list(arg[2]), sre))
    if current != {""}:
        out.append(tuple(sorted(current)))
    return out


def _exact(items: list[tuple[Any, Any]], sre: Any) -> set[str] | None:
    """The strings a sequence of parsed items matches, when they are few (else None)."""
    strings = {""}
    for op, arg in items:
        alternatives: set[str] | None = None
        if op is sre.LITERAL:
            alternatives = {chr(arg)}
        elif op is sre.IN:
            if arg and all(o is sre.LITERAL for o, _ in arg):
                alternatives = {chr(a) for _, a in arg}
        elif op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & ~(re.UNICODE | re.ASCII):
                alternatives = _exact(list(sub), sre)
        elif op is sre.BRANCH:
            alternatives = set()
            for branch in arg[1]:
                one = _exact(list(branch), sre)
                if one is None:
                    return None
                alternatives |= one
        if alternatives is None:
            return None
        strings = {s + a for s in strings for a in alternatives}
        if len(strings) > MAX_ALTERNATIVES:
            return None
    return strings


def _branch_factor(branches: list[Any], sre: Any) -> Factor | None:
    """One factor of an alternation: a factor of each branch, joined (None when some
    branch has none)."""
    strings: set[str] = set()
    for branch in branches:
        factors = _factors(list(branch), sre)
        if not factors:
            return None
        # The branch's most selective factor: longest shortest string, fewest strings.
        best: Factor = max(factors, key=_selectivity)
        strings.update(best)
    return tuple(sorted(strings))


def _selectivity(factor: Factor) -> tuple[int, int]:
    """How rarely a factor is likely to occur: its shortest string long, its strings few."""
    return (min(len(s) for s in factor), -len(factor))
