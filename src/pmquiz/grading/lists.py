"""Keyword lists (SPEC 4): an answer that is only a run of words, not a sentence.

"付费 退款 客服 流程 体验" or "refunds payments tickets audit logs permissions" name the
right things and say nothing about them. Such an answer does not pass, whatever its
score, unless the question sets `lists: true` (its prompt asks to name things). An answer
written in sentences is never flagged for being short or for listing things.
"""

from __future__ import annotations

import re

from pmquiz.grading.answer import EN_WORD
from pmquiz.grading.lazyre import lazy_compile
from pmquiz.text import has_cjk

# What joins the items of a bare list: commas, 、, semicolons, slashes, list numbers and
# bullets, line breaks, and the conjunctions 和 与 及 以及 或 或者 / and, or, nor; and
# white space, which in Chinese text separates items too ("付费 退款 客服").
_STRONG_SEPARATORS = lazy_compile(
    r"(?:[,;:/|·•*。.!?()\[\]\"'“”‘’…~、【】《》「」①-⑩\n]|(?<![a-z0-9])-|以及|或者"
    r"|(?<![a-z0-9])\d+[.)、](?![0-9])|\b(?:and|or|nor)\b)+"
)
_WORD_SEPARATORS = lazy_compile(r"[\s\-]+")
_JOINING_ZH = lazy_compile("^(?:和|与|及|或)|(?:和|与|及|或)$")
_JOINING_ZH_INSIDE = lazy_compile("和|与|及|或")
# In a Chinese item: a pronoun, the copula, a linking word, a particle, a modal or a
# judgement says something about the items ("界面朴素没关系", "我觉得是效率"), so the
# answer is a sentence. Single characters only where they are rarely part of a noun: 需
# is in 需求, 对 in 对账, 会 in 会员, 能 in 功能, 不 in 不能公开; those count only inside
# the words listed (and 就 not in 成就, 把 not in 把控).
SENTENCE_ZH_PLAIN = (
    "[是被让但而都也吗呢吧啊呀嘛我你他她它咱这那]|了(?!解)|着(?!手)|(?<!成)就|把(?!控|关)"
    "|重要|关系|觉得|认为|需要|应该|必须|可以|能够|因为|所以|如果|虽然|对于|使得|还是|还要"
    "|还有|更加|一个|一定|无需|无所谓|无关|会让|才能|不用|不必|没必要"
    # the modal 要 ("前台PM要做UI还原", "体验要smooth"), not 需要 主要 重要 要求 要素 ...
    "|(?<![需主重只想纲摘概必首次紧不])要(?![求点素害闻领务么])"
)
# The same pattern written so that every alternative starts with a literal character
# (the class as single characters, each lookbehind moved after its character): the
# regex engine then skips at C speed to where an alternative can start, where a
# leading class or lookbehind has it try every alternative at every position (three
# times slower on a 300-character answer). tests/test_scoring_speed.py compares the two.
_SENTENCE_ZH = lazy_compile(
    "|".join("是被让但而都也吗呢吧啊呀嘛我你他她它咱这那")
    + "|了(?!解)|着(?!手)|就(?<!成就)|把(?!控|关)"
    + SENTENCE_ZH_PLAIN[SENTENCE_ZH_PLAIN.index("|重要"):SENTENCE_ZH_PLAIN.index("|(?<![需")]
    + "|要(?<![需主重只想纲摘概必首次紧不]要)(?![求点素害闻领务么])"
)
# In an English phrase: a pronoun, a copula or a word that joins clauses. A speaker
# who says what they would do themselves ("process refunds myself") writes a sentence
# ("process refunds yourself" in a run of items is an item: an instruction, no claim).
_LINKING_EN = frozenset("""
i me my you your he she his her it its we our us they them their this that these those
myself ourselves
there here is are was were am isn't aren't wasn't weren't it's they're we're you're i'm
that's there's because so since while whereas although though if then than which who
should must would will
""".split())
# A run of single words separated by spaces only: any function word makes a sentence.
_FUNCTION_EN = _LINKING_EN | frozenset("""
a an the be been being do does did done have has had having can could may might shall to
of for with in on at by from about into but not no never very more most less least matter
matters important why how what when where just only also too don't doesn't can't won't
should've let let's make makes really mean means like
""".split())
LIST_ITEM_CJK = 6  # longest item (CJK characters) of a bare keyword list
_LONG_CJK_RUN = lazy_compile(f"[\u3400-\u9fff]{{{LIST_ITEM_CJK + 1}}}")
LIST_ITEM_WORDS = 4  # longest item (words) of a list of English phrases
# Two items joined by 和 / and read as one phrase ("业务和效率", "business insight"):
# a run of keywords starts at three.
LIST_MIN_ITEMS = 3


