"""One normalised answer and the indexes that every term lookup of it shares.

An `AnswerText` is made once per graded answer: its clauses (where a clause ends is a
grading rule of SPEC 4, used by negation and by `together` terms), its Latin words
(indexed by every form they may be an inflection of) and its UTF-8 bytes (for RE2) are
worked out on first need. Negation keeps its per-clause findings here too, so that a
clause is scanned for cues once however many terms occur in it.
"""

from __future__ import annotations

import bisect
import re

from pmquiz import reprograms
from pmquiz.grading.words import word_forms
from pmquiz.text import Normalized, normalize

# A clause ends at 。！？；，,.;!? and line breaks, and at contrast words (SPEC 4); an
# enumeration comma 、 does not end it, nor do "rather than" and "instead of" (cues).
# A colon (not in a time, 10:30) and a dash (an em dash, ——, or a hyphen or en dash
# with spaces around it) end a clause too: "Far from a dead end: hard to replace",
# "rather than a fancy UI - plain is fine".
COLON_OR_DASH = r"(?<![0-9]):(?![0-9])|\u2014+|(?<=\s)[-\u2013](?=\s)"
# The same boundaries, each written as its first character and then what must follow
# (a lookbehind tells which character it was): a pattern that starts with a character
# class lets the regex engine skip at C speed to where a boundary can start, which a
# leading lookahead does not (it is tried at every position). Equivalent to
#   [。!?;,.\n]|但是|但|而是|却|COLON_OR_DASH|\b(?:but|rather(?! than)|instead(?! of))\b
# (tests/test_grading_speed.py compares the two).
CLAUSE_BOUNDARY = reprograms.compile(
    "[。!?;,.\n但而却bri:\u2014\u2013-]"
    "(?:(?<=[。!?;,.\n却])"
    "|(?<=但)是?"
    "|(?<=而)是"
    "|(?<=:)(?<![0-9]:)(?![0-9])"
    "|(?<=\u2014)\u2014*"
    r"|(?<=\s[-\u2013])(?=\s)"
    r"|(?<=b)(?<!\wb)ut\b"
    r"|(?<=r)(?<!\wr)ather(?! than)\b"
    r"|(?<=i)(?<!\wi)nstead(?! of)\b"
    ")"
)
# The boundaries as first written (the reference CLAUSE_BOUNDARY must equal).
CLAUSE_BOUNDARY_PLAIN = (
    r"[。!?;,.\n]|但是|但|而是|却|" + COLON_OR_DASH
    + r"|\b(?:but|rather(?! than)|instead(?! of))\b"
)
# A word in Latin (or Greek, Cyrillic) script: a run of letters, digits and combining
# marks, after case folding (SPEC 4: `naïve`, `résumé`, `İstanbul`, which folds to i +
# U+0307, are words); a CJK character is a word boundary, so "后台的dashboard做得很简陋"
# holds the word `dashboard`. Positive ranges, not [^\W_], which costs 2 ms to compile.
EN_WORD = reprograms.compile(
    "[0-9a-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0300-\u036f"
    "\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff]+(?:'[a-z]+)*"
)


_MATCH_START = re.Match.start
_MATCH_END = re.Match.end


class AnswerText:
    """One normalised answer with the indexes every term lookup shares.

    Clause boundaries are found once; cues and denials are looked for only in the
    clauses that hold a match, once per clause. (A plain class with slots: one is made
    for every answer graded, and a dataclass with a dozen default factories costs more
    to make than some whole gradings.)
    """

    __slots__ = ("norm", "text", "boundaries", "boundary_ends", "_words", "by_form",
                 "by_initial", "clause_cues", "negated", "facts", "_yuqi",
                 "_utf8", "_clauses_found", "judged", "condition")

    def __init__(self, norm: Normalized, text: str) -> None:
        self.norm = norm
        self.text = text
        self.boundaries: list[int] = []  # where each clause boundary starts
        self.boundary_ends: list[int] = []
        self._words: list[tuple[int, int, str]] | None = None
        self.by_form: dict[str, list[int]] = {}
        self.by_initial: dict[str, list[int]] = {}
        # Negation's findings (pmquiz.grading.negation), cached per clause and per span.
        self.clause_cues: dict[int, list[tuple[int, int, bool, bool]]] = {}
        self.negated: dict[tuple[int, int], bool] = {}
        self.facts: dict[int, tuple[int, int, int, int | None]] = {}
        self._yuqi: bool | None = None
        self._utf8: tuple[bytes, bool] | None = None
        self._clauses_found = False
        # Opinion cues and verdict clauses (pmquiz.grading.verdicts), found once.
        self.judged: tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]] | None = None
        # Negation's: whether a condition word (if, 如果 ...) occurs at all (None: unknown).
        self.condition: bool | None = None

    @staticmethod
    def of(answer: str) -> AnswerText:
        norm = normalize(answer)
        return AnswerText(norm, norm.text)

    def _find_boundaries(self) -> None:
        """Clause boundaries, found on first need (an answer without matches needs none)."""
        # Mapped over the matches with re.Match's own methods: two loops in C where three
        # comprehensions ran the interpreter per boundary (a 300-character Chinese answer
        # has about 30). The lists are the same.
        found = list(CLAUSE_BOUNDARY.finditer(self.text))
        self.boundaries = list(map(_MATCH_START, found))
        self.boundary_ends = list(map(_MATCH_END, found))
        self._clauses_found = True

    def has_yuqi(self) -> bool:
        """Whether 与其 occurs (与其说 X，不如说 Y reaches across clauses)."""
        if self._yuqi is None:
            self._yuqi = "与其" in self.text
        return self._yuqi

    def utf8(self) -> tuple[bytes, bool]:
        """The normalised text as UTF-8 (for RE2), and whether it is pure ASCII."""
        if self._utf8 is None:
            # A lone surrogate (undecodable bytes of an argument or file, kept by Python
            # as U+DC80..) is passed through: RE2 matches no character there, and it
            # still counts as one character when byte offsets are mapped back.
            data = self.text.encode("utf-8", "surrogatepass")
            self._utf8 = (data, len(data) == len(self.text))
        return self._utf8

    # -- words (Latin script) -------------------------------------------------------

    def words(self) -> list[tuple[int, int, str]]:
        """Latin words (start, end, word), indexed by every form they may be a form of."""
        if self._words is None:
            self._words = [(m.start(), m.end(), m.group())
                           for m in EN_WORD.finditer(self.text)]
            for idx, (_, _, word) in enumerate(self._words):
                for form in word_forms(word):
                    self.by_form.setdefault(form, []).append(idx)
                self.by_initial.setdefault(word[:1], []).append(idx)
        return self._words

    # -- clauses --------------------------------------------------------------------

    def clause_boundaries(self) -> list[int]:
        """Where each clause boundary starts: positions with as many boundaries before
        them (`bisect_right`) are in one clause."""
        if not self._clauses_found:
            self._find_boundaries()
        return self.boundaries

    def clause_index(self, pos: int) -> int:
        """How many clause boundaries start at or before `pos`."""
        if not self._clauses_found:
            self._find_boundaries()
        return bisect.bisect_right(self.boundaries, pos)

    def clause(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding the text at `pos`."""
        k = self.clause_index(pos)
        # Boundaries starting at or before pos: the clause starts after the last one
        # that ends at or before pos (a boundary word such as 而是 may cover pos itself).
        start = 0
        j = k - 1
        while j >= 0:
            if self.boundary_ends[j] <= pos:
                start = self.boundary_ends[j]
                break
            j -= 1
        end = self.boundaries[k] if k < len(self.boundaries) else len(self.text)
        return start, end
