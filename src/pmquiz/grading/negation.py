"""Negation (SPEC 4): when a term that occurs in an answer does not count.

A match is negated (the rules, in the order `is_negated` tries them):
1. by the nearest chain of cues before it in its clause that reaches it:
   - a cue reaches 4 characters (Chinese) or 3 words (English) forward;
   - a predicate cue (不是, 谈不上, 不在于, isn't about, hardly, rather than ...)
     reaches to the clause end, whatever the distance;
   - a cue reaches every item of a list it governs (、 和 与 及 或; and, or, nor);
   - two cues in a row cancel (不是不, 不得不, not without), and "not un-" is no denial;
   - a cue before a verb of knowing (没认识到, don't know) negates the verb, not what
     is known, so the term after the verb counts;
   - cues are matched as words: 不断, 区别, 未来, 不如 or an A-not-A question (有没有,
     好不好) negate nothing, and a term that begins with a cue is not negated by it;
2. by a denial that closes its clause ("权限、审批这些都无所谓", "don't matter");
3. by 与其(说) before it, up to 不如 ("与其说 X，不如说 Y" negates X);
4. as an item of an English list across commas, governed by a cue before the list
   ("it isn't about payments, refunds or support tickets") or by a denial after it
   ("payments, refunds or support flows don't matter");
5.-9. by an opinion or a verdict that judges it: a denied opinion, a disagreement or a
   belittling verdict, a rhetorical dismissal, a denied act of arguing or of saying (the
   rounds 3 to 5 rules, listed and found in pmquiz.grading.verdicts).
Closing denials include (round 5) "用户少根本不是问题", "isn't the problem here" and
belittling that keeps the terms ("只是锦上添花", "可有可无",
"matters only a little", "comes along for free", "is a nice-to-have"; round 4: "那只是
打底的东西", ranked last: "排在后面", "往后放"); a `together`
term one of whose pieces is such a word describes the denial and is not negated by it.
A clause ends at 。！？；，,.;!? and line breaks, at a colon or a spaced dash, and at
contrast words (但, 而是, 却, but, rather, instead: pmquiz.grading.answer); 、 does not
end it.

`is_negated(answer, start, end, cues)` is the one entry point (and `denied_by_verdict`,
from pmquiz.grading.verdicts, for a point that is not negatable). Its findings are cached
on the `AnswerText`: each clause is scanned for cues and for a closing denial once,
however many terms occur in it, and only clauses that hold a match are scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pmquiz import reprograms
from pmquiz.grading.answer import COLON_OR_DASH, EN_WORD, AnswerText
from pmquiz.grading.cues import (
    DEFAULT_CUES_EN,
    DEFAULT_CUES_ZH,
    KNOWING_EN,
    KNOWING_ZH,
    LOOKBACK,
    NOT_CUES_EN,
    NOT_CUES_ZH,
    OPINION_EN,
    PREDICATE_CUES_ZH,
    PREDICATE_EN,
    SENTENCE_STOP,
    prep_belittles,
)
from pmquiz.grading.lazyre import lazy_compile
from pmquiz.grading.verdicts import denied_by_verdict, judge, judged_claims
from pmquiz.text import has_cjk, normalize_term

__all__ = ["CueSet", "claims_denial", "cueset", "denied_by_verdict", "is_negated",
           "negated_apart_from_denial"]

# Cues of needing, not of failing to know: "不用懂业务", "不需要了解业务" deny the need.
_NEED_CUES_ZH = frozenset({"不需要", "不用", "无需", "不必", "无须", "别"})
# After a predicate cue, a need or a cause before the verb of knowing is what is denied:
# "不是(因为)要懂框架" denies needing to know it.
_NEED_ZH = lazy_compile("要|因为|为了|得|必须|需")
CJK_WINDOW = 4  # characters between a cue and the term it negates
# A verb of knowing starting within the window after a cue (the longest verb is 3 long).
_KNOWING_ZH = lazy_compile("|".join(KNOWING_ZH))
EN_WINDOW = 3  # words from a cue to the term it negates
ENUMERATION_ITEM = 12  # longest item of a list that a list-governing cue carries over
# Cues that govern a long list that follows them (不是 A、B); after other cues (不, 没有)
# the items of a list must be short ("没有权限、审批和日志"), so that in "没有竞品可参考、
# 涉及隐私数据" the second item is not negated.
LIST_CUES_ZH = frozenset({"不是", "并非", "不需要", "无需", "不用", "别", "不必", "无须"})
DENIAL_LOOKBACK = 40  # characters at the end of a clause searched for a denial
# What joins the items of a list a cue governs (SPEC 4).
_LIST_JOIN_ZH = lazy_compile("、|以及|或者|和|与|及|或")
_LIST_JOIN_EN = lazy_compile(r",|\b(?:and|or|nor)\b")
_CONJUNCTION_EN = lazy_compile(r"\b(?:and|or|nor)\b")
# Sentence ends that 与其 ... 不如 does not reach across.
_SENTENCE_END = lazy_compile(r"[。!?;\n]")

# A cue: (start, end, English?, denies a whole predicate?)
Cue = tuple[int, int, bool, bool]

# Denials that close a clause and so negate the terms before them in it: each is found
# where a clause boundary (pmquiz.grading.answer) or the end of the answer follows it.
_CLAUSE_END = (r"(?=[。!?;,.\n]|但|而是|却|\b(?:but|rather(?! than)|instead(?! of))\b|\Z|"
               + COLON_OR_DASH + ")")
_DENIAL = lazy_compile(
    # The lookahead (every first character) lets the engine skip to where one may start.
    r"(?=[不没无次关可锦点准铺顺打排放靠往diahw'numcbr])(?:(?<!不是)(?<!并非)(?<!不)"
    r"(?:不重要|不那么重要|不太重要|不用太?在意|不必太?在意|不用太?关心|没有?必要|不必要|"
    r"不太?需要|没有?(?:多大|什么|太大)?关系|关系不大|无关紧要|无关|无所谓|次要的?|不是重点|"
    r"不值一提|不怎么重要|"
    # round 5: "用户少根本不是问题", "界面朴素并不成问题" (没问题 is none: "仍然没有问题")
    r"不(?:是|成|算)(?:什么|个)?问题|"
    # Belittling that keeps the terms: "X 只是锦上添花", "X 可有可无", "X 顺带做做就行".
    # Each starts at a word rare in other places, so that the engine skips to few places
    # (只是, 都是 are everywhere): `bel` is checked against a denial just before it (不只是
    # 锦上添花), `prep` for the 只是 / 都是 before it (那都是…准备工作), in _closing_denial.
    # round 4: ranked last ("业务理解排在后面", "靠后")
    r"(?:排|放)在(?:最)?(?:后面|后头|最后|其次)|靠后|往后(?:排|放)|"
    r"没那么重要|没有那么重要|没多重要|不算重要|不太要紧|不要紧|可有可无|无足轻重|无关痛痒|"
    r"没什么大不了|(?<=用处|意义|作用|价值|帮助)不大|"
    r"(?P<bel>锦上添花|点缀)|(?P<prep>准备工作|铺垫|打底(?:的(?:东西|工作|活|事))?)|"
    r"(?:顺带|顺便|顺手)[^,。!?;\n]{0,4}?(?:就行|就好|就可以|即可))"
    r"(?:而已|罢了)?[的了啊吧呢嘛也罢哈呀]*[ \t]*" + _CLAUSE_END
    + r"|(?<!not )(?<!never )(?<!n't )(?<!nt )\b(?:(?:do|does|did)(?:n't| not) (?:really )?matter"
    # "don't matter for UX", "doesn't matter much", "don't matter to users at all"
    r"(?: (?:much|at all|(?:for|to|in) (?:the )?[a-z]+(?: at all)?))?|"
    # "X aren't where the difficulty lies", "X isn't the point", "X have nothing to do
    # with it": what X is, is denied.
    r"(?:is|are|was|were)(?:n't| not) (?:really )?where the (?:\w+ )?(?:lies|lie|is|are)|"
    r"(?:is|are|was|were)(?:n't| not) (?:really )?the (?:point|issue|problem|focus|hard part)"
    r"(?: here)?|"
    r"(?:has|have|had) (?:nothing|little) to do with (?:it|this|that|them|anything)|"
    r"(?:is|are|'s|'re) (?:\w+ )?secondary|"
    r"(?:(?:is|are|'s|'re) not|isn't|aren't) (?:that |very |really |so )?"
    r"(?:important|needed|necessary)|"
    r"not (?:needed|necessary|important|required)|unnecessary|irrelevant|unimportant|"
    r"(?:do|does)(?:n't|nt| not) (?:really )?belong(?: (?:here|there))?|"
    r"(?:is|are) optional|"
    # Belittling that keeps the terms: "matters only a little", "comes along more or
    # less for free", "is a nice-to-have", "is no big deal" ("matters a lot", "is more
    # than a nice-to-have" and "doesn't come for free" are none).
    r"(?:matters?|mattered|counts?) (?:(?:only|just) (?:a )?(?:little|slightly|a bit)"
    r"|(?:very )?little)|(?:hardly|barely|rarely) (?:matters?|counts?)|"
    r"(?:comes?|came) (?:along )?(?:more or less |almost |basically |pretty much |largely )?"
    r"(?:for free|free)|"
    r"(?:is|are|'s|'re) (?:just |only |merely |simply |really )?(?:a |an )?(?:nice[- ]to[- ]"
    r"haves?|afterthoughts?|icing on the cake|(?:no|not a) big deal|minor (?:details?|things?"
    r"|issues?|points?)|trivial)|(?:is|are)(?:n't| not) (?:a )?big deal)"
    r"[^\w。!?;,.\n]*?" + _CLAUSE_END + ")"
)


@dataclass(frozen=True, eq=False, repr=False)
class CueSet:
    """The negation cues in force for a bank, with one pattern that finds them all."""

    zh: tuple[str, ...]
    en: frozenset[str]
    scanner: re.Pattern[str]

    @staticmethod
    def build(extra: Iterable[str]) -> CueSet:
        zh = [*DEFAULT_CUES_ZH, *PREDICATE_CUES_ZH]
        en = set(DEFAULT_CUES_EN)
        for cue in extra:
            norm = normalize_term(cue)
            if not norm:
                continue
            if has_cjk(norm):
                zh.append(norm)
            else:
                en.add(norm)
        # Longest first; among cues of one length (which never match at the same place)
        # in a fixed order, so the scanner's pattern is the same in every run, and so is
        # its program, kept once per machine (reprograms).
        zh_sorted = tuple(sorted(set(zh), key=lambda c: (-len(c), c)))
        zh_not = sorted(NOT_CUES_ZH, key=len, reverse=True)
        en_not = sorted(NOT_CUES_EN, key=len, reverse=True)
        en_sorted = sorted(en, key=lambda c: (-len(c), c))
        # Look-alikes come first in each script so that, at the same position, they win;
        # then the longest cue (不是 before 不, "isn't about" before "isn't").
        # The leading lookahead (every alternative's first character) lets the regex
        # engine skip at C speed to the places where a cue can start.
        firsts = {c[0] for c in (*zh_sorted, *zh_not, *en_not, *en_sorted)}
        firsts.update("abcdefghijklmnopqrstuvwxyz'")
        from pmquiz import reprograms  # re.compile, kept once per machine

        scanner = reprograms.compile(
            "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])(?:"
            "(?P<notzh>" + "|".join(map(re.escape, zh_not)) + ")"
            "|(?P<zh>" + "|".join(map(re.escape, zh_sorted)) + ")"
            r"|\b(?P<noten>" + "|".join(map(re.escape, en_not)) + "|" + OPINION_EN
            + r")\b"
            r"|(?:\b|(?='))(?P<enp>" + PREDICATE_EN + r")\b"
            r"|\b(?P<en>" + "|".join(map(re.escape, en_sorted)) + r"|[a-z]+n't)(?![a-z0-9'])"
            ")"
        )
        return CueSet(zh_sorted, frozenset(en), scanner)


@lru_cache(maxsize=64)
def cueset(extra: tuple[str, ...]) -> CueSet:
    """The cues for a bank's extra `negation_cues`, built once per distinct set."""
    return CueSet.build(extra)



