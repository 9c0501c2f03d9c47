"""Grading answers against rubrics, exactly as SPEC 4 says, and explaining the grade.

`grade(question, answer)` returns a frozen `Grade`: the score, the verdict and, for every
rubric point and penalty, every occurrence of every term (with its span in the original
answer and whether it was negated). The terminal view, the JSON document and the history
row are all renderings of that one object.

How an open answer is read:
1. The answer is normalised (`pmquiz.text`), keeping a map back to the original text.
2. Each term is looked up: CJK phrases as substrings, Latin phrases as whole words with
   inflections stripped and small typos forgiven, `re:` patterns with RE2, `@group` as
   each member of the group.
3. Each occurrence is checked for negation within its clause (`negation` below).
4. Points hit when a counting (non-negated) occurrence satisfies `any` / `all`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, Literal, NamedTuple

from pmquiz.model import Point, Question, Term
from pmquiz.regex import compile_pattern
from pmquiz.text import Normalized, has_cjk, normalize, normalize_term

# ---------------------------------------------------------------------------------------
# Results


class Match(NamedTuple):
    """One occurrence of a term: what matched, where in the original answer, negated?"""

    term: str
    span: tuple[int, int]
    negated: bool

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "span": list(self.span), "negated": self.negated}


class PointResult(NamedTuple):
    """One rubric point (or penalty) judged on one answer.

    Immutable like every result (a NamedTuple: grading builds several per answer, and
    a tuple is several times cheaper to make than a frozen dataclass).
    """

    id: str
    label: str
    weight: float
    hit: bool
    negated: bool
    term: str | None
    span: tuple[int, int] | None
    matches: tuple[Match, ...]
    required: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "weight": _number(self.weight),
            "hit": self.hit,
            "negated": self.negated,
            "term": self.term,
            "span": list(self.span) if self.span is not None else None,
            "matches": [m.to_json() for m in self.matches],
        }


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer, with everything needed to explain it."""

    question: str  # BANK_ID/QUESTION_ID
    type: Literal["open", "choice", "truefalse"]
    answer: str
    score: float
    passed: bool
    threshold: float
    points: tuple[PointResult, ...] = ()
    penalties: tuple[PointResult, ...] = ()
    missed: tuple[str, ...] = ()
    missed_required: tuple[str, ...] = ()
    expected: list[str] | bool | None = None
    given: list[str] | bool | None = None
    # Facts about the answer as a whole that bear on the verdict: "keyword-list" (SPEC 4).
    flags: tuple[str, ...] = ()

    @property
    def keyword_list(self) -> bool:
        """A bare run of keywords, failed whatever its score (the question has no lists)."""
        return KEYWORD_LIST in self.flags

    @property
    def hit_points(self) -> list[str]:
        return [p.id for p in self.points if p.hit]

    @property
    def point_results(self) -> tuple[PointResult, ...]:
        """The points, then the penalties."""
        return (*self.points, *self.penalties)

    def marked_spans(self) -> list[tuple[int, int, bool]]:
        """Where the answer matched, left to right and without overlaps (the outermost
        span wins): (start, end, negated), negated only when every match there was.
        What a front end highlights, in the terminal or in a report."""
        spans: dict[tuple[int, int], bool] = {}
        for result in self.point_results:
            for match in result.matches:
                spans[match.span] = spans.get(match.span, True) and match.negated
        chosen: list[tuple[int, int, bool]] = []
        for (start, end), negated in sorted(spans.items(), key=lambda s: (s[0][0], -s[0][1])):
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end, negated))
        return chosen

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "question": self.question,
            "type": self.type,
            "score": round(self.score, 4),
            "passed": self.passed,
            "threshold": self.threshold,
            "flags": list(self.flags),
            "points": [p.to_json() for p in self.points],
            "penalties": [p.to_json() for p in self.penalties],
            "missed": list(self.missed),
        }
        if self.type != "open":
            doc["expected"] = self.expected
            doc["given"] = self.given
        return doc


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------------------------------
# Negation


# The lookahead lets the regex engine skip quickly to where a boundary can start.
_CLAUSE_BOUNDARY = re.compile(
    r"(?=[。!?;,.\n但而却bri])(?:[。!?;,.\n]|但是|但|而是|却|\b(?:but|rather|instead)\b)"
)
DEFAULT_CUES_ZH = ("不是", "不需要", "不用", "没有", "并非", "无需", "不", "没", "别", "未")
DEFAULT_CUES_EN = ("not", "no", "never", "don't", "doesn't", "isn't", "aren't", "without",
                   "cannot", "nor")
# Words that contain a cue's characters but negate nothing.
NOT_CUES_ZH = (
    "不断", "不同", "不少", "不仅", "不过", "不但", "不管", "不论", "不停", "不错", "不久",
    "不光", "不只", "不止", "不单", "不可或缺", "不可替代", "区别", "特别", "别人", "别的",
    "分别", "级别", "类别", "识别", "差别", "告别", "个别", "性别", "辨别", "鉴别",
    "未来", "并且", "没错", "不得了",
)
NOT_CUES_EN = ("not only", "not just", "no matter", "no doubt", "not to mention",
               "not least")
