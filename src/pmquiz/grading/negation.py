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
5. flipped by a denied opinion before it in its clause ("我不认为是因为 X", "I don't
   think X", "I wouldn't say X"), so that a double denial affirms ("我不觉得权限不重要");
   not past a verb of knowing, an exception (except, 除了) or a comparison (than, 比);
6. by a clause that is only a verdict on the claim before it: a disagreement flips the
   claim ("说后台难以替代、薪资更高，我都不太认同"; from a reported-speech frame, 有人说 /
   people say, when there is one), a belittling verdict on an anaphor negates the clause
   before it ("…，但说到底那都是做交互之前的准备工作", "…, none of that matters");
   (round 4) the disagreement may come after clauses or sentences that only
   acknowledge the claim or ask whether it is so ("这些说法我都听过，可我并不认同",
   "——真是这样吗？我看不是", "People like to say X. I wouldn't say so."), and it
   reaches points that are not negatable (`denied_by_verdict`); an endorsement (我同意,
   "and they're right") is no verdict, so the claim counts;
7. (round 4) by a rhetorical dismissal of an anaphor just after its clause or question
   ("X、Y？上线了谁还管这些啊", "这些有什么用", "X? Who cares.");
8. (round 4) by a denied act of arguing or mentioning before it in its clause ("I
   wouldn't push back with talk about X", "我不会拿 X 去说服他", "别跟我扯什么 X").
Closing denials include belittling that keeps the terms ("只是锦上添花", "可有可无",
"matters only a little", "comes along for free", "is a nice-to-have"; round 4: "那只是
打底的东西", ranked last: "排在后面", "往后放"); a `together`
term one of whose pieces is such a word describes the denial and is not negated by it.
A clause ends at 。！？；，,.;!? and line breaks, at a colon or a spaced dash, and at
contrast words (但, 而是, 却, but, rather, instead: pmquiz.grading.answer); 、 does not
end it.

`is_negated(answer, start, end, cues)` is the one entry point. Its findings are cached on
the `AnswerText`: each clause is scanned for cues and for a closing denial once, however
many terms occur in it, and only clauses that hold a match are scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pmquiz import reprograms
from pmquiz.grading.answer import COLON_OR_DASH, EN_WORD, AnswerText
from pmquiz.grading.lazyre import lazy_compile
from pmquiz.text import has_cjk, normalize_term

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
_PREDICATE_EN = (
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
_OPINION_EN = (
    r"(?:i|we)(?: really| personally| honestly| just)? (?:don't|do not|dont|didn't|did not"
    r"|never) (?:really |personally )?(?:think|believe|feel|reckon)"
    # "I wouldn't argue against X" agrees with X
    r"|(?:i|we) (?:wouldn't|would not|wouldnt) (?:really )?(?:say|call|argue(?! against))"
    r"|(?:i'm|i am|we're|we are) not (?:convinced|persuaded)(?: that)?"
)
# Two patterns, each with a fixed first character or word the regex engine skips to.
_OPINION_ZH = lazy_compile("不(?:太|大|怎么)?(?:认为|觉得)")
_OPINION_EN_RE = lazy_compile(r"\b(?:" + _OPINION_EN + r")\b")
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
_OPINION_STOP = lazy_compile(
    "|".join(KNOWING_ZH) + r"|除了|以外|之外|比(?!较|如)|不如|\b(?:"
    + "|".join(sorted(KNOWING_EN)) + r"|except|besides|apart from|other than|than"
    r"|as much as)\b"
)
_KNOWING_ALL = frozenset(KNOWING_ZH) | KNOWING_EN
# A need or a cause before a verb of knowing: what is denied is the need ("不认为是因为
# 要懂技术", "don't think it's because you need to know code").
_NEED_BEFORE = lazy_compile(
    r"要|因为|为了|得|必须|需|\b(?:because|need|needs|have to|has to|must)\b")
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
LOOKBACK = 160  # characters looked at before a term, whatever the clause length
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
    r"(?:is|are|was|were)(?:n't| not) (?:really )?the (?:point|issue|problem|focus|hard part)|"
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
            r"|\b(?P<noten>" + "|".join(map(re.escape, en_not)) + "|" + _OPINION_EN
            + r")\b"
            r"|(?:\b|(?='))(?P<enp>" + _PREDICATE_EN + r")\b"
            r"|\b(?P<en>" + "|".join(map(re.escape, en_sorted)) + r"|[a-z]+n't)(?![a-z0-9'])"
            ")"
        )
        return CueSet(zh_sorted, frozenset(en), scanner)


@lru_cache(maxsize=64)
def cueset(extra: tuple[str, ...]) -> CueSet:
    """The cues for a bank's extra `negation_cues`, built once per distinct set."""
    return CueSet.build(extra)


# -- opinions and verdicts on a claim (round 3) ---------------------------------------------

# A clause that only judges the claim before it in its sentence. A disagreement ("我都
# 不太认同", "I don't agree with any of that") flips what the claim says, from a
# reported-speech frame (有人说, people say) or else from the sentence start: in "有人说
# 后台不重要，我不认同，后台很重要" the reported part is denied (so 后台 counts) and the
# last clause is untouched. A belittling verdict on an anaphor ("那都是做交互之前的准备
# 工作", "those don't matter") negates the clause just before it.
# Where a verdict clause may be: each pattern starts with one fixed character, or one
# of three, so that the regex engine skips at C speed to the few places worth a look.
# 不 starts the disagreements (不认同, 不这么看, 不对, 站不住脚) and the opinion cues
# (group `op`: 不认为, 不觉得); an anaphor starts a belittling verdict (那都是…准备工作).
# "那些都是研发负责的": the claim before is someone else's job, not the speaker's point.
_OTHERS_JOB_ZH = ("(?:研发|开发|技术|运维|工程师|程序员|别人|其他人)(?:团队|同学|部门)?"
                  "(?:负责|管|做|干)?的(?:事|事情|活|工作)?")
_NOT_SCAN_ZH = lazy_compile(
    "不(?:(?:太|大|怎么)?(?:(?P<op>认为|觉得)|认同|同意|赞同|认可|买账|敢苟同|这么看|这样看|这么认为"
    "|这样认为|这么想|这样想|是这样|对)|(?<=站不)住脚"
    # round 4: "我看不是", "不见得", "不尽然" (不是 only where it closes its clause)
    "|是(?=[的了啊吧呢嘛哈呀]*(?:[,。!?;\\n]|\\Z))|见得|尽然)"
)
_BELITTLE_SCAN_ZH = lazy_compile(
    "(?:那|这|它)(?:些|个|类|种|几个|几点|两个|们)?(?:东西|事情|事|工作)?(?:其实|说到底|都|也|只"
    "|不过|倒|只不过|也就|顶多|最多)*(?:不重要|不那么重要|没那么重要|没有那么重要|不太重要|无所谓"
    "|无关紧要|次要|可有可无|无足轻重|不是重点|没有?(?:什么)?关系|不值一提|是?个?锦上添花"
    "|是[^,。!?;\\n]{0,12}?(?:准备工作|铺垫|前置工作|打底(?:的(?:东西|工作|活|事))?)"
    "|是" + _OTHERS_JOB_ZH + ")"
)
_VERDICT_CORE_EN = lazy_compile(
    r"(?:disagree|agree|buy (?:it|that|this|any of (?:it|that|this))|true|the case|a myth"
    r"|think so|convinced|matters?(?: (?:much|only a little|very little|little))?"
    r"|nice[- ]to[- ]haves?|secondary|afterthoughts?|big deal|important|irrelevant"
    r"|icing on the cake|optional|job)(?: with (?:any of |all of |most of )?(?:that|this"
    r"|it|them|those|these|the idea|that idea|that claim|that view|the claim))?(?: at all)?"
    r"(?=[.!?;,\n:]|\Z| (?:but|though|however)\b)"
)
# Round 4: "I wouldn't say so", "not really", "I'm not sure about that", "I don't see it
# that way": scanned only when one of its words occurs.
_VERDICT_R4_EN = lazy_compile(
    r"\b(?:say so|not really|sure about (?:that|this|it)|(?:see|look at) it (?:that way"
    r"|like that)|doubt (?:it|that|this)|beg to differ)(?=[.!?;,\n:]|\Z| (?:but|though|however)\b)"
)
VERDICT_CLAUSE = 40  # longest clause (characters) that can be only a verdict
_DISAGREE_CLAUSE = lazy_compile(
    "(?:可是|可|不过|然而|只是)?(?:其实|说实话|老实说|坦白说|在我看来|依我看|恐怕)?"
    "(?:(?:这些|这个|这种|这|那些"
    "|那种|那个|那)(?:说法|观点|看法|话)?)?(?:我|我们|我个人|本人)?(?:看|倒觉得|觉得)?"
    "(?:都|也|并|完全|根本|一点都|一点也|实在|真的|其实|是|个人)*"
    "(?:(?:不太|不大|不怎么|不|并不|完全不|根本不)(?:认同|同意|赞同|认可|买账|敢苟同)"
    "|不(?:这么|这样)(?:看|认为|想)|并非如此|不是这样的?|站不住脚|不对"
    # round 4: "我看不是", "未必", "不见得", "不尽然"
    "|(?<=[看来怕])(?:也)?不是|(?:也|倒)?(?:未必|不见得|不尽然)(?:如此|是这样|吧)?)"
    "(?:这(?:个|种|些|点)?|那(?:个|种|些)?)?(?:说法|观点|看法)?[的了啊吧呢嘛哈呀]*"
    r"|(?:(?:but|however|honestly|frankly|personally|and) )?(?:(?:i|we)(?: strongly| totally"
    r"| completely| really| just| personally| simply)? (?:disagree|(?:don't|do not|dont"
    r"|can't|cannot) (?:really )?(?:agree|buy (?:it|that|this|any of (?:it|that|this)))"
    r"|am not convinced)|i'm not convinced|(?:that|this|it|none of (?:that|this|it))"
    r"(?:'s| is)(?: just| simply)? (?:not true|untrue|not the case|a myth)"
    r"|not true|i don't think so"
    # round 4: "I wouldn't say so", "not really", "I'm not sure about that", "I don't see
    # it that way", "that's a myth" (above)
    r"|(?:i|we) (?:wouldn't|would not|wouldnt) (?:really )?say (?:so|that)"
    r"|(?:i|we)(?: really| seriously| rather)? doubt (?:it|that|this)|i beg to differ"
    r"|(?:well, )?not really|(?:i'm|i am) not (?:so |too |that )?sure about (?:that|this|it)"
    r"|(?:i|we) (?:don't|do not|dont) (?:really )?(?:see|look at) it (?:that way|like that))"
    r"(?: with (?:any of |all of |most of )?(?:that|this|it|them"
    r"|those|these|the idea|that idea|that claim|that view|the claim))?(?: at all)?"
)
_BELITTLE_CLAUSE = lazy_compile(
    "(?:其实|说到底|说白了|归根结底|本质上|总之)?(?:那|这|这些|那些|这个|那个|它|它们|这类"
    "|这种|这几个|这几点|这两个)(?:东西|事情|事|工作)?(?:其实|说到底|都|也|只|不过|倒|只不过"
    "|也就|顶多|最多)*(?:不重要|不那么重要|没那么重要|没有那么重要|不太重要|无所谓|无关紧要"
    "|次要的?|可有可无|无足轻重|不是重点|没(?:有)?(?:什么)?关系|不值一提|是?(?:个)?锦上添花"
    "|是[^,。!?;\n]{0,12}?(?:准备工作|铺垫|前置工作|打底(?:的(?:东西|工作|活|事))?)"
    "|是" + _OTHERS_JOB_ZH + ")"
    "(?:而已|罢了|[的了啊吧呢嘛哈呀])*"
    r"|(?:(?:but|and|honestly|really) )?(?:that|this|those|these|it|they|all (?:of )?(?:that"
    r"|this|those|these)|none of (?:that|this|it|them))(?: really| just| all| stuff| things)?"
    r"(?: (?:don't|doesn't|do not|does not|dont|doesnt) (?:really )?matter(?: much| at all)?"
    r"| (?:really )?matters? (?:only a little|very little|little)"
    r"|(?:'s|'re| is| are)(?: just| only| merely| all)? (?:a )?(?:nice[- ]to[- ]haves?"
    r"|secondary|afterthoughts?|an afterthought|no big deal|not a big deal|not important"
    r"|unimportant|irrelevant|icing on the cake|optional"
    r"|(?:the )?(?:engineers'|developers'|devs'|someone else's|the tech team's) job))"
    r"|(?:(?:but|and|honestly|really) )?none of (?:that|this|it|them)(?: really)? matters"
)
# A reported-speech frame: the claim a disagreement denies starts here.
_FRAME = lazy_compile(
    "(?:有人|别人|很多人|不少人|大家|人们|网上|外界|他们|有的人|好多人)(?:都|常|总|经常)?"
    "(?:说|觉得|认为|讲|以为)|(?:都|常|总)说|所谓|(?:^|(?<=[,;:。.!?\n]))说"
    r"|\b(?:people|some|many|they|others|everyone|folks|critics|some people|many people"
    r"|a lot of people)(?: often| usually| always| sometimes)? (?:say|said|claim|claimed"
    r"|think|argue|believe|insist)\b"
    r"|\b(?:people|some|many|they|others|everyone|folks|critics|some people|many people"
    r"|a lot of people) (?:like|love|tend|used|seem|will|would|often like) (?:to )?(?:say"
    r"|claim|think|argue|believe|insist|tell you)\b"
    r"|\bit's (?:often |commonly )?said\b|\byou (?:often )?hear (?:people say|that)\b"
    r"|\bthe (?:claim|idea|notion) that\b"
)
_NONE: tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]] = ((), ())
# What may stand just before the anaphor of a belittling verdict: a clause boundary, a
# space, or the last character of a lead-in (其实, 说到底, 说白了, 本质上, 总之, 但是, 不过).
_CLAUSE_OPENING = frozenset("。!?;,.:\n \t实底了上之但是过")


def _judged(answer: AnswerText
            ) -> tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]]:
    """(where each opinion cue starts, (start, end, flips?) of each claim a verdict
    clause judges), found once per answer."""
    found = answer.judged
    if found is None:
        text = answer.text
        opinions: list[int] = []
        candidates: list[tuple[int, bool]] = []  # (where, may be a belittling verdict)
        for m in _NOT_SCAN_ZH.finditer(text):
            if m.group("op"):
                opinions.append(m.start())
            else:
                candidates.append((m.start(), False))
        at = text.find("并非如此")
        if at != -1:
            candidates.append((at, False))
        at = text.find("未必")
        if at != -1:
            candidates.append((at, False))
        candidates.extend((m.start(), True) for m in _BELITTLE_SCAN_ZH.finditer(text)
                          if not m.start() or text[m.start() - 1] in _CLAUSE_OPENING)
        if "t" in text or "e" in text:  # each English opinion or verdict has a t or an e
            opinions.extend(m.start() for m in _OPINION_EN_RE.finditer(text))
            candidates.extend((m.start(), True) for m in _VERDICT_CORE_EN.finditer(text))
            if "say so" in text or "really" in text or "sure about" in text or (
                    "doubt" in text or "differ" in text) or (
                    " it " in text and ("that way" in text or "like that" in text)):
                candidates.extend((m.start(), False) for m in _VERDICT_R4_EN.finditer(text))
        verdicts: list[tuple[int, int, bool]] = []
        for at, belittle in candidates:
            scope = _verdict_scope(answer, at, belittle)
            if scope is not None and scope not in verdicts:
                verdicts.append(scope)
        verdicts.extend(_dismissals(answer))
        verdicts.extend(_denied_arguing(answer))
        found = (tuple(opinions), tuple(verdicts)) if opinions or verdicts else _NONE
        answer.judged = found
    return found