# Words that deny or belittle by themselves: a `together` term with such a piece describes
# the closing denial ("the business side is a nice-to-have" is the claim of a penalty
# [business] + [nice-to-have]), so the denial does not negate its other pieces. ("matter"
# or 重要 are no such words: [security] + [matter] is not "security doesn't matter".)
_SELF_DENYING = lazy_compile(
    "锦上添花|可有可无|无足轻重|无所谓|无关紧要|次要|点缀|不重要|没那么重要|没必要|不必要|准备工作"
    "|不(?:是|成|算)(?:什么|个)?问题"
    r"|\b(?:nice[- ]to[- ]haves?|nice extras?|afterthoughts?|icing on the cake|no big deal"
    r"|trivial|optional|secondary|irrelevant|unnecessary|unimportant|for free|free)\b"
)


def claims_denial(text: str) -> bool:
    """Whether this matched piece of an answer holds a denying or belittling word
    ("nice-to-have", "那都是上手之前的准备工作")."""
    return _SELF_DENYING.search(text) is not None


def negated_apart_from_denial(answer: AnswerText, start: int, end: int, cues: CueSet
                              ) -> bool:
    """`is_negated` without the denial that closes the clause (for the pieces of a
    `together` term that describes that denial: see claims_denial)."""
    clause_start, clause_end, first_cue_end, _ = _clause_facts(answer, start, cues)
    known = (
        (first_cue_end <= start
         and _negated_before(answer, start, clause_start, clause_end, cues))
        or (answer.has_yuqi() and _negated_by_yuqi(answer, start))
        or (answer.text[start:start + 1].isascii()
            and _negated_as_english_list_item(answer, start, clause_start, clause_end, cues))
    )
    if known and _may_hold_condition(answer) and _in_necessity(answer.text, start, end):
        known = False
    opinions, verdicts = judged_claims(answer)
    if opinions or verdicts:
        known = judge(answer, start, end, clause_start, known, opinions, verdicts)
    return known