CJK_WINDOW = 4  # characters between a cue and the term it negates
EN_WINDOW = 3  # words from a cue to the term it negates
ENUMERATION_ITEM = 12  # longest item of a 、-list that carries a cue forward
# Cues that govern a list that follows them (不是 A、B); bare 不/没 belong to one word.
LIST_CUES_ZH = frozenset({"不是", "并非", "不需要", "无需", "不用", "别", "不必", "无须"})
NOUN_LIST_CUES_ZH = frozenset({"没有", "没"})
LOOKBACK = 80  # characters looked at before a term, whatever the clause length
DENIAL_LOOKBACK = 32  # characters at the end of a clause searched for a denial
MAX_MATCHES_PER_TERM = 200  # bounds work on pathological answers (a 1 MB paste)

# Denials that close a clause and so negate the terms before them in it.
_DENIAL_ZH = re.compile(
    r"(?<!不是)(?<!并非)(?<!不)"
    r"(?:不重要|不那么重要|不太重要|不用太?在意|不必太?在意|不用太?关心|没有?必要|不必要|"
    r"不太?需要|没有?关系|无关紧要|无关|无所谓|次要的?|不是重点|不值一提)"
    r"[的了啊吧呢嘛也罢哈呀]*\s*$"
)
_DENIAL_EN = re.compile(
    r"(?<!not )(?<!never )\b(?:(?:do|does|did)(?:n't| not) (?:really )?matter|"
    r"(?:is|are|'s|'re) (?:\w+ )?secondary|"
    r"(?:(?:is|are|'s|'re) not|isn't|aren't) (?:that |very |really |so )?"
    r"(?:important|needed|necessary)|"
    r"not (?:needed|necessary|important|required)|unnecessary|irrelevant|unimportant|"
    r"(?:is|are) optional)\W*$"
)
_EN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


@dataclass(frozen=True, eq=False, repr=False)
class CueSet:
    """The negation cues in force for a bank, with one pattern that finds them all."""

    zh: tuple[str, ...]
    en: frozenset[str]
    scanner: re.Pattern[str]

    @staticmethod
    def build(extra: Iterable[str]) -> CueSet:
        zh = list(DEFAULT_CUES_ZH)
        en = set(DEFAULT_CUES_EN)
        for cue in extra:
            norm = normalize_term(cue)
            if not norm:
                continue
            if has_cjk(norm):
                zh.append(norm)
            else:
                en.add(norm)
        zh_sorted = tuple(sorted(set(zh), key=len, reverse=True))
        zh_not = sorted(NOT_CUES_ZH, key=len, reverse=True)
        en_not = sorted(NOT_CUES_EN, key=len, reverse=True)
        en_sorted = sorted(en, key=len, reverse=True)
        # Look-alikes come first in each script so that, at the same position, they win.
        # The leading lookahead (every alternative's first character) lets the regex
        # engine skip at C speed to the places where a cue can start.
        firsts = {c[0] for c in (*zh_sorted, *zh_not, *en_not, *en_sorted)}
        firsts.update("abcdefghijklmnopqrstuvwxyz")
        scanner = re.compile(
            "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:"
            "(?P<notzh>" + "|".join(map(re.escape, zh_not)) + ")"
            "|(?P<zh>" + "|".join(map(re.escape, zh_sorted)) + ")"
            r"|\b(?P<noten>" + "|".join(map(re.escape, en_not)) + r")\b"
            r"|\b(?P<en>" + "|".join(map(re.escape, en_sorted)) + r"|[a-z]+n't)(?![a-z0-9'])"
            ")"
        )
        return CueSet(zh_sorted, frozenset(en), scanner)


@lru_cache(maxsize=64)
def _cueset(extra: tuple[str, ...]) -> CueSet:
    """The cues for a bank's extra `negation_cues`, built once per distinct set."""
    return CueSet.build(extra)