def _verdict_scope(answer: AnswerText, pos: int, belittle: bool
                   ) -> tuple[int, int, bool] | None:
    """The claim judged by the verdict clause holding `pos`, if it is only a verdict
    (`belittle`: it may be a belittling one; English verdict words may be either)."""
    text = answer.text
    clause_start, clause_end = answer.clause(pos)
    if clause_end - clause_start > VERDICT_CLAUSE:
        return None
    body = text[clause_start:clause_end].strip()
    if _DISAGREE_CLAUSE.fullmatch(body):
        return _disagreement_scope(text, clause_start)
    if belittle and _BELITTLE_CLAUSE.fullmatch(body) and _belittling(body):
        k = answer.clause_index(clause_start) - 1
        while k >= 0:  # back over empty clauses ("，但"), not over a sentence end
            b = answer.boundaries[k]
            if _SENTENCE_STOP.match(text, b) or b == 0:
                return None
            prev_start, prev_end = answer.clause(b - 1)
            if text[prev_start:prev_end].strip():
                return (prev_start, clause_end, False)  # its own terms too: 那都是研发的事
            k -= 1
    return None


def _disagreement_scope(text: str, clause_start: int) -> tuple[int, int, bool] | None:
    """The claim a disagreement clause starting at `clause_start` flips: from the
    reported-speech frame before it in its sentence, or else from the sentence start;
    when only acknowledgements stand before it in its sentence ("这些说法我都听过，可我
    并不认同", "I've heard that a lot. I don't agree."), from a frame in the sentences
    before, or from a question just before ("做后台要懂技术？我不这么认为")."""
    stops = [m.end() for m in _SENTENCE_STOP.finditer(
        text, max(0, clause_start - PREVIOUS_SENTENCES), clause_start)]
    lo = stops[-1] if stops else max(0, clause_start - LOOKBACK)
    before = text[lo:clause_start]
    if before.strip(" ,:"):
        frames = [m.start() for m in _FRAME.finditer(text, lo, clause_start)]
        if frames:
            return (frames[-1], clause_start, True)
        if not _only_acknowledges(before):
            return (lo, clause_start, True)
    # The verdict opens its sentence (after acknowledgements at most): it judges the
    # sentence before when that one is a question or reports what others say ("Some
    # say UX is all that matters. I don't agree."), skipping sentences that only
    # acknowledge the claim ("——真是这样吗？", "I've heard that a lot.").
    end = lo - 1
    k = len(stops) - 1
    for _ in range(3):  # sentences walked back over
        if end < 1 or k < 0:
            return None
        start = stops[k - 1] if k > 0 else max(0, clause_start - PREVIOUS_SENTENCES)
        sentence = text[start:end]
        frames = [m.start() for m in _FRAME.finditer(text, start, end)]
        if frames:
            return (frames[-1], end, True)
        if not _only_acknowledges(sentence + text[end]):
            if text[end] == "?" and sentence.strip():
                return (start, end, True)
            return None
        end = start - 1
        k -= 1
    return None