def is_negated(answer: AnswerText, start: int, end: int, cues: CueSet) -> bool:
    """Whether the match at [start, end) of the normalised answer is negated (SPEC 4)."""
    key = (start, end)
    known = answer.negated.get(key)
    if known is None:
        clause_start, clause_end, first_cue_end, denial = _clause_facts(answer, start, cues)
        # Most clauses hold no cue before the term: skip the chain analysis then.
        known = (
            (first_cue_end <= start
             and _negated_before(answer, start, clause_start, clause_end, cues))
            or (denial is not None and denial >= end)
            or (answer.has_yuqi() and _negated_by_yuqi(answer, start))
            or (answer.text[start:start + 1].isascii() and (
                _negated_as_english_list_item(answer, start, clause_start, clause_end, cues)
                or _english_list_closed_by_denial(answer, start, clause_start, clause_end,
                                                  cues)))
        )
        if known and _may_hold_condition(answer) and _in_necessity(answer.text, start, end):
            known = False  # "if you don't get the business you can't design": both count
        opinions, verdicts = answer.judged or judged_claims(answer)  # found once per answer
        if opinions or verdicts:
            known = judge(answer, start, end, clause_start, known, opinions, verdicts)
        answer.negated[key] = known
    return known


# "If you don't get the business you can't design the right thing", "如果不懂业务，就没法
# 设计出对的产品": a negated condition with a consequence that cannot happen states a
# necessity; both sides affirm that the thing matters. (A consequence that is itself a
# denial, "if it isn't secure it doesn't matter how pretty it is", is no such shape.)
_NECESSITY = lazy_compile(
    r"\b(?:if|unless)\b[^.!?;\n]{0,120}?\b(?:not|no|never|don't|doesn't|didn't|dont|doesnt"
    r"|can't|cannot|without|isn't|aren't)\b[^.!?;\n]{0,120}?\b(?:can't|cannot|can not|cant"
    r"|won't|wont|will not|couldn't|wouldn't|unable to|no way to)\b[^.!?;\n]*"
    r"|(?:如果|要是|假如|若是|倘若)[^。!?;\n]{0,60}?[不没][^。!?;\n]{0,60}?"
    r"(?:不能|没法|没办法|无法|不可能|做不|[^。!?;\n]不[好出了成])[^。!?;\n]*"
)
_CONDITION = lazy_compile(r"\b(?:if|unless)\b|如果|要是|假如|若是|倘若")