class AnswerText:
    """One normalised answer with the indexes every term lookup shares.

    Clause boundaries are found once; cues and denials are looked for only in the
    clauses that hold a match, once per clause. (A plain class with slots: one is made
    for every answer graded, and a dataclass with a dozen default factories costs more
    to make than some whole gradings.)
    """

    __slots__ = ("norm", "text", "boundaries", "boundary_ends", "_words", "_by_form",
                 "_by_initial", "_clause_cues", "_negated", "_facts",
                 "_utf8", "_clauses_found")

    def __init__(self, norm: Normalized, text: str) -> None:
        self.norm = norm
        self.text = text
        self.boundaries: list[int] = []  # where each clause boundary starts
        self.boundary_ends: list[int] = []
        self._words: list[tuple[int, int, str]] | None = None
        self._by_form: dict[str, list[int]] = {}
        self._by_initial: dict[str, list[int]] = {}
        self._clause_cues: dict[int, list[tuple[int, int, bool]]] = {}
        self._negated: dict[tuple[int, int], bool] = {}
        self._facts: dict[int, tuple[int, int, int, int | None]] = {}
        self._utf8: tuple[bytes, bool] | None = None
        self._clauses_found = False

    @staticmethod
    def of(answer: str) -> AnswerText:
        norm = normalize(answer)
        return AnswerText(norm, norm.text)

    def _find_boundaries(self) -> None:
        """Clause boundaries, found on first need (an answer without matches needs none)."""
        spans = [m.span() for m in _CLAUSE_BOUNDARY.finditer(self.text)]
        self.boundaries = [s for s, _ in spans]
        self.boundary_ends = [e for _, e in spans]
        self._clauses_found = True

    def utf8(self) -> tuple[bytes, bool]:
        """The normalised text as UTF-8 (for RE2), and whether it is pure ASCII."""
        if self._utf8 is None:
            data = self.text.encode("utf-8")
            self._utf8 = (data, len(data) == len(self.text))
        return self._utf8

    # -- words (Latin script) -------------------------------------------------------

    def words(self) -> list[tuple[int, int, str]]:
        """Latin words (start, end, word), indexed by every form they may be a form of."""
        if self._words is None:
            self._words = [(m.start(), m.end(), m.group())
                           for m in _EN_WORD.finditer(self.text)]
            for idx, (_, _, word) in enumerate(self._words):
                for form in word_forms(word):
                    self._by_form.setdefault(form, []).append(idx)
                self._by_initial.setdefault(word[:1], []).append(idx)
        return self._words

    # -- clauses --------------------------------------------------------------------

    def clause(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding the text at `pos`."""
        if not self._clauses_found:
            self._find_boundaries()
        k = bisect.bisect_right(self.boundaries, pos)
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

    def is_negated(self, start: int, end: int, cues: CueSet) -> bool:
        key = (start, end)
        known = self._negated.get(key)
        if known is None:
            clause_start, clause_end, first_cue_end, denial = self._clause_facts(start, cues)
            # Most clauses hold no cue before the term: skip the chain analysis then.
            known = (first_cue_end <= start
                     and self._negated_before(start, clause_start, clause_end, cues)) or (
                denial is not None and denial >= end)
            self._negated[key] = known
        return known

    def _clause_facts(self, pos: int, cues: CueSet) -> tuple[int, int, int, int | None]:
        """(start, end, end of its first cue, start of its closing denial) of pos's clause."""
        if not self._clauses_found:
            self._find_boundaries()
        k = bisect.bisect_right(self.boundaries, pos)
        facts = self._facts.get(k)
        if facts is not None and facts[0] <= pos:
            return facts
        clause_start, clause_end = self.clause(pos)
        facts = (clause_start, clause_end, self._first_cue_end(clause_start, clause_end, cues),
                 self._closing_denial(clause_start, clause_end))
        self._facts[k] = facts
        return facts

    def _first_cue_end(self, clause_start: int, clause_end: int, cues: CueSet) -> int:
        """Where the clause's first cue ends (past the clause end when it has none)."""
        if clause_end - clause_start > LOOKBACK:
            return clause_start  # long clause: let the windowed scan decide
        found = self._clause_cue_list(clause_start, clause_end, cues)
        return found[0][1] if found else clause_end + 1

    def _clause_cue_list(self, clause_start: int, clause_end: int, cues: CueSet
                         ) -> list[tuple[int, int, bool]]:
        """Every cue of the clause, scanned once."""
        found = self._clause_cues.get(clause_start)
        if found is None:
            found = _scan_cues(self.text, clause_start, clause_end, cues)
            self._clause_cues[clause_start] = found
        return found

    def _cues_in(self, clause_start: int, clause_end: int, start: int, cues: CueSet
                 ) -> list[tuple[int, int, bool]]:
        """Cues between the clause start (or LOOKBACK before) and `start`."""
        window_start = max(clause_start, start - LOOKBACK)
        if window_start == clause_start:
            found = self._clause_cue_list(clause_start, clause_end, cues)
        else:  # a very long clause: scan only the window
            found = _scan_cues(self.text, window_start, start, cues)
        return [c for c in found if c[1] <= start and c[0] >= window_start]

    def _negated_before(self, start: int, clause_start: int, clause_end: int,
                        cues: CueSet) -> bool:
        found = self._cues_in(clause_start, clause_end, start, cues)
        if not found:
            return False
        # Group adjacent cues into chains: two in a row cancel (不是不, not without).
        chains: list[list[tuple[int, int, bool]]] = []
        for cue in found:
            if chains:
                last = chains[-1][-1]
                gap = self.text[last[1]:cue[0]].strip()
                # 不是不 / 不得不 (one character between) or "not without" (adjacent words);
                # "can't succeed without X": a later "without" answers an earlier cue.
                if (not gap) or (not cue[2] and not last[2] and len(gap) <= 1) or (
                        cue[2] and last[2] and self.text[cue[0]:cue[1]] == "without"
                        and len(_EN_WORD.findall(gap)) < EN_WINDOW):
                    chains[-1].append(cue)
                    continue
            chains.append([cue])
        chain = chains[-1]
        gap = self.text[chain[-1][1]:start]
        english = chain[-1][2]
        if english:
            next_word = _EN_WORD.search(gap)
            if next_word is not None and next_word.group().startswith("un") and len(
                    next_word.group()) > 4:
                # "not unimportant ...": the cue negates the un- word, not the term.
                return False
        if len(chain) % 2 == 0:
            return False
        if english:
            between = len(_EN_WORD.findall(gap)) + sum(1 for c in gap if has_cjk(c))
            return between < EN_WINDOW
        compact = gap.replace(" ", "")
        if len(compact) <= CJK_WINDOW:
            return True
        # A cue that governs a whole 、-list ("不是交互设计、用户体验") negates every item;
        # 不/没/没有 inside the first item ("没有竞品可参考、涉及隐私数据") do not.
        cue_text = self.text[chain[-1][0]:chain[-1][1]]
        if "、" in compact and cue_text in LIST_CUES_ZH:
            items = compact.split("、")
            return len(items[-1]) <= CJK_WINDOW and all(
                len(item) <= ENUMERATION_ITEM for item in items[:-1]
            )
        if "、" in compact and cue_text in NOUN_LIST_CUES_ZH:
            # 没有权限、审批、流程: a list of short nouns right after 没有.
            items = compact.split("、")
            return all(len(item) <= CJK_WINDOW for item in items)
        return False

    def _closing_denial(self, clause_start: int, clause_end: int) -> int | None:
        """Where a denial that closes the clause starts ("权限、审批这些都无所谓"), if any:
        it negates every term of the clause before it."""
        tail_start = max(clause_start, clause_end - DENIAL_LOOKBACK)
        tail = self.text[tail_start:clause_end]
        m = _DENIAL_ZH.search(tail) or _DENIAL_EN.search(tail)
        return tail_start + m.start() if m else None


def _scan_cues(text: str, start: int, end: int, cues: CueSet) -> list[tuple[int, int, bool]]:
    found = []
    for m in cues.scanner.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "zh":
            found.append((m.start(), m.end(), False))
        elif kind == "en":
            found.append((m.start(), m.end(), True))
    return found


# ---------------------------------------------------------------------------------------
# English words: inflections and typos


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """The word and every base it may be a regular inflection of.

    `needed` -> {needed, need, neede}, `making` -> {making, mak, make}, `plans` -> {plans,
    plan}. Two words are the same word when their forms meet, so `need`, `needs`,
    `needed` and `needing` all match, while `plan` and `plain` (or `plane`) never do.
    """
    w = word[:-2] if word.endswith("'s") else word
    forms = {w}
    n = len(w)
    if n > 3:
        if w.endswith("ies") and n > 4:
            forms.add(w[:-3] + "y")
        if w.endswith("es"):
            forms.add(w[:-2])
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            forms.add(w[:-1])
        if w.endswith("ied") and n > 4:
            forms.add(w[:-3] + "y")
        if w.endswith("ed"):
            forms.update((w[:-2], w[:-1], _undouble(w[:-2])))
        if w.endswith("ing") and n > 5:
            forms.update((w[:-3], w[:-3] + "e", _undouble(w[:-3])))
    return frozenset(f for f in forms if f)


def same_word(a: str, b: str) -> bool:
    """True when `a` and `b` are regular inflections of one word."""
    return not word_forms(a).isdisjoint(word_forms(b))


def _undouble(w: str) -> str:
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        return w[:-1]
    return w


def typo_allowance(word: str) -> int:
    """Edits forgiven in a word of the term: 6–9 letters one, 10 or more two."""
    n = len(word)
    if n >= 10:
        return 2
    if n >= 6:
        return 1
    return 0


_GAP_BETWEEN_WORDS = re.compile(r"[\s\-/]*\Z")


# ---------------------------------------------------------------------------------------
# Compiled rubrics


@dataclass(frozen=True, eq=False)
class _CompiledTerm:
    display: str  # the term as written: the literal, the group member, or "re:..."
    kind: Literal["cjk", "latin", "regex"]
    needle: str = ""
    spaced: Any = None  # compiled `re` for CJK needles with spaces
    # Per word of a Latin term: (its forms, typos forgiven, the word itself).
    words: tuple[tuple[frozenset[str], int, str], ...] = ()
    pattern: Any = None
    # A substring the answer must hold for the term to occur: one `in` test rules it out.
    plain: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A substring the answer must contain for this term to occur at all: the phrase
        # itself, or a literal run every match of a regex must contain.
        if self.kind == "cjk" and self.spaced is None:
            plain: str | None = self.needle
        elif self.kind == "regex":
            plain = required_literal(self.pattern.pattern)
        else:
            plain = None
        object.__setattr__(self, "plain", plain)

    def find(self, answer: AnswerText) -> list[tuple[int, int]]:
        """Every occurrence in the normalised answer, at most MAX_MATCHES_PER_TERM."""
        text = answer.text
        if self.kind == "cjk":
            if self.spaced is not None:
                return _bounded_spans(self.spaced.finditer(text))
            out: list[tuple[int, int]] = []
            needle = self.needle
            i = text.find(needle)
            while i != -1 and len(out) < MAX_MATCHES_PER_TERM:
                out.append((i, i + len(needle)))
                i = text.find(needle, i + len(needle))
            return out
        if self.kind == "regex":
            return _regex_spans(self.pattern, answer)
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
                if not _GAP_BETWEEN_WORDS.match(gap) or not _word_matches(
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
class _TogetherTerm:
    """`{together: [GROUP, ...]}`: hits when every group has a counting match inside one
    clause, in any order; its matches are the pieces, each with its own span (SPEC 3, 4)."""

    display: str
    groups: tuple[tuple[_CompiledTerm, ...], ...]
    # Per group, substrings one of which the answer must hold (None: no such shortcut).
    group_needles: tuple[tuple[str, ...] | None, ...] = field(init=False, repr=False)
    plain: None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        needles: list[tuple[str, ...] | None] = []
        for group in self.groups:
            plains = [m.plain for m in group]
            needles.append(None if any(p is None for p in plains)
                           else tuple(p for p in plains if p is not None))
        object.__setattr__(self, "group_needles", tuple(needles))

    def possible(self, text: str) -> bool:
        """False when some group certainly does not occur in the text."""
        for needles in self.group_needles:
            if needles is not None and not any(n in text for n in needles):
                return False
        return bool(self.groups)

    def evaluate(self, answer: AnswerText, cues: CueSet, negatable: bool
                 ) -> tuple[bool, list[tuple[str, int, int, bool]]]:
        """(counts, pieces): pieces are (term, start, end, negated) in the normalised
        answer, from every clause where each group occurs; counts when in one of those
        clauses each group has a piece that is not negated."""
        found: list[list[tuple[str, int, int]]] = []
        for group in self.groups:
            pieces = [(m.display, s, e) for m in group for s, e in m.find(answer)]
            if not pieces:
                return False, []
            found.append(pieces)
        by_clause: dict[int, list[list[tuple[str, int, int]]]] = {}
        for g, pieces in enumerate(found):
            for piece in pieces:
                start = answer.clause(piece[1])[0]
                slots = by_clause.setdefault(start, [[] for _ in self.groups])
                slots[g].append(piece)
        counts = False
        out: list[tuple[str, int, int, bool]] = []
        for slots in by_clause.values():
            if not all(slots):
                continue
            every_group = True
            for pieces in slots:
                group_counts = False
                for display, start, end in pieces:
                    negated = negatable and answer.is_negated(start, end, cues)
                    group_counts = group_counts or not negated
                    out.append((display, start, end, negated))
                every_group = every_group and group_counts
            counts = counts or every_group
        return counts, out


def _candidates(answer: AnswerText, forms: frozenset[str], allowance: int, raw: str
                ) -> list[int]:
    """Answer words that are this term word, an inflection of it, or a forgiven typo."""
    found: set[int] = set()
    for form in forms:
        found.update(answer._by_form.get(form, ()))
    if allowance:
        words = answer.words()
        for i in answer._by_initial.get(raw[:1], ()):
            if i not in found and _typo_of(words[i][2], forms, allowance):
                found.add(i)
    return sorted(found)


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
    char_pos = 0  # characters before byte offset `byte_pos`
    byte_pos = 0
    while pos <= end and len(out) < MAX_MATCHES_PER_TERM:
        span = raw.Match(unanchored, data, pos, end)[0]
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
            if s >= end:
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


def _word_matches(word: str, forms: frozenset[str], allowance: int, raw: str) -> bool:
    if not forms.isdisjoint(word_forms(word)):
        return True
    return allowance > 0 and word[:1] == raw[:1] and _typo_of(word, forms, allowance)


def _typo_of(word: str, forms: frozenset[str], allowance: int) -> bool:
    """Within `allowance` edits (a swap of neighbours counts as one) of a form of the term.

    The first letter must agree: `bussiness` is `business`; `tension` is not `retention`.
    """
    from rapidfuzz.distance import OSA

    for answer_form in word_forms(word):
        for form in forms:
            if answer_form[:1] != form[:1] or abs(len(answer_form) - len(form)) > allowance:
                continue
            if OSA.distance(answer_form, form, score_cutoff=allowance) <= allowance:
                return True
    return False


def required_literal(pattern: str) -> str | None:
    """The longest literal run every match of `pattern` must contain, if any.

    Read with Python's own regex parser, which accepts the RE2 subset the banks use; any
    pattern it cannot read, or with flags, simply gets no shortcut.
    """
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - a shortcut only; RE2 still decides
        return None
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):
        return None
    best = ""
    run: list[str] = []
    for op, arg in [*parsed, (None, None)]:
        if op is sre_parse.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    return best or None


def compile_term(text: str) -> _CompiledTerm | None:
    """Compile one literal or regex term (a written term, or one member of a synonym
    group); None for a literal that normalises to nothing."""
    display = text
    if text.startswith("re:"):
        return _CompiledTerm(display, "regex", pattern=compile_pattern(text[3:]))
    norm = normalize_term(text)
    if not norm:
        return None
    if has_cjk(norm):
        if " " in norm:
            parts = [re.escape(p) for p in norm.split(" ") if p]
            return _CompiledTerm(display, "cjk", needle=norm,
                                 spaced=re.compile(r"\s*".join(parts)))
        return _CompiledTerm(display, "cjk", needle=norm)
    words = tuple(
        (word_forms(w), typo_allowance(w), w) for w in _EN_WORD.findall(norm)
    )
    if not words:
        # Punctuation-only or symbols: fall back to a substring.
        return _CompiledTerm(display, "cjk", needle=norm)
    return _CompiledTerm(display, "latin", words=words)


@dataclass(frozen=True, eq=False, repr=False)
class _CompiledPoint:
    point: Point
    any: tuple[tuple[_AnyTerm, ...], ...]  # per written term, its alternatives
    all: tuple[tuple[_AnyTerm, ...], ...]
    # `any` terms then `all` terms; and the result when none of them occurs.
    terms: tuple[tuple[_AnyTerm, ...], ...] = field(init=False, repr=False, compare=False)
    empty: PointResult = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", (*self.any, *self.all))
        object.__setattr__(self, "empty", _empty_result(self.point))


@dataclass(frozen=True, eq=False, repr=False)
class CompiledRubric:
    points: tuple[_CompiledPoint, ...]
    penalties: tuple[_CompiledPoint, ...]
    cues: CueSet
    # Every plain substring term of the rubric, tested in one pass per answer, and for
    # each: (which of points + penalties, which written term, the compiled term).
    needles: tuple[str, ...] = ()
    needle_owners: tuple[tuple[int, int, _AnyTerm], ...] = ()
    # Terms that need their own search (words, regexes, spaced phrases, together terms).
    searched: tuple[tuple[int, int, _AnyTerm], ...] = ()

    @staticmethod
    def build(points: tuple[_CompiledPoint, ...], penalties: tuple[_CompiledPoint, ...],
              cues: CueSet) -> CompiledRubric:
        needles: list[str] = []
        owners: list[tuple[int, int, _AnyTerm]] = []
        searched: list[tuple[int, int, _AnyTerm]] = []
        for p_index, cp in enumerate((*points, *penalties)):
            for t_index, alternatives in enumerate(cp.terms):
                for term in alternatives:
                    if term.plain is not None:
                        needles.append(term.plain)
                        owners.append((p_index, t_index, term))
                    else:
                        searched.append((p_index, t_index, term))
        return CompiledRubric(points, penalties, cues, tuple(needles), tuple(owners),
                              tuple(searched))

    def candidates(self, answer: AnswerText
                   ) -> list[list[tuple[int, _AnyTerm]]]:
        """Per point (then penalty): the terms worth searching for in this answer."""
        text = answer.text
        per_point: list[list[tuple[int, _AnyTerm]]] = [
            [] for _ in range(len(self.points) + len(self.penalties))]
        owners = self.needle_owners
        for slot in [i for i, needle in enumerate(self.needles) if needle in text]:
            p_index, t_index, term = owners[slot]
            per_point[p_index].append((t_index, term))
        for p_index, t_index, term in self.searched:
            if not isinstance(term, _TogetherTerm) or term.possible(text):
                per_point[p_index].append((t_index, term))
        return per_point


_AnyTerm = _CompiledTerm | _TogetherTerm


def _expand_term(term: Term, synonyms: Mapping[str, tuple[str, ...]]) -> tuple[_AnyTerm, ...]:
    """A written term's alternatives: itself, a group's members, or one together term."""
    if term.together:
        groups = tuple(
            tuple(c for member in group for c in _expand(member.text, synonyms))
            for group in term.together
        )
        return (_TogetherTerm(term.text, groups),)
    return _expand(term.text, synonyms)


def _expand(term_text: str, synonyms: Mapping[str, tuple[str, ...]]) -> tuple[_CompiledTerm, ...]:
    if term_text.startswith("@"):
        members = synonyms.get(term_text[1:], ())
        compiled = (compile_term(m) for m in members)
        return tuple(c for c in compiled if c is not None)
    single = compile_term(term_text)
    return (single,) if single is not None else ()


def _compile_point(point: Point, synonyms: Mapping[str, tuple[str, ...]]) -> _CompiledPoint:
    return _CompiledPoint(
        point,
        tuple(_expand_term(t, synonyms) for t in point.any),
        tuple(_expand_term(t, synonyms) for t in point.all),
    )


_compiled: dict[int, tuple[Question, CompiledRubric]] = {}


def compile_rubric(question: Question) -> CompiledRubric:
    """The question's rubric ready to match; compiled once per question object."""
    cached = _compiled.get(id(question))
    if cached is not None and cached[0] is question:
        return cached[1]
    rubric = CompiledRubric.build(
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.points),
        tuple(_compile_point(p, question.synonyms) for p in question.rubric.penalties),
        _cueset(question.negation_cues),
    )
    if len(_compiled) > 20000:
        _compiled.clear()
    _compiled[id(question)] = (question, rubric)
    return rubric


