"""Normalising answers and terms alike, keeping a map back to the original characters.

SPEC 4: Unicode NFKC (full-width becomes half-width), case folding, Traditional Chinese
folded to Simplified (OpenCC t2s), zero-width characters dropped, runs of white space
folded to one. A run of white space that holds a line break folds to "\n" rather than
" ", because a line break ends a clause for negation.

Grading reports spans in the *original* answer, so every normalised character remembers
the original characters it came from. Most answers need no change at all; that common
case is detected with C-speed checks and costs no per-character work.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from pmquiz import reprograms

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
# Characters folded beyond NFKC: typographic apostrophes, so "don’t" reads as "don't".
EXTRA_FOLD = {"\u2019": "'", "\u2018": "'", "\u02bc": "'"}

_converter: Any = None


def _t2s() -> Any:
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("t2s")
    return _converter


class Normalized(NamedTuple):
    """Normalised text and, when it differs in shape, where each character came from.

    A NamedTuple, immutable like a frozen dataclass but several times cheaper to make:
    every graded answer makes one (the fast path builds it with tuple's own constructor).
    """

    text: str
    original: str
    starts: tuple[int, ...] | None = None  # original start index of each normalised char
    ends: tuple[int, ...] | None = None  # original end index of each normalised char

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original string that normalised [start, end) came from."""
        if self.starts is None or self.ends is None:
            return (start, end)
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


# tuple's own constructor, fields in Normalized's order: it skips the NamedTuple's
# Python-level __new__ (as pmquiz.grading.scoring does for its results).
_new = tuple.__new__


# The set check answers a one-shot command; past this many characters checked (a session,
# a check run, a benchmark: a few dozen answers) the compiled class pays for itself.
# Counted in characters, not calls: compiling one rubric normalises ~100 short terms, and
# `pmquiz grade` should not pay ~5 ms for the class on its way (SPEC 9 start-up).
GATED_CHARS = 20_000
_gated_chars = 0


@lru_cache(maxsize=1)
def _traditional_pattern() -> re.Pattern[str]:
    """The Traditional characters of the BMP as one class (astral ones go to OpenCC)."""
    bmp = "".join(sorted(ch for ch in _traditional() if ch <= "\uffff"))
    return re.compile("[" + re.escape(bmp) + "]")


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """Every character OpenCC t2s changes (data/traditional.txt, from tools/)."""
    import os

    path = os.path.join(os.path.dirname(__file__), "data", "traditional.txt")
    with open(path, encoding="utf-8") as handle:
        return frozenset(handle.read().strip())


def to_simplified(text: str, astral: bool | None = None) -> str:
    """Traditional -> Simplified, character for character where OpenCC changes length.

    Text without a single character that t2s changes is returned as it is, so Simplified
    and English text never loads OpenCC.
    """
    global _gated_chars
    if text.isascii():
        return text
    if _gated_chars < GATED_CHARS:
        # A one-shot command checks with a set: no pattern to compile, no OpenCC to load
        # (~5 ms) for Simplified or English text.
        _gated_chars += len(text)
        if _traditional().isdisjoint(text):
            return text
    elif _traditional_pattern().search(text) is None and not (
            astral if astral is not None else _ASTRAL.search(text) is not None):
        # Past a few dozen calls (a session, a check run, a benchmark) one compiled
        # character class answers in about a microsecond, far below OpenCC's own cost.
        return text
    converted: str = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: fall back to one character at a time so
    # the offsets stay aligned.
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


# Characters whose presence needs the character-by-character path: zero-width ones,
# typographic apostrophes, white space other than a single space or line break.
_NEEDS_MAPPING_CLASS = (
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2018\u2019\u02bc"
    "\t\r\x0b\x0c\x1c-\x1f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    # Marks that NFKC may compose with the character before them.
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0900-\u0dff\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\u302a-\u302f\u3099\u309a\ufe20-\ufe2f]"
)
_NEEDS_MAPPING = reprograms.compile(_NEEDS_MAPPING_CLASS)
# Where the characters that NFKC changes live (compatibility forms: full-width letters
# and punctuation, ligatures, circled numbers, compatibility ideographs ...).
_COMPAT_CLASS = (
    "[\u00a0-\u00bf\u0132-\u0149\u017f\u01c4-\u01cc\u01f1-\u01f3\u02b0-\u02ff"
    "\u0300-\u036f\u037a-\u0385\u03d0-\u03f9\u1d2c-\u1dbf\u1e9a-\u1e9b\u1fbd-\u1fff"
    # (、 and 。, U+3001-3002, fold to themselves: left out, as they fill Chinese answers.)
    "\u2000-\u2bff\u2c7c-\u2c7d\u2d6f\u2e80-\u2fdf\u3000\u3003-\u33ff\ua69c-\ua69d"
    "\ua770\ua7f2-\ua7f9\uab5c-\uab69\uf900-\ufaff\ufb00-\ufdff\ufe10-\ufe6f"
    "\ufe70-\ufeff\uff00-\uffef\U0001d400-\U0001d7ff\U0001e030-\U0001e06d"
    "\U0001ee00-\U0001eeff\U0001f100-\U0001f2ff\U0001fbf0-\U0001fbf9"
    "\U0002f800-\U0002fa1f]"
)
# The same set within the Basic Multilingual Plane: a class of BMP ranges only is compiled
# to a lookup table, several times faster to scan (and to compile) than one with astral
# ranges in it. The full class is compiled only for text beyond the BMP.
_COMPAT_BMP = reprograms.compile(_COMPAT_CLASS[: _COMPAT_CLASS.index("\U0001d400")] + "]")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _compat_full() -> re.Pattern[str]:
    return re.compile(_COMPAT_CLASS)