# What every match of _CONDITION contains: an answer without any of these has no
# necessity (one scan per answer instead of one sentence search per negated match).
_CONDITION_WORD = reprograms.compile("if|unless|如果|要是|假如|若是|倘若")


def _may_hold_condition(answer: AnswerText) -> bool:
    if answer.condition is None:
        answer.condition = _CONDITION_WORD.search(answer.text) is not None
    return answer.condition


def _in_necessity(text: str, start: int, end: int) -> bool:
    """Whether the match lies in an "if not A, (then) not B" necessity."""
    lo = max(0, start - LOOKBACK)
    before = [m.end() for m in SENTENCE_STOP.finditer(text, lo, start)]
    sentence_start = before[-1] if before else lo
    hi = min(len(text), end + LOOKBACK)
    stop = SENTENCE_STOP.search(text, end, hi)
    sentence_end = stop.start() if stop else hi
    if _CONDITION.search(text, sentence_start, start) is None:
        return False
    m = _NECESSITY.search(text, sentence_start, sentence_end)
    return m is not None and m.start() <= start and end <= m.end()


def _clause_facts(answer: AnswerText, pos: int, cues: CueSet
                  ) -> tuple[int, int, int, int | None]:
    """(start, end, end of its first cue, start of its closing denial) of pos's clause."""
    k = answer.clause_index(pos)
    facts = answer.facts.get(k)
    if facts is not None and facts[0] <= pos:
        return facts
    clause_start, clause_end = answer.clause(pos)
    # _clause_cue_list, inlined: this runs for every clause that holds a match.
    found = answer.clause_cues.get(clause_start)
    if found is None:
        found = answer.clause_cues[clause_start] = _scan_cues(
            answer.text, clause_start, clause_end, cues)
    facts = (clause_start, clause_end, found[0][1] if found else clause_end + 1,
             _closing_denial(answer, clause_start, clause_end))
    answer.facts[k] = facts
    return facts


