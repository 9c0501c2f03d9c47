"""Opinions and verdicts (SPEC 4, grading rounds 3 and 4): when a match does not count
because of what the answer says about the claim holding it.

The rules, numbered as in pmquiz.grading.negation (rules 1-4 are its cue rules):
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
   (round 5) a denied predicate with no subject of its own is such a disagreement: in
   "Not knowing X, or lacking Y, isn't what's going on here" the claim before it is
   denied;
7. (round 4) by a rhetorical dismissal of an anaphor just after its clause or question
   ("X、Y？上线了谁还管这些啊", "这些有什么用", "X? Who cares.");
8. (round 4) by a denied act of arguing or mentioning before it in its clause ("I
   wouldn't push back with talk about X", "我不会拿 X 去说服他", "别跟我扯什么 X").
9. (round 5) by a denied act of saying before it in its clause ("He doesn't say X",
   "the article never claims that X", "I'm not saying X"); the acts of rules 8 and 9
   reach over an English list that runs on across commas ("..., ops or development").

`judged_claims(answer)` finds, once per answer, where each opinion cue starts and
each claim a verdict judges; `judge` applies them to one match after the cue rules;
`denied_by_verdict` is the check for a point that is not negatable.
"""

from __future__ import annotations

from pmquiz.grading.answer import EN_WORD, AnswerText
from pmquiz.grading.cues import (
    KNOWING_ALL,
    LOOKBACK,
    NEED_BEFORE,
    NOT_CUES_ZH,
    OPINION_EN_RE,
    OPINION_STOP,
    OPINION_ZH,
    SENTENCE_STOP,
    belittling,
)
from pmquiz.grading.lazyre import lazy_compile

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
# Round 5: "X, isn't what's going on here", "X, isn't the real problem" (the subject is
# the claim before the comma): scanned only when one of its words occurs.
_VERDICT_R5_EN = lazy_compile(
    r"\b(?:going on|happening|happened|the (?:real )?(?:problem|issue|weakness))"
    r"(?=[.!?;,\n:]|\Z| (?:here|there)\b)"
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
    r"|(?:i|we) (?:don't|do not|dont) (?:really )?(?:see|look at) it (?:that way|like that)"
    # round 5: a denied predicate with no subject of its own, closing a sentence whose
    # subject is the claim ("Not knowing X, or lacking Y, isn't what's going on here"),
    # or on an anaphor ("That's not what's happening")
    r"|(?:(?:but|and|so) )?(?:(?:that|this|it)(?:'s| is| was) not|(?:that|this|it) (?:isn't"
    r"|isnt|wasn't|wasnt)|isn't|isnt|is not|aren't|arent|are not|wasn't|wasnt|was not"
    r"|weren't|were not)(?: really| actually)? what(?:'s| is| was)(?: really| actually)?"
    r" (?:going on|happening|happened)(?: here| there)?"
    r"|(?:(?:but|and|so) )?(?:isn't|isnt|is not|aren't|arent|are not|wasn't|wasnt|was not"
    r"|weren't|were not) (?:really )?(?:true|the case|the (?:real )?(?:problem|issue"
    r"|weakness)(?: here)?))"
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


def judged_claims(answer: AnswerText
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
            opinions.extend(m.start() for m in OPINION_EN_RE.finditer(text))
            candidates.extend((m.start(), True) for m in _VERDICT_CORE_EN.finditer(text))
            if "say so" in text or "really" in text or "sure about" in text or (
                    "doubt" in text or "differ" in text) or (
                    " it " in text and ("that way" in text or "like that" in text)):
                candidates.extend((m.start(), False) for m in _VERDICT_R4_EN.finditer(text))
            if "going on" in text or "happen" in text or "the problem" in text or (
                    "the issue" in text or "weakness" in text):
                candidates.extend((m.start(), False) for m in _VERDICT_R5_EN.finditer(text))
        verdicts: list[tuple[int, int, bool]] = []
        for at, belittle in candidates:
            scope = _verdict_scope(answer, at, belittle)
            if scope is not None and scope not in verdicts:
                verdicts.append(scope)
        verdicts.extend(_dismissals(answer))
        verdicts.extend(_denied_arguing(answer))
        verdicts.extend(_denied_saying(answer))
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
    if belittle and _BELITTLE_CLAUSE.fullmatch(body) and belittling(body):
        k = answer.clause_index(clause_start) - 1
        while k >= 0:  # back over empty clauses ("，但"), not over a sentence end
            b = answer.boundaries[k]
            if SENTENCE_STOP.match(text, b) or b == 0:
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
    stops = [m.end() for m in SENTENCE_STOP.finditer(
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
# Written as its first character and then what must follow (a lookbehind tells which it
# was), so that the regex engine skips at C speed to where one may start (a leading
# lookahead is tried at every position); the plain form, which it equals
# (tests/test_grading_speed.py compares the two), is _DISMISS_SCAN_PLAIN.
_DISMISS_SCAN = lazy_compile(
    "[谁哪有wn](?:(?<=谁)|(?<=哪)(?:有|来|里有|儿有)(?:人|谁)|(?<=有)(?:什么|啥)用"
    r"|(?<!\w[wn])(?:(?<=w)ho|(?<=n)(?:obody|o one))(?: really| even| actually)?"
    r" (?:cares|gives a damn)\b)"
)
_DISMISS_SCAN_PLAIN = (
    "谁|哪(?:有|来|里有|儿有)(?:人|谁)|有(?:什么|啥)用"
    r"|\b(?:who|nobody|no one)(?: really| even| actually)? (?:cares|gives a damn)\b"
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
    if not _may_dismiss(text):
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


def _may_dismiss(text: str) -> bool:
    """Whether `text` holds what every match of _DISMISS_SCAN holds (哪 alone, as in 哪家,
    is not enough). A one-character test comes first where a Latin word is looked for in
    a Chinese text, which costs a conversion of the word."""
    return ("谁" in text or "有什么用" in text or "有啥用" in text
            or ("哪" in text and ("哪有" in text or "哪来" in text or "哪里有" in text
                                  or "哪儿有" in text))
            or ("c" in text and "cares" in text) or ("d" in text and "damn" in text))


def _clause_or_question_before(answer: AnswerText, clause_start: int
                               ) -> tuple[int, int, bool] | None:
    """The clause before `clause_start` in its sentence, or the question (a whole
    sentence ending in ?) just before it; None after another sentence end."""
    text = answer.text
    k = answer.clause_index(clause_start) - 1
    while k >= 0:  # back over empty clauses ("，但")
        b = answer.boundaries[k]
        if text[b] == "?":
            stops = [m.end() for m in SENTENCE_STOP.finditer(text, max(0, b - LOOKBACK), b)]
            lo = stops[-1] if stops else max(0, b - LOOKBACK)
            return (lo, b, False) if text[lo:b].strip() else None
        if SENTENCE_STOP.match(text, b) or b == 0:
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
    # (no leading lookahead: the first characters of the alternatives let the engine skip)
    "(?:不会|不要|不必|不用|没必要|用不着|不想|不该|别|不)(?:再|去|刻意|特意)?"
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
    if ("拿" in text or "扯" in text or "什么" in text
            or ("提" in text and ("提起" in text or "提及" in text))
            or ("搬" in text and "搬出" in text)):
        scans.append(_DENIED_ARGUING_ZH)
    # (each of these holds a t or an e: a one-character test first)
    denial_en = ("t" in text or "e" in text) and (
        "n't" in text or "nt " in text or "not " in text or "never " in text)
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
        clause_end = answer.clause(m.start())[1]
        if text[at].isascii():  # "I wouldn't bring up payments, refunds or tickets"
            clause_end = _english_list_end(answer, clause_end)
        found.append((m.end(), clause_end, False))
    return found


# -- denied acts of saying (round 5) ---------------------------------------------------------

# "He doesn't say back-office PMs need to expand into the business", "the article never
# claims that X", "I'm not saying X": what follows a denied verb of saying, to its clause
# end (and over an English list that runs on across commas), is not claimed. "I wouldn't
# say X" is a denied opinion instead (OPINION_EN: it flips what X says), so would / could
# are not among these cues; "not only says", "not just claims" deny nothing.
_DENIED_SAYING_EN = lazy_compile(
    r"\b(?:doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|never|not)(?: really"
    r"| actually| even| once| ever| explicitly)? (?:say|says|said|saying|claim|claims|claimed"
    r"|claiming|suggest|suggests|suggested|suggesting)\b(?: that\b)?"
)
# The scan runs only when one of its verbs occurs (and a denial: see _denied_saying).
_SAYING_EN = lazy_compile("say|said|claim|suggest")


def _denied_saying(answer: AnswerText) -> list[tuple[int, int, bool]]:
    """(start, end, False): what follows a denied verb of saying, to its clause end."""
    text = answer.text
    if not (("n't" in text or "nt " in text or "not " in text or "never " in text)
            and _SAYING_EN.search(text)):
        return []
    found: list[tuple[int, int, bool]] = []
    for m in _DENIED_SAYING_EN.finditer(text):
        clause_end = _english_list_end(answer, answer.clause(m.start())[1])
        if m.end() < clause_end:
            found.append((m.end(), clause_end, False))
    return found


# Words that make a comma-joined run a clause of its own, not more items of a list.
_CLAUSE_WORDS_EN = frozenset("""
i me you he she it we they this that these those there is are was were be been has have
had do does did will would can could should must may might says said thinks think
""".split())
LIST_ITEM_WORDS_EN = 3  # longest item (words) of a list that runs on across commas


def _english_list_end(answer: AnswerText, clause_end: int) -> int:
    """Where an English list that a clause ends in closes: "... learn architecture, ops or
    development" runs on over the comma to the item with and / or / nor. The items after
    the comma are short and say nothing of their own; a run with no conjunction is no
    list, and the clause end stands."""
    text = answer.text
    end = clause_end
    for _ in range(8):  # items walked over
        if text[end:end + 1] != ",":
            return clause_end
        seg_start, seg_end = answer.clause(end + 1)
        segment = text[seg_start:seg_end]
        if not segment.isascii():
            return clause_end
        words = EN_WORD.findall(segment)
        items = [w for w in words if w not in _CONJUNCTIONS_EN]
        if not items or len(items) > LIST_ITEM_WORDS_EN or any(
                w in _CLAUSE_WORDS_EN for w in items):
            return clause_end
        if len(items) < len(words):  # the conjunction closes the list
            return seg_end
        end = seg_end
    return clause_end


_CONJUNCTIONS_EN = frozenset(("and", "or", "nor"))


def denied_by_verdict(answer: AnswerText, start: int, end: int) -> bool:
    """For a point that is not negatable: whether a disagreement verdict flips the
    reported claim holding the match ("说后台难以替代、薪资更高，我都不太认同"). Cues,
    closing denials and belittling verdicts do not reach such a point."""
    _, verdicts = judged_claims(answer)
    denied = False
    for lo, hi, flips in verdicts:
        if flips and lo <= start and end <= hi:
            denied = not denied
    return denied


def judge(answer: AnswerText, start: int, end: int, clause_start: int, known: bool,
           opinions: tuple[int, ...], verdicts: tuple[tuple[int, int, bool], ...]) -> bool:
    """`known` after the opinion cues and verdicts that reach the match."""
    text = answer.text
    for at in opinions:
        if clause_start <= at < start:
            m = OPINION_ZH.match(text, at) or OPINION_EN_RE.match(text, at)
            if m is None or m.end() > start:
                continue
            stop = OPINION_STOP.search(text, m.end(), start)
            if stop is None or (stop.group() in KNOWING_ALL  # "是因为要懂技术": a need
                                and NEED_BEFORE.search(text, m.end(), stop.start())):
                known = not known
    for lo, hi, flips in verdicts:
        if lo <= start and end <= hi:
            known = (not known) if flips else True
    return known