# Clauses that only acknowledge a claim, or ask whether it is so, without saying
# anything of their own: a disagreement after them still judges the claim before them.
_ACK_CLAUSE = lazy_compile(
    "(?:(?:这些|这个|这种|这|那些|那种|那)(?:说法|观点|看法|话)?)?(?:我|我们)?"
    "(?:都|也|当然|确实|以前|之前|经常|常常|早就)*(?:听过|听说过|听到过|听了很多|听得多了|听腻了"
    "|见过|看过)(?:很多|无数|好多)?(?:次|遍)?[了的啊吧呢嘛]*"
    "|(?:但|可)?(?:真|真的|果真|难道|事实)?(?:是|就是)?(?:这样|这么回事|如此)(?:的)?[吗嘛么]"
    "|(?:真的|是)吗|(?:那|可)?事实(?:真)?如此吗"
    r"|(?:and |but )?(?:i've|i have|we've|we have|you've|you have|you'll have) (?:all )?"
    r"(?:heard|seen|read) (?:that|this|it|them|those|these)(?: (?:said|claimed))?(?: (?:a lot"
    r"|many times|before|often|so often|plenty|a hundred times|everywhere))?"
    r"|(?:but )?(?:is|are) (?:that|it|they) (?:really )?(?:so|true|the case|right)"
    r"|(?:but )?really|(?:but )?does it|(?:but )?is it"
)
_ACK_SPLIT = lazy_compile(r"[,。!?;.\n:\u2014]+|\s[-\u2013]\s")