def _clause_cue_list(answer: AnswerText, clause_start: int, clause_end: int, cues: CueSet
                     ) -> list[Cue]:
    """Every cue of the clause, scanned once (only clauses that hold a match are)."""
    found = answer.clause_cues.get(clause_start)
    if found is None:
        found = _scan_cues(answer.text, clause_start, clause_end, cues)
        answer.clause_cues[clause_start] = found
    return found


def _cues_in(answer: AnswerText, clause_start: int, clause_end: int, start: int, cues: CueSet
             ) -> list[Cue]:
    """Cues between the clause start (or LOOKBACK before) and `start`."""
    window_start = max(clause_start, start - LOOKBACK)
    found = _clause_cue_list(answer, clause_start, clause_end, cues)
    return [c for c in found if c[1] <= start and c[0] >= window_start]


def _chains(text: str, found: list[Cue]) -> list[list[Cue]]:
    """Cues grouped into chains of adjacent cues: two in a row cancel (不是不, not without)."""
    chains: list[list[Cue]] = []
    for cue in found:
        if chains:
            last = chains[-1][-1]
            gap = text[last[1]:cue[0]].strip()
            # 不是不 / 不得不 (one character between) or "not without" (adjacent words);
            # "can't succeed without X": a later "without" answers an earlier cue.
            if (not gap) or (not cue[2] and not last[2] and len(gap) <= 1) or (
                    cue[2] and last[2] and text[cue[0]:cue[1]] == "without"
                    and len(EN_WORD.findall(gap)) < EN_WINDOW):
                chains[-1].append(cue)
                continue
        chains.append([cue])
    return chains


def _negated_before(answer: AnswerText, start: int, clause_start: int, clause_end: int,
                    cues: CueSet) -> bool:
    """Negated by a cue before it in its clause: the nearest chain of cues that reaches
    the term decides (an odd chain negates, an even one cancels)."""
    found = _cues_in(answer, clause_start, clause_end, start, cues)
    if not found:
        return False
    text = answer.text
    for chain in reversed(_chains(text, found)):
        verdict = _chain_verdict(text, chain, start)
        if verdict is not None:
            return verdict
    return False