# ---------------------------------------------------------------------------------------
# Grading


def _evaluate(cp: _CompiledPoint, answer: AnswerText, cues: CueSet,
              candidates: list[tuple[int, _AnyTerm]]) -> PointResult:
    """The point's result from the terms that may occur (see CompiledRubric.candidates).

    Most terms of most rubrics are absent from an answer; a point none of whose terms
    occurs has one fixed (shared, immutable) result.
    """
    point = cp.point
    negatable = point.negatable
    mapped = answer.norm.starts is not None
    original_span = answer.norm.original_span
    counting_terms: set[int] = set()
    matches: list[Match] = []
    found: list[tuple[int, _CompiledTerm, list[tuple[int, int]]]] = []
    for index, term in candidates:
        if isinstance(term, _TogetherTerm):
            counts, pieces = term.evaluate(answer, cues, negatable)
            if counts:
                counting_terms.add(index)
            for display, start, end, negated in pieces:
                matches.append(Match(display, original_span(start, end) if mapped
                                     else (start, end), negated))
            continue
        spans = term.find(answer)
        if spans:
            found.append((index, term, spans))
    if not found and not matches:
        return cp.empty
    is_negated = answer.is_negated
    for index, term, spans in found:
        display = term.display
        for start, end in spans:
            negated = negatable and is_negated(start, end, cues)
            if not negated:
                counting_terms.add(index)
            matches.append(Match(display, original_span(start, end) if mapped
                                 else (start, end), negated))
    n_any = len(cp.any)
    any_ok = not n_any or any(i < n_any for i in counting_terms)
    all_ok = all(i in counting_terms for i in range(n_any, len(cp.terms)))
    hit = any_ok and all_ok and bool(cp.terms)
    if len(matches) > 1:
        # Original offsets follow normalised ones in order, so this is answer order.
        matches.sort(key=_BY_SPAN)
    counting = next((m for m in matches if not m.negated), None)
    shown = counting or matches[0]
    return PointResult(
        point.id, point.label, point.weight, hit,
        not hit and any(m.negated for m in matches),
        shown.term, shown.span, tuple(matches), point.required,
    )


