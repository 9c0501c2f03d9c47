"""Keyword lists (SPEC 4): an answer that is only a run of words, not a sentence.

"付费 退款 客服 流程 体验" or "refunds payments tickets audit logs permissions" name the
right things and say nothing about them. Such an answer does not pass, whatever its
score, unless the question sets `lists: true` (its prompt asks to name things). An answer
written in sentences is never flagged for being short or for listing things.
"""

from __future__ import annotations

import re

from pmquiz.grading.answer import EN_WORD
from pmquiz.text import has_cjk

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
            for word in EN_WORD.findall(item):
                if word in _SENTENCE_EN:
                    return False
        elif item in _SENTENCE_EN or EN_WORD.fullmatch(item) is None and not item.isalnum():
            return False
    return True