def _chain_verdict(text: str, chain: list[Cue], start: int) -> bool | None:
    """True / False when this chain of cues decides about the term at `start` (negates
    it / leaves it counting); None when it does not reach the term."""
    last = chain[-1]
    gap = text[last[1]:start]
    english = last[2]
    predicate = last[3] if len(chain) == 1 else any(c[3] for c in chain)
    if english:
        words = EN_WORD.findall(gap)
        if words and words[0].startswith("un") and len(words[0]) > 4:
            # "not unimportant ...": the cue negates the un- word, not the term.
            return False
        if any(w in KNOWING_EN for w in words[:EN_WINDOW]):
            return False  # "don't know how much X matters": X counts
        between = len(words) + sum(1 for c in gap if has_cjk(c))
        if predicate and len(chain) == 1 and text[last[0]:last[1]] in _FRONTED_EN and (
                _main_clause_starts(words)):
            return None  # "instead of millions of consumers the users are internal staff"
        reaches = (predicate or between < EN_WINDOW or _english_list(gap)
                   or _FROM_TO.match(gap) is not None)
    else:
        compact = gap.replace(" ", "")
        cue = text[last[0]:last[1]]
        knowing = (None if cue in _NEED_CUES_ZH  # "不用懂业务": no need to know it
                   else _KNOWING_ZH.search(compact, 0, CJK_WINDOW + 3))
        if knowing is not None and knowing.start() <= CJK_WINDOW and not (
                predicate and _NEED_ZH.search(compact, 0, knowing.start())):
            return False  # "没认识到权限设计有多重要": 权限设计 counts
        after = text[start:start + ENUMERATION_ITEM]
        if not predicate and cue not in LIST_CUES_ZH and _own_item_zh(compact, after):
            return None  # "界面不够美、门槛高": 门槛高 is an item with its own predicate
        reaches = predicate or len(compact) <= CJK_WINDOW or _chinese_list(
            compact, cue, after)
    if not reaches:
        return None
    return len(chain) % 2 == 1


# "instead of X" / "rather than X" negate X, a noun phrase: when a new subject or a
# finite verb follows it in the clause, the main clause has begun and is not negated.
_FRONTED_EN = frozenset(("instead of", "rather than"))
_SUBJECT_EN = frozenset("""
the a an our their my your this these those we i they you he she it its
""".split())
_BEFORE_NOUN_PHRASE_EN = frozenset("""
of for with in on at by from to about and or into over than like as
""".split())


# A cue before a verb of moving carries over its "from X to Y": "PMs don't really move
# from front office to back office" denies the whole move.
_FROM_TO = lazy_compile(
    r"\A\s*(?:(?:really|actually|usually|necessarily|always|just|ever|simply) )?"
    r"(?:move|go|shift|switch|transition|progress|graduate|jump|migrate|step|get|come)"
    r"[a-z]* (?:(?:over|across|up|on) )?from (?:[\w'&-]+[ -]){0,3}?"
    r"(?:(?:to|into|towards?) (?:the )?(?:[\w'&-]+[ -]){0,2}?)?\Z"
)


def _main_clause_starts(words: list[str]) -> bool:
    """Whether, in the words between "instead of" and the term, a subject or a finite
    verb starts a clause of its own (not the first word: "instead of the fancy UI")."""
    for i in range(1, len(words)):
        w = words[i]
        before = words[i - 1]
        if w in _FINITE_EN or (w in _SUBJECT_EN and before not in _BEFORE_NOUN_PHRASE_EN
                               and not before.endswith("ing")):  # "polishing the screens"
            return True
    return False


def _own_item_zh(compact: str, after: str) -> bool:
    """The term is in a later item of a 、 list, and that item has a predicate of its own
    ("界面不够美、门槛高"): a bare cue in an earlier item does not reach it. `after`: the
    text from the term on (its item ends at the next 、, 和 ... or clause end)."""
    if "、" not in compact:
        return False
    item = _LIST_JOIN_ZH.split(compact)[-1] + _ITEM_END_ZH.split(after, maxsplit=1)[0]
    return _OWN_PREDICATE_ZH.search(item) is not None


def _chinese_list(compact: str, cue: str, after: str) -> bool:
    """The term is an item of a list the cue governs: "没有权限、审批和日志"."""
    items = _LIST_JOIN_ZH.split(compact)
    if len(items) < 2:
        return False
    # The term is at (or within the window of) the start of the last item.
    if len(items[-1]) > CJK_WINDOW:
        return False
    longest = ENUMERATION_ITEM if cue in LIST_CUES_ZH else CJK_WINDOW
    return all(len(item) <= longest for item in items[:-1])


