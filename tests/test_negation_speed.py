"""Negation's fast paths find what their plain forms find (the speed work of issue 18).

Each fast path below replaces a plain one that is easier to read; these tests compare the
two on many real sentences of both languages, cut at every clause, and on the phrases each
pattern is written for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pmquiz.grading import negation, verdicts
from pmquiz.grading.answer import AnswerText

DATA = Path(__file__).resolve().parent / "data" / "blind"
BANKS = Path(__file__).resolve().parent.parent / "questions"

# Phrases each fast pattern is written for, with what comes before and after them.
DENIALS = [
    "权限、审批这些都无所谓", "界面不重要", "界面不那么重要了", "交互没那么重要啊",
    "这个没有必要吧", "好不好看没什么关系", "和它关系不大", "次要的", "这不是重点",
    "不值一提", "可有可无", "无足轻重", "无关痛痒", "排在后头", "放在其次", "都是打底的活",
    "那只是打底的事", "顺便看看就好", "顺带做就可以", "无所谓嘛", "不重要呢", "次要哈",
    "无关紧要呀", "不重要也罢", "没什么大不了", "没什么大不了了", "用处不大",
    "只是锦上添花而已", "不只是锦上添花", "那都是准备工作", "都是铺垫罢了",
    "那只是打底的东西", "顺带做做就行", "顺手弄一下即可", "业务理解排在后面", "放在最后",
    "靠后", "往后放", "不用太在意", "不必在意", "不用太关心", "不太需要", "不要紧",
    "不太要紧", "无关紧要", "无关", "没多重要", "不算重要", "不是很重要呢",
    "没有多大关系 ", "点缀\t", "payments don't matter", "refunds doesn't matter much",
    "looks aren't the point", "ux isn't really where the difficulty lies",
    "it's secondary", "security is a nice-to-have", "it comes along for free",
    "it's no big deal", "optional)", "that's trivial", "visual polish is unimportant",
    "it matters only a little\"",
]
DISMISSALS = [
    "上线了谁还管这些啊", "哪有人在乎这些", "这些有什么用", "那又有啥用呢", "who cares",
    "Who cares.", "nobody really cares about that", "no one gives a damn", "snobody cares",
    "xwho cares", "后台who cares", "谁都在乎", "1who cares", "é who cares", "_who cares",
    "who caresx",
]
ARGUING = [
    "我不会拿权限去说服他", "别跟我扯什么体验", "不用再提什么交互", "没必要搬出数据",
    "用不着拿竞品说事", "不管拿什么", "特别拿手", "并不拿",
]


def _sentences() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.yaml")):
        texts += [item["answer"] for item in yaml.safe_load(path.read_text("utf-8"))["answers"]]
    for path in sorted(BANKS.glob("*.yaml")):
        for q in yaml.safe_load(path.read_text("utf-8"))["questions"]:
            texts += [e["answer"] for e in q.get("examples") or ()]
    return texts


SENTENCES = _sentences()
PHRASES = [f"{lead}{p}{tail}" for p in DENIALS + DISMISSALS + ARGUING
           for lead in ("", "其实", "but ", "，") for tail in ("", "，后面还有", ". next", "但是")]


def _plain_denial(answer: AnswerText, clause_start: int, clause_end: int) -> int | None:
    """_closing_denial as written before the search was skipped by the clause's end."""
    text = answer.text
    m = negation._DENIAL.search(text, max(clause_start, clause_end - negation.DENIAL_LOOKBACK),
                                clause_end)
    while m is not None and (m.end() != clause_end
                             or (m.group("bel") and negation._raised(text, m.start()))
                             or (m.group("prep") and not negation.prep_belittles(
                                 text, clause_start, m.start()))):
        m = negation._DENIAL.search(text, m.end(), clause_end)
    return m.start() if m is not None else None


def test_a_closing_denial_is_found_as_the_plain_search_finds_it() -> None:
    found = 0
    for raw in SENTENCES + PHRASES:
        answer = AnswerText.of(raw)
        text = answer.text
        # every clause; in the phrases, every prefix of every clause too
        every_cut = raw in PHRASES
        for k in range(len(answer.clause_boundaries()) + 1):
            start = answer.boundary_ends[k - 1] if k else 0
            end = answer.boundaries[k] if k < len(answer.boundaries) else len(text)
            for cut in range(start, end + 1) if every_cut else (end,):
                expected = _plain_denial(answer, start, cut)
                assert negation._closing_denial(answer, start, cut) == expected, text[start:cut]
                found += expected is not None
    assert found > 150  # the phrases are found: the comparison is not of two Nones


@pytest.mark.parametrize(("fast", "plain"), [
    (verdicts._DISMISS_SCAN, verdicts._DISMISS_SCAN_PLAIN),
    # the denied-arguing scan, with the leading lookahead it had
    (verdicts._DENIED_ARGUING_ZH, "(?=[不别没用])" + verdicts._DENIED_ARGUING_ZH.pattern),
])
def test_the_verdict_scans_find_what_their_plain_forms_find(fast: re.Pattern[str],
                                                            plain: str) -> None:
    plain_re = re.compile(plain)
    hits = 0
    for raw in SENTENCES + PHRASES:
        text = AnswerText.of(raw).text
        spans = [m.span() for m in plain_re.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == spans, text
        hits += len(spans)
    assert hits > 20


def test_an_answer_skipped_by_the_dismissal_test_holds_no_dismissal() -> None:
    for raw in SENTENCES + PHRASES:
        text = AnswerText.of(raw).text
        if verdicts._DISMISS_SCAN.search(text) is not None:
            assert verdicts._may_dismiss(text), text
    assert not verdicts._may_dismiss("电商的下单、退货，这些通用业务到哪家公司都能用。")