def _only_acknowledges(text: str) -> bool:
    """Whether every clause of `text` only acknowledges a claim (at least one does)."""
    parts = [p.strip() for p in _ACK_SPLIT.split(text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(_ACK_CLAUSE.fullmatch(p) is not None for p in parts)


PREVIOUS_SENTENCES = 320  # characters looked back over for the claim a verdict judges


# -- rhetorical dismissals (round 4) ----------------------------------------------------------

# "平稳迭代、服务更稳定？上线了谁还管这些啊", "X? Who cares.", "Nobody cares about that":
# a clause dismissing an anaphor (or, in English, only "who cares") negates the clause or
# the question just before it. A short lead is allowed (上线了, 说实话) and belongs to the
# dismissal; a clause with a named object ("谁还管界面") dismisses that object only and is
# left to the cues.
_DISMISS_SCAN = lazy_compile(
    "(?=[谁哪有])(?:谁|哪(?:有|来|里有|儿有)(?:人|谁)|有(?:什么|啥)用)"
    r"|(?=[wn])\b(?:who|nobody|no one)(?: really| even| actually)? (?:cares|gives a damn)\b"
)
_ANAPHOR_ZH = "(?:这些|这个|那些|那个|这种|那种|这类|这|那|它们|它)(?:东西|事情|事|玩意儿?)?"
_DISMISS_CLAUSE = lazy_compile(
    # 谁都在乎 (everyone cares) and 谁会管这些？(a real question, answered) are none.
    "[^,。!?;\n]{0,6}?(?:谁(?:还|又|真的?)*(?:管|在乎|在意|关心|理会|理)"
    "|谁(?:还|又)?会(?:在乎|在意|关心|理会)"
    "|哪(?:有|来|里有|儿有)(?:人|谁)(?:会|还)*(?:管|在乎|在意|关心))" + _ANAPHOR_ZH
    + "(?:啊|呀|呢|吧|嘛|啦|哦|哈)*"
    "|(?:可是|但是|不过)?(?:" + _ANAPHOR_ZH + ")?(?:又|能|到底|究竟|还)?有(?:什么|啥)用"
    "(?:啊|呀|呢|吧|嘛|啦|哦|哈)*"
    r"|(?:(?:but|and|honestly|really|so|frankly|well) )?(?:who|nobody|no one)(?: really| even"
    r"| actually)? (?:cares|gives a damn)(?: about (?:that|this|it|those|these|them"
    r"|any of (?:that|this|it|them)|all (?:of )?(?:that|this|those)))?(?: (?:really|anyway))?"
)


def _dismissals(answer: AnswerText) -> list[tuple[int, int, bool]]:
    """(start, end, False) of each clause or question a rhetorical dismissal negates."""
    text = answer.text
    if not ("谁" in text or "哪" in text or "有什么用" in text or "有啥用" in text
            or "cares" in text or "damn" in text):
        return []
    found: list[tuple[int, int, bool]] = []
    for m in _DISMISS_SCAN.finditer(text):
        clause_start, clause_end = answer.clause(m.start())
        if clause_end - clause_start > VERDICT_CLAUSE:
            continue
        if _DISMISS_CLAUSE.fullmatch(text[clause_start:clause_end].strip()) is None:
            continue
        scope = _clause_or_question_before(answer, clause_start)
        if scope is not None and scope not in found:
            found.append(scope)
    return found


def _clause_or_question_before(answer: AnswerText, clause_start: int
                               ) -> tuple[int, int, bool] | None:
    """The clause before `clause_start` in its sentence, or the question (a whole
    sentence ending in ?) just before it; None after another sentence end."""
    text = answer.text
    k = answer.clause_index(clause_start) - 1
    while k >= 0:  # back over empty clauses ("，但")
        b = answer.boundaries[k]
        if text[b] == "?":
            stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, b - LOOKBACK), b)]
            lo = stops[-1] if stops else max(0, b - LOOKBACK)
            return (lo, b, False) if text[lo:b].strip() else None
        if _SENTENCE_STOP.match(text, b) or b == 0:
            return None
        prev_start, prev_end = answer.clause(b - 1)
        if text[prev_start:prev_end].strip():
            return (prev_start, prev_end, False)
        k -= 1
    return None