# An item that ends in an adjective of degree says something of its own ("门槛高",
# "用户少"): a bare cue several items before it (不够美、门槛高) does not govern it.
_OWN_PREDICATE_ZH = lazy_compile("..[高低少多难大小美差强弱慢快]$")
_ITEM_END_ZH = lazy_compile(r"、|以及|或者|和|与|及|或|[。!?;,.\n:]")


def _english_list(gap: str) -> bool:
    """Within a clause, the term is an item of a list right after the cue:
    "don't need payments and refunds and support tickets"."""
    items = _LIST_JOIN_EN.split(gap)
    if len(items) < 2:
        return False
    sizes = [len(EN_WORD.findall(item)) for item in items]
    return sizes[0] < EN_WINDOW and sizes[-1] < EN_WINDOW and all(
        n <= EN_WINDOW for n in sizes[1:-1])


def _negated_by_yuqi(answer: AnswerText, start: int) -> bool:
    """"与其说 X，不如说 Y": X is negated, across the comma, up to 不如."""
    text = answer.text
    at = text.rfind("与其", max(0, start - LOOKBACK), start)
    while at != -1 and text[at + 2:at + 3] in _NOT_YUQI:  # 与其他系统: "with other"
        at = text.rfind("与其", max(0, start - LOOKBACK), at)
    if at == -1:
        return False
    between = text[at:start]
    return "不如" not in between and _SENTENCE_END.search(between) is None


_NOT_YUQI = frozenset("他它中余")  # 与其他, 与其它, 与其中, 与其余: 与 + 其…, no 与其


def _negated_as_english_list_item(answer: AnswerText, start: int, clause_start: int,
                                  clause_end: int, cues: CueSet) -> bool:
    """An English list a cue governs runs across commas: in "it isn't about payments,
    refunds or support tickets" every item is negated. The items after the first are
    short (at most three words each) and the list has and / or / nor."""
    text = answer.text
    if not text[start:start + 1].isascii() or not clause_start or text[clause_start - 1] != ",":
        return False
    if len(EN_WORD.findall(text[clause_start:start])) >= EN_WINDOW:
        return False  # the term is not near the start of its item
    item_words = [w for w in EN_WORD.findall(text, clause_start, clause_end)
                  if w not in ("and", "or", "nor")]
    if len(item_words) > EN_WINDOW:
        return False  # "..., efficiency and security come first": a clause, not an item
    list_end = clause_end
    if clause_end < len(text) and text[clause_end] == ",":
        list_end = answer.clause(clause_end + 1)[1]  # the list may close after this item
    if _has_own_predicate(answer, clause_start, clause_end):
        return False  # "looks aren't the point, efficiency and security are": a new clause
    pos = clause_start
    for _ in range(8):  # items walked back over
        if pos < 2 or text[pos - 1] != ",":
            return False
        seg_start, seg_end = answer.clause(pos - 2)
        segment_cues = _clause_cue_list(answer, seg_start, seg_end, cues)
        if segment_cues:
            chain = _chains(text, segment_cues)[-1]
            tail = EN_WORD.findall(text[chain[-1][1]:seg_end])
            reaches = chain[-1][2] and (any(c[3] for c in chain) or len(tail) < EN_WINDOW)
            return (reaches and len(chain) % 2 == 1
                    and not any(w in KNOWING_EN for w in tail[:EN_WINDOW])
                    and _CONJUNCTION_EN.search(text, chain[-1][1], list_end) is not None)
        item = text[seg_start:seg_end]
        if has_cjk(item) or len(EN_WORD.findall(item)) > EN_WINDOW:
            return False
        pos = seg_start
    return False


# Finite verbs that give a run of items after a comma a predicate of its own: the run
# is then the subject of a new clause, not more complements of the cue before it.
_FINITE_EN = frozenset("""
is are was were matter matters count counts come comes lie lies win wins
""".split())
_RELATIVE_EN = frozenset(("which", "that", "who", "what"))


def _has_own_predicate(answer: AnswerText, clause_start: int, clause_end: int) -> bool:
    """Whether the comma-joined run starting with this item ends in a predicate of its
    own ("..., efficiency, functionality and security matter"; "..., efficiency and
    security are"); a relative clause ("which are solved") is no predicate of the run."""
    text = answer.text
    end = clause_end
    for _ in range(8):  # items walked over
        words = EN_WORD.findall(text, clause_start, end)
        for i, w in enumerate(words):
            if w in _FINITE_EN and (i == 0 or words[i - 1] not in _RELATIVE_EN):
                return True
        if end >= len(text) or text[end] != "," or has_cjk(text[clause_start:end]):
            return False
        clause_start, end = answer.clause(end + 1)
    return False