# Separators that only ever enumerate (never end a sentence's clause): items a run of
# them joins may be clause-like ("前台换了很多人") and longer ("付费退款客服流程").
_ENUMERATION_ONLY = lazy_compile(r"[、;/|\n·•]")
_SENTENCE_PUNCTUATION = lazy_compile(r"[,.。!?]")
LIST_ITEM_CJK_ENUMERATED = 8  # longest item (CJK characters) between / | ; or lines
# Items in the middle of a long enough run of enumeration separators may hold a
# predicate of their own; a predicate in the first or last item governs the run.
LIST_MIN_ITEMS_WITH_CLAUSES = 4
# A lead-in before a colon ("原因有四：", "后台要管的有：", "Not a dead end:") says what the
# items are: the answer is a sentence. More than one colon reads as label: value pairs.
_LEAD_IN_WORD = lazy_compile(r"[0-9a-z\u3400-\u9fff]")
# ... but a bare topic label before it ("通用业务：", "答：", "Examples:") says nothing:
# the label is one more item of the list. A label is a short item with no predicate:
# none of the words that make a sentence, nor one that counts or says what the items
# are (有, 为, 包括, 如下, 四 in "原因有四").
_LABEL_PREDICATE_ZH = lazy_compile(
    "有|为|分|包括|包含|在于|如下|以下|[0-9一二三四五六七八九十两几]")


def is_keyword_list(text: str) -> bool:
    """True when the normalised answer is only short words or phrases joined by
    separators, with no sentence around them and nothing linking them (SPEC 4):
    "付费 退款 客服 流程 体验", "refunds payments tickets audit logs permissions",
    "业务调研；亲自操作退款；访谈客服和财务；梳理流程"."""
    cjk = has_cjk(text)
    if _is_telegraphic(text, cjk):
        return True
    sentence_zh = _SENTENCE_ZH.search(text) if cjk else None
    if sentence_zh is not None and _SENTENCE_PUNCTUATION.search(text) is not None and not (
            sentence_zh.group()[-1] == "以" and text.startswith("及", sentence_zh.end())):
        # With sentence punctuation every item must be an ordinary one (with enumeration
        # commas or not, see _is_enumeration), and an item holding a pronoun, copula or
        # linking word is none: the answer is a sentence, found without splitting it (a
        # split costs ~20 us on 300 characters) nor looking for enumeration commas. Only
        # 以及 can cut such a word (可以|及), so that one is left to the split.
        return False
    enumerated = _ENUMERATION_ONLY.search(text) is not None
    if cjk and not enumerated and (sentence_zh or _LONG_CJK_RUN.search(text)):
        return False  # one pass finds what makes most answers sentences
    colon = text.find(":")
    if colon != -1 and text.find(":", colon + 1) == -1 and _LEAD_IN_WORD.search(
            text, 0, colon) and not _bare_label(text[:colon]):
        return False  # a lead-in says what the items are
    chunks = [c.strip() for c in _STRONG_SEPARATORS.split(text) if c.strip()]
    if cjk:  # white space separates Chinese items too
        chunks = [w for c in chunks for w in c.split() if w]
    if len(chunks) >= LIST_MIN_ITEMS:
        if cjk and enumerated:
            return _is_enumeration(text, chunks)
        return all(_is_item(chunk) for chunk in chunks)
    if cjk or len(chunks) != 1:
        return False
    # English words separated by spaces only: "refunds payments tickets audit logs".
    words = [w for w in _WORD_SEPARATORS.split(text) if w]
    return len(words) >= LIST_MIN_ITEMS and all(
        w not in _FUNCTION_EN and EN_WORD.fullmatch(w) is not None for w in words)


