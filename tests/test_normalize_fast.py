"""Issue 18: the one-scan normalisation of a warm session gives exactly what the plain
path gives (the speed itself is measured by benchmarks/, never asserted here)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmquiz import text as text_module
from pmquiz.text import Normalized, fold_simply, normalize, normalize_general


@pytest.fixture()
def warm(monkeypatch: pytest.MonkeyPatch) -> None:
    """A session past the gate, where `normalize` takes the one-scan path."""
    monkeypatch.setattr(text_module, "_gated_chars", text_module.GATED_CHARS)


def same_as_plain(raw: str) -> bool:
    """The fast path either steps aside or gives the plain path's text, with no map."""
    fast = fold_simply(raw)
    plain = normalize_general(raw)
    if fast is None:
        return True
    assert (fast, plain.starts, plain.ends) == (plain.text, None, None), repr(raw)
    return False


@pytest.mark.parametrize(("raw", "expected"), [
    ("后台产品经理要考虑框架、运维和开发，为APP、小程序和PC官网提供运营支撑和安全保护。",
     "后台产品经理要考虑框架、运维和开发,为app、小程序和pc官网提供运营支撑和安全保护。"),
    ("ＡＢＣ：１２３", "abc:123"),
    ("（权限）！？", "(权限)!?"),
    ("Refunds, payments and support tickets MATTER more than a pretty UI.",
     "refunds, payments and support tickets matter more than a pretty ui."),
    ("后台的dashboard做得很简陋\n但效率很高", "后台的dashboard做得很简陋\n但效率很高"),
    ("ΣΟΦΙΑ и Москва", "σοφια и москва"),
])
def test_everyday_answers_take_the_fast_path(raw: str, expected: str) -> None:
    assert fold_simply(raw) == expected
    assert normalize_general(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("後台產品經理", "后台产品经理"),       # Traditional: OpenCC
    ("Straße", "strasse"),                 # a fold that changes length
    ("a  \t  b", "a b"),                   # runs of white space
    ("x \n\n y", "x\ny"),
    ("a\u200bb", "ab"),                    # zero-width
    ("don’t", "don't"),
    ("ﬁnance", "finance"),
    ("后台😀效率", "后台😀效率"),          # astral
])
def test_what_needs_more_than_one_for_one_folds_takes_the_plain_path(
        warm: None, raw: str, expected: str) -> None:
    assert fold_simply(raw) is None
    assert normalize(raw) == normalize_general(raw)
    assert normalize(raw).text == expected


def test_the_chinese_comma_folds_on_its_own() -> None:
    # (the fast path replaces it before its scan)
    assert text_module._simple_fold("\uff0c") == ","


def test_every_bmp_character_folds_as_on_the_plain_path() -> None:
    fast = 0
    for cp in range(0x10000):
        ch = chr(cp)
        if not same_as_plain(f"{ch}后台A{ch}，"):
            fast += 1
    assert fast > 55_000  # (most characters take the fast path: the check is not empty)


def test_every_character_case_folding_changes_is_in_the_scanned_class() -> None:
    special = text_module._special()
    missed = [hex(cp) for cp in range(sys.maxunicode + 1)
              if chr(cp).casefold() != chr(cp) and special.match(chr(cp)) is None]
    assert missed == []


ALPHABET = st.sampled_from(list(
    "ab Zé\nİßςΣ后台產品經理業務效率，、。：！？ＡＢ１①ﬁ\u200b\u00a0\u3000\t\r’"
    "\u0301\u3099가\U0001f600\U0002000b"))


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=24))
def test_generated_text_folds_as_on_the_plain_path(raw: str) -> None:
    same_as_plain(raw)


def test_warm_normalize_gives_the_plain_result(warm: None) -> None:
    for raw in ("后台，效率", "Business INSIGHT", "後台", "a  b", "", " ", "\n",
                "e\u0301clair"):  # (a composing mark takes the plain path)
        result = normalize(raw)
        assert isinstance(result, Normalized)
        assert result == normalize_general(raw)