_BY_SPAN = itemgetter(1)


def grade(question: Question, answer: str) -> Grade:
    """Grade one answer to one question (any type)."""
    if question.type == "choice":
        return grade_choice(question, answer)
    if question.type == "truefalse":
        return grade_truefalse(question, answer)
    return grade_open(question, answer)


def grade_open(question: Question, answer: str) -> Grade:
    rubric = compile_rubric(question)
    text = AnswerText.of(answer)
    if not text.text.strip():  # blank answers score 0: nothing can match
        points = tuple(_empty_result(cp.point) for cp in rubric.points)
        penalties = tuple(_empty_result(cp.point) for cp in rubric.penalties)
    else:
        per_point = rubric.candidates(text)
        n_points = len(rubric.points)
        points = tuple(
            _evaluate(cp, text, rubric.cues, per_point[i]) if per_point[i] else cp.empty
            for i, cp in enumerate(rubric.points))
        penalties = tuple(
            _evaluate(cp, text, rubric.cues, per_point[n_points + i]) if per_point[
                n_points + i] else cp.empty
            for i, cp in enumerate(rubric.penalties))
    total = gained = 0.0
    missed: list[str] = []
    missed_required: list[str] = []
    for p in points:
        total += p.weight
        if p.hit:
            gained += p.weight
        else:
            missed.append(p.id)
            if p.required:
                missed_required.append(p.id)
    for p in penalties:
        if p.hit:
            gained -= p.weight
    score = min(1.0, max(0.0, gained / total)) if total > 0 else 0.0
    flags: tuple[str, ...] = ()
    if not question.lists and gained > 0 and is_keyword_list(text.text):
        flags = (KEYWORD_LIST,)
    passed = score >= question.threshold and not missed_required and not flags
    return Grade(
        question=question.ref, type="open", answer=answer, score=score, passed=passed,
        threshold=question.threshold, points=points, penalties=penalties,
        missed=tuple(missed), missed_required=tuple(missed_required), flags=flags,
    )