def _english_list_closed_by_denial(answer: AnswerText, start: int, clause_start: int,
                                   clause_end: int, cues: CueSet) -> bool:
    """A denial closing the last item of an English list negates every item, across the
    commas: "payments, refunds or support flows don't matter"."""
    text = answer.text
    if not text[start:start + 1].isascii() or text[clause_end:clause_end + 1] != ",":
        return False
    if _item_size(text, clause_start, clause_end) > EN_WINDOW:
        return False
    pos = clause_end + 1
    for _ in range(8):  # items walked over
        if pos >= len(text):
            return False
        seg_start, seg_end, _, denial = _clause_facts(answer, pos, cues)
        if denial is not None:  # the last item(s): "refunds or support flows don't matter"
            last = text[seg_start:denial]
            return not has_cjk(last) and all(
                len(EN_WORD.findall(item)) <= EN_WINDOW for item in _LIST_JOIN_EN.split(last)
            ) and _CONJUNCTION_EN.search(text, clause_start, denial) is not None
        if text[seg_end:seg_end + 1] != "," or _item_size(text, seg_start, seg_end) > EN_WINDOW:
            return False
        pos = seg_end + 1
    return False


def _item_size(text: str, start: int, end: int) -> int:
    """Words of a list item, its conjunction aside (CJK text makes it no item)."""
    if has_cjk(text[start:end]):
        return EN_WINDOW + 1
    return sum(1 for w in EN_WORD.findall(text, start, end) if w not in ("and", "or", "nor"))


def _closing_denial(answer: AnswerText, clause_start: int, clause_end: int) -> int | None:
    """Where a denial that closes the clause starts ("权限、审批这些都无所谓"), if any:
    it negates every term of the clause before it."""
    if clause_end <= clause_start:
        return None
    last = answer.text[clause_end - 1]
    if last.isalnum() and not last.isascii() and last not in _DENIAL_LAST:
        return None  # no denial can end here: skip the search
    m = _DENIAL.search(answer.text, max(clause_start, clause_end - DENIAL_LOOKBACK),
                       clause_end)
    while m is not None and (m.end() != clause_end  # it must close the clause
                             or (m.group("bel") and _raised(answer.text, m.start()))
                             or (m.group("prep")
                                 and not prep_belittles(answer.text, clause_start, m.start()))):
        m = _DENIAL.search(answer.text, m.end(), clause_end)
    return m.start() if m is not None else None


# The last character of every Chinese denial _DENIAL finds (and of its 而已 / 罢了 and
# particles): a denial closes its clause, so a clause that ends in another letter of a
# script other than Latin has none. (An English denial ends in a Latin letter or in
# characters that are no letters: those clauses are searched.) tests/test_negation_speed.py
# checks that skipping the search changes nothing.
_DENIAL_LAST = frozenset("要意心系大关谓的点提面头后次排放紧无重痒了花缀作垫底西活事行好以可已题"
                         "啊吧呢嘛也罢哈呀")
_RAISED_ZH = lazy_compile("不|非|止")


def _raised(text: str, at: int) -> bool:
    """A belittling word denied just before it ("不只是锦上添花", "绝非点缀"): no belittling."""
    return _RAISED_ZH.search(text, max(0, at - 5), at) is not None


def _scan_cues(text: str, start: int, end: int, cues: CueSet) -> list[Cue]:
    found: list[Cue] = []
    for m in cues.scanner.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "zh":
            s = m.start()
            if 0 < s < len(text) - 1 and text[s - 1] == text[s + 1] and text[s] in "不没":
                continue  # 有没有, 好不好, 是不是: a question, not a denial
            found.append((s, m.end(), False, m.group() in _PREDICATE_ZH))
        elif kind == "en":
            found.append((m.start(), m.end(), True, False))
        elif kind == "enp":
            found.append((m.start(), m.end(), True, True))
    return found


_PREDICATE_ZH = frozenset(PREDICATE_CUES_ZH)
