"""Negation (SPEC 4): when a term that occurs in an answer does not count.

A match is negated when a negation cue stands before it in the same clause, near enough
(4 characters in Chinese, 3 words in English), or when a denial closes its clause
("权限、审批这些都无所谓"). Cues are matched as words, so characters that only contain a
cue (不断, 区别, 未来) negate nothing; two cues in a row cancel (不是不, not un-).

`is_negated(answer, start, end, cues)` is the one entry point. Its findings are cached on
the `AnswerText`: each clause is scanned for cues and for a closing denial once, however
many terms occur in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pmquiz.grading.answer import EN_WORD, AnswerText
from pmquiz.text import has_cjk, normalize_term

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
def cueset(extra: tuple[str, ...]) -> CueSet:
    """The cues for a bank's extra `negation_cues`, built once per distinct set."""
    return CueSet.build(extra)


def is_negated(answer: AnswerText, start: int, end: int, cues: CueSet) -> bool:
    """Whether the match at [start, end) of the normalised answer is negated (SPEC 4)."""
    key = (start, end)
    known = answer.negated.get(key)
    if known is None:
        clause_start, clause_end, first_cue_end, denial = _clause_facts(answer, start, cues)
        # Most clauses hold no cue before the term: skip the chain analysis then.
        known = (first_cue_end <= start
                 and _negated_before(answer, start, clause_start, clause_end, cues)) or (
            denial is not None and denial >= end)
        answer.negated[key] = known
    return known


def _clause_facts(answer: AnswerText, pos: int, cues: CueSet) -> tuple[int, int, int, int | None]:
    """(start, end, end of its first cue, start of its closing denial) of pos's clause."""
    k = answer.clause_index(pos)
    facts = answer.facts.get(k)
    if facts is not None and facts[0] <= pos:
        return facts
    clause_start, clause_end = answer.clause(pos)
    facts = (clause_start, clause_end, _first_cue_end(answer, clause_start, clause_end, cues),
             _closing_denial(answer, clause_start, clause_end))
    answer.facts[k] = facts
    return facts


def _first_cue_end(answer: AnswerText, clause_start: int, clause_end: int, cues: CueSet) -> int:
    """Where the clause's first cue ends (past the clause end when it has none)."""
    if clause_end - clause_start > LOOKBACK:
        return clause_start  # long clause: let the windowed scan decide
    found = _clause_cue_list(answer, clause_start, clause_end, cues)
    return found[0][1] if found else clause_end + 1


def _clause_cue_list(answer: AnswerText, clause_start: int, clause_end: int, cues: CueSet
                     ) -> list[tuple[int, int, bool]]:
    """Every cue of the clause, scanned once."""
    found = answer.clause_cues.get(clause_start)
    if found is None:
        found = _scan_cues(answer.text, clause_start, clause_end, cues)
        answer.clause_cues[clause_start] = found
    return found


def _cues_in(answer: AnswerText, clause_start: int, clause_end: int, start: int, cues: CueSet
             ) -> list[tuple[int, int, bool]]:
    """Cues between the clause start (or LOOKBACK before) and `start`."""
    window_start = max(clause_start, start - LOOKBACK)
    if window_start == clause_start:
        found = _clause_cue_list(answer, clause_start, clause_end, cues)
    else:  # a very long clause: scan only the window
        found = _scan_cues(answer.text, window_start, start, cues)
    return [c for c in found if c[1] <= start and c[0] >= window_start]


def _negated_before(answer: AnswerText, start: int, clause_start: int, clause_end: int,
                    cues: CueSet) -> bool:
    found = _cues_in(answer, clause_start, clause_end, start, cues)
    if not found:
        return False
    # Group adjacent cues into chains: two in a row cancel (不是不, not without).
    chains: list[list[tuple[int, int, bool]]] = []
    for cue in found:
        if chains:
            last = chains[-1][-1]
            gap = answer.text[last[1]:cue[0]].strip()
            # 不是不 / 不得不 (one character between) or "not without" (adjacent words);
            # "can't succeed without X": a later "without" answers an earlier cue.
            if (not gap) or (not cue[2] and not last[2] and len(gap) <= 1) or (
                    cue[2] and last[2] and answer.text[cue[0]:cue[1]] == "without"
                    and len(EN_WORD.findall(gap)) < EN_WINDOW):
                chains[-1].append(cue)
                continue
        chains.append([cue])
    chain = chains[-1]
    gap = answer.text[chain[-1][1]:start]
    english = chain[-1][2]
    if english:
        next_word = EN_WORD.search(gap)
        if next_word is not None and next_word.group().startswith("un") and len(
                next_word.group()) > 4:
            # "not unimportant ...": the cue negates the un- word, not the term.
            return False
    if len(chain) % 2 == 0:
        return False
    if english:
        between = len(EN_WORD.findall(gap)) + sum(1 for c in gap if has_cjk(c))
        return between < EN_WINDOW
    compact = gap.replace(" ", "")
    if len(compact) <= CJK_WINDOW:
        return True
    # A cue that governs a whole 、-list ("不是交互设计、用户体验") negates every item;
    # 不/没/没有 inside the first item ("没有竞品可参考、涉及隐私数据") do not.
    cue_text = answer.text[chain[-1][0]:chain[-1][1]]
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


def _closing_denial(answer: AnswerText, clause_start: int, clause_end: int) -> int | None:
    """Where a denial that closes the clause starts ("权限、审批这些都无所谓"), if any:
    it negates every term of the clause before it."""
    tail_start = max(clause_start, clause_end - DENIAL_LOOKBACK)
    tail = answer.text[tail_start:clause_end]
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
