"""The words negation looks for (SPEC 4), shared by the cue rules (pmquiz.grading.negation)
and the verdict rules (pmquiz.grading.verdicts): cues and their look-alikes, denied
opinions, verbs of knowing, and when calling things preparation belittles them.
"""

from __future__ import annotations

from pmquiz.grading.lazyre import lazy_compile

DEFAULT_CUES_ZH = ("不是", "不需要", "不用", "没有", "并非", "无需", "不", "没", "别", "未")
DEFAULT_CUES_EN = ("not", "no", "never", "don't", "doesn't", "isn't", "aren't", "without",
                   "cannot", "nor",
                   # typed without the apostrophe ("they dont realise")
                   "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant",
                   "wont", "shouldnt", "couldnt", "wouldnt", "havent", "hasnt")
# Cues that deny a whole predicate: they reach to the end of their clause, whatever the
# distance ("后台的关键并不在于团队里有没有人懂交互设计", "hardly a matter of polishing").
PREDICATE_CUES_ZH = ("并不是", "不是", "并非", "谈不上", "算不上", "称不上", "不在于", "远非",
                     "而非")
PREDICATE_EN = (
    r"(?:(?:is|are|was|were|'s|'re) not|isn't|aren't|wasn't|weren't|isnt|arent|not)"
    r" (?:really )?about"
    r"|hardly|far from|by no means|rather than|instead of|(?:nothing|little) to do with"
    # "not anything like R&D", "nothing like R&D", "it's not true that X": the whole
    # rest of the clause is denied. ("I don't think" is not: "don't think it needs
    # anything except efficiency" affirms efficiency; within 3 words it negates.)
    r"|not anything like|nothing like|not true that"
    # A denied cause: "it isn't because PMs keep expanding into the business or deal
    # with architecture" denies every cause of the clause ("not just because" does not).
    r"|(?:(?:is|are|was|were|'s|'re) not|isn't|aren't|wasn't|weren't|isnt|arent|not)"
    r" (?:because|due to)"
)
# Words that contain a cue's characters but negate nothing.
NOT_CUES_ZH = (
    "不断", "不同", "不少", "不仅", "不过", "不但", "不管", "不论", "不停", "不错", "不久",
    "不光", "不只", "不止", "不单", "不可或缺", "不可替代", "区别", "特别", "别人", "别的",
    "别家", "别处", "别样",
    "分别", "级别", "类别", "识别", "差别", "告别", "个别", "性别", "辨别", "鉴别",
    "未来", "并且", "没错", "不得了", "不如", "而非常",
    # Round 4: "cannot do without" affirms (后台离不开业务理解, 绕不开数据安全).
    "离不开", "离不了", "绕不开", "绕不过", "避不开", "避免不了", "躲不开", "躲不过", "逃不开",
    "少不了", "缺不了", "免不了", "省不了", "少不得",
    # Opinion cues (_OPINION): an outer denial of the clause, not a cue of their own.
    "不认为", "不觉得", "不太认为", "不太觉得", "不大觉得", "不怎么觉得", "不怎么认为",
)
NOT_CUES_EN = ("not only", "not just", "no matter", "no doubt", "not to mention",
               "not least")
# "I don't think X", "I wouldn't say X", "我不认为是因为 X", "我不觉得 X": an opinion
# denied. It reaches to the end of its clause and flips what the rest of the clause
# says, so a double denial affirms ("我不觉得权限不重要", "I don't think refunds are
# unimportant"); it does not reach past a verb of knowing, an exception or a comparison
# ("I don't think people realise how much X matters", "anything except X", "than X").
OPINION_EN = (
    r"(?:i|we)(?: really| personally| honestly| just)? (?:don't|do not|dont|didn't|did not"
    r"|never) (?:really |personally )?(?:think|believe|feel|reckon)"
    # "I wouldn't argue against X" agrees with X
    r"|(?:i|we) (?:wouldn't|would not|wouldnt) (?:really )?(?:say|call|argue(?! against))"
    r"|(?:i'm|i am|we're|we are) not (?:convinced|persuaded)(?: that)?"
)
# Two patterns, each with a fixed first character or word the regex engine skips to.
OPINION_ZH = lazy_compile("不(?:太|大|怎么)?(?:认为|觉得)")
OPINION_EN_RE = lazy_compile(r"\b(?:" + OPINION_EN + r")\b")
# A cue before a verb of knowing or noticing negates the verb, not what is known:
# "新人往往没认识到权限设计有多重要" says that it matters.
KNOWING_ZH = ("意识到", "认识到", "知道", "明白", "懂得", "了解", "发现", "注意到",
              # 不清楚 / 没搞清楚 / 不懂 too: "不清楚后台的重要性" affirms the importance
              "清楚", "懂")
KNOWING_EN = frozenset("""
realise realises realised realising realize realizes realized realizing know knows knew
known knowing understand understands understood understanding appreciate appreciates
appreciated appreciating notice notices noticed noticing see sees saw seen seeing
""".split())
# What an opinion denial does not reach past: a verb of knowing, an exception or a
# comparison.
OPINION_STOP = lazy_compile(
    "|".join(KNOWING_ZH) + r"|除了|以外|之外|比(?!较|如)|不如|\b(?:"
    + "|".join(sorted(KNOWING_EN)) + r"|except|besides|apart from|other than|than"
    r"|as much as)\b"
)
KNOWING_ALL = frozenset(KNOWING_ZH) | KNOWING_EN
# A need or a cause before a verb of knowing: what is denied is the need ("不认为是因为
# 要懂技术", "don't think it's because you need to know code").
NEED_BEFORE = lazy_compile(
    r"要|因为|为了|得|必须|需|\b(?:because|need|needs|have to|has to|must)\b")
LOOKBACK = 160  # characters looked at before a term, whatever the clause length
# Where a sentence ends (a clause boundary that 与其 ... 不如, necessities and verdicts
# do not reach across).
SENTENCE_STOP = lazy_compile(r"[.!?;\n。]")


# round 4: 打底(的东西), "那只是打底的东西"
_PREP_WORD = lazy_compile("准备工作|铺垫|前置工作|打底")


def belittling(body: str) -> bool:
    """A verdict clause calling things preparation belittles them only as prep_belittles
    says ("这些都是做产品设计之前必须做的准备工作" values them)."""
    prep = _PREP_WORD.search(body)
    return prep is None or prep_belittles(body, 0, prep.start())
# "那都是做交互之前的准备工作": preparation is a belittling only after 只是 / 都是 ...
_PREP_LEAD = lazy_compile("只是|都是|不过是|也就是|只不过是|无非是")
PREP_LEAD = 14  # characters before 准备工作 / 铺垫 where that lead stands
# ... and not when the preparation is called necessary ("这些都是做产品设计之前必须做的准备
# 工作" values it).
_PREP_VALUED = lazy_compile("必须|必要|重要|关键|核心|基础|不可少|少不了|一定要")


def prep_belittles(text: str, lo: int, at: int) -> bool:
    """Whether the 准备工作 / 铺垫 at `at` (its clause starting at `lo`) belittles."""
    lead = _PREP_LEAD.search(text, max(lo, at - PREP_LEAD), at)
    return lead is not None and _PREP_VALUED.search(text, lead.end(), at) is None