# -- denied acts of arguing (round 4) ---------------------------------------------------------

# "I wouldn't push back with talk about X or Y", "我不会拿 X、Y 去说服他", "别跟我扯什么 X":
# a verb of arguing or mentioning under a denial; what is named after it, to the clause
# end, is not claimed ("I'd push back with X", "我会拿 X 去说服他" claim it).
_DENIED_ARGUING_ZH = lazy_compile(
    "(?=[不别没用])(?:不会|不要|不必|不用|没必要|用不着|不想|不该|别|不)(?:再|去|刻意|特意)?"
    "(?:跟|和|对|向)?(?:[^,。!?;\n、]{1,4}?)?(?:拿|扯|搬出|提起|提及|(?:提|说|讲|谈|强调)什么)"
)
_DENIED_ARGUING_EN = lazy_compile(
    r"\b(?:won't|wont|wouldn't|wouldnt|will not|would not|don't|dont|do not"
    r"|didn't|didnt|never|shouldn't|shouldnt|needn't|not going to|i'm not going to)"
    r"(?: even| really| bother to| try to| go| want to)? (?:push(?:ing)? back|argu(?:e|ing)"
    r"(?! against| for)|bring(?:ing)? up|mention(?:ing)?|talk(?:ing)? about|cit(?:e|ing)"
    r"|lectur(?:e|ing)|go(?:ing)? on about|harp(?:ing)? on|throw(?:ing)? in)\b"
)
# Each scan runs only when one of its verbs occurs (and, in English, a denial).
_ARGUING_EN = lazy_compile("push|argu|bring|mention|talk|cit|lectur|go on|going on|harp|throw")