_FOLDED_CHAR: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _FOLDED_CHAR.get(ch)
    if folded is None:
        folded = EXTRA_FOLD.get(ch) or unicodedata.normalize("NFKC", ch).casefold()
        _FOLDED_CHAR[ch] = folded
    return folded


def normalize(text: str) -> Normalized:
    """Normalise `text` as SPEC 4 says, with an offset map when its shape changes."""
    if _gated_chars >= GATED_CHARS:
        folded = fold_simply(text)
        if folded is not None:
            return _new(Normalized, (folded, text, None, None))
    return normalize_general(text)


# -- the one-scan fast path ---------------------------------------------------------------
#
# Once a session is warm (the gate above), most answers are normalised by one scan for
# the characters normalisation may change, then one `str.replace` per distinct such
# character: a Simplified answer holds a handful (，？ and a few capitals), and each
# folds to one character on its own. The plain path, `normalize_general`, scans the text
# four times (mapping, astral, compatibility and Traditional classes) and case-folds all
# of it; this one gives exactly its result or, when a character needs more than a
# one-for-one fold (white space runs, zero-width, Traditional, astral, composing marks,
# a fold that changes length), steps aside and lets it run (tests/test_normalize_fast.py
# compares the two over every BMP character and over generated text).

# Every character that case folding changes lies in these ranges (a test checks them
# against str.casefold over all of Unicode): exact within Latin-1, where English and the
# capitals of a Chinese answer (APP, UI) live, coarse beyond it; astral ones are in
# _SPECIAL_ASTRAL below.
_CASED_CLASS = (
    "A-Z\u00b5\u00c0-\u00df\u0100-\u0587\u10a0-\u10cd\u13f8-\u13fd\u1c80-\u1cbf"
    "\u1e00-\u1ffc\u2126-\u2183\u24b6-\u24cf\u2c00-\u2cf2\ua640-\ua7f5\uab70-\uabbf"
    "\ufb00-\ufb17\uff21-\uff3a"
)
_SPECIAL_ASTRAL = "\U00010000-\U0010ffff"
# ASCII text: NFKC leaves it alone and case folding is lower(); only these need mapping.
_ASCII_MAPPING = re.compile("[\t\r\x0b\x0c\x1c-\x1f]")


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """One class of every character the plain path might change or must see: the
    mapping, compatibility, Traditional (BMP) and cased characters, space and line
    break (whose runs fold), and anything astral. Compiled once past the gate (~16 ms;
    the plain path's Traditional class, ~8 ms, is then compiled only if an answer needs
    the plain path); its BMP part is one lookup table."""
    bmp = sorted(ord(ch) for ch in _traditional() if ch <= "\uffff")
    runs: list[list[int]] = []
    for cp in bmp:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    traditional = "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b)))
                          for a, b in runs)
    return re.compile("[" + _NEEDS_MAPPING_CLASS[1:-1] + _COMPAT_BMP.pattern[1:-1]
                      + traditional + _CASED_CLASS + " \n" + _SPECIAL_ASTRAL + "]")