# ---------------------------------------------------------------------------------------
# Keyword lists

KEYWORD_LIST = "keyword-list"
# What joins the items of a bare list: white space, commas, 、, list numbers and bullets,
# and the conjunctions 和 与 及 以及 或 或者 / and, or, nor.
_LIST_SEPARATORS = re.compile(
    r"(?:[\s,;:/|·•*\-。.!?()\[\]\"'“”‘’…~、【】《》「」①-⑩]|以及|或者|和|与|及|或"
    r"|\b(?:and|or|nor|\d+)\b)+"
)
# Characters and words that make a sentence of short items: a predicate, a pronoun, a
# particle or a linking word says something about the items ("界面朴素没关系", "都要管好").
# (Single characters only where they are rarely part of a noun: 需 is in 需求, 对 in 对账,
# 会 in 会员, 能 in 功能, so those count only inside the words listed.)
_SENTENCE_ZH = re.compile(
    "[是要把被让从但而就都也又很太最越着吗呢吧啊呀嘛么我你他她它咱们这那些不没非]|了(?!解)"
    "|重要|关系|觉得|认为|需要|应该|必须|可以|能够|因为|所以|如果|虽然|对于|使得|还是|还要"
    "|还有|更加|一个|一定|无需|无所谓|无关|会让|才能"
)
_SENTENCE_EN = frozenset("""
a an the is are was were be been being am do does did done have has had having will would
can could should must may might shall need needs needed it its they them their we our us you
your i me my he she his her this that these those there here to of for with in on at by from
about into because so but if than then not no never very more most less least matter matters
important why how what which who when where just only also too don't doesn't isn't aren't
can't won't should've it's they're we're you're i'm that's there's let let's make makes
really because since while whereas although though mean means like
""".split())
LIST_ITEM_CJK = 6  # longest item (CJK characters) of a bare keyword list
# Two items joined by 和 / and read as one phrase ("业务和效率", "business insight"):
# a run of keywords starts at three.
LIST_MIN_ITEMS = 3