_NOT_ARGUING_ZH = tuple(w for w in NOT_CUES_ZH if w[0] in "不别没")
_NOT_CUES_ZH_SET = frozenset(NOT_CUES_ZH)


def _denied_arguing(answer: AnswerText) -> list[tuple[int, int, bool]]:
    """(start, end, False): what follows a denied verb of arguing, to its clause end."""
    text = answer.text
    scans = []
    if ("拿" in text or "扯" in text or "什么" in text or "提起" in text or "提及" in text
            or "搬出" in text):
        scans.append(_DENIED_ARGUING_ZH)
    denial_en = "n't" in text or "nt " in text or "not " in text or "never " in text
    if denial_en and _ARGUING_EN.search(text):
        scans.append(_DENIED_ARGUING_EN)
    found: list[tuple[int, int, bool]] = []
    for m in (m for scan in scans for m in scan.finditer(text)):
        at = m.start()
        if not text[at].isascii() and (
                (at and text[at - 1] in "是并")  # 不是拿, 并不拿: another cue's reach
                or text.startswith(_NOT_ARGUING_ZH, at)  # 不管拿什么, 别人拿: no denial
                or text[at - 1:at + 1] in _NOT_CUES_ZH_SET):  # 特别, 区别
            continue
        found.append((m.end(), answer.clause(m.start())[1], False))
    return found