def _bare_label(lead: str) -> bool:
    """Whether the text before an answer's one colon is only a topic label ("通用业务",
    "Generic business"), not a lead-in that says something ("原因有四", "后台要管的有",
    "Not a dead end", "有前景。理由")."""
    lead = lead.strip()
    if not lead or _STRONG_SEPARATORS.search(lead):
        return False
    if has_cjk(lead):
        return _LABEL_PREDICATE_ZH.search(lead) is None and _is_item(lead)
    words = EN_WORD.findall(lead)
    return 0 < len(words) <= LIST_ITEM_WORDS and not any(w in _FUNCTION_EN for w in words)


def _is_enumeration(text: str, chunks: list[str]) -> bool:
    """Chinese items joined by nothing but enumeration separators (、 ； / | line breaks,
    no ，。): their items may be longer, 和 may join two short parts of one item
    ("访谈客服和财务"), and in a long run the items in the middle may be clauses ("从0到1、
    运营支撑系统、上线后难以变动、前台换了很多人、没人维护和延展设计"). A predicate in the
    first or last item governs the others ("后台要管好付费、退款、客服", "付费、退款、客服
    都重要"): a sentence. With sentence punctuation the ordinary item rules apply."""
    if _SENTENCE_PUNCTUATION.search(text) is not None:
        return all(_is_item(chunk) for chunk in chunks)
    longest = LIST_ITEM_CJK_ENUMERATED
    if not all(_is_item(chunk, longest) for chunk in (chunks[0], chunks[-1])):
        return False
    middle = chunks[1:-1]
    if all(_is_item(chunk, longest) for chunk in middle):
        return True
    return len(chunks) >= LIST_MIN_ITEMS_WITH_CLAUSES and all(
        _is_short(chunk, longest) for chunk in middle)


def _is_item(chunk: str, longest: int | None = None) -> bool:
    """A short word or phrase that says nothing about anything (`longest`: characters
    of each part 和 joins, for enumerated items; else of the whole item)."""
    if has_cjk(chunk):
        core = _JOINING_ZH.sub("", chunk)
        if _SENTENCE_ZH.search(core):
            return False
        short = (sum(1 for ch in core if has_cjk(ch)) <= LIST_ITEM_CJK if longest is None
                 else _is_short(core, longest))
        return short and all(
            w not in _LINKING_EN for w in EN_WORD.findall(core))
    words = EN_WORD.findall(chunk)
    return 0 < len(words) <= LIST_ITEM_WORDS and not any(w in _LINKING_EN for w in words)


def _is_short(chunk: str, longest: int) -> bool:
    """Each part of a Chinese item that 和 / 与 / 及 / 或 joins is at most `longest`
    characters long ("访谈客服和财务" is two short parts)."""
    return all(sum(1 for ch in part if has_cjk(ch)) <= longest
               for part in _JOINING_ZH_INSIDE.split(chunk))