def is_keyword_list(text: str) -> bool:
    """True when the normalised answer is only short words or phrases joined by
    separators, with no sentence around them and nothing linking them (SPEC 4):
    "付费 退款 客服 流程 体验", "refunds payments tickets audit logs permissions"."""
    items = [item for item in _LIST_SEPARATORS.split(text) if item]
    if len(items) < LIST_MIN_ITEMS:
        return False
    for item in items:
        if has_cjk(item):
            if _SENTENCE_ZH.search(item):
                return False
            cjk = sum(1 for ch in item if has_cjk(ch))
            if cjk > LIST_ITEM_CJK:
                return False
            for word in _EN_WORD.findall(item):
                if word in _SENTENCE_EN:
                    return False
        elif item in _SENTENCE_EN or _EN_WORD.fullmatch(item) is None and not item.isalnum():
            return False
    return True


def _empty_result(point: Point) -> PointResult:
    return PointResult(point.id, point.label, point.weight, False, False, None, None, (),
                       point.required)


# -- choice and true/false ---------------------------------------------------------------

_LETTER_SEPARATORS = re.compile(r"[\s,;/、&+和与及]+|\band\b")


def parse_choice(answer: str) -> list[str]:
    """Letters picked in any form: `A,C`, `ac`, `A C`, `Ａ，Ｃ`, `A and C` -> ["A", "C"]."""
    import unicodedata

    text = unicodedata.normalize("NFKC", answer).casefold()
    picked: set[str] = set()
    for token in _LETTER_SEPARATORS.split(text):
        picked.update(ch.upper() for ch in token if "a" <= ch <= "z")
    return sorted(picked)