def denied_by_verdict(answer: AnswerText, start: int, end: int) -> bool:
    """For a point that is not negatable: whether a disagreement verdict flips the
    reported claim holding the match ("说后台难以替代、薪资更高，我都不太认同"). Cues,
    closing denials and belittling verdicts do not reach such a point."""
    _, verdicts = _judged(answer)
    denied = False
    for lo, hi, flips in verdicts:
        if flips and lo <= start and end <= hi:
            denied = not denied
    return denied


def _judge(answer: AnswerText, start: int, end: int, clause_start: int, known: bool,
           opinions: tuple[int, ...], verdicts: tuple[tuple[int, int, bool], ...]) -> bool:
    """`known` after the opinion cues and verdicts that reach the match."""
    text = answer.text
    for at in opinions:
        if clause_start <= at < start:
            m = _OPINION_ZH.match(text, at) or _OPINION_EN_RE.match(text, at)
            if m is None or m.end() > start:
                continue
            stop = _OPINION_STOP.search(text, m.end(), start)
            if stop is None or (stop.group() in _KNOWING_ALL  # "是因为要懂技术": a need
                                and _NEED_BEFORE.search(text, m.end(), stop.start())):
                known = not known
    for lo, hi, flips in verdicts:
        if lo <= start and end <= hi:
            known = (not known) if flips else True
    return known


