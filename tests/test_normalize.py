"""SPEC 4 normalisation and term matching: NFKC, case, t2s, zero-width, white space,
English inflections and typos, whole words, overlapping terms, and spans that point back
into the original answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmquiz.grading import PointResult, grade, same_word
from pmquiz.model import Point, Question, Rubric, Term
from pmquiz.text import normalize, normalize_term


def point(pid: str, any_: tuple[str, ...] = (), all_: tuple[str, ...] = (), weight: float = 1,
          *, negatable: bool = True) -> Point:
    return Point(id=pid, label=pid, weight=weight, any=tuple(Term(t) for t in any_),
                 all=tuple(Term(t) for t in all_), negatable=negatable)


def question(*points: Point, synonyms: dict[str, tuple[str, ...]] | None = None) -> Question:
    return Question(bank_id="t", id="q", type="open", prompt="?",
                    rubric=Rubric(points=points), synonyms=synonyms or {})


def match_of(terms: tuple[str, ...], answer: str, *, negatable: bool = True) -> PointResult:
    return grade(question(point("p", terms, negatable=negatable)), answer).points[0]


def hits(term: str, answer: str) -> bool:
    return match_of((term,), answer).hit


# -- the normalised text -----------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("ＡＢＣ：１２３", "abc:123"),          # full-width letters, digits, colon
    ("后台：效率", "后台:效率"),            # the IME colon equals ':'
    ("（权限）！？", "(权限)!?"),
    ("Business INSIGHT", "business insight"),
    ("Straße", "strasse"),                 # full case folding
    ("後台產品經理", "后台产品经理"),       # t2s
    ("洞察業務", "洞察业务"),
    ("a\u200bb\u200c\u200dc\ufeffd\u2060e", "abcde"),  # zero-width dropped
    ("a  \t  b", "a b"),
    ("a\u3000\u3000b", "a b"),            # ideographic spaces are white space
    ("ﬁnance", "finance"),                # ligature
    ("don’t", "don't"),                   # typographic apostrophe
])
def test_normalised_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_line_breaks_fold_to_one_line_break() -> None:
    # A run of white space holding a line break stays a (clause-ending) line break.
    assert normalize("a \n\n  b").text == "a\nb"
    assert normalize("a\r\nb").text == "a\nb"


def test_terms_normalise_like_answers() -> None:
    assert normalize_term("  ＢＵＳＩＮＥＳＳ　Insight ") == "business insight"
    assert normalize_term("後臺") == normalize("後臺").text


@pytest.mark.parametrize("raw", [
    "ＡＢＣ，洞察業務　ok", "a\u200b\u200bb", "x \n \t y", "ﬁ①Ⅻ", "後台、前台",
    "e\u0301clair", "\u200b", "  ", "",
])
def test_offset_map_covers_the_original(raw: str) -> None:
    norm = normalize(raw)
    for i in range(len(norm.text)):
        s, e = norm.original_span(i, i + 1)
        assert 0 <= s < e <= len(raw)
    if norm.text:
        s, e = norm.original_span(0, len(norm.text))
        assert normalize(raw[s:e]).text.strip() == norm.text.strip()


# -- matching ----------------------------------------------------------------------------


@pytest.mark.parametrize(("term", "answer"), [
    ("洞察业务", "洞察業務"),                          # Traditional answer
    ("後台", "做后台产品"),                            # Traditional term
    ("business insight", "ｂｕｓｉｎｅｓｓ ｉｎｓｉｇｈｔ"),  # full-width answer
    ("business insight", "BUSINESS INSIGHT matters"),
    ("效率:功能", "效率：功能"),                        # ： == :
    ("洞察业务", "洞察\u200b业务"),                     # zero-width inside
    ("business insight", "business\u200b insight"),
    ("business insight", "business   \n  insight"),    # runs of white space
    ("用户 需求", "用户需求"),                          # a space in a CJK term: none
    ("用户 需求", "用户  需求"),                        # ... or any white space
    ("用户 需求", "用户\n需求"),
])
def test_normalisation_applies_to_answers_and_terms(term: str, answer: str) -> None:
    assert hits(term, answer)


@pytest.mark.parametrize("answer", ["need", "needs", "needed", "needing", "NEEDS"])
def test_regular_inflections(answer: str) -> None:
    assert hits("need", f"users {answer} it")
    assert hits("needs", f"users {answer} it")


@pytest.mark.parametrize(("term", "answer"), [
    ("business", "businesses"), ("process", "processes"), ("study", "studies"),
    ("copy", "copied"), ("plan", "planning"), ("plan", "planned"),
    ("user need", "user needs"), ("manage permission", "managing permissions"),
])
def test_inflected_words_of_multi_word_terms(term: str, answer: str) -> None:
    assert hits(term, answer)


@pytest.mark.parametrize(("term", "answer", "expected"), [
    ("business", "bussiness", True),         # 8 letters: one edit
    ("business insight", "bussiness insight", True),
    ("security", "securty", True),           # 8 letters: a deletion
    ("efficiency", "efficeincy", True),      # 10 letters: two edits
    ("efficiency", "efficincy", True),
    ("efficiency", "eficincy", True),        # 10 letters: two deletions
    ("efficiency", "effcncy", False),        # three edits
    ("retention", "tension", False),         # first letter differs
    ("retention", "detention", False),       # first letter differs, one edit
    ("plain", "plan", False),                # 5 letters: exact only
    ("plan", "plain", False),
    ("plan", "plat", False),
    ("insight", "insihgt", True),  # a swap of neighbours is one edit
    ("insight", "insigt", True),             # 7 letters: one edit
    ("privacy", "privacyy", True),
])
def test_typo_bounds(term: str, answer: str, expected: bool) -> None:
    assert hits(term, f"we talk about {answer} here") is expected


@pytest.mark.parametrize(("term", "answer"), [
    ("retention", "tension between teams"),
    ("plan", "a planet"),
    ("art", "we start now"),
    ("data", "metadata only"),
    ("ui", "build quickly"),
    ("need", "needle"),
])
def test_latin_terms_match_whole_words_only(term: str, answer: str) -> None:
    assert not hits(term, answer)


def test_latin_term_inside_cjk_text() -> None:
    assert hits("ui", "后台的UI可以朴素")
    assert hits("saas", "To B的SaaS产品")
    assert hits("b端", "做B端产品")


def test_multi_word_terms_need_the_words_in_order() -> None:
    assert hits("user experience", "good user experience")
    assert hits("user experience", "user-experience")
    assert not hits("user experience", "experience of the user")
    assert not hits("user experience", "user, experience")


def test_cjk_terms_match_as_substrings() -> None:
    assert hits("业务", "理解业务闭环")
    assert hits("留存", "次日留存率")


def test_overlapping_terms_each_hit() -> None:
    q = question(point("a", ("留存",)), point("b", ("留存率",)), point("c", ("次日留存率",)))
    result = grade(q, "关注次日留存率")
    assert [p.hit for p in result.points] == [True, True, True]
    assert [p.span for p in result.points] == [(4, 6), (4, 7), (2, 7)]


def test_terms_of_one_point_all_reported() -> None:
    result = match_of(("留存", "留存率"), "留存率和留存")
    assert [(m.term, m.span) for m in result.matches] == [
        ("留存", (0, 2)), ("留存率", (0, 3)), ("留存", (4, 6))]


def test_stem_is_shared_by_terms_and_answers() -> None:
    for form in ("needs", "needed", "needing", "need"):
        assert same_word(form, "need")
    assert same_word("studies", "study")
    assert same_word("used", "use") and same_word("making", "make")
    assert same_word("planned", "plan")
    assert not same_word("plain", "plan") and not same_word("plane", "plan")
    assert not same_word("note", "not")


# -- spans index the original answer -----------------------------------------------------


@pytest.mark.parametrize(("answer", "term", "matched"), [
    ("我认为要洞察業務。", "洞察业务", "洞察業務"),
    ("ＡＢ ｂｕｓｉｎｅｓｓ ｉｎｓｉｇｈｔ！", "business insight",
     "ｂｕｓｉｎｅｓｓ ｉｎｓｉｇｈｔ"),
    ("\u200b\u200bBusiness  Insight", "business insight", "Business  Insight"),
    ("前面：洞察\u200b业务", "洞察业务", "洞察\u200b业务"),
    ("ﬁnance team", "finance", "ﬁnance"),
    ("e\u0301clair and business", "business", "business"),
    ("後臺　　產品", "后台 产品", "後臺　　產品"),
])
def test_span_slices_the_original(answer: str, term: str, matched: str) -> None:
    result = match_of((term,), answer)
    assert result.hit
    assert result.span is not None
    assert answer[result.span[0]:result.span[1]] == matched


# Filler that cannot form a term: CJK, Traditional, full-width, zero-width, white space.
FILLER = st.lists(
    st.sampled_from(list("的是在产品经理後臺產品設計很重要好看，。、；：！？（）ＡＢＣ１２３")
                    + ["\u200b", "\u200c", "\ufeff", " ", "  ", "\n", "\t", "\u3000",
                       "\n\n", " \n "]),
    max_size=30,
).map("".join)
CJK_VARIANTS = {
    "洞察业务": ["洞察业务", "洞察業務", "洞察\u200b業务", "洞察業\u200c務"],
    "用户需求": ["用户需求", "用戶需求", "用戶\ufeff需求"],
    "后台": ["后台", "後臺", "後台"],
}
LATIN_VARIANTS = {
    "business insight": ["business insight", "Business Insight", "ｂｕｓｉｎｅｓｓ ｉｎｓｉｇｈｔ",
                         "business   insight", "BUSINESS\u200b insight", "business\n insight"],
    "efficiency": ["efficiency", "Efficiency", "ＥＦＦＩＣＩＥＮＣＹ", "eff\u200biciency"],
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), FILLER, FILLER)
def test_span_property_cjk(data: st.DataObject, before: str, after: str) -> None:
    term = data.draw(st.sampled_from(sorted(CJK_VARIANTS)))
    variant = data.draw(st.sampled_from(CJK_VARIANTS[term]))
    answer = before + variant + after
    result = match_of((term,), answer, negatable=False)
    assert result.hit, answer
    for m in result.matches:
        # SPEC 4 folds any run of white space (a line break included) to one space.
        assert " ".join(normalize_term(answer[m.span[0]:m.span[1]]).split()) == term
    inserted = (len(before), len(before) + len(variant))
    assert any(m.span == inserted for m in result.matches)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), FILLER, FILLER)
def test_span_property_latin(data: st.DataObject, before: str, after: str) -> None:
    term = data.draw(st.sampled_from(sorted(LATIN_VARIANTS)))
    variant = data.draw(st.sampled_from(LATIN_VARIANTS[term]))
    sep_before = data.draw(st.sampled_from([" ", "，", "。", "的", "\n", "\u3000"]))
    sep_after = data.draw(st.sampled_from([" ", "，", "！", "是", "\n", "  "]))
    answer = before + sep_before + variant + sep_after + after
    result = match_of((term,), answer, negatable=False)
    assert result.hit, answer
    start = len(before) + len(sep_before)
    assert any(m.span == (start, start + len(variant)) for m in result.matches), answer
    for m in result.matches:
        # SPEC 4 folds any run of white space (a line break included) to one space.
        assert " ".join(normalize_term(answer[m.span[0]:m.span[1]]).split()) == term