# What each character found by _special() becomes on its own, or "" when it needs the
# plain path.
_SIMPLE_FOLD: dict[str, str] = {" ": " ", "\n": "\n"}


def _plain_fold(ch: str) -> str:
    """What the plain path's one-for-one branch makes of one character."""
    return (_fold_char(ch) if _COMPAT_BMP.match(ch) else ch).casefold()


def _simple_fold(ch: str) -> str:
    if ch > "\uffff" or _NEEDS_MAPPING.match(ch) or ch in _traditional():
        return ""
    folded = _plain_fold(ch)
    if (len(folded) != 1 or folded > "\uffff" or folded.isspace() or folded in ZERO_WIDTH
            or folded in _traditional() or _plain_fold(folded) != folded):
        return ""  # (the last: a fold of a fold would make the replacements' order matter)
    return folded


def fold_simply(text: str) -> str | None:
    """`normalize_general(text).text` when every character folds to one on its own and
    white space needs no folding (then there is no offset map); else None."""
    if text.isascii():
        if _ASCII_MAPPING.search(text) is not None or _white_runs(text):
            return None
        return text.lower()
    # The Chinese comma fills Chinese answers (a dozen in 300 characters); replaced
    # before the scan, it costs the scan no match (each costs about as much as scanning
    # 20 characters). It always folds to "," on its own, as the scan would find.
    text = text.replace("\uff0c", ",")
    found = set(_special().findall(text))
    if ("\n" in found or " " in found) and _white_runs(text):
        return None
    for ch in found:
        folded = _SIMPLE_FOLD.get(ch)
        if folded is None:
            folded = _SIMPLE_FOLD[ch] = _simple_fold(ch)
        if not folded:
            return None
        if folded != ch:
            text = text.replace(ch, folded)
    return text


def _white_runs(text: str) -> bool:
    return "  " in text or " \n" in text or "\n " in text or "\n\n" in text


def normalize_general(text: str) -> Normalized:
    """Normalise `text` as SPEC 4 says, with an offset map when its shape changes.

    The common case, where every character folds to exactly one character (full-width
    punctuation, upper case, Traditional characters) and white space needs no folding,
    runs at C speed with no offset map: the offsets are unchanged.
    """
    if _NEEDS_MAPPING.search(text) is None and not _white_runs(text):
        folded = text
        astral = _ASTRAL.search(text) is not None
        compat = (_compat_full() if astral else _COMPAT_BMP).findall(text)
        if compat:
            for ch in set(compat):
                replacement = _fold_char(ch)
                if len(replacement) != 1:
                    return _normalize_mapped(text)
                folded = folded.replace(ch, replacement)
        # casefold never shortens a string: equal length means one character each.
        cased = folded.casefold()
        if len(cased) == len(text):
            return Normalized(to_simplified(cased, astral), text)
    return _normalize_mapped(text)


def _normalize_mapped(text: str) -> Normalized:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        if ch.isspace():
            if chars and chars[-1] in (" ", "\n") and ends[-1] == i:
                if ch in "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85":
                    chars[-1] = "\n"
                ends[-1] = i + 1
                continue
            chars.append("\n" if ch in "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85" else " ")
            starts.append(i)
            ends.append(i + 1)
            continue
        mapped = _fold_char(ch)
        for out in mapped:
            if out in ZERO_WIDTH:
                continue
            if out.isspace():
                # NFKC turned it into a space (e.g. U+3000 is caught above; others here).
                if chars and chars[-1] in (" ", "\n") and ends[-1] == i:
                    ends[-1] = i + 1
                    continue
                out = " "
            chars.append(out)
            starts.append(i)
            ends.append(i + 1)
    joined = to_simplified("".join(chars))
    return Normalized(joined, text, tuple(starts), tuple(ends))


def normalize_term(text: str) -> str:
    """A literal term normalised the same way as answers (offsets not needed)."""
    return normalize(text).text.strip()


def _is_cjk_char(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
            or "\u3040" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7af"
            or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0002fa1f")


def has_cjk(text: str) -> bool:
    """Whether the text holds kana, CJK ideographs or Hangul.

    Plain comparisons rather than a regex: a character class spanning the ideographs
    costs milliseconds to compile, paid by every start-up; terms are short. (A loop
    rather than any() over a generator: a Chinese answer answers at its first
    character, where starting the generator would cost more than the test.)
    """
    if text.isascii():
        return False
    for ch in text:
        if ch >= "\u3040" and _is_cjk_char(ch):
            return True
    return False
