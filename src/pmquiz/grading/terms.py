"""Rubric terms and where they occur in an answer (SPEC 4).

A written term compiles to a `CompiledTerm` per literal, pattern or group member:
- a phrase with CJK characters is a substring (a space in it matches any white space or
  none);
- a phrase in Latin script matches whole words, inflections stripped and small typos
  forgiven (pmquiz.grading.words);
- `re:PATTERN` runs with RE2 over the normalised answer;
and a `together` term is a `TogetherTerm`: groups of those, all in one clause.
Every term is matched on its own, so overlapping terms (留存, 留存率) both hit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any, Literal

from pmquiz.grading.answer import EN_WORD, AnswerText
from pmquiz.grading.factors import pattern_analysis
from pmquiz.grading.negation import (
    CueSet,
    claims_denial,
    denied_by_verdict,
    is_negated,
    negated_apart_from_denial,
)
from pmquiz.grading.words import typo_allowance, typo_of, word_forms, word_matches
from pmquiz.regex import compile_matcher, ensure_valid
from pmquiz.text import has_cjk, normalize_term

MAX_MATCHES_PER_TERM = 200  # bounds work on pathological answers (a 1 MB paste)
# Bytes that searches ending in an empty match may read: FACTOR x the answer, at least
# FLOOR (1 MB, a millisecond of RE2: exact for every answer of a few thousand characters).
EMPTY_SCAN_FACTOR = 4
EMPTY_SCAN_FLOOR = 1 << 20
_GAP_BETWEEN_WORDS = re.compile(r"[\s\-/]*\Z")


@dataclass(frozen=True, eq=False)
class CompiledTerm:
    display: str  # the term as written: the literal, the group member, or "re:..."
    kind: Literal["cjk", "latin", "regex"]
    needle: str = ""
    spaced: Any = None  # compiled `re` for CJK needles with spaces
    # Per word of a Latin term: (its forms, typos forgiven, the word itself).
    words: tuple[tuple[frozenset[str], int, str], ...] = ()
    pattern: str = ""  # a regex term's pattern (see `matcher`)
    # A substring the answer must hold for the term to occur: one `in` test rules it out.
    plain: str | None = field(init=False, repr=False, compare=False)
    # True when the term is exactly that substring (its occurrences are its matches).
    literal: bool = field(init=False, repr=False, compare=False)
    # A regex's required factors: per factor, strings one of which the answer must hold.
    factors: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)
    # A regex term's RE2 matcher, once compiled (`matcher`).
    _matcher: Any = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A substring the answer must contain for this term to occur at all: the phrase
        # itself, or a literal run every match of a regex must contain.
        factors: tuple[tuple[str, ...], ...] = ()
        if self.kind == "cjk" and self.spaced is None:
            plain: str | None = self.needle
        elif self.kind == "regex":
            plain, factors = pattern_analysis(self.pattern)
        else:
            plain = None
        object.__setattr__(self, "plain", plain)
        object.__setattr__(self, "literal", self.kind == "cjk" and self.spaced is None)
        object.__setattr__(self, "factors", factors)

    def matcher(self) -> Any:
        """A regex term's RE2 matcher, compiled on its first search: on any one answer
        most regex terms of a rubric are ruled out by their factors and never searched,
        so most are never compiled (RE2 is not even imported when none is searched)."""
        compiled = self._matcher
        if compiled is None:
            compiled = compile_matcher(self.pattern)
            object.__setattr__(self, "_matcher", compiled)
        return compiled

    def find(self, answer: AnswerText) -> list[tuple[int, int]]:
        """Every occurrence in the normalised answer, at most MAX_MATCHES_PER_TERM."""
        text = answer.text
        if self.kind == "cjk":
            if self.spaced is not None:
                return _bounded_spans(self.spaced.finditer(text))
            return literal_spans(text, self.needle)
        if self.kind == "regex":
            return _regex_spans(self.matcher(), answer)
        return self._find_words(answer)

    def _find_words(self, answer: AnswerText) -> list[tuple[int, int]]:
        words = answer.words()
        if not words:
            return []
        candidates = _candidates(answer, *self.words[0])
        out: list[tuple[int, int]] = []
        last_end = -1
        for idx in candidates:
            if words[idx][0] < last_end:
                continue
            end_idx = idx
            ok = True
            for offset, (forms, allowance, raw) in enumerate(self.words[1:], start=1):
                j = idx + offset
                if j >= len(words):
                    ok = False
                    break
                gap = answer.text[words[j - 1][1]:words[j][0]]
                if not _GAP_BETWEEN_WORDS.match(gap) or not word_matches(
                        words[j][2], forms, allowance, raw):
                    ok = False
                    break
                end_idx = j
            if ok:
                out.append((words[idx][0], words[end_idx][1]))
                last_end = words[end_idx][1]
                if len(out) >= MAX_MATCHES_PER_TERM:
                    break
        return out


@dataclass(frozen=True, eq=False)
class TogetherTerm:
    """`{together: [GROUP, ...]}`: hits when every group has a counting match inside one
    clause, in any order; its matches are the pieces, each with its own span (SPEC 3, 4)."""

    display: str
    groups: tuple[tuple[CompiledTerm, ...], ...]
    # Per group, the members the rubric's scan does not find (searched one by one).
    searched: tuple[tuple[CompiledTerm, ...], ...] = field(init=False, repr=False)
    plain: None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "searched", tuple(
            tuple(m for m in group if not m.literal) for group in self.groups))

    def evaluate(self, answer: AnswerText, cues: CueSet, negatable: bool,
                 known: Sequence[list[MemberSpans]] | None = None
                 ) -> tuple[bool, list[tuple[str, int, int, bool]]]:
        """(counts, pieces): pieces are (term, start, end, negated) in the normalised
        answer, from every clause where each group occurs; counts when in one of those
        clauses each group has a piece that is not negated.

        `known`: per group, the spans of its literal members already found (by the
        rubric's scan); the other members are searched here."""
        found: list[list[Piece]] = []
        for g, group in enumerate(self.groups):
            if known is None:
                pieces = [(m.display, s, e) for m in group for s, e in m.find(answer)]
            else:
                pieces = [(display, s, e) for display, spans in known[g]
                          for s, e in spans]
                for m in self.searched[g]:
                    spans = m.find(answer)
                    if spans:  # (mostly none: no generator made then)
                        pieces.extend((m.display, s, e) for s, e in spans)
            if not pieces:
                return False, []
            found.append(pieces)
        # Clauses are told apart by the boundaries before them; only clauses where every
        # group occurs are looked at further (and only their pieces checked for negation).
        boundaries = answer.clause_boundaries()
        # Each piece's clause, mapped in C: bisect_right(boundaries, start) per piece.
        clauses = [list(map(bisect_right, repeat(boundaries), map(_PIECE_START, pieces)))
                   for pieces in found]
        common = set(clauses[0]).intersection(*clauses[1:])
        if not common:
            return False, []
        keyed = [list(zip(ks, pieces, strict=True))
                 for ks, pieces in zip(clauses, found, strict=True)]
        counts = False
        out: list[tuple[str, int, int, bool]] = []
        for clause in sorted(common):
            every_group = True
            # A piece that is itself a denial ("nice-to-have"): the term describes the
            # clause's closing denial, which then negates none of its pieces.
            negated_by = (negated_apart_from_denial if negatable and any(
                k == clause and claims_denial(answer.text[piece[1]:piece[2]])
                for keyed_pieces in keyed for k, piece in keyed_pieces) else is_negated)
            for keyed_pieces in keyed:
                group_counts = False
                for k, piece in keyed_pieces:
                    if k != clause:
                        continue
                    display, start, end = piece
                    negated = (negated_by(answer, start, end, cues) if negatable
                               else denied_by_verdict(answer, start, end))
                    group_counts = group_counts or not negated
                    out.append((display, start, end, negated))
                every_group = every_group and group_counts
            counts = counts or every_group
        return counts, out


Piece = tuple[str, int, int]  # a together term's piece: (member matched, start, end)
_PIECE_START = itemgetter(1)
MemberSpans = tuple[str, list[tuple[int, int]]]  # a member and where it occurs


def _candidates(answer: AnswerText, forms: frozenset[str], allowance: int, raw: str
                ) -> list[int]:
    """Answer words that are this term word, an inflection of it, or a forgiven typo."""
    found: set[int] = set()
    for form in forms:
        found.update(answer.by_form.get(form, ()))
    if allowance:
        words = answer.words()
        for i in answer.by_initial.get(raw[:1], ()):
            if i not in found and typo_of(words[i][2], forms, allowance):
                found.add(i)
    return sorted(found)


def literal_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text`, each occurrence after the last one ends (what a
    plain CJK phrase matches), at most MAX_MATCHES_PER_TERM."""
    out: list[tuple[int, int]] = []
    size = len(needle)
    i = text.find(needle)
    if len(text) < MAX_MATCHES_PER_TERM * size:
        # The text cannot hold MAX_MATCHES_PER_TERM occurrences that do not overlap: the
        # bound is never reached, so the loop need not count (the loop below, without it).
        append = out.append
        while i != -1:
            end = i + size
            append((i, end))
            i = text.find(needle, end)
        return out
    while i != -1 and len(out) < MAX_MATCHES_PER_TERM:
        out.append((i, i + size))
        i = text.find(needle, i + size)
    return out


def _bounded_spans(matches: Iterable[Any]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in matches:
        if m.end() > m.start():
            out.append((m.start(), m.end()))
            if len(out) >= MAX_MATCHES_PER_TERM:
                break
    return out


def _regex_spans(pattern: Any, answer: AnswerText) -> list[tuple[int, int]]:
    """Non-empty matches of an RE2 pattern, at most MAX_MATCHES_PER_TERM of them.

    google-re2's `finditer` on `str` re-encodes the text on every call; grading runs
    several patterns over one answer, so the UTF-8 bytes are encoded once per answer and
    the compiled RE2 object is called directly, byte offsets mapped back to characters.
    """
    raw = getattr(pattern, "_regexp", None)
    unanchored, bytes_to_chars = _re2_internals()
    if raw is None or unanchored is None:  # not google-re2's wrapper: the public API
        return _bounded_spans(pattern.finditer(answer.text))
    data, is_ascii = answer.utf8()
    end = len(data)
    pos = 0
    out: list[tuple[int, int]] = []
    # A pattern that can match the empty string (`(?:a*b)?`) matches at every position
    # where it finds nothing better, and each of those searches may read to the end of
    # the answer: quadratic. The bytes such searches may read are bounded by the answer's
    # length; past that, the pattern's later matches are not looked for.
    empty_budget = EMPTY_SCAN_FACTOR * end + EMPTY_SCAN_FLOOR
    char_pos = 0  # characters before byte offset `byte_pos`
    byte_pos = 0
    match = raw.Match
    span = match(unanchored, data, 0, end)[0]
    if span[0] < 0:
        return out  # no match at all (most searches): the loop below would end so
    while pos <= end and len(out) < MAX_MATCHES_PER_TERM:
        if pos:  # (the first search is made above)
            span = match(unanchored, data, pos, end)[0]
        if span[0] < 0:
            break
        s, e = span
        if e > s:
            if is_ascii:
                out.append((s, e))
            else:
                char_pos += bytes_to_chars(data, byte_pos, s)
                start_char = char_pos
                char_pos += bytes_to_chars(data, s, e)
                byte_pos = e
                out.append((start_char, char_pos))
            pos = e
        else:
            empty_budget -= end - pos
            if s >= end or empty_budget < 0:
                break
            # An empty match: step over one whole UTF-8 character.
            step = 1
            while s + step < end and (data[s + step] & 0xC0) == 0x80:
                step += 1
            pos = s + step
    return out


_RE2_INTERNALS: list[tuple[Any, Any]] = []


def _re2_internals() -> tuple[Any, Any]:
    """google-re2's anchor constant and byte-to-character counter (None, None if absent)."""
    if not _RE2_INTERNALS:
        try:
            import re2

            _RE2_INTERNALS.append((re2._Anchor.UNANCHORED, re2._re2.BytesToCharLen))
        except (ImportError, AttributeError):  # pragma: no cover - other RE2 bindings
            _RE2_INTERNALS.append((None, None))
    return _RE2_INTERNALS[0]


def compile_term(text: str) -> CompiledTerm | None:
    """Compile one literal or regex term (a written term, or one member of a synonym
    group); None for a literal that normalises to nothing."""
    display = text
    if text.startswith("re:"):
        # Refused here as the loader refuses it; a pattern of a loaded bank is vouched
        # for already (by this process's loader, or by the one that wrote the bank cache).
        ensure_valid(text[3:])
        return CompiledTerm(display, "regex", pattern=text[3:])
    norm = normalize_term(text)
    if not norm:
        return None
    if has_cjk(norm):
        if " " in norm:
            parts = [re.escape(p) for p in norm.split(" ") if p]
            return CompiledTerm(display, "cjk", needle=norm,
                                 spaced=re.compile(r"\s*".join(parts)))
        return CompiledTerm(display, "cjk", needle=norm)
    words = tuple(
        (word_forms(w), typo_allowance(w), w) for w in EN_WORD.findall(norm)
    )
    if not words:
        # Punctuation-only or symbols: fall back to a substring.
        return CompiledTerm(display, "cjk", needle=norm)
    return CompiledTerm(display, "latin", words=words)
