"""Which of a rubric's literal strings (its needles) an answer holds, in one pass.

Two C scanners find the same thing at different costs, so a rubric uses each where it is
cheaper (measured on the built-in zh bank, 267 needles a rubric, 300-character answers):
- pyahocorasick's automaton builds in 0.12 ms and scans an answer in 11 µs: its lookup of
  a character scans the root's children one by one, a hundred of them;
- an RE2 set scans an answer's UTF-8 bytes in 3 µs once warm, but builds in 0.6 ms and
  its automaton (a DFA) is built lazily, state by state, as answers need them: the first
  answer costs 0.13 ms, the next ten about 30 µs each.
So a rubric's first SET_AFTER answers are scanned by the automaton (a practice session,
`pmquiz grade` of one answer), and a rubric graded more often than that (bulk grading,
`check`) changes to the RE2 set. The plain form of both, one `in` per needle (60 µs), is
`occurring_plain`; tests compare the three.
"""

from __future__ import annotations

from typing import Any

from pmquiz.grading.answer import AnswerText

# Answers of one rubric scanned by the automaton before the RE2 set is built: about where
# the set's build and warm-up (some 1 ms) are paid back by its 7-8 µs per answer.
SET_AFTER = 150


class NeedleScanner:
    """Finds which of `needles` occur in an answer (their indexes, in no set order)."""

    __slots__ = ("needles", "set_after", "_automaton", "_set", "_scans")

    def __init__(self, needles: tuple[str, ...], set_after: int = SET_AFTER) -> None:
        self.needles = needles
        self.set_after = set_after
        self._automaton: Any = None
        self._set: Any = None
        self._scans = 0

    @property
    def uses_set(self) -> bool:
        """Whether answers are scanned by the RE2 set by now."""
        return self._set is not None

    def occurring(self, answer: AnswerText) -> list[int]:
        """The indexes of the needles the answer holds, each once."""
        if not self.needles:
            return []
        scanner = self._set
        if scanner is None:
            self._scans += 1
            if self._scans <= self.set_after:
                automaton = self._automaton
                if automaton is None:
                    automaton = self._automaton = _automaton(self.needles)
                return list({k for _, k in automaton.iter(answer.text)})
            scanner = self._set = _re2_set(self.needles)
            self._automaton = None
        # A lone surrogate is in the bytes as surrogatepass gives it (AnswerText.utf8),
        # and the needles are encoded alike (_re2_set): the set finds what `in` finds.
        return scanner.Match(answer.utf8()[0]) or []

    def occurring_plain(self, text: str) -> list[int]:
        """What `occurring` finds, one `in` per needle (the plain form of the scan)."""
        return [k for k, needle in enumerate(self.needles) if needle in text]


def _automaton(needles: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton whose value for each needle is its index."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for k, needle in enumerate(needles):
        automaton.add_word(needle, k)
    automaton.make_automaton()
    return automaton


def _re2_set(needles: tuple[str, ...]) -> Any:
    """An RE2 set matching each needle's UTF-8 bytes anywhere in an answer's; a match's
    number is the needle's index (RE2 numbers patterns in the order they are added).

    The set reads bytes as Latin-1, one byte a character: UTF-8 is self-synchronising, so
    a needle's bytes occur in the answer's exactly where the needle occurs in its text,
    and a needle UTF-8 cannot hold (a lone surrogate, kept as surrogatepass bytes) simply
    occurs where the answer holds the same (AnswerText.utf8 encodes it alike)."""
    import re2

    options = re2.Options()
    options.literal = True
    options.encoding = re2.Options.Encoding.LATIN1
    options.log_errors = False
    scanner = re2.Set.SearchSet(options)
    for needle in needles:
        scanner.Add(needle.encode("utf-8", "surrogatepass"))
    scanner.Compile()
    return scanner