def grade_choice(question: Question, answer: str) -> Grade:
    expected = list(question.answer) if isinstance(question.answer, tuple) else []
    given = parse_choice(answer)
    right = len(set(given) & set(expected))
    wrong = len(set(given) - set(expected))
    score = max(0, right - wrong) / len(expected) if expected else 0.0
    passed = bool(expected) and set(given) == set(expected)
    return Grade(
        question=question.ref, type="choice", answer=answer, score=float(score),
        passed=passed, threshold=1.0, expected=expected, given=given,
    )


_TRUE_WORDS = frozenset({"true", "t", "yes", "y", "对", "是", "正确", "√", "✓", "✔", "1",
                         "對", "正確"})
_FALSE_WORDS = frozenset({"false", "f", "no", "n", "错", "否", "错误", "×", "✗", "✘", "x",
                          "0", "錯", "錯誤", "不对", "不對"})


def parse_truefalse(answer: str) -> bool | None:
    """true/false, t/f, yes/no, y/n, 对/错, 是/否, 正确/错误, √/× -> bool; None if unclear."""
    import unicodedata

    text = unicodedata.normalize("NFKC", answer).strip().casefold()
    text = text.strip(" .。!！")
    if text in _TRUE_WORDS:
        return True
    if text in _FALSE_WORDS:
        return False
    return None


def grade_truefalse(question: Question, answer: str) -> Grade:
    expected = bool(question.answer)
    given = parse_truefalse(answer)
    passed = given is not None and given == expected
    return Grade(
        question=question.ref, type="truefalse", answer=answer, score=1.0 if passed else 0.0,
        passed=passed, threshold=1.0, expected=expected, given=given,
    )