# Words that deny or belittle by themselves: a `together` term with such a piece describes
# the closing denial ("the business side is a nice-to-have" is the claim of a penalty
# [business] + [nice-to-have]), so the denial does not negate its other pieces. ("matter"
# or 重要 are no such words: [security] + [matter] is not "security doesn't matter".)
_SELF_DENYING = lazy_compile(
    "锦上添花|可有可无|无足轻重|无所谓|无关紧要|次要|点缀|不重要|没那么重要|没必要|不必要|准备工作"
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
    opinions, verdicts = _judged(answer)
    if opinions or verdicts:
        known = _judge(answer, start, end, clause_start, known, opinions, verdicts)
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
        opinions, verdicts = _judged(answer)
        if opinions or verdicts:
            known = _judge(answer, start, end, clause_start, known, opinions, verdicts)
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
_SENTENCE_STOP = lazy_compile(r"[.!?;\n。]")
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
    before = [m.end() for m in _SENTENCE_STOP.finditer(text, lo, start)]
    sentence_start = before[-1] if before else lo
    hi = min(len(text), end + LOOKBACK)
    stop = _SENTENCE_STOP.search(text, end, hi)
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
    facts = (clause_start, clause_end, _first_cue_end(answer, clause_start, clause_end, cues),
             _closing_denial(answer, clause_start, clause_end))
    answer.facts[k] = facts
    return facts


def _first_cue_end(answer: AnswerText, clause_start: int, clause_end: int, cues: CueSet
                   ) -> int:
    """Where the clause's first cue ends (past the clause end when it has none)."""
    found = _clause_cue_list(answer, clause_start, clause_end, cues)
    return found[0][1] if found else clause_end + 1


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
    m = _DENIAL.search(answer.text, max(clause_start, clause_end - DENIAL_LOOKBACK),
                       clause_end)
    while m is not None and (m.end() != clause_end  # it must close the clause
                             or (m.group("bel") and _raised(answer.text, m.start()))
                             or (m.group("prep")
                                 and not _prep_belittles(answer.text, clause_start, m.start()))):
        m = _DENIAL.search(answer.text, m.end(), clause_end)
    return m.start() if m is not None else None


_RAISED_ZH = lazy_compile("不|非|止")
# round 4: 打底(的东西), "那只是打底的东西"
_PREP_WORD = lazy_compile("准备工作|铺垫|前置工作|打底")


def _belittling(body: str) -> bool:
    """A verdict clause calling things preparation belittles them only as _prep_belittles
    says ("这些都是做产品设计之前必须做的准备工作" values them)."""
    prep = _PREP_WORD.search(body)
    return prep is None or _prep_belittles(body, 0, prep.start())
# "那都是做交互之前的准备工作": preparation is a belittling only after 只是 / 都是 ...
_PREP_LEAD = lazy_compile("只是|都是|不过是|也就是|只不过是|无非是")
PREP_LEAD = 14  # characters before 准备工作 / 铺垫 where that lead stands
# ... and not when the preparation is called necessary ("这些都是做产品设计之前必须做的准备
# 工作" values it).
_PREP_VALUED = lazy_compile("必须|必要|重要|关键|核心|基础|不可少|少不了|一定要")


def _prep_belittles(text: str, lo: int, at: int) -> bool:
    """Whether the 准备工作 / 铺垫 at `at` (its clause starting at `lo`) belittles."""
    lead = _PREP_LEAD.search(text, max(lo, at - PREP_LEAD), at)
    return lead is not None and _PREP_VALUED.search(text, lead.end(), at) is None


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