# Telegraphic notes: a run of fragments joined by list separators, most of them bare
# items and the rest short notes with a predicate of their own, nothing linking them:
# "竞品难找 / 隐私数据 / 私有业务不公开 / 业务调研", "通用业务 电商下单 退货流程 客服质检
# 哪家都能用", "business system behind the app; operations support; can't be copied".
# Never a sentence: no sentence punctuation (a Chinese comma is one), no pronoun, copula
# or connective anywhere ("后台要管好付费、退款和客服这些流程，界面朴素没关系" is a sentence),
# and in Chinese written with spaces only, no fragment that opens with a predicate
# needing the fragment before as its subject ("后台产品经理 要先懂业务 ...").
TELEGRAPH_MIN = 4  # fragments joined by / ; | line breaks or bullets
TELEGRAPH_MIN_SPACED = 5  # fragments of Chinese joined by spaces only
TELEGRAPH_CJK = 10  # longest fragment (CJK characters)
TELEGRAPH_WORDS = 6  # longest fragment (words)
_TELEGRAPH_SEPARATORS = lazy_compile(r"[/;|\n·•]")
_TELEGRAPH_SPLIT_ZH = lazy_compile(r"[/;|\n·•、\s]+|(?<![a-z0-9])-|(?<![a-z0-9])\d+[.)](?![0-9])")
_TELEGRAPH_SPLIT_EN = lazy_compile(r"[/;|\n·•,]+|(?<![a-z0-9])-(?![a-z0-9])")
# Anything that makes a sentence: sentence punctuation before the end, a pronoun or
# demonstrative, a connective (Chinese); a pronoun, copula, modal or connective (English).
TELEGRAPH_NOT_ZH_PLAIN = (
    r"[,。!?](?!\s*\Z)|[我你他她它咱这那]|因为|所以|但|如果|虽然|然后|首先|其次|接着|而且|并且"
    r"|不过|可是|因此|比如|例如"
)
# The same with every alternative starting with a literal character (see _SENTENCE_ZH).
_TELEGRAPH_NOT_ZH = lazy_compile(
    "|".join(re.escape(ch) + r"(?!\s*\Z)" for ch in ",。!?")
    + "|" + "|".join("我你他她它咱这那")
    + TELEGRAPH_NOT_ZH_PLAIN[TELEGRAPH_NOT_ZH_PLAIN.index("|因为"):]
)
_TELEGRAPH_NOT_EN = lazy_compile(
    r"[.!?](?!\s*\Z)|\b(?:" + "|".join(sorted(_LINKING_EN))
    # "refunds need to be fast; support needs order lookup": clauses with a subject
    + r"|and then|but|however|need|needs|needed|has to|have to)\b"
)
# A numbered or sequenced plan ("1. 先调研业务 2. 亲自走一遍退款流程 …", "第一步…；第二步…",
# "first …; then …") is a written answer, not notes: telegraphic notes are neither.
_NUMBERED = lazy_compile(
    r"(?:^|(?<=\s))(?:\d+[.)、]|[①-⑩]|[一二三四五六七八九十][、.])|第[一二三四五六七八九十\d]+[步点条]"
)
_SEQUENCE = lazy_compile(
    r"先|再|然后|接着|之后|最后|首先|其次|(?:first|then|next|finally|after that)\b"
)
# Openings of a fragment that lean on the fragment before (spaces only, Chinese).
_LEANING_ZH = lazy_compile("[要需得应必可能会是很都也就还再才又更最而且则却即]")


def _is_telegraphic(text: str, cjk: bool) -> bool:
    """Telegraphic notes (see above): True only when every test passes."""
    # What makes a sentence is usually found within its first few characters: first.
    if (_TELEGRAPH_NOT_ZH if cjk else _TELEGRAPH_NOT_EN).search(text) or ":" in text:
        return False  # (a colon: a lead-in, "原因有四：", or label: value pairs)
    if _NUMBERED.search(text):
        return False
    explicit = _TELEGRAPH_SEPARATORS.search(text) is not None
    if cjk:
        if not explicit and " " not in text:
            return False
        fragments = [f for f in _TELEGRAPH_SPLIT_ZH.split(text.rstrip("。.!? ")) if f]
        if len(fragments) < (TELEGRAPH_MIN if explicit else TELEGRAPH_MIN_SPACED):
            return False
        if any(sum(1 for ch in f if has_cjk(ch)) > TELEGRAPH_CJK
               or len(EN_WORD.findall(f)) > TELEGRAPH_WORDS for f in fragments):
            return False
        if not explicit and any(_LEANING_ZH.match(f) for f in fragments[1:]):
            return False
        bare = sum(1 for f in fragments if _is_item(f, LIST_ITEM_CJK_ENUMERATED))
    else:
        if not explicit:
            return False
        fragments = [f for f in _TELEGRAPH_SPLIT_EN.split(text.rstrip(".!? ")) if f.strip()]
        if len(fragments) < TELEGRAPH_MIN or any(
                not 0 < len(EN_WORD.findall(f)) <= TELEGRAPH_WORDS for f in fragments):
            return False
        bare = sum(1 for f in fragments if _is_item(f))
    if sum(1 for f in fragments if _SEQUENCE.match(f.strip())) >= 2:
        return False  # a plan in steps
    return 3 * bare >= 2 * len(fragments)  # two in three fragments are bare items
